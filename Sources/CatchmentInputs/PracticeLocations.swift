import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry

/// Practices placed in registration footprints by their postcodes (point in polygon): a
/// practice list with postcodes, a postcode directory and the footprint boundaries.
public struct PracticeLocations: Sendable, Equatable {
  /// Practices with postcodes, e.g. ODS epraccur.csv.
  public var practices: String
  /// Practice code column: a name, or a 1-based position for files without a header.
  public var codeColumn: String
  /// Practice postcode column: a name, or a 1-based position.
  public var postcodeColumn: String
  public var postcodes: PostcodeSpec
  /// Registration footprint boundaries (files, folders or globs); they must declare their CRS.
  public var footprintPaths: [String]
  public var footprintIDField: String
  public var footprintNameField: String?

  public init(
    practices: String, codeColumn: String, postcodeColumn: String, postcodes: PostcodeSpec, footprintPaths: [String], footprintIDField: String,
    footprintNameField: String?
  ) {
    self.practices = practices
    self.codeColumn = codeColumn
    self.postcodeColumn = postcodeColumn
    self.postcodes = postcodes
    self.footprintPaths = footprintPaths
    self.footprintIDField = footprintIDField
    self.footprintNameField = footprintNameField
  }

  /// The registration footprint of each practice, by postcode and point in polygon, located in
  /// `workingCRS`, with the account of how many were placed.
  public func place(workingCRS: CRSReference, workers: Int) throws -> (map: UnitFootprintMap, account: RunAccount) {
    let list = try PracticeList.read(path: practices, code: codeColumn, postcode: postcodeColumn)
    let wanted = Set(list.map { PostcodeDirectory.normalise($0.postcode) }.filter { !$0.isEmpty })
    let (found, lookedUp) = try postcodes.lookUp(wanted)
    var account = lookedUp

    var points = PointLayer(crs: postcodes.crs)
    var noPostcode: [String: (rows: Int, amount: Double)] = [:]
    for practice in list {
      if let p = found[PostcodeDirectory.normalise(practice.postcode)] {
        points.append(id: practice.code, x: p.x, y: p.y)
      } else {
        noPostcode[practice.code] = (1, 1)
      }
    }
    let transformer = try CoordinateTransformer(from: postcodes.crs, to: workingCRS)
    try transformer.transform(&points)

    let source = try LayerSource.read(paths: footprintPaths, fields: BoundaryFields(id: footprintIDField, name: footprintNameField))
    var footprints = source.layer
    guard footprints.crs != .unknown else { throw PracticeLocationError.undeclaredFootprintCRS }
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
    account.figure("practices placed by postcode", Double(placements.filter { $0.footprint != nil }.count))
    if !noPostcode.isEmpty || !outside.isEmpty {
      account.note(
        "\(noPostcode.count) practices of \(practices) have a postcode the directory does not hold and \(outside.count) lie outside every registration footprint; those with registered patients are counted below as patients of practices without a location")
    }
    let allFootprints = footprints.ids
    let map = UnitFootprintMap(
      placements: placements, footprints: allFootprints, footprintNames: names, source: "location in a footprint (postcode not found, or outside every footprint)")
    return (map, account)
  }
}

/// Why practices cannot be placed by postcode.
public enum PracticeLocationError: Error, Sendable, Equatable {
  /// The registration footprint files declare no CRS.
  case undeclaredFootprintCRS
}
