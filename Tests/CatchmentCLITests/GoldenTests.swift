import CatchmentTestSupport
import Foundation
import Testing

/// The CLI on the bundled demo data against golden tables computed independently with pandas
/// (`Tests/Fixtures/golden/make_golden.py`, committed beside them).
@Suite struct GoldenTests {
  /// (layer, lookup column, practice map column)
  static let layers = [("icb", "ICB23CD", "ONS_ICB_CODE"), ("sicbl", "SICBL23CD", "ONS_SUB_ICB_LOCATION_CODE")]

  /// Rows of a simple CSV (no quoted fields), header first.
  func rows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  func run(layer: String, lookupColumn: String, mapColumn: String) throws -> (flows: String, summary: String, populations: String, fullSummary: String) {
    let out = try temporaryFolder()
    let data = packageRoot.appendingPathComponent("data")
    let crosswalk = out.appendingPathComponent("crosswalk.csv").path
    var result = try CommandRunner.run([
      "crosswalk", "--lookup", data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path, "--lookup-zone", "LSOA21CD",
      "--lookup-footprint", lookupColumn, "-o", crosswalk, "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let population = ["--population", data.appendingPathComponent("population_lsoa_mid2022.csv").path, "--population-id", "Area Codes", "--population-value", "All Ages"]
    result = try CommandRunner.run(["populations"] + population + ["--crosswalk", crosswalk, "-o", out.appendingPathComponent("p.csv").path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    result = try CommandRunner.run([
      "flows", "--registrations", data.appendingPathComponent("gp_reg_pat_prac_lsoa.csv").path, "--crosswalk", crosswalk,
      "--practice-map", data.appendingPathComponent("gp_reg_pat_prac_map.csv").path, "--practice-footprint", mapColumn,
      "-o", out.appendingPathComponent("f.csv").path, "--summary-output", out.appendingPathComponent("s.csv").path, "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    result = try CommandRunner.run([
      "flows", "--registrations", data.appendingPathComponent("gp_reg_pat_prac_lsoa.csv").path, "--crosswalk", crosswalk,
      "--practice-map", data.appendingPathComponent("gp_reg_pat_prac_map.csv").path, "--practice-footprint", mapColumn,
      "-o", out.appendingPathComponent("f_full.csv").path, "--summary-output", out.appendingPathComponent("s_full.csv").path, "--quiet",
      "--full-precision",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return (
      try contents(out.appendingPathComponent("f.csv")), try contents(out.appendingPathComponent("s.csv")),
      try contents(out.appendingPathComponent("p.csv")), try contents(out.appendingPathComponent("s_full.csv"))
    )
  }

  @Test(arguments: layers)
  func flowsMatchPandasExactly(layer: String, lookupColumn: String, mapColumn: String) throws {
    let ours = try run(layer: layer, lookupColumn: lookupColumn, mapColumn: mapColumn)
    let golden = try contents(URL(fileURLWithPath: fixture("golden/demo_flows_\(layer).csv")))
    #expect(ours.flows == golden)
  }

  /// The summary as written by default (ratios to 10 significant digits) and with
  /// `--full-precision` (the shortest round-trip form, Python's repr), both byte for byte: pandas
  /// computes the values, Python's correctly rounded formatting writes them by the documented rules.
  @Test(arguments: layers)
  func summaryMatchesPandas(layer: String, lookupColumn: String, mapColumn: String) throws {
    let ours = try run(layer: layer, lookupColumn: lookupColumn, mapColumn: mapColumn)
    #expect(ours.summary == (try contents(URL(fileURLWithPath: fixture("golden/demo_summary_\(layer).csv")))))
    #expect(ours.fullSummary == (try contents(URL(fileURLWithPath: fixture("golden/demo_summary_\(layer)_full.csv")))))
  }

  @Test(arguments: layers)
  func populationsMatchPandas(layer: String, lookupColumn: String, mapColumn: String) throws {
    let ours = rows(try run(layer: layer, lookupColumn: lookupColumn, mapColumn: mapColumn).populations)
    let golden = rows(try contents(URL(fileURLWithPath: fixture("golden/demo_populations_\(layer).csv"))))
    #expect(ours.dropFirst().map { [$0.first!, $0.last!] } == golden.dropFirst().map { $0 })
  }
}
