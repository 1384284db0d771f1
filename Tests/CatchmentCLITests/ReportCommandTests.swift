import CatchmentTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import CatchmentCLI

/// `catchment report` on the demo review's pack: one self-contained HTML page whose sections are
/// those the pack has the files for, whose figures are well-formed SVG (inline and in figures/),
/// with no network address, the same bytes on every run, and the pack's own numbers in the headline.
@Suite struct ReportCommandTests {
  /// The demo review run into a temporary folder; its pack's folder.
  func demoPack() throws -> URL {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    return root.appendingPathComponent("out/review")
  }

  func report(_ pack: URL, output: URL? = nil) throws -> String {
    let result = try CommandRunner.run(["report", pack.path] + (output.map { ["-o", $0.path] } ?? []))
    #expect(result.status == 0, "\(result.stderr)")
    return try String(contentsOf: output ?? pack.appendingPathComponent("report.html"), encoding: .utf8)
  }

  /// The ids of the `<section>` elements, in order.
  func sections(_ html: String) -> [String] {
    html.components(separatedBy: "<section id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  /// The text between `start` and the next `end` after it.
  func slice(_ text: String, from start: String, to end: String) -> String? {
    guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
    return String(text[a.lowerBound..<b.upperBound])
  }

  func features(_ geojson: URL) throws -> Int {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: geojson)) as? [String: Any]
    return (object?["features"] as? [Any])?.count ?? -1
  }

  /// The pack with footprints_icb.geojson: the other helper's file when the review writes it,
  /// otherwise the proposal's footprints (the same form: EPSG:27700, footprint_id, footprint_name;
  /// their codes are the ICBs').
  func packWithFootprints() throws -> URL {
    let pack = try demoPack()
    let footprints = pack.appendingPathComponent("footprints_icb.geojson")
    if !FileManager.default.fileExists(atPath: footprints.path) {
      try FileManager.default.copyItem(at: pack.appendingPathComponent("proposal_councils-whole.geojson"), to: footprints)
    }
    return pack
  }

