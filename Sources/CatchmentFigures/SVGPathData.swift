/// SVG path data written compactly: each subpath starts with an absolute `M x y`, then relative
/// steps after one `l` (the command repeats implicitly), in whole units of 10^−decimals, with
/// no leading zero (".5"), no trailing ".0" and no space before a minus sign.
///
/// The steps are differences of coordinates already rounded to the grid, so the point each
/// step reaches is exactly the rounded absolute point: no error accumulates along a ring. A
/// step of zero (two points that round alike) is left out. On the national report's maps this
/// writes about 40% fewer bytes than absolute `L x y` pairs.
struct SVGPathData {
  let decimals: Int
  private let scale: Double
  private(set) var text = ""

  init(decimals: Int) {
    self.decimals = min(max(decimals, 0), 6)
    var scale = 1.0
    for _ in 0..<self.decimals { scale *= 10 }
    self.scale = scale
  }

  /// Appends one subpath through `points`, closed with `z` when `closed`. Returns whether it
  /// drew at least three distinct grid points (a closed ring with fewer bounds no area).
  @discardableResult
  mutating func append(_ points: some Sequence<(x: Double, y: Double)>, closed: Bool) -> Bool {
    var previous: (x: Int64, y: Int64)?
    var steps = 0
    for p in points {
      // Finite drawing coordinates, a few thousand pixels at most.
      let q = (x: Int64((p.x * scale).rounded()), y: Int64((p.y * scale).rounded()))
      guard let last = previous else {
        text += (text.isEmpty ? "M" : " M") + number(q.x) + separated(number(q.y))
        previous = q
        continue
      }
      let dx = q.x - last.x, dy = q.y - last.y
      if dx == 0 && dy == 0 { continue }
      text += steps == 0 ? "l" + number(dx) : separated(number(dx))
      text += separated(number(dy))
      steps += 1
      previous = q
    }
    if closed { text += "z" }
    return steps >= 2
  }

  /// `value` × 10^−decimals, shortest: "-12.3", ".5", "-.5", "7".
  func number(_ value: Int64) -> String {
    let negative = value < 0
    let units = value.magnitude
    var factor: UInt64 = 1
    for _ in 0..<decimals { factor *= 10 }
    let whole = units / factor
    var fraction = units % factor
    var out = negative ? "-" : ""
    if whole > 0 || fraction == 0 { out += String(whole) }
    if fraction > 0 {
      var width = decimals
      while fraction % 10 == 0 {
        fraction /= 10
        width -= 1
      }
      let digits = String(fraction)
      out += "." + String(repeating: "0", count: width - digits.count) + digits
    }
    return out
  }

  /// A number after another: a space unless its minus sign separates it.
  private func separated(_ number: String) -> String { number.hasPrefix("-") ? number : " " + number }
}
