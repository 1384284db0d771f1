import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentOutputs
import Foundation

/// Options every command shares: the report, strictness and Excel compatibility.
struct RunOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Also write the run report as JSON to this file.", valueName: "file"))
  var report: String?

  @Flag(help: "Fail (exit code 3) when anything is lost: unmatched zone codes, unplaced practices, unallocated population, footprint codes on one side only. Expected exclusions never fail.")
  var strict = false

  @Flag(help: "Start output CSVs with a UTF-8 byte-order mark, for Excel on Windows.")
  var bom = false

  @Flag(help: "Do not print the report on stderr.")
  var quiet = false

  @Flag(help: "Write people and ratios exactly (the shortest decimal that reads back to the same number) rather than people to 2 decimal places and ratios to 10 significant digits.")
  var fullPrecision = false

  /// How tables write numbers: rounded for reading by default, exact with `--full-precision`.
  var numbers: NumberFormat { NumberFormat(fullPrecision: fullPrecision) }

  /// Prints and saves the report, applies `--strict`, then puts the run's outputs in place
  /// (none when `--strict` fails; the report is written either way).
  func finish(_ report: RunReport) throws {
    report.reword { ErrorMessages.vintage($0, command: report.command) }
    if !quiet { StandardStreams.writeError(report.text()) }
    if let path = self.report { try report.writeJSON(to: path) }
    if strict && report.hasStrictFailures {
      let reasons = report.strictFailureReasons.map { "  " + $0 }.joined(separator: "\n")
      StandardStreams.writeError("error: --strict: the run lost data:\n\(reasons)\n")
      throw ExitCode(3)
    }
    try RunOutputs.shared.commit()
  }
}

/// An ONS-style lookup table used as a crosswalk.
struct LookupOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Lookup table, one row per zone (e.g. ONS LSOA→Sub-ICB→ICB→LAD).", valueName: "file"))
  var lookup: String?

  @Option(name: .customLong("lookup-zone"), help: ArgumentHelp("Zone code column of the lookup (e.g. LSOA21CD).", valueName: "column"))
  var zone: String?

  @Option(name: .customLong("lookup-footprint"), help: ArgumentHelp("Footprint code column of the lookup (e.g. ICB23CD).", valueName: "column"))
  var footprint: String?

  @Option(name: .customLong("lookup-weight"), help: ArgumentHelp("Weight column in [0, 1] for zones split between footprints.", valueName: "column"))
  var weight: String?

  @Option(name: .customLong("lookup-name"), help: ArgumentHelp("Footprint name column (e.g. ICB23NM); with --lookup-direction reverse, the name of --lookup-zone's codes.", valueName: "column"))
  var name: String?

  @OptionGroup
  var split: LookupSplitOptions

  var isGiven: Bool { lookup != nil }

  func validate() throws {
    guard lookup != nil else {
      if zone != nil || footprint != nil || weight != nil || name != nil || split.anyGiven {
        throw ValidationError("--lookup-zone, --lookup-footprint, --lookup-weight, --lookup-name, --lookup-direction, --lookup-change and --split-… need --lookup FILE")
      }
      return
    }
    if zone == nil { throw ValidationError("--lookup needs --lookup-zone COLUMN (e.g. LSOA21CD)") }
    if footprint == nil { throw ValidationError("--lookup needs --lookup-footprint COLUMN (e.g. ICB23CD)") }
    try split.check(weight: weight)
  }

  /// The lookup's columns as the library takes them.
  var columns: LookupColumns {
    LookupColumns(zone: zone!, footprint: footprint!, weight: weight, name: name, direction: split.direction ?? .forward, change: split.change)
  }

  /// The crosswalk, its accounts recorded in `report`; `polygons` reads the polygons of an area
  /// split (and of complex zones), nil in commands that have none.
  func crosswalk(report: RunReport, polygons: (() throws -> SplitPolygons)? = nil) throws -> Crosswalk {
    try split.crosswalk(path: lookup!, columns: columns, polygons: polygons, report: report)
  }
}

/// A crosswalk given either as a crosswalk CSV or inline as lookup options.
struct CrosswalkSource: ParsableArguments {
  @Option(help: ArgumentHelp("Crosswalk CSV written by 'catchment crosswalk' (zone_id,footprint_id,weight).", valueName: "file"))
  var crosswalk: String?

  @OptionGroup(title: "Lookup (instead of --crosswalk)")
  var lookup: LookupOptions

  func validate() throws {
    if crosswalk != nil && lookup.isGiven { throw ValidationError("give either --crosswalk or --lookup, not both") }
    if crosswalk == nil && !lookup.isGiven {
      throw ValidationError("give the residence crosswalk: --crosswalk FILE, or --lookup FILE --lookup-zone COLUMN --lookup-footprint COLUMN")
    }
    if lookup.split.splitBy == .area {
      throw ValidationError("--split-by area needs the polygons of 'catchment crosswalk --method lookup' (--zones, --footprints): write the crosswalk there and give it with --crosswalk FILE")
    }
  }

  func load(report: RunReport) throws -> Crosswalk {
    if let crosswalk { return try readCrosswalk(path: crosswalk, report: report) }
    let built = try lookup.crosswalk(report: report)
    report.record(VintageCheck.account(crosswalk: built, file: lookup.lookup!))
    return built
  }
}

/// A zone population table (ONS mid-year estimates).
struct PopulationOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Population table per zone (e.g. ONS mid-year LSOA estimates).", valueName: "file"))
  var population: String?

  @Option(name: .customLong("population-id"), help: ArgumentHelp("Zone code column of the population table (e.g. 'Area Codes', 'LSOA 2021 Code').", valueName: "column"))
  var id: String?

  @Option(name: .customLong("population-value"), help: ArgumentHelp("Population column (e.g. 'All Ages', 'Total').", valueName: "column"))
  var value: String?

  @Option(name: .customLong("population-filter"), help: ArgumentHelp("Keep only rows where COLUMN equals VALUE (repeatable), for files that stack breakdowns, e.g. sex=Persons.", valueName: "column=value"))
  var filters: [String] = []

  var isGiven: Bool { population != nil }

  func validate() throws {
    if population == nil {
      if id != nil || value != nil || !filters.isEmpty { throw ValidationError("--population-id, --population-value and --population-filter need --population FILE") }
      return
    }
    if id == nil { throw ValidationError("--population needs --population-id COLUMN (e.g. \"Area Codes\")") }
    if value == nil { throw ValidationError("--population needs --population-value COLUMN (e.g. \"All Ages\")") }
  }

  var columns: PopulationColumns { PopulationColumns(id: id!, value: value!, filters: filters) }
}
