import CatchmentTestSupport
import Foundation
import Testing

/// The headline's accounting of the demo review's report: each expected exclusion and loss of
/// report.json once per (input file, reason), with every step that met it, counts shown once;
/// counts that differ between steps each shown; none left out, none twice.
@Suite struct ReportAccountingTests {
  /// The text cells of each body row of table `id` of `html`, unescaped.
  func rows(_ html: String, table id: String) throws -> [[String]] {
    let start = try #require(html.range(of: "<table id=\"\(id)\""))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    let body = try #require(html[start.upperBound..<end.lowerBound].components(separatedBy: "<tbody>").last)
    let cell = try NSRegularExpression(pattern: "<td[^>]*>(.*?)</td>", options: [.dotMatchesLineSeparators])
    return body.components(separatedBy: "<tr>").dropFirst().map { row in
      cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
        let text = String(row[Range(match.range(at: 1), in: row)!])
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
          .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
      }
    }
  }

  /// A whole number with thousands separators, as the report writes counts.
  func grouped(_ value: Double) -> String {
    let digits = String(format: "%.0f", value)
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }

  @Test func everyLossAndExclusionAppearsOnceWithTheStepsThatMetIt() throws {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    let pack = root.appendingPathComponent("out/review")
    let html = try contents(pack.appendingPathComponent("report.html"))
    let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: pack.appendingPathComponent("report.json"))) as? [String: Any])
    var groupsSeen = 0
    for key in ["exclusions", "losses"] {
      let tallies = report[key] as? [[String: Any]] ?? []
      #expect(!tallies.isEmpty, "the demo has \(key)")
      // Every one of the demo's counts rows of one input (population, registrations, activity).
      #expect(tallies.allSatisfy { ($0["file"] as? String)?.isEmpty == false }, "\(tallies.map { $0["reason"] ?? "" })")
      let table = try rows(html, table: "accounting-\(key)")
      // Columns: input, reason, steps, rows, amount, unit, where it went.
      #expect(table.allSatisfy { $0.count == 7 }, "\(table)")
      // Expected rows, computed from report.json: one per (file, reason, unit, destination,
      // rows, amount), the step label ("population icb: ") taken off the reason.
      struct Row: Hashable { var file, reason, unit, destination: String; var rows, amount: Double }
      var expected: [Row: [String]] = [:]
      for t in tallies {
        let labelled = try #require(t["reason"] as? String)
        let colon = try #require(labelled.range(of: ": "))
        let row = Row(
          file: (t["file"] as? String) ?? "", reason: String(labelled[colon.upperBound...]), unit: (t["unit"] as? String) ?? "",
          destination: (t["destination"] as? String) ?? "", rows: (t["rows"] as? NSNumber)?.doubleValue ?? -1,
          amount: (t["amount"] as? NSNumber)?.doubleValue ?? -1)
        expected[row, default: []].append(String(labelled[..<colon.lowerBound]))
      }
      // None twice: as many rows as distinct (input, reason, counts), fewer than the tallies.
      #expect(table.count == expected.count, "\(key): \(table.count) rows for \(expected.count) distinct tallies")
      #expect(table.count < tallies.count, "\(key): the steps' repeats are grouped")
      #expect(Set(table).count == table.count)
      // Each appears, with its counts once and every step that met it.
      for (row, steps) in expected {
        // The report names a file by its name in the reason too, not by the folder it was in.
        let shownReason = row.file.isEmpty ? row.reason : row.reason.replacingOccurrences(of: row.file, with: (row.file as NSString).lastPathComponent)
        #expect(!shownReason.contains("/"), "\(shownReason)")
        let matching = table.filter {
          $0[1] == shownReason && $0[3] == grouped(row.rows) && $0[4] == grouped(row.amount) && $0[5] == row.unit && $0[6] == row.destination
            && (row.file.isEmpty ? $0[0] == "–" : $0[0].hasPrefix((row.file as NSString).lastPathComponent))
        }
        #expect(matching.count == 1, "\(key): \(row.reason) \(row.rows) appears \(matching.count) times")
        let listed = matching.first?[2].components(separatedBy: " (counts differ")[0].components(separatedBy: ", ") ?? []
        #expect(listed == steps, "\(row.reason)")
      }
      groupsSeen += table.count
    }
    // The council total rows of the population file, met by every step that reads it: one row.
    let exclusions = try rows(html, table: "accounting-exclusions")
    let totals = exclusions.filter { $0[1].hasPrefix("rows for other geographies") }
    #expect(totals.count == 1)
    #expect(totals.first?[0] == "population_lsoa_mid2022.csv (population)")
    #expect((totals.first?[2].components(separatedBy: ", ").count ?? 0) >= 10, "\(totals)")
    // The activity rows the steps counted differently (the catchments read every zone of the
    // population, the others the crosswalk's): both counts shown, marked.
    let activity = try rows(html, table: "accounting-losses").filter { $0[1].hasPrefix("activity rows whose zone") }
    #expect(activity.count == 2, "\(activity)")
    #expect(activity.allSatisfy { $0[2].hasSuffix("(counts differ between steps)") })
    #expect(html.components(separatedBy: "(counts differ between steps)</td>").count - 1 == activity.count)
    #expect(groupsSeen > 0)
  }
}
