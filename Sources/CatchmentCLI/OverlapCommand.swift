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

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if !population.isGiven { throw ValidationError("give --population FILE --population-id COLUMN --population-value COLUMN") }
    let geometry = [!zones.isEmpty, !aFootprints.isEmpty, !bFootprints.isEmpty]
    if geometry.contains(true) && geometry.contains(false) { throw ValidationError("--zones, --a-footprints and --b-footprints go together") }
    if !zones.isEmpty && (zoneID == nil || aFootprintID == nil || bFootprintID == nil) {
      throw ValidationError("the geometry split needs --zone-id, --a-footprint-id and --b-footprint-id")
    }
  }

  func run() throws {
    let report = RunReport(command: "overlap")
    let a = try readCrosswalk(path: self.a, report: report), b = try readCrosswalk(path: self.b, report: report)
    let (pop, popAccount) = try ZonePopulation.read(path: population.population!, columns: population.columns, crosswalk: a)
    report.record(popAccount)
    var splits: [String: [(a: String, b: String, share: Double)]] = [:]
    if !zones.isEmpty {
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
    try runOptions.finish(report)
  }

  /// The zone and footprint polygons, to split the zones both crosswalks split.
  var pieceLayers: PieceSplitLayers {
    PieceSplitLayers(
      zones: .init(paths: zones, idField: zoneID ?? ""), a: .init(paths: aFootprints, idField: aFootprintID ?? ""),
      b: .init(paths: bFootprints, idField: bFootprintID ?? ""), workingCRS: crs, workers: ProcessInfo.processInfo.activeProcessorCount)
  }
}
