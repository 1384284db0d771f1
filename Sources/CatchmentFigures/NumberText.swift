/// Numbers as figures print them: fixed decimals, thousands separators, a true minus sign.
///
/// Written digit by digit from an integer so that the bytes never depend on the locale or
/// on the platform's formatter.
public enum NumberText {
  /// `value` rounded to `decimals` places (half away from zero), with "," every three digits
  /// when `separators`, and "−" (U+2212) for negatives unless `asciiMinus`. "–" (en dash)
  /// for a value that is not finite or too large to print exactly (≥ 1e15).
  public static func format(_ value: Double, decimals: Int = 0, separators: Bool = true, asciiMinus: Bool = false) -> String {
    let decimals = min(max(decimals, 0), 6)
    var factor = 1.0
    for _ in 0..<decimals { factor *= 10 }
    let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
    guard value.isFinite, scaled < 1e15 else { return "–" }
    let units = UInt64(scaled)  // finite, non-negative and below 1e15: exact
    let whole = units / UInt64(factor), fraction = units % UInt64(factor)
    var digits = String(whole)
    if separators && digits.count > 3 {
      var grouped = ""
      for (k, c) in digits.enumerated() {
        if k > 0 && (digits.count - k) % 3 == 0 { grouped.append(",") }
        grouped.append(c)
      }
      digits = grouped
    }
    if decimals > 0 {
      let tail = String(fraction)
      digits += "." + String(repeating: "0", count: decimals - tail.count) + tail
    }
    return units == 0 || value > 0 ? digits : (asciiMinus ? "-" : "\u{2212}") + digits
  }

  /// A coordinate for SVG attributes: fixed `decimals`, no separators, ASCII minus, no "-0".
  static func coordinate(_ value: Double, decimals: Int = 1) -> String {
    format(value, decimals: decimals, separators: false, asciiMinus: true)
  }
}

/// How a measure's values are shown: scaled (e.g. × 100 for a share shown in %), with fixed
/// decimals, and the unit named in the legend.
public struct ValueFormat: Sendable {
  public var multiplier: Double
  public var decimals: Int
  /// Appended to each printed value ("%" or "").
  public var suffix: String
  /// The unit as a legend names it ("residents", "% of residents", "patients").
  public var unit: String

  public init(multiplier: Double = 1, decimals: Int = 0, suffix: String = "", unit: String) {
    self.multiplier = multiplier
    self.decimals = decimals
    self.suffix = suffix
    self.unit = unit
  }

  /// Counts of people: whole numbers with thousands separators.
  public static func count(_ unit: String) -> ValueFormat { ValueFormat(unit: unit) }
  /// A share 0...1 shown as a percentage with one decimal.
  public static func percent(_ unit: String) -> ValueFormat { ValueFormat(multiplier: 100, decimals: 1, suffix: "%", unit: unit) }

  /// The printed value.
  public func text(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return NumberText.format(value * multiplier, decimals: decimals) + suffix
  }
}
