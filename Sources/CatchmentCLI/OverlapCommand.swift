import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs
import Foundation

struct OverlapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overlap",
    abstract: "How well two footprint layers line up: the population living in a ∩ b for every pair.",
    discussion: """
      Takes two crosswalks of the same zones (as written by 'catchment crosswalk') and the \
      zones' population. M[a][b] = Σz pop(z)·wA(z,a)·wB(z,b); writes \
      a_id[,a_name],b_id[,b_name],population,cov_a_to_b,cov_b_to_a,jaccard for every pair with population > 0 \
      (cov_a_to_b = M/P(a), cov_b_to_a = M/P(b), jaccard = M/(P(a)+P(b)−M)), sorted, \
      UNALLOCATED kept as its own id. A zone split by both crosswalks is refused (the \
      product of weights is only an assumption) unless --zones, --a-footprints and \
      --b-footprints are given, when it is split by the area of each piece z ∩ a ∩ b. \
      --summary-output gives each A footprint's best-matching B and whether they are \
      coterminous; --crosswalk-output writes cov_a_to_b as an A → B crosswalk (the \
      population-weighted crosswalk between two layers built from finer zones).

      Example (sub-ICB locations against ICBs, both crosswalks from the LSOA lookup, \
      written by the review of bash scripts/demo.sh):
        catchment overlap --a out/review/crosswalk_sicbl.csv \\
          --b out/review/crosswalk_icb.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/overlap_sicbl_icb.csv \\
          --summary-output out/overlap_sicbl_icb_summary.csv \\
          --crosswalk-output out/crosswalk_sicbl_icb.csv

      With --gpkg FILE (a GeoPackage) or --geojson FILE (RFC 7946, WGS 84) it also \
      writes layer A's footprints with their population and, as the summary gives \
      them, the best-matching B (best_b_id, best_b_name), the residents they share \
      (shared_population), cov_a_to_b, cov_b_to_a, jaccard and coterminous (1 or \
      0). The polygons are --a-footprints (with --zones and --b-footprints) or \
      --zones alone dissolved by A's crosswalk; the GeoPackage adds a layer \
      'zones' with each zone's A footprint and weight. Both are in the working CRS \
      (--crs) and written with the tables, all or nothing.

      Example (the same overlap, with the sub-ICB locations drawn from the LSOA \
      polygons):
        catchment overlap --a out/review/crosswalk_sicbl.csv \\
          --b out/review/crosswalk_icb.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/overlap_sicbl_icb.csv \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --gpkg out/overlap_sicbl_icb.gpkg
      """)

  @Option(help: ArgumentHelp("Crosswalk of the zones to layer A.", valueName: "file"))
  var a: String

  @Option(help: ArgumentHelp("Crosswalk of the same zones to layer B.", valueName: "file"))
  var b: String

  @OptionGroup(title: "Population")
  var population: PopulationOptions

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Zone boundaries, to split zones that both crosswalks split.", valueName: "path"))
  var zones: [String] = []

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id attribute.", valueName: "field"))
  var zoneID: String?

  @Option(name: .customLong("a-footprints"), parsing: .upToNextOption, help: ArgumentHelp("Layer A's boundaries.", valueName: "path"))
  var aFootprints: [String] = []

  @Option(name: .customLong("a-footprint-id"), help: ArgumentHelp("Layer A's id attribute.", valueName: "field"))
  var aFootprintID: String?

  @Option(name: .customLong("b-footprints"), parsing: .upToNextOption, help: ArgumentHelp("Layer B's boundaries.", valueName: "path"))
  var bFootprints: [String] = []

  @Option(name: .customLong("b-footprint-id"), help: ArgumentHelp("Layer B's id attribute.", valueName: "field"))
  var bFootprintID: String?

  @Option(help: ArgumentHelp("Working CRS for the areas, projected in metres.", valueName: "crs"))
  var crs = CRSReference.epsg(27700)

  @Option(name: .shortAndLong, help: ArgumentHelp("Long overlap CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("matrix-output"), help: ArgumentHelp("Also write M as a wide matrix (rows A, columns B, totals).", valueName: "file"))
  var matrixOutput: String?

  @Option(name: .customLong("summary-output"), help: ArgumentHelp("Also write, per A footprint, its best-matching B and whether they are coterminous.", valueName: "file"))
  var summaryOutput: String?

  @Option(name: .customLong("min-coverage"), help: ArgumentHelp("In the summary, count the B footprints holding at least this share of a.", valueName: "share"))
  var minCoverage = 0.01

  @Option(help: ArgumentHelp("In the summary, a and its best match are coterminous when both coverages reach this.", valueName: "share"))
  var coterminous = 0.95

  @Option(name: .customLong("crosswalk-output"), help: ArgumentHelp("Also write cov_a_to_b as an A → B crosswalk CSV.", valueName: "file"))
  var crosswalkOutput: String?

  @OptionGroup(title: "Geodata (layer A's footprints for QGIS, R and geopandas)")
  var geodata: GeodataOptions

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if !population.isGiven { throw ValidationError("give --population FILE --population-id COLUMN --population-value COLUMN") }
    let geometry = [!zones.isEmpty, !aFootprints.isEmpty, !bFootprints.isEmpty]
    // --zones alone draws A's footprints for the geodata (dissolved by A's crosswalk).
    let zonesOnly = geometry == [true, false, false] && geodata.isGiven
    if geometry.contains(true) && geometry.contains(false) && !zonesOnly {
      throw ValidationError("--zones, --a-footprints and --b-footprints go together (--zones alone only with --gpkg or --geojson)")
    }
    if zonesOnly && zoneID == nil { throw ValidationError("--zones needs --zone-id FIELD") }
    if !zonesOnly && !zones.isEmpty && (zoneID == nil || aFootprintID == nil || bFootprintID == nil) {
      throw ValidationError("the geometry split needs --zone-id, --a-footprint-id and --b-footprint-id")
    }
    try geodata.require(!zones.isEmpty, "--zones PATH... --zone-id FIELD (dissolved by A's crosswalk), or A's own polygons with --zones, --a-footprints and --b-footprints")
  }

  func run() throws {
    let report = RunReport(command: "overlap")
    let a = try readCrosswalk(path: self.a, report: report), b = try readCrosswalk(path: self.b, report: report)
    let (pop, popAccount) = try ZonePopulation.read(path: population.population!, columns: population.columns, crosswalk: a)
    report.record(popAccount)
    var splits: [String: [(a: String, b: String, share: Double)]] = [:]
    if !aFootprints.isEmpty {
      let split = try pieceLayers.shares(a: a, b: b)
      report.record(split.account)
      splits = split.splits
    }
    // A refusal is an input error (exit 1) naming the zones, not a usage error.
    let overlap = try FootprintOverlap(a: a, b: b, population: pop, splits: splits)
    report.record(overlap.account)
    try write(overlap.csv(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let matrixOutput {
      try write(overlap.matrixCSV(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: matrixOutput)
      report.note("wrote \(matrixOutput)")
    }
    if let summaryOutput {
      try write(overlap.summaryCSV(minCoverage: minCoverage, coterminous: coterminous, numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: summaryOutput)
      report.note("wrote \(summaryOutput)")
    }
    if let crosswalkOutput {
      let derived = try overlap.crosswalk()
      report.record(derived.account)
      try write(derived.crosswalk.csv(byteOrderMark: runOptions.bom), to: crosswalkOutput)
      report.note("wrote \(crosswalkOutput)")
    }
    if geodata.isGiven {
      let drawn = try FootprintPolygons.drawn(
        polygonSource, crosswalk: a, workingCRS: crs, workers: ProcessInfo.processInfo.activeProcessorCount, reads: BoundaryReads())
      report.record(drawn.account)
      try geodata.write(FootprintGeodata.overlap(overlap, a: a, polygons: drawn, coterminous: coterminous), inputs: files, report: report)
    }
    try runOptions.finish(report)
  }

  /// Where layer A's footprints are drawn from for the geodata: its own polygons (with the
  /// zones), or the zones dissolved by A's crosswalk. Each file must declare its CRS, as for
  /// the split.
  var polygonSource: FootprintPolygons.Source {
    let declared = CRSChoice(own: nil, ownLabel: "files that declare their CRS")
    let zoneSpec = LayerSpec(paths: zones, idField: zoneID ?? "", role: "zones", crs: declared)
    guard !aFootprints.isEmpty else { return .dissolved(zones: zoneSpec) }
    return .own(footprints: LayerSpec(paths: aFootprints, idField: aFootprintID ?? "", role: "footprints", crs: declared), zones: zoneSpec)
  }

  /// The zone and footprint polygons, to split the zones both crosswalks split.
  var pieceLayers: PieceSplitLayers {
    PieceSplitLayers(
      zones: .init(paths: zones, idField: zoneID ?? ""), a: .init(paths: aFootprints, idField: aFootprintID ?? ""),
      b: .init(paths: bFootprints, idField: bFootprintID ?? ""), workingCRS: crs, workers: ProcessInfo.processInfo.activeProcessorCount)
  }
}
