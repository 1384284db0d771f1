import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs

struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "A baseline footprint layer and a proposal side by side.",
    discussion: """
      Both layers are zone crosswalks (e.g. the ICB lookup and the crosswalk 'catchment \
      propose' writes). Writes, per scenario and footprint: \
      scenario,footprint_id,footprint_name,resident_population,registered_list,retention,\
      capture,councils,share_in_whole_councils,member_providers. Resident population \
      always; registered list, retention and capture with --registrations and \
      --practice-map (the baseline's practice footprint from --practice-footprint; the \
      proposal's from --proposal-practice-footprint, else each practice goes with the zone \
      most of its patients live in); coterminosity with councils with --councils (a zone → \
      council crosswalk: councils holding ≥ 1% of the footprint, and the share of its \
      population in councils lying ≥ 95% within it); member providers with the inputs of \
      'catchments' (--activity … or --sites …), and --membership-changes-output lists the \
      providers whose systems change.

      Example (after bash scripts/demo.sh, whose review writes the baseline \
      out/review/crosswalk_icb.csv, and the example of 'catchment propose --help', \
      which writes the proposal): first the councils as a crosswalk, then the \
      comparison:
        catchment crosswalk --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint LAD23CD \\
          --lookup-name LAD23NM --output out/crosswalk_lsoa_lad.csv
        catchment compare --baseline out/review/crosswalk_icb.csv \\
          --proposal out/crosswalk_lsoa_proposal.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --registrations data/gp_reg_pat_prac_lsoa.csv \\
          --practice-map data/gp_reg_pat_prac_map.csv \\
          --practice-footprint ONS_ICB_CODE \\
          --councils out/crosswalk_lsoa_lad.csv \\
          --activity data/trust_activity.csv --activity-zone lsoa21cd \\
          --activity-provider trust_code --activity-count patients \\
          --activity-total total_patients \\
          --where catchment_year=2022 --where admission_type=All \\
          --output out/compare.csv \\
          --membership-changes-output out/membership_changes.csv
      """)

  @Option(help: ArgumentHelp("Crosswalk of the zones to the baseline footprints.", valueName: "file"))
  var baseline: String

  @Option(help: ArgumentHelp("Crosswalk of the same zones to the proposed footprints.", valueName: "file"))
  var proposal: String

  @OptionGroup var inputs: CatchmentMethodOptions

  @Option(help: ArgumentHelp("Registrations (NHS patients registered at a GP practice, LSOA level).", valueName: "file"))
  var registrations: String?

  @Option(name: .customLong("practice-map"), help: ArgumentHelp("Practice map (NHS gp-reg-pat-prac-map.csv).", valueName: "file"))
  var practiceMap: String?

  @Option(name: .customLong("practice-footprint"), help: ArgumentHelp("Practice map column of the baseline footprints (e.g. ONS_ICB_CODE).", valueName: "column"))
  var practiceFootprint: String?

  @Option(name: .customLong("proposal-practice-footprint"), help: ArgumentHelp("Practice map column of the proposed footprints, when the map has one.", valueName: "column"))
  var proposalPracticeFootprint: String?

  @Option(help: ArgumentHelp("Crosswalk of the zones to councils (e.g. from the lookup's LAD column).", valueName: "file"))
  var councils: String?

  @Option(help: ArgumentHelp("Membership threshold for member providers.", valueName: "share"))
  var threshold = 0.05

  @Option(name: .shortAndLong, help: ArgumentHelp("Comparison CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("membership-changes-output"), help: ArgumentHelp("Also write the providers whose systems change.", valueName: "file"))
  var membershipChangesOutput: String?

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if registrations != nil && (practiceMap == nil || practiceFootprint == nil) {
      throw ValidationError("--registrations needs --practice-map FILE --practice-footprint COLUMN")
    }
    if membershipChangesOutput != nil && !inputs.isGiven { throw ValidationError("--membership-changes-output needs the inputs of 'catchments' (--activity … or --sites …)") }
    if inputs.isGiven { try inputs.requireSource() }
  }

  func run() throws {
    let report = RunReport(command: "compare")
    let baselineLayer = try readCrosswalk(path: baseline, report: report)
    let proposalLayer = try readCrosswalk(path: proposal, report: report)
    let councilLayer = try councils.map { try readCrosswalk(path: $0, report: report) }
    let comparison = FootprintComparison(
      populationPath: inputs.population.population!, populationColumns: inputs.population.columns,
      registrations: registrations.map {
        FootprintComparison.Registrations(
          path: $0, practiceMap: practiceMap!, baselineFootprint: practiceFootprint!, proposalFootprint: proposalPracticeFootprint)
      },
      councils: councilLayer, sources: inputs.isGiven ? inputs.sources : nil, threshold: threshold,
      mostPatientsHint: "give --proposal-practice-footprint for a practice map column instead")
    let result = try comparison.run(baseline: baselineLayer, proposal: proposalLayer)
    report.record(result.baselineAccount)
    report.merge(result.proposalAccount, label: "proposal")
    try write(ScenarioMeasures.csv(result.scenarios, numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let membershipChangesOutput, result.memberships.count == 2 {
      try write(
        ScenarioMeasures.membershipChanges(
          baseline: result.memberships[0], proposal: result.memberships[1], names: result.providerNames, byteOrderMark: runOptions.bom),
        to: membershipChangesOutput)
      report.note("wrote \(membershipChangesOutput)")
    }
    try runOptions.finish(report)
  }
}
