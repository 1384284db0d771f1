import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTables
import Foundation

/// Practices placed in registration footprints by their postcodes (point in polygon).
struct PracticeLocationOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Practices with postcodes, e.g. ODS epraccur.csv (no header: code in column 1, postcode in column 10).", valueName: "file"))
  var practices: String?

  @Option(name: .customLong("practice-code"), help: ArgumentHelp("Practice code column: a name, or a 1-based position for files without a header.", valueName: "column"))
  var practiceCode = "1"

  @Option(name: .customLong("practice-postcode"), help: ArgumentHelp("Practice postcode column: a name, or a 1-based position.", valueName: "column"))
  var practicePostcode = "10"

  @OptionGroup var postcodeDirectory: PostcodeOptions

  @Option(name: .customLong("practice-footprints"), parsing: .upToNextOption, help: ArgumentHelp("Registration footprint boundaries (GeoJSON or Shapefile: files, folders or globs).", valueName: "path"))
  var practiceFootprints: [String] = []

  @Option(name: .customLong("practice-footprint-id"), help: ArgumentHelp("Footprint id attribute of those boundaries.", valueName: "field"))
  var practiceFootprintID: String?

  @Option(name: .customLong("practice-footprint-name-field"), help: ArgumentHelp("Footprint name attribute of those boundaries.", valueName: "field"))
  var practiceFootprintNameField: String?

  @Option(name: .customLong("practice-placement"), help: ArgumentHelp("With both --practice-map and --practices: the source that places a practice first, then, after a comma, the one that places only the practices the first lacks (a single source is used alone).", valueName: "order"))
  var placement = PlacementOrder(sources: [.map, .postcode])

  @Option(name: .customLong("practice-placement-output"), help: ArgumentHelp("With both --practice-map and --practices: write every practice the two sources put in different footprints (practice_code, footprint_by_map, footprint_by_postcode, patients_in_file, footprint_used).", valueName: "file"))
  var placementOutput: String?

  var isGiven: Bool { practices != nil }

  func validate() throws {
    guard practices != nil else {
      if postcodeDirectory.isGiven || !practiceFootprints.isEmpty { throw ValidationError("--postcodes and --practice-footprints go with --practices FILE") }
      return
    }
    if !postcodeDirectory.isGiven { throw ValidationError("--practices needs --postcodes PATH... to place the practices") }
    if practiceFootprints.isEmpty || practiceFootprintID == nil {
      throw ValidationError("--practices needs --practice-footprints PATH... --practice-footprint-id FIELD")
    }
  }

  /// The registration footprint of each practice, by postcode and point in polygon.
  func place(workingCRS: String, workers: Int, report: RunReport) throws -> UnitFootprintMap {
    let list = try PracticeList.read(path: practices!, code: practiceCode, postcode: practicePostcode)
    let wanted = Set(list.map { PostcodeDirectory.normalise($0.postcode) }.filter { !$0.isEmpty })
    let found = try postcodeDirectory.lookUp(wanted, report: report)
    let postcodeCRS = postcodeDirectory.postcodeCRS

    var points = PointLayer(crs: .definition(postcodeCRS))
    var noPostcode: [String: (rows: Int, amount: Double)] = [:]
    for practice in list {
      if let p = found[PostcodeDirectory.normalise(practice.postcode)] {
        points.append(id: practice.code, x: p.x, y: p.y)
      } else {
        noPostcode[practice.code] = (1, 1)
      }
    }
    let transformer = try CoordinateTransformer(from: postcodeCRS, to: workingCRS)
    try transformer.transform(&points)

    let source = try LayerSource.read(paths: practiceFootprints, fields: BoundaryFields(id: practiceFootprintID!, name: practiceFootprintNameField))
    var footprints = source.layer
    guard footprints.crs != .unknown else { throw ValidationError("the practice footprint files declare no CRS") }
    try CoordinateTransformer(from: footprints.crs, to: workingCRS).transform(&footprints)
    let located = try SpatialCrosswalk.locate(points: points, footprints: footprints, workers: workers)

    var outside: [String: (rows: Int, amount: Double)] = [:]
    var placements: [(unit: String, footprint: String?)] = []
    var names: [String: String] = [:]
    for (f, id) in footprints.ids.enumerated() where names[id] == nil { names[id] = footprints.names[f] }
    for (i, code) in points.ids.enumerated() {
      if let f = located[i] { placements.append((code, footprints.ids[f])) } else {
        placements.append((code, nil))
        outside[code] = (1, 1)
      }
    }
    for code in list.map(\.code) where noPostcode[code] != nil { placements.append((code, nil)) }
    // Practice files list every practice in the country, open or closed; whether an unplaced
    // practice matters depends on its patients, which the flow report counts as losses.
    report.figure("practices placed by postcode", Double(placements.filter { $0.footprint != nil }.count))
    if !noPostcode.isEmpty || !outside.isEmpty {
      report.note(
        "\(noPostcode.count) practices of \(practices!) have a postcode the directory does not hold and \(outside.count) lie outside every registration footprint; those with registered patients are counted below as patients of practices without a location")
    }
    let allFootprints = footprints.ids
    return UnitFootprintMap(
      placements: placements, footprints: allFootprints, footprintNames: names, source: "location in a footprint (postcode not found, or outside every footprint)")
  }
}

/// The order of the practice placement sources, as `--practice-placement` gives it.
struct PlacementOrder: ExpressibleByArgument {
  var sources: [PlacementSource]

  init(sources: [PlacementSource]) { self.sources = sources }

  init?(argument: String) {
    let parts = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    let sources = parts.compactMap { PlacementSource(rawValue: $0) }
    guard sources.count == parts.count, (1...2).contains(sources.count), Set(sources).count == sources.count else { return nil }
    self.sources = sources
  }

  var defaultValueDescription: String { sources.map(\.rawValue).joined(separator: ",") }
  static var allValueStrings: [String] { ["map,postcode", "postcode,map", "map", "postcode"] }
}