  @Test func demoReportHasEverySectionWithItsInputsAndWellFormedFigures() throws {
    let pack = try packWithFootprints()
    let html = try report(pack)
    #expect(sections(html) == ["headline", "maps", "flows", "coterminosity", "providers", "proposals"])
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("@page { size: A4 landscape"))
    // Every figure inline is one standalone file in figures/, well-formed XML, with a title and a description.
    let figures = pack.appendingPathComponent("figures")
    let names = try FileManager.default.contentsOfDirectory(atPath: figures.path).sorted()
    #expect(names.count >= 8, "\(names)")
    for name in names {
      let svg = try String(contentsOf: figures.appendingPathComponent(name), encoding: .utf8)
      let parser = XMLParser(data: Data(svg.utf8))
      #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
      #expect(svg.contains("<title id=") && svg.contains("<desc id="), "\(name)")
      #expect(html.contains(svg), "\(name) is not inline in the page")
    }
    // One path per footprint in each map of the baseline.
    let count = try features(pack.appendingPathComponent("footprints_icb.geojson"))
    for map in ["map-icb-population", "map-icb-retention", "map-icb-net", "flowmap-icb", "proposal-councils-whole-baseline"] {
      #expect(html.components(separatedBy: "<path id=\"\(map)-f").count - 1 == count, "\(map)")
    }
    let proposal = try features(pack.appendingPathComponent("proposal_councils-whole.geojson"))
    #expect(html.components(separatedBy: "<path id=\"proposal-councils-whole-proposal-f").count - 1 == proposal)
    // No network address: the SVG namespace is the only "//" in the page.
    let stripped = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!stripped.contains("//"), "\(stripped.components(separatedBy: "//")[0].suffix(200))")
    #expect(!stripped.contains("http:") && !stripped.contains("https:"))
  }

  @Test func headlineHoldsThePackNumbers() throws {
    let pack = try demoPack()
    let html = try report(pack)
    let table = try #require(slice(html, from: "<table id=\"headline-footprints\"", to: "</table>"))
    let headline = PackHeadline(pack: pack, baseline: "icb")
    let population = try headline.table("population_icb.csv"), summary = try headline.table("flow_summary_icb.csv")
    for row in population.rows where row[0] != "UNALLOCATED" {
      let line = try #require(slice(table, from: "<td class=\"code\">\(row[0])</td>", to: "</tr>"))
      let s = try #require(summary.rows.first { $0[0] == row[0] })
      let residents = try #require(Double(row[population.column("population")]))
      let list = try #require(Double(s[summary.column("registered_list")]))
      let retained = try #require(Double(s[summary.column("retained")]))
      let residentRegistered = try #require(Double(s[summary.column("resident_registered")]))
      #expect(line.contains(">\(headline.people(residents))</td>"), "\(line)")
      #expect(line.contains(">\(headline.people(list))</td>"), "\(line)")
      #expect(line.contains(">\(String(format: "%.1f%%", 100 * retained / residentRegistered))</td>"), "\(line)")
      #expect(line.contains(">\(String(format: "%.1f%%", 100 * retained / list))</td>"), "\(line)")
    }
    let totals = try #require(slice(html, from: "<p id=\"headline-totals\">", to: "</p>"))
    #expect(totals.contains("residents \(headline.people(headline.sum(population, "population")))"))
    #expect(totals.contains("registered list \(headline.people(headline.sum(summary, "registered_list")))"))
    // The accounting and the provenance: every input's SHA-256 from the manifest.
    let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: pack.appendingPathComponent("manifest.json"))) as? [String: Any])
    for input in manifest["inputs"] as? [[String: Any]] ?? [] {
      #expect(html.contains(">\(input["sha256"] as? String ?? "?")</td>"))
    }
    #expect(html.contains("<table id=\"accounting-inputs\""))
    #expect(html.contains("<table id=\"accounting-losses\"") || html.contains("Losses: none."))
  }

  @Test func sameBytesOnEveryRun() throws {
    let pack = try packWithFootprints()
    let folder = try temporaryFolder()
    let first = try report(pack, output: folder.appendingPathComponent("a/report.html"))
    let second = try report(pack, output: folder.appendingPathComponent("b/report.html"))
    #expect(first == second)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/figures").path).sorted()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("b/figures").path).sorted() == names)
    for name in names {
      #expect(
        try Data(contentsOf: folder.appendingPathComponent("a/figures/\(name)"))
          == Data(contentsOf: folder.appendingPathComponent("b/figures/\(name)")), "\(name)")
    }
  }

  @Test func aSectionWithoutItsFilesIsLeftOut() throws {
    let pack = try demoPack()
    for name in try FileManager.default.contentsOfDirectory(atPath: pack.path)
    where name.hasPrefix("flow") || name.hasPrefix("membership") || name.hasPrefix("system_overlap") || name.hasPrefix("compare_")
      || name.hasPrefix("footprints_") || name.hasPrefix("catchment")
    {
      try FileManager.default.removeItem(at: pack.appendingPathComponent(name))
    }
    let html = try report(pack)
    #expect(sections(html) == ["headline", "coterminosity"])
    // Residents without flows: no list, retention or capture column.
    let table = try #require(slice(html, from: "<table id=\"headline-footprints\"", to: "</thead>"))
    #expect(table.contains("<th>Residents</th>") && !table.contains("Retention"))
  }

  @Test func aMalformedTableIsNamedWithItsLine() throws {
    let pack = try demoPack()
    // The review's own report: a report that fails replaces none of it.
    let html = pack.appendingPathComponent("report.html"), figure = pack.appendingPathComponent("figures/map_icb_population.svg")
    let (before, figureBefore) = (try Data(contentsOf: html), try Data(contentsOf: figure))
    let file = pack.appendingPathComponent("flow_matrix_icb.csv")
    try Data("residence_footprint,residence_footprint_name,E1,total\nE1,A,1\n".utf8).write(to: file)
    let result = try CommandRunner.run(["report", pack.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("flow_matrix_icb.csv, line 2: 3 fields where the header has 4"), "\(result.stderr)")
    #expect(try Data(contentsOf: html) == before && Data(contentsOf: figure) == figureBefore)
    try FileManager.default.removeItem(at: html)
    // A footprints file that is not GeoJSON is named.
    try Data("flows".utf8).write(to: pack.appendingPathComponent("footprints_icb.geojson"))
    try Data("a,b\n1,2\n".utf8).write(to: file)
    let geojson = try CommandRunner.run(["report", pack.path])
    #expect(geojson.status != 0)
    #expect(geojson.stderr.contains("footprints_icb.geojson"), "\(geojson.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pack.appendingPathComponent("report.html").path))
    let empty = try temporaryFolder()
    let none = try CommandRunner.run(["report", empty.path])
    #expect(none.status != 0)
    #expect(none.stderr.contains("not a review pack"), "\(none.stderr)")
    let missing = try CommandRunner.run(["report", empty.appendingPathComponent("nowhere").path])
    #expect(missing.status != 0 && missing.stderr.contains("nowhere: no such folder"), "\(missing.stderr)")
  }

  /// The councils listed as split are those with residents in two or more baseline footprints
  /// (nonzero cells of their column of overlap_matrix_icb_lad.csv), and the proposal's changed
  /// cells are those whose text differs from the baseline row of the same footprint.
  @Test func splitCouncilsAndChangedValuesFollowThePackTables() throws {
    let pack = try demoPack()
    let html = try report(pack)
    let matrix = try SimpleCSV(contentsOf: pack.appendingPathComponent("overlap_matrix_icb_lad.csv"))
    let councils = matrix.header.indices.filter { $0 >= 2 && matrix.header[$0] != "total" }.filter { c in
      matrix.rows.filter { $0[0] != "total" && (Double($0[c]) ?? 0) > 0 }.count >= 2
    }.map { matrix.header[$0] }
    #expect(!councils.isEmpty)
    let split = try #require(slice(html, from: "<table id=\"split-icb-lad\"", to: "</table>"))
    let listed = split.components(separatedBy: "<td class=\"code\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    #expect(listed == councils)
    // Each ICB's best council with both coverages and the verdict, as the summary holds them.
    let summary = try SimpleCSV(contentsOf: pack.appendingPathComponent("overlap_summary_icb_lad.csv"))
    let best = try #require(slice(html, from: "<table id=\"coterminous-icb-lad\"", to: "</table>"))
    for row in summary.rows {
      let line = try #require(slice(best, from: "<td class=\"code\">\(row[0])</td>", to: "</tr>"))
      let a = try #require(Double(row[summary.column("cov_a_to_b")])), b = try #require(Double(row[summary.column("cov_b_to_a")]))
      #expect(line.contains(">\(String(format: "%.1f%%", 100 * a))</td>") && line.contains(">\(String(format: "%.1f%%", 100 * b))</td>"), "\(line)")
      #expect(line.contains(">\(row[summary.column("coterminous")] == "true" ? "yes" : "no")</td>"), "\(line)")
    }
    let compare = try SimpleCSV(contentsOf: pack.appendingPathComponent("compare_councils-whole.csv"))
    let table = try #require(slice(html, from: "<table id=\"compare-councils-whole\"", to: "</table>"))
    let parts: [String] = table.components(separatedBy: "<tr>")
    let rows = Array(parts.dropFirst(2))  // the text before the heading row, and the heading row
    #expect(rows.count == compare.rows.count)
    for (row, cells) in zip(compare.rows, rows) {
      let base = compare.rows.first { $0[0] == "baseline" && $0[1] == row[1] }
      let expected = row.indices.filter { c in
        row[0] == "proposal" && !["scenario", "footprint_id", "footprint_name"].contains(compare.header[c]) && base?[c] != row[c]
      }
      let tds: [String] = Array(cells.components(separatedBy: "<td").dropFirst())
      let marked = tds.indices.filter { tds[$0].contains("class=\"changed\"") || tds[$0].contains(" changed\"") }
      #expect(marked == expected, "\(row)")
    }
  }
}
