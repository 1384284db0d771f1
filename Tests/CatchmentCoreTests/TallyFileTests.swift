import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentCore

/// A tally names the input file whose rows it counts (``Tally/file``), so that the report can
/// show one file's exclusion once however many steps met it.
@Suite struct TallyFileTests {
  @Test func attributeNamesTheFileOfTalliesThatNameNone() throws {
    var account = RunAccount()
    var own = Tally(reason: "read elsewhere", unit: "rows")
    own.rows = 2
    own.file = "other.csv"
    account.exclude(Tally(reason: "council totals", unit: "population", byCode: ["E06000001": (1, 90)]))
    account.lose(Tally(reason: "unknown zones", unit: "patients", byCode: ["E01999999": (1, 3)]))
    account.repeated(own)
    account.note("a note")
    account.attribute(to: "population.csv")
    let report = RunReport(command: "review")
    let step = RunReport(command: "population icb")
    step.record(account)
    report.merge(step, label: "population icb")
    #expect(report.exclusions.map(\.file) == ["population.csv"])
    #expect(report.losses.map(\.file) == ["population.csv"])
    #expect(report.repeatedRows.map(\.file) == ["other.csv"])
    #expect(report.notes == ["population icb: a note"])
    // In the JSON beside the reason the step labelled; a tally without a file has no key.
    let json = try #require(try JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
    let exclusion = try #require((json["exclusions"] as? [[String: Any]])?.first)
    #expect(exclusion["file"] as? String == "population.csv")
    #expect(exclusion["reason"] as? String == "population icb: council totals")
    let bare = RunReport(command: "x")
    bare.exclude(Tally(reason: "r", unit: "rows", byCode: ["A": (1, 1)]))
    let plain = try #require(try JSONSerialization.jsonObject(with: bare.jsonData()) as? [String: Any])
    #expect((plain["exclusions"] as? [[String: Any]])?.first?["file"] == nil)
  }
}
