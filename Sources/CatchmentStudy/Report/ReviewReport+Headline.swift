import Foundation

/// The headline section: the baseline footprints' measures, the accounting, the provenance.
extension ReportBuilder {
  /// Files of one study key listed one a row in the inputs table; more are listed apart.
  static let groupedFiles = 8

  mutating func addHeadline() throws(ReviewReportError) {
    var body = ""
    if let baseline = pack.baseline {
      let population = try pack.table("population_\(baseline).csv")
      let summary = try pack.table("flow_summary_\(baseline).csv")
      if let population { learnNames(baseline, population, id: "footprint_id", name: "footprint_name") }
      if let summary { learnNames(baseline, summary, id: "footprint_id", name: "footprint_name") }
      if population != nil || summary != nil {
        body += footprintTable(baseline: baseline, population: population, summary: summary)
      }
    }
    if let report = pack.report { body += accounting(report) }
    if let manifest = pack.manifest { body += provenance(manifest) }
    if !body.isEmpty { sections.append(("headline", "Headline", body)) }
  }

  /// One row per baseline footprint (UNALLOCATED last, outside the totals): residents,
  /// registered list, retention = retained ÷ resident_registered, capture = retained ÷ list,
  /// as the pack's tables hold them; the totals row sums the counts and recomputes the shares
  /// from the sums (as ``ReviewHeadline`` does).
  func footprintTable(baseline: String, population: PackTable?, summary: PackTable?) -> String {
    var codes: [String] = []
    var residents: [String: Double] = [:]
    var flows: [String: [String]] = [:]
    for row in population?.rows ?? [] {
      let code = population?.text(row, "footprint_id") ?? ""
      if residents[code] == nil { codes.append(code) }
      residents[code] = population?.number(row, "population")
    }
    for row in summary?.rows ?? [] {
      let code = summary?.text(row, "footprint_id") ?? ""
      if !codes.contains(code) { codes.append(code) }
      flows[code] = row
    }
    let ordered = codes.filter { $0 != "UNALLOCATED" } + codes.filter { $0 == "UNALLOCATED" }
    var rows: [[String]] = []
    var sums = (residents: 0.0, list: 0.0, retained: 0.0, residentRegistered: 0.0)
    func number(_ code: String, _ column: String) -> Double? { flows[code].flatMap { summary?.number($0, column) } }
    for code in ordered {
      let list = number(code, "registered_list"), retained = number(code, "retained")
      if code != "UNALLOCATED" {
        sums.residents += residents[code] ?? 0
        sums.list += list ?? 0
        sums.retained += retained ?? 0
        sums.residentRegistered += number(code, "resident_registered") ?? 0
      }
      var cells = [
        ReportHTML.cell(code, classes: "code"), ReportHTML.cell(code == "UNALLOCATED" ? "unallocated" : name(baseline, code)),
      ]
      if population != nil { cells.append(ReportHTML.cell(ReportHTML.count(residents[code]), value: residents[code])) }
      if summary != nil {
        // UNALLOCATED has no retention or capture (no practice is in it): "–", not 0%.
        let retention = code == "UNALLOCATED" ? nil : number(code, "retention")
        let capture = code == "UNALLOCATED" ? nil : number(code, "capture")
        cells += [
          ReportHTML.cell(ReportHTML.count(list), value: list),
          ReportHTML.cell(ReportHTML.percent(retention), value: retention),
          ReportHTML.cell(ReportHTML.percent(capture), value: capture),
        ]
      }
      rows.append(cells)
    }
    var headings = ["Code", "Footprint"]
    if population != nil { headings.append("Residents") }
    if summary != nil { headings += ["Registered list", "Retention", "Capture"] }
    var html = ReportHTML.table(
      id: "headline-footprints", caption: "Baseline footprints (\(baseline))", headings: headings, rows: rows)
    // The totals as a separate line (not sorted with the footprints).
    var total: [String] = []
    if population != nil { total.append("residents \(ReportHTML.count(sums.residents))") }
    if summary != nil {
      total.append("registered list \(ReportHTML.count(sums.list))")
      if sums.residentRegistered > 0 { total.append("retention \(ReportHTML.percent(sums.retained / sums.residentRegistered))") }
      if sums.list > 0 { total.append("capture \(ReportHTML.percent(sums.retained / sums.list))") }
    }
    html += "<p id=\"headline-totals\"><strong>All \(ordered.filter { $0 != "UNALLOCATED" }.count) footprints</strong> (unallocated left out): "
    html += ReportHTML.escape(total.joined(separator: "; ")) + ".</p>\n"
    return html
  }

