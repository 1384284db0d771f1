import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

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
    let layers = [("baseline", try Crosswalk.read(path: baseline, report: report)), ("proposal", try Crosswalk.read(path: proposal, report: report))]
    let councilLayer = try councils.map { try Crosswalk.read(path: $0, report: report) }
    var scenarios: [ScenarioMeasures] = []
    var memberships: [Membership] = []
    var providerNames: [String: String]?
    var baselineCounts: UnitZoneCounts?
    for (name, crosswalk) in layers {
      // Each side's steps report apart; the proposal's are merged in labelled "proposal", so
      // that every loss of either side reaches this run's report and --strict.
      let side = name == "baseline" ? report : RunReport(command: "compare")
      defer { if side !== report { report.merge(side, label: name) } }
      let population = inputs.population
      let zones = try ZonePopulation.read(path: population.population!, columns: population.columns, crosswalk: crosswalk, report: side)
      let resident = ResidentPopulation(population: zones, crosswalk: crosswalk)
      resident.reportUnallocated(to: side)
      var measures = ScenarioMeasures(scenario: name, resident: resident)
      if let registrations {
        let counts = try UnitZoneCounts(path: registrations, columns: UnitZoneColumns(), crosswalk: crosswalk)
        if baselineCounts == nil {
          report.add(counts.summary)
          report.repeated(counts.repeatedRows)
          baselineCounts = counts
        }
        let map = try practiceMap(for: name, counts: counts, crosswalk: crosswalk, report: side)
        let matrix = FlowMatrix(counts: counts, crosswalk: crosswalk, map: map, report: side)
        measures.add(flows: FlowSummary(matrix: matrix))
      }
      if let councilLayer {
        measures.add(councils: try FootprintOverlap(a: crosswalk, b: councilLayer, population: zones, report: side))
      }
      if inputs.isGiven {
        let (catchments, names) = try inputs.catchments(crosswalk: crosswalk, report: side)
        providerNames = names
        let membership = Membership(catchments: catchments, crosswalk: crosswalk, threshold: threshold)
        measures.add(membership: membership)
        memberships.append(membership)
      }
      scenarios.append(measures)
    }
    try write(ScenarioMeasures.csv(scenarios, numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let membershipChangesOutput, memberships.count == 2 {
      try write(
        ScenarioMeasures.membershipChanges(baseline: memberships[0], proposal: memberships[1], names: providerNames, byteOrderMark: runOptions.bom),
        to: membershipChangesOutput)
      report.note("wrote \(membershipChangesOutput)")
    }
    try runOptions.finish(report)
  }

  /// The practices' footprints in a scenario: a practice map column, or, for a proposal without
  /// one, the footprint holding most of the zone where most of the practice's patients live.
  func practiceMap(for scenario: String, counts: UnitZoneCounts, crosswalk: Crosswalk, report: RunReport) throws -> UnitFootprintMap {
    if let column = scenario == "baseline" ? practiceFootprint : proposalPracticeFootprint {
      return try UnitFootprintMap(path: practiceMap!, columns: UnitMapColumns(footprint: column), report: report)
    }
    let map = UnitFootprintMap.byMostPatients(counts: counts, crosswalk: crosswalk)
    report.note("\(scenario == "baseline" ? "baseline: " : "")each practice goes with the zone most of its patients live in (give --proposal-practice-footprint for a practice map column instead)")
    return map
  }
}
