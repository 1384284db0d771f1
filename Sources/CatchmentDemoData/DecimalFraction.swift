/// A fraction of two counts written as a decimal with integer arithmetic only, so the text is
/// the same on every machine.
enum DecimalFraction {
  /// `numerator / denominator` rounded half up to `places` decimal places (at most 15).
  ///
  /// Trailing zeros and a bare point are dropped: 57/148 → `0.385135135135`, 1/4 → `0.25`,
  /// 3/3 → `1`. The written value is within 0.5·10^−places of the exact quotient.
  ///
  /// - Precondition: `numerator ≥ 0`, `denominator > 0`, and 2·numerator·10^places fits in an
  ///   `Int` (for 12 places: numerator below 4.6 million).
  static func text(_ numerator: Int, over denominator: Int, places: Int = 12) -> String {
    precondition(numerator >= 0 && denominator > 0 && (0...15).contains(places), "bad fraction")
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let (twice, overflow) = (2 * numerator).multipliedReportingOverflow(by: scale)
    precondition(!overflow, "numerator too large for \(places) places")
    // ⌊(2·n·10^p + d) / (2·d)⌋ = round-half-up of n·10^p / d.
    let scaled = (twice + denominator) / (2 * denominator)
    let whole = scaled / scale
    var fraction = String(scaled % scale).leftPadded(to: places)
    while fraction.last == "0" { fraction.removeLast() }
    return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
  }
}