  /// The manifest's inputs: study key, path, size, rows read, stated date or vintage, SHA-256.
  /// A key naming more than ``groupedFiles`` files (a folder of boundaries: 296 for England's
  /// LSOAs) is one row of the table, its files listed in full in a `<details>` block after it.
  func provenance(_ manifest: [String: Any]) -> String {
    var html = "<h3>Provenance</h3>\n"
    if let study = manifest["study"] as? [String: Any] {
      html += "<p>Study file <code>\(ReportHTML.escape((study["path"] as? String) ?? ""))</code>, SHA-256 "
      html += "<code>\(ReportHTML.escape((study["sha256"] as? String) ?? ""))</code>.</p>\n"
    }
    let inputs = manifest["inputs"] as? [[String: Any]] ?? []
    var keys: [String] = []
    var byKey: [String: [[String: Any]]] = [:]
    for input in inputs {
      let key = (input["key"] as? String) ?? ""
      if byKey[key] == nil { keys.append(key) }
      byKey[key, default: []].append(input)
    }
    func row(_ i: [String: Any]) -> [String] {
      let size = (i["size"] as? NSNumber)?.doubleValue, rowsRead = (i["rows_read"] as? NSNumber)?.doubleValue
      let date = [(i["stated_date"] as? String), (i["vintage"] as? String)].compactMap { $0 }.joined(separator: "; ")
      return [
        ReportHTML.cell((i["key"] as? String) ?? ""), ReportHTML.cell((i["path"] as? String) ?? ""),
        ReportHTML.cell(ReportHTML.count(size), value: size), ReportHTML.cell(rowsRead.map { ReportHTML.count($0) } ?? "", value: rowsRead),
        ReportHTML.cell(date), ReportHTML.cell((i["sha256"] as? String) ?? "", classes: "code"),
      ]
    }
    let headings = ["Study key", "File", "Bytes", "Rows read", "Date stated", "SHA-256"]
    var rows: [[String]] = []
    var details = ""
    for key in keys {
      let files = byKey[key] ?? []
      guard files.count > Self.groupedFiles else {
        rows += files.map(row)
        continue
      }
      let bytes = files.compactMap { ($0["size"] as? NSNumber)?.doubleValue }.reduce(0, +)
      var dates: [String] = []
      for f in files {
        for d in [f["stated_date"] as? String, f["vintage"] as? String].compactMap({ $0 }) where !dates.contains(d) { dates.append(d) }
      }
      rows.append([
        ReportHTML.cell(key), ReportHTML.cell("\(files.count) files (listed below)"), ReportHTML.cell(ReportHTML.count(bytes), value: bytes),
        ReportHTML.cell(""), ReportHTML.cell(dates.joined(separator: "; ")), ReportHTML.cell("each below", classes: "code"),
      ])
      details += "<details><summary>\(ReportHTML.escape(key)): \(files.count) files</summary>\n"
      details += ReportHTML.table(id: "provenance-\(key)", caption: nil, headings: headings, rows: files.map(row)) + "</details>\n"
    }
    html += ReportHTML.table(id: "provenance-inputs", caption: "Inputs", headings: headings, rows: rows)
    return html + details
  }
}
