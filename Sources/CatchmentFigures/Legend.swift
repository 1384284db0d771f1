import Foundation

/// A colour legend: the scale as a bar of steps, ticks at round values of the measure in its
/// displayed units, a caption naming the measure and its unit, and a "no data" swatch when
/// some value is missing.
enum Legend {
  /// Draws the legend with its top-left corner at (x, y), `width` pixels wide (about 44 high).
  static func draw(
    into svg: inout SVGDocument, scale: ColourScale, format: ValueFormat, measure: String, x: Double, y: Double, width: Double,
    showsMissing: Bool
  ) {
    let caption = Legend.caption(measure: measure, unit: format.unit)
    svg.text(caption, x: x, y: y + 10, attributes: [("font-weight", "bold")])
    let steps = 64, barY = y + 16, barH = 10.0
    let stepW = width / Double(steps)
    var cells = "<g shape-rendering=\"crispEdges\">"
    for k in 0..<steps {
      // Each step shows the colour of its middle value.
      let value = scale.value(at: (Double(k) + 0.5) / Double(steps))
      let c = NumberText.coordinate
      cells += "<rect x=\"\(c(x + Double(k) * stepW, 2))\" y=\"\(c(barY, 1))\" width=\"\(c(stepW + 0.05, 2))\""
      cells += " height=\"\(c(barH, 1))\" fill=\"\(scale.colour(value).hex)\"/>"
    }
    svg.append(cells + "</g>")
    // As many ticks as their labels leave room for (about 6 px a character, 12 px apart).
    let labelWidth = Double(max(format.text(scale.low).count, format.text(scale.high).count)) * 6 + 12
    let room = max(2, min(6, Int(width / labelWidth)))
    let values = scale.logarithmic
      ? logTicks(low: scale.low, high: scale.high, count: room) : ticks(low: scale.low, high: scale.high, multiplier: format.multiplier, count: room)
    for value in values {
      let tx = x + width * scale.position(value)
      let (lx, y1, y2) = (NumberText.coordinate(tx), NumberText.coordinate(barY + barH), NumberText.coordinate(barY + barH + 3))
      svg.append("<line x1=\"\(lx)\" y1=\"\(y1)\" x2=\"\(lx)\" y2=\"\(y2)\" stroke=\"#333333\" stroke-width=\"1\"/>")
      svg.text(format.text(value), x: tx, y: barY + barH + 14, attributes: [("text-anchor", "middle"), ("font-size", "10")])
    }
    if showsMissing {
      svg.rect(x: x + width + 16, y: barY, width: 14, height: barH, fill: ColourScale.missing.hex)
      svg.text("no data", x: x + width + 34, y: barY + 9, attributes: [("font-size", "10")])
    }
  }

  /// "Measure (unit)", or the measure alone when it names the unit already, in the singular
  /// or the plural ("Resident population", not "Resident population (residents)").
  static func caption(measure: String, unit: String) -> String {
    let (m, u) = (measure.lowercased(), unit.lowercased())
    let singular = u.hasSuffix("s") ? String(u.dropLast()) : u
    return unit.isEmpty || m.contains(u) || (!singular.isEmpty && m.contains(singular)) ? measure : "\(measure) (\(unit))"
  }

  /// Powers of ten within low...high (a logarithmic scale's ticks), every other one, every
  /// third… when there are more than `count` + 1; none when low ≤ 0.
  static func logTicks(low: Double, high: Double, count: Int = 4) -> [Double] {
    guard low > 0, high.isFinite, high >= low else { return [] }
    var powers: [Double] = []
    var p = pow(10, (log10(low) - 1e-9).rounded(.up))
    while p <= high * (1 + 1e-12) && powers.count < 40 {
      powers.append(p)
      p *= 10
    }
    let stride = max(1, Int((Double(powers.count) / Double(max(count, 1) + 1)).rounded(.up)))
    return powers.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
  }

  /// Round values (1, 2 or 5 × 10ᵏ apart in displayed units, at most `count` + 1 of them) within
  /// low...high, in the measure's own units; 0 is one of them when the domain spans it.
  static func ticks(low: Double, high: Double, multiplier: Double, count: Int = 4) -> [Double] {
    let m = multiplier > 0 && multiplier.isFinite ? multiplier : 1
    let lo = low * m, hi = high * m
    guard lo.isFinite, hi.isFinite, hi > lo else { return lo.isFinite ? [low] : [] }
    let rough = (hi - lo) / Double(max(count, 1))
    // The smallest of 1, 2, 5 × 10ᵏ at least `rough`: never more ticks than there is room for.
    var base = 1.0
    while base > rough { base /= 10 }
    while base * 10 <= rough { base *= 10 }
    let step = [1.0, 2, 5, 10].map { $0 * base }.first { $0 >= rough } ?? base * 10
    var out: [Double] = []
    var k = (lo / step).rounded(.up)
    while k * step <= hi * (1 + 1e-12) + 1e-12 && out.count < 20 {
      out.append(k * step / m)
      k += 1
    }
    return out
  }
}
