import Foundation

extension ReviewHeadline {
  /// The figures as `catchment review` prints them when the pack is written: where the pack is,
  /// then one numbered line per figure (people rounded to whole persons with thousands
  /// separators, shares as percentages to one decimal place, list inflation to three), naming
  /// the table each comes from; a figure the study cannot give says which section it needs.
  ///
  /// - Parameters:
  ///   - folder: the pack's folder, as it should be shown.
  ///   - files: how many files the pack holds (its tables, `report.json` and `manifest.json`,
  ///     and the report's page and figures).
  ///   - report: whether the pack holds `report.html`: then a line says where it is.
  public func text(pack folder: String, files: Int, report: Bool = false) -> String {
    var lines = [
      "The review pack is in \(folder) (\(files) files; report.json: what every step counted and lost; "
        + "manifest.json: every input, option and output with its SHA-256)."
    ]
    if report {
      lines.append(
        "The report is \((folder as NSString).appendingPathComponent("report.html")): open it in a browser "
          + "(maps, heatmaps and tables; each figure also as an SVG file in figures/).")
    }
    lines += [
      "",
      "Headline figures for the baseline \(baseline)" + (footprints.map { " (\($0) footprints)" } ?? "") + ":",
    ]
    let notHere = "not in this review"
    if let residents {
      lines.append("  1. Residents: \(Self.people(residents)) living in the footprints (population_\(baseline).csv)")
    } else {
      lines.append("  1. Residents: \(notHere) (it needs [population])")
    }
    if let registered {
      let inflation = listInflation.map { String(format: "; list inflation %.3f (registered residents ÷ residents)", $0) } ?? ""
      lines.append(
        "  2. Registered patients: \(Self.people(registered)) on the lists of the footprints' practices "
          + "(flow_summary_\(baseline).csv)\(inflation)")
    } else {
      lines.append("  2. Registered patients: \(notHere) (it needs [registrations] with a practice map)")
    }
    if let retention {
      lines.append(
        "  3. Retention: \(Self.percent(retention)) of the footprints' registered residents have their practice in their own "
          + "footprint\(Self.lowest(lowestRetention))")
    } else {
      lines.append("  3. Retention: \(notHere) (it needs [registrations] with a practice map)")
    }
    if let capture {
      let outside = inflow.map { "; \(Self.people($0)) live outside it" } ?? ""
      lines.append(
        "  4. Capture: \(Self.percent(capture)) of the practices' patients live in the practice's footprint\(outside)"
          + Self.lowest(lowestCapture))
    } else {
      lines.append("  4. Capture: \(notHere) (it needs [registrations] with a practice map)")
    }
    if let multiSystemTrusts, let trusts {
      let share = threshold.map { "at least \(Self.percent($0, decimals: 0...1)) of their catchment" } ?? "their catchment"
      lines.append(
        "  5. Trusts in two or more systems: \(multiSystemTrusts) of \(trusts) trusts have \(share) in each of two or more "
          + "footprints (membership_summary_\(baseline).csv)")
    } else {
      lines.append("  5. Trusts in two or more systems: \(notHere) (it needs [providers] and [population])")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// " (lowest 91.0%: E54000903 NHS Westmoor Integrated Care Board)", or nothing.
  static func lowest(_ footprint: Footprint?) -> String {
    guard let footprint else { return "" }
    let name = footprint.name.isEmpty ? "" : " " + footprint.name
    return " (lowest \(percent(footprint.value)): \(footprint.id)\(name))"
  }

  /// A share as a percentage: "95.1%" (one decimal place), or with `decimals: 0...1` as few
  /// as needed ("5%", "7.5%").
  static func percent(_ share: Double, decimals: ClosedRange<Int> = 1...1) -> String {
    let value = share * 100
    if decimals.lowerBound == 0, value == value.rounded() { return String(format: "%.0f%%", value) }
    return String(format: "%.1f%%", value)
  }

  /// People rounded to whole persons with thousands separators: 615066.4 → "615,066".
  static func people(_ value: Double) -> String {
    let digits = String(format: "%.0f", value.magnitude)
    guard digits.allSatisfy(\.isNumber) else { return digits }  // inf, nan
    var grouped = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (value < 0 && digits != "0" ? "-" : "") + grouped
  }
}
