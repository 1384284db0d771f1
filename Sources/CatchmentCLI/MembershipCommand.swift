import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

struct MembershipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "membership",
    abstract: "Providers as members of several systems: how much of each catchment lives in each footprint.",
    discussion: """
      Takes the inputs of 'catchments' plus a zone → footprint crosswalk (fractional \
      weights respected; for MSOA activity and ICB footprints, an MSOA → ICB crosswalk). \
      Writes provider_id[,provider_name],footprint_id[,footprint_name],catchment_population,share,footprint_share,member: \
      CP(p,f) = Σz share(z,p)·pop(z)·w(z,f); share = CP(p,f) ÷ CP(p); footprint_share = \
      CP(p,f) ÷ P(f); member = share ≥ --threshold. One row per provider and footprint \
      with a non-zero catchment, sorted; UNATTRIBUTED rows (never members) keep every \
      footprint's population whole. --summary-output lists the providers that are members \
      of two or more systems.

      Example (after bash scripts/demo.sh, whose review writes out/review/crosswalk_icb.csv):
        catchment membership --crosswalk out/review/crosswalk_icb.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --activity data/trust_activity.csv --activity-zone lsoa21cd \\
          --activity-provider trust_code --activity-count patients \\
          --activity-total total_patients \\
          --where catchment_year=2022 --where admission_type=All \\
          --providers data/trusts_etr.csv --threshold 0.05 \\
          --output out/trust_membership.csv \\
          --summary-output out/trust_multi_system.csv
      """)

  @OptionGroup var inputs: CatchmentMethodOptions

  @OptionGroup(title: "Crosswalk")
  var crosswalk: CrosswalkSource

  @Option(help: ArgumentHelp("A provider is a member of a footprint when at least this share of its catchment lives there.", valueName: "share"))
  var threshold = 0.05

  @Option(name: .shortAndLong, help: ArgumentHelp("Membership CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("summary-output"), help: ArgumentHelp("Also write the providers that are members of two or more systems.", valueName: "file"))
  var summaryOutput: String?

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    try inputs.requireSource()
    if !(0...1).contains(threshold) { throw ValidationError("--threshold must lie in [0, 1]") }
  }

  func run() throws {
    let report = RunReport(command: "membership")
    let crosswalk = try self.crosswalk.load(report: report)
    let (catchments, names, account) = try inputs.catchments(crosswalk: crosswalk)
    report.record(account)
    let membership = Membership(catchments: catchments, crosswalk: crosswalk, threshold: threshold)
    let multi = membership.multiSystemProviders
    report.figure("providers members of two or more systems", Double(multi.count))
    try write(membership.csv(names: names, numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let summaryOutput {
      try write(membership.summaryCSV(names: names, byteOrderMark: runOptions.bom), to: summaryOutput)
      report.note("wrote \(summaryOutput)")
    }
    try runOptions.finish(report)
  }
}
