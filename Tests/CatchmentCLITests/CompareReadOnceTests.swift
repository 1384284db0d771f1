import CatchmentTables
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentCLI

/// `catchment compare` parses each input once for both scenarios.
@Suite struct CompareReadOnceTests {
  /// Two scenarios (the ICBs and the sub-ICB locations of the demo lookup) with registrations,
  /// a practice map, councils and activity with a provider list, run in this process on a copy
  /// of data/: the population, registrations, practice map, activity and provider list are
  /// each parsed once (each was parsed once per scenario, the population also per catchment),
  /// also when the proposal's practices are placed by a second column of the practice map.
  @Test(arguments: [false, true])
  func compareParsesEachInputOnce(proposalColumn: Bool) throws {
    let root = try temporaryFolder()
    let data = root.appendingPathComponent("data")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: data)
    func file(_ name: String) -> String { data.appendingPathComponent(name).path }
    let lookup = file("lsoa_sicbl_icb_lad_lookup.csv")
    var crosswalks: [String] = []
    for (layer, code) in [("icb", "ICB23CD"), ("sicbl", "SICBL23CD"), ("lad", "LAD23CD")] {
      let output = root.appendingPathComponent("crosswalk_\(layer).csv").path
      let result = try CommandRunner.run(
        [
          "crosswalk", "--method", "lookup", "--lookup", lookup, "--lookup-zone", "LSOA21CD", "--lookup-footprint", code,
          "--output", output, "--quiet",
        ], in: root)
      #expect(result.status == 0, "\(result.stderr)")
      crosswalks.append(output)
    }
    let command = try CompareCommand.parse([
      "--baseline", crosswalks[0], "--proposal", crosswalks[1], "--councils", crosswalks[2],
      "--population", file("population_lsoa_mid2022.csv"), "--population-id", "Area Codes", "--population-value", "All Ages",
      "--registrations", file("gp_reg_pat_prac_lsoa.csv"), "--practice-map", file("gp_reg_pat_prac_map.csv"),
      "--practice-footprint", "ONS_ICB_CODE",
    ] + (proposalColumn ? ["--proposal-practice-footprint", "ONS_SUB_ICB_LOCATION_CODE"] : []) + [
      "--activity", file("trust_activity.csv"), "--activity-zone", "lsoa21cd", "--activity-provider", "trust_code",
      "--activity-count", "patients", "--activity-total", "total_patients", "--where", "catchment_year=2022",
      "--where", "admission_type=All", "--providers", file("trusts_etr.csv"),
      "--output", root.appendingPathComponent("compare.csv").path,
      "--membership-changes-output", root.appendingPathComponent("membership_changes.csv").path, "--quiet",
    ])
    try command.run()
    let compared = try String(contentsOf: root.appendingPathComponent("compare.csv"), encoding: .utf8)
    #expect(compared.contains("baseline,") && compared.contains("proposal,"))
    for name in ["population_lsoa_mid2022.csv", "gp_reg_pat_prac_lsoa.csv", "gp_reg_pat_prac_map.csv", "trust_activity.csv", "trusts_etr.csv"] {
      #expect(CSVReader.wholeFileOpens(file(name)) == 1, "\(name) parsed \(CSVReader.wholeFileOpens(file(name))) times")
    }
    for path in crosswalks { #expect(CSVReader.wholeFileOpens(path) == 1) }
  }
}
