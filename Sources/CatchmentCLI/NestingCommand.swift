import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import CatchmentOutputs
import Foundation

struct NestingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nesting",
    abstract: "Systems within systems: does each footprint lie within one footprint of the next larger layer?",
    discussion: """
      By residence: give crosswalks of the same zones to layers from small to large \
      (--crosswalk repeated, e.g. sub-ICB, ICB, region; or council and ICB) and the zones' \
      population; each child's parents are weighted by the population living in child ∩ \
      parent (as 'catchment overlap'). By membership: --practice-map with --levels \
      (e.g. PCN_CODE,ONS_SUB_ICB_LOCATION_CODE,ONS_ICB_CODE) nests PCNs by their member \
      practices, each practice counting once, not by where patients live. Writes \
      level,child_id[,child_name],size,main_parent_id[,main_parent_name],share_outside_main_parent,nests,parents (parents as \
      id:share;…); a child nests when the share outside its main parent is at most \
      --tolerance. --tree-output writes the tree as JSON (children under their main parent).

      Examples (the crosswalks are written by the review of bash scripts/demo.sh):
        catchment nesting --crosswalk out/review/crosswalk_sicbl.csv \\
          --crosswalk out/review/crosswalk_icb.csv --names sub-icb,icb \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/nesting.csv --tree-output out/nesting.json
        catchment nesting --practice-map data/gp_reg_pat_prac_map.csv \\
          --levels PCN_CODE,ONS_SUB_ICB_LOCATION_CODE,ONS_ICB_CODE \\
          --output out/pcn_nesting.csv
      """)

  @Option(name: .customLong("crosswalk"), help: ArgumentHelp("Crosswalk of the zones to a layer; repeat, smallest layer first.", valueName: "file"))
  var crosswalks: [String] = []

  @Option(help: ArgumentHelp("Names of the layers, smallest first, comma-separated (default: the file names, or the --levels columns).", valueName: "names"))
  var names: String?

  @OptionGroup(title: "Population (with --crosswalk)")
  var population: PopulationOptions

  @Option(name: .customLong("practice-map"), help: ArgumentHelp("Practice map (NHS gp-reg-pat-prac-map.csv), to nest by member practices.", valueName: "file"))
  var practiceMap: String?

  @Option(help: ArgumentHelp("Columns of the practice map from the smallest layer to the largest, comma-separated.", valueName: "columns"))
  var levels: String?

  @Option(help: ArgumentHelp("A child nests when at most this share of it lies outside its main parent.", valueName: "share"))
  var tolerance = 0.001

  @Option(name: .shortAndLong, help: ArgumentHelp("Nesting CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("tree-output"), help: ArgumentHelp("Also write the tree as JSON.", valueName: "file"))
  var treeOutput: String?

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if (crosswalks.isEmpty) == (practiceMap == nil) { throw ValidationError("give --crosswalk FILE (twice or more, smallest layer first) or --practice-map FILE --levels COLUMNS") }
    if !crosswalks.isEmpty {
      if crosswalks.count < 2 { throw ValidationError("--crosswalk is needed at least twice: a smaller and a larger layer") }
      if !population.isGiven { throw ValidationError("nesting by residence needs --population FILE --population-id COLUMN --population-value COLUMN") }
    }
    if practiceMap != nil && (levels?.split(separator: ",").count ?? 0) < 2 { throw ValidationError("--practice-map needs --levels with two or more columns, e.g. PCN_CODE,ONS_SUB_ICB_LOCATION_CODE") }
    if !(0..<1).contains(tolerance) { throw ValidationError("--tolerance must lie in [0, 1)") }
  }

  func run() throws {
    let report = RunReport(command: "nesting")
    let (nesting, account) = practiceMap == nil ? try byResidence() : try byPractices()
    report.record(account)
    report.record(NestingInputs.account(of: nesting))
    try write(nesting.csv(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let treeOutput {
      try write(bytes: Array(try nesting.treeJSON()) + [0x0A], to: treeOutput)
      report.note("wrote \(treeOutput)")
    }
    try runOptions.finish(report)
  }

  func levelNames(default fallback: [String]) throws -> [String] {
    guard let names else { return fallback }
    let list = names.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    guard list.count == fallback.count else { throw ValidationError("--names gives \(list.count) names for \(fallback.count) layers") }
    return list
  }

  /// Parents weighted by the population living in child ∩ parent (the population parsed once).
  func byResidence() throws -> (nesting: Nesting, account: RunAccount) {
    let fallback = crosswalks.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
    return try NestingInputs.byResidence(
      crosswalks: crosswalks, levels: try levelNames(default: fallback), populationPath: population.population!,
      populationColumns: population.columns, tolerance: tolerance)
  }

  /// Parents weighted by member practices (each practice once).
  func byPractices() throws -> (nesting: Nesting, account: RunAccount) {
    let columns = levels!.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    return try NestingInputs.byPractices(
      path: practiceMap!, columns: columns, levels: try levelNames(default: columns), columnRole: "level column (--levels)",
      tolerance: tolerance)
  }
}
