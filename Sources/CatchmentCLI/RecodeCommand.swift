import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

struct RecodeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recode",
    abstract: "Re-key a zone table (registrations, populations, activity) through a crosswalk, e.g. LSOA 2021 → LSOA 2011.",
    discussion: """
      Each row's values are split over its zone's targets by the crosswalk's \
      weights w(z,t) and summed per target zone and kept columns. A column \
      whose every value is a whole number is split per row by largest \
      remainder (ties to the lower target code), so every row's total and the \
      file's are kept exactly; other columns are multiplied by the weights. \
      The report says which columns were which, and the totals in and out.

      The output keeps the input's layout: the same header and column order, \
      the zone column holding the new codes, the other columns carried \
      through; one row per kept columns and target zone, in order of first \
      appearance of the kept columns, targets in byte order within. A \
      recoded NHS registrations file is still read by 'catchment flows'. \
      By default every column other than the zone and value columns is kept; \
      with --keep-column only those named are (give it for columns that \
      describe the old zone, such as its name), the others are dropped and \
      named in the report.

      Zone codes the crosswalk does not know pass through unchanged: pseudo \
      codes (CLOSED, EMPTY), other nations' zones (W01) and other geographies \
      as expected exclusions; unknown codes of the crosswalk's own kind and \
      blank codes as losses (--strict fails). A zone's UNALLOCATED share \
      becomes a row with zone code UNALLOCATED, a loss.

      Example (registrations re-keyed to the ICBs of the crosswalk that the \
      example of 'catchment crosswalk --help' writes):
        catchment recode --table data/gp_reg_pat_prac_lsoa.csv \\
          --zone-column LSOA_CODE --value-column NUMBER_OF_PATIENTS \\
          --crosswalk out/lsoa_icb.csv --output out/gp_reg_icb.csv
      """)

  @Option(help: ArgumentHelp("Zone-keyed CSV to recode.", valueName: "file"))
  var table: String

  @Option(name: .customLong("zone-column"), help: ArgumentHelp("Zone code column of the table (e.g. LSOA_CODE).", valueName: "column"))
  var zoneColumn: String

  @Option(name: .customLong("value-column"), help: ArgumentHelp("Value column to split (repeatable), e.g. NUMBER_OF_PATIENTS.", valueName: "column"))
  var valueColumns: [String] = []

  @Option(name: .customLong("keep-column"), help: ArgumentHelp("Column to carry through (repeatable); the columns not named are dropped (default: keep every column).", valueName: "column"))
  var keepColumns: [String] = []

  @Option(help: ArgumentHelp("Crosswalk CSV from the table's zones to the new ones (zone_id,footprint_id,weight), e.g. written by 'catchment crosswalk --method lookup'.", valueName: "file"))
  var crosswalk: String

  @Option(name: .shortAndLong, help: ArgumentHelp("Recoded CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if valueColumns.isEmpty { throw ValidationError("give at least one --value-column COLUMN (e.g. NUMBER_OF_PATIENTS)") }
  }

  func run() throws {
    let report = RunReport(command: "recode")
    let crosswalk = try readCrosswalk(path: self.crosswalk, report: report)
    let columns = ZoneKeyedColumns(zone: zoneColumn, values: valueColumns, keep: keepColumns.isEmpty ? nil : keepColumns)
    let recoded = try RecodedTable.read(path: table, columns: columns, crosswalk: crosswalk)
    report.record(recoded.account)
    try write(recoded.csv(byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    try runOptions.finish(report)
  }
}

extension RecodeCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--table", table)
    files.input("--crosswalk", crosswalk)
    files.output("--output", output)
    files.add(runOptions)
  }
}
