import CatchmentFigures

/// The proposals section: each proposal's map beside the baseline's, and its comparison table
/// with the values that change highlighted.
extension ReportBuilder {
  mutating func addProposals() throws(ReviewReportError) {
    var body = ""
    for (file, proposal) in pack.matching("compare_", ".csv") {
      guard let table = try pack.table(file) else { continue }
      body += "<h3>Proposal \(ReportHTML.escape(proposal))</h3>\n"
      body += try maps(proposal: proposal, table: table)
      body += comparison(proposal: proposal, table: table)
    }
    if !body.isEmpty { sections.append(("proposals", "Proposals", body)) }
  }

  /// The baseline's map and the proposal's, shaded by residents on one scale.
  mutating func maps(proposal: String, table: PackTable) throws(ReviewReportError) -> String {
    var residents: [String: [String: Double]] = [:]
    for row in table.rows {
      if let v = table.number(row, "resident_population") { residents[table.text(row, "scenario"), default: [:]][table.text(row, "footprint_id")] = v }
    }
    let scale = ColourScale.counts(.viridis, values: residents.values.flatMap(\.values))
    var html = ""
    let sides: [(scenario: String, file: String?)] = [
      ("baseline", pack.baseline.map { "footprints_\($0).geojson" }), ("proposal", "proposal_\(proposal).geojson"),
    ]
    for side in sides {
      guard let file = side.file, let geometry = try geometry(file) else { continue }
      let svg = ChoroplethMap.svg(
        id: "proposal-\(proposal)-\(side.scenario)", title: "Residents of each footprint: \(side.scenario) (\(proposal))",
        description: "The \(side.scenario)'s footprints shaded by resident population, on the same scale for both maps (viridis from 0).",
        geometry: geometry, values: residents[side.scenario] ?? [:], scale: scale, format: .count("residents"),
        measure: "Resident population")
      html += add("proposal_\(proposal)_\(side.scenario)", svg, caption: "\(proposal): \(side.scenario)")
    }
    return html.isEmpty ? "" : "<div class=\"figures\">\n\(html)</div>\n"
  }

  /// The comparison table; a proposal's cell is highlighted (class `changed`) when it differs
  /// from the baseline's value for the same footprint code, or the footprint is not in the baseline
  /// (names aside: a proposal may name the same footprint differently).
  func comparison(proposal: String, table: PackTable) -> String {
    var baselineRows: [String: [String]] = [:]
    for row in table.rows where table.text(row, "scenario") == "baseline" { baselineRows[table.text(row, "footprint_id")] = row }
    let counts: Set<String> = ["resident_population", "registered_list", "councils", "member_providers"]
    let shares: Set<String> = ["retention", "capture", "share_in_whole_councils"]
    var changed = 0
    let rows = table.rows.map { row -> [String] in
      let isProposal = table.text(row, "scenario") == "proposal"
      let before = baselineRows[table.text(row, "footprint_id")]
      return table.header.indices.map { c -> String in
        let text = c < row.count ? row[c] : "", column = table.header[c]
        let differs = isProposal && (before == nil || (c < (before?.count ?? 0) ? before?[c] : nil) != text)
        let mark = differs && !["scenario", "footprint_id", "footprint_name"].contains(column)
        if mark { changed += 1 }
        let classes = mark ? "changed" : ""
        if counts.contains(column), let v = Double(text) { return ReportHTML.cell(ReportHTML.count(v), value: v, classes: classes) }
        if shares.contains(column), let v = Double(text) { return ReportHTML.cell(ReportHTML.percent(v), value: v, classes: classes) }
        return ReportHTML.cell(text, classes: classes)
      }
    }
    return ReportHTML.table(
      id: "compare-\(proposal)", caption: "Baseline and proposal (\(changed) changed values highlighted)",
      headings: table.header.map { $0.replacingOccurrences(of: "_", with: " ") }, rows: rows)
  }
}
