import CatchmentFigures

/// The providers section: trusts in two or more systems, and the systems' shared trusts.
extension ReportBuilder {
  mutating func addProviders() throws(ReviewReportError) {
    guard let baseline = pack.baseline else { return }
    var body = ""
    if let summary = try pack.table("membership_summary_\(baseline).csv") {
      // Most systems first, then by code: a stable order.
      let multi = summary.rows.compactMap { row -> (id: String, name: String, systems: Double)? in
        guard let systems = summary.number(row, "systems"), systems >= 2 else { return nil }
        return (summary.text(row, "provider_id"), summary.text(row, "provider_name"), systems)
      }.sorted { $0.systems != $1.systems ? $0.systems > $1.systems : $0.id < $1.id }
      if multi.isEmpty {
        body += "<p class=\"note\">No trust is a member of two or more \(ReportHTML.escape(baseline)) footprints.</p>\n"
      } else {
        let svg = BarChart.svg(
          id: "multisystem-\(baseline)", title: "Trusts that are members of two or more systems",
          description: "Each trust with at least the membership threshold of its catchment in two or more \(baseline) footprints, by the number of footprints.",
          labels: multi.map { $0.name.isEmpty ? $0.id : "\(ReportHTML.short($0.name, 38)) (\($0.id))" }, values: multi.map(\.systems),
          format: .count("systems"), measure: "Systems the trust is a member of")
        body += add("providers_\(baseline)_multisystem", svg, caption: "Trusts in two or more systems")
      }
    }
    if let shared = try pack.table("system_overlap_shared_\(baseline).csv") {
      learnNames(baseline, shared, id: "system", name: "system_name")
      let columns = shared.header.indices.filter { $0 >= 2 }
      let values = shared.rows.map { row in columns.map { Double(row[$0]) } }
      do {
        let svg = try Heatmap.svg(
          id: "systemoverlap-\(baseline)", title: "Trusts shared by each pair of systems",
          description: "Cells: trusts that are members of both systems; the diagonal: each system's member trusts (viridis); blank cells: none.",
          rowLabels: shared.rows.map { ReportHTML.short(name(baseline, shared.text($0, "system"))) },
          columnLabels: columns.map { ReportHTML.short(name(baseline, shared.header[$0]), 28) }, values: values,
          scale: .sequential(.viridis, values: values.flatMap { $0.compactMap { $0 } }), format: .count("trusts"),
          measure: "Member trusts in common", blankZeros: true)
        body += add("providers_\(baseline)_system_overlap", svg, caption: "System × system: shared trusts")
      } catch {
        throw .malformed(file: shared.file, line: nil, problem: "\(error)")
      }
    }
    if !body.isEmpty { sections.append(("providers", "Providers", "<div class=\"figures\">\n\(body)</div>\n")) }
  }
}
