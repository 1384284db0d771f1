import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs

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

  /// The settings as the library takes them (nil without --practices).
  var locations: PracticeLocations? {
    guard let practices else { return nil }
    return PracticeLocations(
      practices: practices, codeColumn: practiceCode, postcodeColumn: practicePostcode, postcodes: postcodeDirectory.spec,
      footprintPaths: practiceFootprints, footprintIDField: practiceFootprintID!, footprintNameField: practiceFootprintNameField)
  }

  /// The registration footprint of each practice, by postcode and point in polygon (see
  /// ``PracticeLocations/place(workingCRS:workers:)``), with the account of how many were placed.
  func place(workingCRS: CRSReference, workers: Int) throws -> (map: UnitFootprintMap, account: RunAccount) {
    try locations!.place(workingCRS: workingCRS, workers: workers)
  }
}
