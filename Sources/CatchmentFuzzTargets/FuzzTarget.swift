/// Fuzz targets for every reader of outside files (issue 9 §1): each takes arbitrary bytes,
/// feeds them to a public reader as a file, and returns. A thrown error is the right answer
/// to bad input; a trap (crash) is the bug a fuzzer looks for.
///
/// The targets are driven by libFuzzer (`scripts/fuzz.sh`, coverage-guided) and their seed
/// corpora and past crashes are replayed by the test suite (`Tests/Fixtures/fuzz/`).
public enum FuzzTarget: String, CaseIterable, Sendable {
  case geojson, shapefile, dbf, geopackage
  case registrations, lookup, practiceMap = "practice-map", population, centroids, postcodes, activity, crosswalk, recode

  /// Runs the target on one input.
  public func run(_ data: [UInt8]) {
    switch self {
    case .geojson: GeoJSONFuzz.run(data)
    case .shapefile: ShapefileFuzz.run(data)
    case .dbf: DBFFuzz.run(data)
    case .geopackage: GeoPackageFuzz.run(data)
    case .registrations: RegistrationsFuzz.run(data)
    case .lookup: LookupFuzz.run(data)
    case .practiceMap: PracticeMapFuzz.run(data)
    case .population: PopulationFuzz.run(data)
    case .centroids: CentroidsFuzz.run(data)
    case .postcodes: PostcodesFuzz.run(data)
    case .activity: ActivityFuzz.run(data)
    case .crosswalk: CrosswalkFuzz.run(data)
    case .recode: RecodeFuzz.run(data)
    }
  }
}
