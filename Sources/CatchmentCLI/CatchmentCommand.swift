import ArgumentParser

/// The `catchment` command: population-boundary and catchment analysis for NHS footprints.
public struct CatchmentCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "catchment",
    abstract: "Population-boundary and catchment analysis for NHS footprints (STP/ICS, sub-ICB, PCN, councils).",
    discussion: """
      Reads ONS lookups and population estimates and NHS England "Patients \
      Registered at a GP Practice" files exactly as published, and writes tidy \
      CSV. Every run reports on stderr (and with --report as JSON) what was read, \
      what was counted, what was excluded as expected and what was lost; --strict \
      makes any loss a failure (exit code 3).

      Worked example on the bundled demo data (data/):
        catchment crosswalk --method lookup \\
          --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint ICB23CD \\
          --lookup-name ICB23NM --output out/lsoa_icb.csv
        catchment populations --crosswalk out/lsoa_icb.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/icb_population.csv
        catchment flows --crosswalk out/lsoa_icb.csv \\
          --registrations data/gp_reg_pat_prac_lsoa.csv \\
          --practice-map data/gp_reg_pat_prac_map.csv \\
          --practice-footprint ONS_ICB_CODE --output out/flows.csv \\
          --summary-output out/flow_summary.csv
      """,
    version: "0.1.0",
    subcommands: [
      CrosswalkCommand.self, RecodeCommand.self, PopulationsCommand.self, FlowsCommand.self, CatchmentsCommand.self, MembershipCommand.self,
      SystemOverlapCommand.self, OverlapCommand.self, NestingCommand.self, ProposeCommand.self,
      CompareCommand.self, AdjacencyCommand.self,
      ReviewCommand.self,
      ReportCommand.self,
      RegionsCommand.self,
    ])

  public init() {}
}
