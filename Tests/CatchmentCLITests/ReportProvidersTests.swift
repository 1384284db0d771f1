import CatchmentTestSupport
import Foundation
import Testing

/// The providers section of the demo review's report lists every trust of catchments.csv with
/// its catchment population and zones, largest first, and the number of systems it is a member
/// of from the membership summary.
@Suite struct ReportProvidersTests {
  @Test func everyTrustsCatchmentPopulationIsListedLargestFirst() throws {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    let pack = root.appendingPathComponent("out/review")
    let html = try contents(pack.appendingPathComponent("report.html"))
    let accounting = ReportAccountingTests()
    let table = try accounting.rows(html, table: "catchments")
    // The pack's CSVs read here line by line (no field of these two files holds a comma).
    func csv(_ name: String) throws -> [[String: String]] {
      let lines = try contents(pack.appendingPathComponent(name)).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
      let header = try #require(lines.first)
      return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
    let catchments = try csv("catchments.csv")
    var systems: [String: String] = [:]
    for row in try csv("membership_summary_icb.csv") { systems[row["provider_id"] ?? ""] = row["systems"] }
    #expect(table.count == catchments.count && !table.isEmpty)
    for row in catchments {
      let id = try #require(row["provider_id"])
      let population = try #require(Double(row["catchment_population"] ?? ""))
      let shown = table.filter { $0.first == id }
      #expect(shown.count == 1, "\(id)")
      let name = row["provider_name"].flatMap { $0.isEmpty ? nil : $0 } ?? "–"  // UNATTRIBUTED has none
      #expect(shown.first == [id, name, accounting.grouped(population), row["zones"] ?? "", systems[id] ?? "–"], "\(id)")
    }
    let populations = table.map { Double($0[2].replacingOccurrences(of: ",", with: "")) ?? -1 }
    #expect(populations == populations.sorted(by: >))
  }
}
