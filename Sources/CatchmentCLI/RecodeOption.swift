import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

/// `--recode CW`: the input table re-keyed through a crosswalk before the join, as
/// `catchment recode` re-keys the file (the same rows, so the same outputs).
struct RecodeOption: ParsableArguments {
  @Option(name: .customLong("recode"), help: ArgumentHelp("Crosswalk CSV re-keying the input table's zones first (e.g. LSOA 2021 → LSOA 2011), as 'catchment recode' does.", valueName: "file"))
  var path: String?

  /// The recode's crosswalk, its read recorded in `report`; nil without `--recode`.
  func crosswalk(report: RunReport) throws -> Crosswalk? {
    try path.map { try readCrosswalk(path: $0, report: report) }
  }

  /// `table` recoded when `--recode` is given, the recode's account recorded in `report`.
  func registrations(_ table: UnitZoneTable, report: RunReport) throws -> UnitZoneTable {
    guard let crosswalk = try crosswalk(report: report) else { return table }
    let recoded = table.recoded(through: crosswalk)
    report.record(recoded.account)
    return recoded.table
  }

  /// `table` recoded when `--recode` is given, the recode's account recorded in `report`.
  func population(_ table: PopulationTable, report: RunReport) throws -> PopulationTable {
    guard let crosswalk = try crosswalk(report: report) else { return table }
    let recoded = try table.recoded(through: crosswalk)
    report.record(recoded.account)
    return recoded.table
  }
}

extension RecodeOption: NamesFiles {
  func list(_ files: inout FileArguments) { files.input("--recode", path) }
}
