import CatchmentFigures
import Foundation

/// The coterminosity section: baseline × each other layer, and nesting.
extension ReportBuilder {
  mutating func addCoterminosity() throws(ReviewReportError) {
    var body = ""
    if let baseline = pack.baseline {
      let councils = (pack.manifest?["options"] as? [String: Any])?["review.councils"] as? String
      let others = pack.matching("overlap_matrix_\(baseline)_", ".csv").map(\.middle)
      // The councils first: the comparison every review starts with.
      for other in others.filter({ $0 == councils }) + others.filter({ $0 != councils }) {
        guard let matrix = try pack.table("overlap_matrix_\(baseline)_\(other).csv") else { continue }
        body += try overlap(baseline: baseline, other: other, matrix: matrix, isCouncils: other == councils)
      }
    }
    for (file, layers) in pack.matching("nesting_", ".json") {
      body += try nesting(file: file, layers: layers)
    }
    if !body.isEmpty { sections.append(("coterminosity", "Coterminosity", body)) }
  }

  /// The share of each baseline footprint's residents living in each footprint of `other`
  /// (M[a][b] ÷ Σb M[a][b]), and the footprints of `other` whose residents are split across
  /// two or more baseline footprints, with the share in each (M[a][b] ÷ Σa M[a][b]).
  mutating func overlap(baseline: String, other: String, matrix: PackTable, isCouncils: Bool) throws(ReviewReportError) -> String {
    if let population = try pack.table("population_\(other).csv") {
      learnNames(other, population, id: "footprint_id", name: "footprint_name")
    }
    learnNames(baseline, matrix, id: "a_id", name: "a_name")
    let columns = matrix.header.indices.filter { $0 >= 2 && matrix.header[$0] != "total" }
    let rows = matrix.rows.filter { matrix.text($0, "a_id") != "total" }
    let counts = rows.map { row in columns.map { Double(row[$0]) ?? 0 } }
    let rowTotals = counts.map { $0.reduce(0, +) }
    let shares: [[Double?]] = counts.indices.map { r in counts[r].map { rowTotals[r] > 0 ? $0 / rowTotals[r] : nil } }
    var html = "<h3>\(ReportHTML.escape(baseline)) × \(ReportHTML.escape(other))\(isCouncils ? " (councils)" : "")</h3>\n"
    do {
      let svg = try Heatmap.svg(
        id: "overlap-\(baseline)-\(other)", title: "Residents of each \(baseline) footprint by \(other) footprint",
        description: "Share of each \(baseline) footprint's residents living in each \(other) footprint (viridis); blank cells: none.",
        rowLabels: rows.map { ReportHTML.short(name(baseline, matrix.text($0, "a_id"))) },
        columnLabels: columns.map { ReportHTML.short(name(other, matrix.header[$0]), 28) }, values: shares,
        scale: ColourScale(map: .viridis, low: 0, high: 1), format: .percent("% of residents"),
        measure: "Share of the \(baseline) footprint's residents", rowHeading: baseline, columnHeading: other, blankZeros: true)
      html += "<div class=\"figures\">\n" + add("overlap_\(baseline)_\(other)", svg, caption: "\(baseline) × \(other)") + "</div>\n"
    } catch {
      throw .malformed(file: matrix.file, line: nil, problem: "\(error)")
    }
    if let summary = try pack.table("overlap_summary_\(baseline)_\(other).csv") { html += coterminous(baseline, other, summary) }
    var split: [[String]] = []
    for (c, column) in columns.enumerated() {
      let total = counts.map { $0[c] }.reduce(0, +)
      let parts = rows.indices.filter { counts[$0][c] > 0 }
      guard parts.count >= 2, total > 0 else { continue }
      let text = parts.map { "\(name(baseline, matrix.text(rows[$0], "a_id"))) \(ReportHTML.percent(counts[$0][c] / total))" }
      let code = matrix.header[column]
      split.append([
        ReportHTML.cell(code, classes: "code"), ReportHTML.cell(name(other, code)),
        ReportHTML.cell(ReportHTML.count(total), value: total), ReportHTML.cell(ReportHTML.count(Double(parts.count)), value: Double(parts.count)),
        ReportHTML.cell(text.joined(separator: "; ")),
      ])
    }
    if split.isEmpty {
      html += "<p class=\"note\">No \(ReportHTML.escape(other)) footprint is split across \(ReportHTML.escape(baseline)) footprints.</p>\n"
    } else {
      html += ReportHTML.table(
        id: "split-\(baseline)-\(other)", caption: "\(other) footprints split across \(baseline) footprints",
        headings: ["Code", "Name", "Residents", "\(baseline) footprints", "Share of its residents in each"], rows: split)
    }
    return html
  }

