/// Formats numbers for CSV output: whole numbers without a decimal point, others in the
/// shortest form that reads back to the same `Double`.
///
/// Examples: `1632` → "1632", `0.25` → "0.25", `1.0/3` → "0.3333333333333333",
/// `1e-7` → "1e-07"; non-finite values (which the analyses never write) become "".
/// Negative zero is written "0" so that totals never print as "-0".
public enum NumberFormat {
  /// The CSV text of `value`.
  public static func csv(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    // Swift's description is the shortest round-trip representation (Errol/Ryu-style).
    return value.description
  }

  /// The CSV text of an integer.
  public static func csv(_ value: Int) -> String { String(value) }
}
