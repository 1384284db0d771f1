import CatchmentFigures

/// The providers section: each trust's catchment population (`catchments.csv`) with the number
/// of systems it is a member of, trusts in two or more systems, and the systems' shared trusts.
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
    var tables = ""
    if let catchments = try pack.table("catchments.csv") {
      tables = catchmentTable(catchments, systems: try pack.table("membership_summary_\(baseline).csv"), baseline: baseline)
    }
    if !body.isEmpty || !tables.isEmpty {
      sections.append(("providers", "Providers", tables + (body.isEmpty ? "" : "<div class=\"figures\">\n\(body)</div>\n")))
    }
  }

  /// Each trust's modelled catchment population and zones, largest first (then by code), with
  /// the number of baseline systems it is a member of when the membership summary is there.
  func catchmentTable(_ catchments: PackTable, systems summary: PackTable?, baseline: String) -> String {
    var systems: [String: Double] = [:]
    if let summary { for row in summary.rows { systems[summary.text(row, "provider_id")] = summary.number(row, "systems") } }
    let trusts = catchments.rows.map { row in
      (id: catchments.text(row, "provider_id"), name: catchments.text(row, "provider_name"),
       population: catchments.number(row, "catchment_population"), zones: catchments.number(row, "zones"))
    }.sorted { ($0.population ?? -1) != ($1.population ?? -1) ? ($0.population ?? -1) > ($1.population ?? -1) : $0.id < $1.id }
    let rows = trusts.map { t in
      [
        ReportHTML.cell(t.id, classes: "code"), ReportHTML.cell(t.name.isEmpty ? "–" : t.name),
        ReportHTML.cell(ReportHTML.count(t.population), value: t.population), ReportHTML.cell(ReportHTML.count(t.zones), value: t.zones),
      ] + (summary == nil ? [] : [ReportHTML.cell(ReportHTML.count(systems[t.id]), value: systems[t.id])])
    }
    let headings = ["Code", "Trust", "Catchment population", "Zones"] + (summary == nil ? [] : ["\(baseline) systems it is a member of"])
    return ReportHTML.table(id: "catchments", caption: "Catchment population of each trust (catchments.csv)", headings: headings, rows: rows)
  }
}
