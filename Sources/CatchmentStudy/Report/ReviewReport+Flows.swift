import CatchmentFigures

/// The flows section: the largest flows on the baseline's map and the residence ×
/// registration matrix as a heatmap.
extension ReportBuilder {
  mutating func addFlows() throws(ReviewReportError) {
    guard let baseline = pack.baseline, let matrix = try pack.table("flow_matrix_\(baseline).csv") else { return }
    learnNames(baseline, matrix, id: "residence_footprint", name: "residence_footprint_name")
    // Columns: the registration footprints (every column after the two name columns but "total").
    let columns = matrix.header.indices.filter { $0 >= 2 && matrix.header[$0] != "total" }
    var flows: [Flow] = []
    var values: [[Double?]] = []
    // Rows: the residence footprints (the totals row left out: it is their sum).
    let rows = matrix.rows.filter { matrix.text($0, "residence_footprint") != "total" }
    for row in rows {
      let from = matrix.text(row, "residence_footprint")
      values.append(columns.map { Double(row[$0]) })
      for c in columns { if let v = Double(row[c]) { flows.append(Flow(from: from, to: matrix.header[c], value: v)) } }
    }
    var body = ""
    // Wider than the other maps: its note (the flows not drawn) is one line under it.
    if let geometry = try geometry("footprints_\(baseline).geojson", width: 820) {
      let svg = FlowMap.svg(
        id: "flowmap-\(baseline)", title: "Largest flows between \(baseline) footprints",
        description: "Registered patients living in one footprint and registered with a practice in another; the 10 largest drawn, width proportional to patients.",
        geometry: geometry, flows: flows, top: 10, format: .count("patients"))
      body += add("flows_\(baseline)_map", svg, caption: "Largest flows (residence → practice)")
    }
    let known = names[baseline] ?? [:]
    func label(_ code: String) -> String { code == "UNALLOCATED" ? "unallocated" : ReportHTML.short(known[code].flatMap { $0.isEmpty ? nil : $0 } ?? code) }
    let all = values.flatMap { $0.compactMap { $0 } }
    do {
      let svg = try Heatmap.svg(
        id: "flowmatrix-\(baseline)", title: "Registered patients by footprint of residence and of registration",
        description: "Rows: footprint of residence; columns: footprint of the practice; cells: patients (viridis, logarithmic: each tenfold step the same change of colour); blank cells: none.",
        rowLabels: rows.map { label(matrix.text($0, "residence_footprint")) },
        columnLabels: columns.map { ReportHTML.short(label(matrix.header[$0]), 28) }, values: values,
        scale: .logarithmic(.viridis, values: all), format: .count("patients"), measure: "Registered patients",
        rowHeading: "Residence", columnHeading: "Practice", blankZeros: true)
      body += add("flows_\(baseline)_matrix", svg, caption: "Residence × registration")
    } catch {
      throw .malformed(file: matrix.file, line: nil, problem: "\(error)")
    }
    sections.append(("flows", "Flows", "<div class=\"figures\">\n\(body)</div>\n"))
  }
}
