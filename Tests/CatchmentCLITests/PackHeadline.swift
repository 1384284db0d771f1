import CatchmentTestSupport
import Foundation

/// The headline `catchment review` should print for a pack, computed here from the pack's own
/// tables (not through the library's `ReviewHeadline`): sums over the rows of
/// `population_<baseline>.csv` and `flow_summary_<baseline>.csv` other than UNALLOCATED, each
/// footprint's retention and capture divided out from its counts, the multi-system trusts
/// counted as rows of `membership_summary_<baseline>.csv` and the trusts as the distinct
/// providers of `membership_<baseline>.csv` other than UNATTRIBUTED.
struct PackHeadline {
  var pack: URL
  var baseline: String

  func table(_ name: String) throws -> SimpleCSV { try SimpleCSV(contentsOf: pack.appendingPathComponent(name)) }

  /// Fields of `column`, for the rows whose first column is not UNALLOCATED.
  func values(_ table: SimpleCSV, _ column: String) -> [String] {
    let c = table.column(column)
    return table.rows.filter { $0[0] != "UNALLOCATED" }.map { $0[c] }
  }

  func sum(_ table: SimpleCSV, _ column: String) -> Double { values(table, column).reduce(0) { $0 + (Double($1) ?? .nan) } }

  /// Whole people with thousands separators, by Foundation's formatter.
  func people(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = 0
    return formatter.string(from: NSNumber(value: value)) ?? "?"
  }

  func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

  /// The lowest of `numerator ÷ denominator` over the footprints, as "(lowest 91.0%: CODE NAME)".
  func lowest(_ summary: SimpleCSV, _ numerator: String, _ denominator: String) -> String {
    let ids = values(summary, "footprint_id"), names = values(summary, "footprint_name")
    let shares = zip(values(summary, numerator), values(summary, denominator)).map { (Double($0) ?? .nan) / (Double($1) ?? .nan) }
    guard let i = shares.indices.min(by: { shares[$0] < shares[$1] }) else { return "" }
    return " (lowest \(percent(shares[i])): \(ids[i]) \(names[i]))"
  }

  /// The five lines of figures, with a membership threshold stated as `threshold` ("5%").
  func figureLines(threshold: String) throws -> [String] {
    let population = try table("population_\(baseline).csv")
    let summary = try table("flow_summary_\(baseline).csv")
    let residents = sum(population, "population")
    let list = sum(summary, "registered_list"), resident = sum(summary, "resident_registered"), retained = sum(summary, "retained")
    let multi = try table("membership_summary_\(baseline).csv").rows.count
    let membership = try table("membership_\(baseline).csv")
    let trusts = Set(membership.rows.map { $0[membership.column("provider_id")] }.filter { $0 != "UNATTRIBUTED" }).count
    return [
      "Headline figures for the baseline \(baseline) (\(values(population, "footprint_id").count) footprints):",
      "  1. Residents: \(people(residents)) living in the footprints (population_\(baseline).csv)",
      "  2. Registered patients: \(people(list)) on the lists of the footprints' practices (flow_summary_\(baseline).csv); "
        + "list inflation \(String(format: "%.3f", resident / residents)) (registered residents ÷ residents)",
      "  3. Retention: \(percent(retained / resident)) of the footprints' registered residents have their practice in their own "
        + "footprint\(lowest(summary, "retained", "resident_registered"))",
      "  4. Capture: \(percent(retained / list)) of the practices' patients live in the practice's footprint; "
        + "\(people(list - retained)) live outside it\(lowest(summary, "retained", "registered_list"))",
      "  5. Trusts in two or more systems: \(multi) of \(trusts) trusts have at least \(threshold) of their catchment in each of "
        + "two or more footprints (membership_summary_\(baseline).csv)",
    ]
  }

  /// The first lines: the pack's folder and how many files it holds (those in figures/ too),
  /// then where its report is (when the pack has one).
  func packLine() throws -> String {
    let files = try FileManager.default.subpathsOfDirectory(atPath: pack.path).filter {
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: pack.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }.count
    var line = "The review pack is in \(pack.path) (\(files) files; report.json: what every step counted and lost; "
      + "manifest.json: every input, option and output with its SHA-256)."
    if FileManager.default.fileExists(atPath: pack.appendingPathComponent("report.html").path) {
      line += "\nThe report is \(pack.path)/report.html: open it in a browser (maps, heatmaps and tables; each figure also as an SVG file in figures/)."
    }
    return line
  }
}
