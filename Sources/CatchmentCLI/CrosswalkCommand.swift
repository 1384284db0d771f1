import ArgumentParser
import CatchmentCore

/// How a crosswalk is made.
enum CrosswalkMethod: String, ExpressibleByArgument, CaseIterable {
  /// From a lookup table (ONS): the authoritative definition of NHS footprints.
  case lookup
}

struct CrosswalkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosswalk",
    abstract: "Write the zone → footprint crosswalk (zone_id,footprint_id,weight) that the other commands read.",
    discussion: """
      Every zone read appears in the output and its weights sum to 1: a zone not \
      wholly allocated gets a row UNALLOCATED with the remainder. Rows are sorted \
      by zone_id then footprint_id. Columns: zone_id, footprint_id, weight, \
      footprint_name (when known), method.

      Example (ONS LSOA 2021 → Sub-ICB → ICB → LAD lookup, ICB layer):
        catchment crosswalk --method lookup \\
          --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint ICB23CD \\
          --lookup-name ICB23NM --output out/lsoa_icb.csv
      """)

  @Option(help: "How zones are assigned to footprints.")
  var method: CrosswalkMethod = .lookup

  @OptionGroup(title: "Lookup")
  var lookup: LookupOptions

  @Option(name: .shortAndLong, help: ArgumentHelp("Crosswalk CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if method == .lookup && !lookup.isGiven {
      throw ValidationError("--method lookup needs --lookup FILE --lookup-zone COLUMN --lookup-footprint COLUMN")
    }
  }

  func run() throws {
    let report = RunReport(command: "crosswalk")
    let crosswalk = try lookup.crosswalk(report: report)
    try write(crosswalk.csv(byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    try runOptions.finish(report)
  }
}