  /// Each baseline footprint's best match in `other` with both coverages and whether they are
  /// coterminous, as `overlap_summary_<baseline>_<other>.csv` holds them.
  func coterminous(_ baseline: String, _ other: String, _ summary: PackTable) -> String {
    let rows = summary.rows.map { row -> [String] in
      let a = summary.number(row, "cov_a_to_b"), b = summary.number(row, "cov_b_to_a")
      let yes = summary.text(row, "coterminous") == "true"
      return [
        ReportHTML.cell(summary.text(row, "a_id"), classes: "code"), ReportHTML.cell(summary.text(row, "a_name")),
        ReportHTML.cell(summary.text(row, "best_b_name").isEmpty ? summary.text(row, "best_b_id") : summary.text(row, "best_b_name")),
        ReportHTML.cell(ReportHTML.percent(a), value: a), ReportHTML.cell(ReportHTML.percent(b), value: b),
        ReportHTML.cell(yes ? "yes" : "no"),
      ]
    }
    return ReportHTML.table(
      id: "coterminous-\(baseline)-\(other)", caption: "Best match of each \(baseline) footprint in \(other)",
      headings: ["Code", "Footprint", "Best match", "Its residents in the match", "The match's residents in it", "Coterminous"], rows: rows)
  }

  /// The nesting tree (`nesting_<layers>.json`, as `catchment nesting --tree-output` writes it)
  /// as an indented table: each footprint under its main parent.
  func nesting(file: String, layers: String) throws(ReviewReportError) -> String {
    let path = pack.path(file)
    let data = try pack.data(file)
    guard let roots = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
      throw .malformed(file: path, line: nil, problem: "not a JSON array of nodes")
    }
    var rows: [[String]] = []
    func walk(_ node: [String: Any], depth: Int) {
      let id = (node["id"] as? String) ?? "", level = (node["level"] as? String) ?? ""
      let size = (node["size"] as? NSNumber)?.doubleValue
      let nests = (node["nests"] as? Bool).map { $0 ? "yes" : "no" } ?? ""
      let outside = (node["share_outside_main_parent"] as? NSNumber)?.doubleValue
      let indent = String(repeating: "\u{2003}\u{2003}", count: depth)
      rows.append([
        ReportHTML.cell(indent + id + (name(level, id) == id ? "" : " " + name(level, id))), ReportHTML.cell(level),
        ReportHTML.cell(size.map { ReportHTML.count($0) } ?? "", value: size), ReportHTML.cell(nests, classes: nests == "no" ? "changed" : ""),
        ReportHTML.cell(outside.map { ReportHTML.percent($0) } ?? "", value: outside),
      ])
      for child in node["children"] as? [[String: Any]] ?? [] { walk(child, depth: depth + 1) }
    }
    for root in roots { walk(root, depth: 0) }
    // Not sortable: the order is the tree.
    return "<h3>Nesting (\(ReportHTML.escape(layers.replacingOccurrences(of: "_", with: " in "))))</h3>\n"
      + ReportHTML.table(
        id: "nesting-\(layers)", caption: nil, headings: ["Footprint", "Layer", "Residents", "Nests", "Share outside its main parent"],
        rows: rows, classes: "tree"
      ).replacingOccurrences(of: "class=\"sortable tree\"", with: "class=\"tree\"")
  }
}
