import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs

/// `--lookup-direction forward|reverse`; any other value is refused by the parser.
extension LookupDirection: ExpressibleByArgument {}

/// `--split-by population|area|equal`; any other value is refused by the parser.
extension SplitMethod: ExpressibleByArgument {}

/// A lookup read between boundary vintages (ONS LSOA 2011 → 2021, one row per pair): which
/// way, its change codes, and how zones with several targets are split.
struct LookupSplitOptions: ParsableArguments {
  @Option(
    name: .customLong("lookup-direction"),
    help: ArgumentHelp("forward: --lookup-zone's codes → --lookup-footprint's; reverse: the other way (one ONS bridge file gives both, e.g. LSOA 2021 → 2011).", valueName: "direction"))
  var direction: LookupDirection?

  @Option(
    name: .customLong("lookup-change"),
    help: ArgumentHelp("Change-code column (U unchanged, S split, M merged, X complex); by default a column CHGIND or change_code when present. The report counts zones by it.", valueName: "column"))
  var change: String?

  @Option(
    name: .customLong("split-by"),
    help: ArgumentHelp("Weights of zones with several targets in a lookup without --lookup-weight: the targets' population (--split-population), the area of each piece (--zones, --footprints: crosswalk only), or equal shares (an assumption, reported).", valueName: "method"))
  var splitBy: SplitMethod?

  @Option(name: .customLong("split-population"), help: ArgumentHelp("Population table of the targets (e.g. ONS LSOA 2011 estimates going 2021 → 2011).", valueName: "file"))
  var population: String?

  @Option(name: .customLong("split-population-id"), help: ArgumentHelp("Target code column of --split-population (e.g. 'Area Codes').", valueName: "column"))
  var populationID: String?

  @Option(name: .customLong("split-population-value"), help: ArgumentHelp("Population column of --split-population (e.g. 'All Ages').", valueName: "column"))
  var populationValue: String?

  @Option(name: .customLong("split-population-filter"), help: ArgumentHelp("Keep only rows of --split-population where COLUMN equals VALUE (repeatable).", valueName: "column=value"))
  var populationFilters: [String] = []

  /// True when any of these options is given.
  var anyGiven: Bool {
    direction != nil || change != nil || splitBy != nil || population != nil || populationID != nil || populationValue != nil || !populationFilters.isEmpty
  }

  /// Refuses inconsistent options; `weight` is --lookup-weight.
  func check(weight: String?) throws {
    if population == nil {
      if populationID != nil || populationValue != nil || !populationFilters.isEmpty {
        throw ValidationError("--split-population-id, --split-population-value and --split-population-filter need --split-population FILE")
      }
    } else {
      if populationID == nil { throw ValidationError("--split-population needs --split-population-id COLUMN (e.g. \"Area Codes\")") }
      if populationValue == nil { throw ValidationError("--split-population needs --split-population-value COLUMN (e.g. \"All Ages\")") }
      if splitBy == nil { throw ValidationError("--split-population gives the weights of --split-by population (or of complex zones): add --split-by") }
    }
    if splitBy == .population && population == nil {
      throw ValidationError("--split-by population needs --split-population FILE --split-population-id COLUMN --split-population-value COLUMN")
    }
    if let weight, splitBy != nil || population != nil {
      throw ValidationError("--lookup-weight \(weight) gives the weights: --split-by and --split-population are for lookups without one")
    }
    if let weight, change != nil { throw ValidationError("--lookup-change counts the zones of a split: it is for lookups without --lookup-weight \(weight)") }
  }

  /// The targets' population table, read once; nil without --split-population. A missing
  /// column is named by its option here (the reader's roles name --population-…'s).
  func populationTable() throws -> PopulationTable? {
    guard let population else { return nil }
    do {
      return try PopulationTable(path: population, columns: PopulationColumns(id: populationID!, value: populationValue!, filters: populationFilters))
    } catch let error as TableError {
      let options = ["population zone code": "--split-population-id", "population": "--split-population-value"]
      guard let role = error.missingColumnRole, let option = options[role] else { throw error }
      let named = error.reason.replacingOccurrences(of: " for the \(role);", with: " for the split's \(role) (\(option));")
      throw ErrorMessages.Message(description: TableError(file: error.file, line: error.line, reason: named).description)
    }
  }

  /// The crosswalk of the lookup `path` read with `columns` and split by `--split-by`, the
  /// polygons read by `polygons` (nil when the command has none), accounts recorded in `report`.
  func crosswalk(path: String, columns: LookupColumns, polygons: (() throws -> SplitPolygons)?, report: RunReport) throws -> Crosswalk {
    guard let method = splitBy else {
      let read = try Crosswalk.fromLookup(path: path, columns: columns)
      report.record(read.account)
      return read.crosswalk
    }
    if method == .area && polygons == nil {
      throw ErrorMessages.Message(
        description: "--split-by area measures the polygons given to 'catchment crosswalk --method lookup' (--zones, --footprints): write the crosswalk there and give it with --crosswalk FILE")
    }
    let links = try LookupLinks.read(path: path, columns: columns)
    let split = LookupSplit(method: method, population: try populationTable(), polygons: try polygons?())
    let result = try split.crosswalk(links)
    report.record(result.account)
    return result.crosswalk
  }
}
