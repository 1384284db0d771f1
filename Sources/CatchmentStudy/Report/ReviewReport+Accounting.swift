import Foundation

/// The headline's accounting: what every input counted, and each expected exclusion and loss of
/// `report.json` once per input and reason, however many steps met it.
///
/// A review's steps each read the inputs they need, so the same rows are set aside by every step
/// that reads the same file (each step that reads the population finds the same council total
/// rows): `report.json` keeps one tally per step, its reason labelled `step: reason`. Here they
/// are grouped by (input file, reason, unit, where it went): one row per group with the steps
/// that met it, its rows and amount taken once. When the steps did not all count the same rows
/// and amount (a step that reads fewer zones sets fewer activity rows aside), each different
/// count is a row of its own, marked, with the steps that counted it: nothing is merged away.
extension ReportBuilder {
  /// One tally of `report.json` as the accounting groups it.
  struct AccountingEntry {
    /// The step that met it ("" in the report of a single command, whose reasons are not labelled).
    var step: String
    var reason: String
    var file: String
    var unit: String
    var destination: String
    var rows: Double
    var amount: Double
  }

  /// The tallies of `key` (`exclusions`, `losses`, `repeatedRows`) of `report`, their step
  /// label split from the reason when the report is a review's (`command` = `review`).
  static func entries(_ report: [String: Any], key: String) -> [AccountingEntry] {
    let labelled = (report["command"] as? String) == "review"
    return (report[key] as? [[String: Any]] ?? []).map { e in
      var reason = (e["reason"] as? String) ?? "", step = ""
      // A review merges each step's report under its label: "population icb: <reason>".
      if labelled, let colon = reason.range(of: ": ") {
        step = String(reason[..<colon.lowerBound])
        reason = String(reason[colon.upperBound...])
      }
      return AccountingEntry(
        step: step, reason: reason, file: (e["file"] as? String) ?? "", unit: (e["unit"] as? String) ?? "",
        destination: (e["destination"] as? String) ?? "", rows: (e["rows"] as? NSNumber)?.doubleValue ?? 0,
        amount: (e["amount"] as? NSNumber)?.doubleValue ?? 0)
    }
  }

  /// A row per (file, reason, unit, destination) in order of first appearance; within it one row
  /// per distinct (rows, amount), each listing its steps, and marked `changed` when its group
  /// has more than one.
  static func groupedRows(_ entries: [AccountingEntry], roles: [String: String]) -> [[String]] {
    struct Key: Hashable { var file, reason, unit, destination: String }
    var order: [Key] = []
    var groups: [Key: [(rows: Double, amount: Double, steps: [String])]] = [:]
    for e in entries {
      let key = Key(file: e.file, reason: e.reason, unit: e.unit, destination: e.destination)
      if groups[key] == nil { order.append(key) }
      var variants = groups[key] ?? []
      if let i = variants.firstIndex(where: { $0.rows == e.rows && $0.amount == e.amount }) {
        if !variants[i].steps.contains(e.step) { variants[i].steps.append(e.step) }
      } else {
        variants.append((e.rows, e.amount, [e.step]))
      }
      groups[key] = variants
    }
    var rows: [[String]] = []
    for key in order {
      let variants = groups[key] ?? []
      let differs = variants.count > 1 ? "changed" : ""
      for v in variants {
        let name = (key.file as NSString).lastPathComponent
        let input = key.file.isEmpty ? "–" : (name + (roles[key.file].map { " (\($0))" } ?? ""))
        // The file by its name, as in the input column: a report is shared, and the folder it
        // was run in is nobody else's business (nor should it change the page's bytes).
        let reason = key.file.isEmpty ? key.reason : key.reason.replacingOccurrences(of: key.file, with: name)
        let steps = v.steps.filter { !$0.isEmpty }.joined(separator: ", ")
        rows.append([
          ReportHTML.cell(input), ReportHTML.cell(reason),
          ReportHTML.cell(variants.count > 1 ? "\(steps) (counts differ between steps)" : steps, classes: differs),
          ReportHTML.cell(ReportHTML.count(v.rows), value: v.rows, classes: differs),
          ReportHTML.cell(ReportHTML.count(v.amount), value: v.amount, classes: differs),
          ReportHTML.cell(key.unit), ReportHTML.cell(key.destination),
        ])
      }
    }
    return rows
  }

  /// The run report's accounting: each input's rows (read, counted, excluded, lost), then the
  /// expected exclusions, the losses and the repeated rows grouped by input and reason.
  func accounting(_ report: [String: Any]) -> String {
    var html = "<h3>Accounting</h3>\n"
    let inputs = report["inputs"] as? [[String: Any]] ?? []
    func n(_ d: [String: Any], _ key: String) -> Double? { (d[key] as? NSNumber)?.doubleValue }
    var roles: [String: String] = [:]
    for input in inputs { if let file = input["file"] as? String, roles[file] == nil { roles[file] = input["role"] as? String } }
    let inputRows = inputs.map { input -> [String] in
      let file = ((input["file"] as? String) ?? "") as NSString
      return [ReportHTML.cell((input["role"] as? String) ?? ""), ReportHTML.cell(file.lastPathComponent)]
        + ["rowsRead", "rowsCounted", "rowsExcluded", "rowsLost"].map { ReportHTML.cell(ReportHTML.count(n(input, $0)), value: n(input, $0)) }
    }
    html += ReportHTML.table(
      id: "accounting-inputs", caption: "Rows of each input",
      headings: ["Role", "File", "Read", "Counted", "Expected exclusions", "Lost"], rows: inputRows)
    let headings = ["Input", "Reason", "Steps that met it", "Rows", "Amount", "Unit", "Where it went"]
    for (key, caption) in [("exclusions", "Expected exclusions"), ("losses", "Losses"), ("repeatedRows", "Repeated rows")] {
      let rows = Self.groupedRows(Self.entries(report, key: key), roles: roles)
      if rows.isEmpty {
        // Repeated rows are rare: said only when there are some.
        if key != "repeatedRows" { html += "<p class=\"note\">\(caption): none.</p>\n" }
      } else {
        html += ReportHTML.table(id: "accounting-\(key)", caption: caption + " (each once, with the steps that met it)", headings: headings, rows: rows)
      }
    }
    return html
  }
}
