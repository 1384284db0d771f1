import Foundation

/// Patients (or any amount) moving from one footprint to another.
public struct Flow: Sendable, Equatable {
  public var from: String
  public var to: String
  public var value: Double
  public init(from: String, to: String, value: Double) {
    self.from = from
    self.to = to
    self.value = value
  }
}

/// The largest flows between footprints as curved links on a plain map of the footprints.
///
/// Links run between the footprints' label points as quadratic curves bowed to the right of
/// their direction (so a→b and b→a never overlap), with an arrowhead at the destination and a
/// width proportional to the value (`maxWidth` for the largest). Only the `top` largest flows
/// between two different footprints are drawn; the others (and flows to or from a footprint
/// not on the map) are counted and summed in a note, so that nothing is silently dropped.
/// Footprint names are placed as on the maps (`LabelPlacement`), 12 px clear of the links'
/// ends and, where they fit elsewhere, clear of the links, and drawn under the links.
public enum FlowMap {
  public static func svg(
    id: String, title: String, description: String, geometry: DisplayGeometry, flows: [Flow], top: Int = 10,
    format: ValueFormat, maxWidth: Double = 14
  ) -> String {
    var position: [String: Int] = [:]
    for (f, code) in geometry.ids.enumerated() where position[code] == nil && geometry.labels[f] != nil { position[code] = f }
    let between = flows.filter { $0.from != $0.to && $0.value.isFinite && $0.value > 0 }
    let drawable = between.filter { position[$0.from] != nil && position[$0.to] != nil }.sorted {
      $0.value != $1.value ? $0.value > $1.value
        : ($0.from != $1.from ? $0.from.utf8.lexicographicallyPrecedes($1.from.utf8) : $0.to.utf8.lexicographicallyPrecedes($1.to.utf8))
    }
    let shown = Array(drawable.prefix(max(0, top)))
    let rest = between.count - shown.count
    let restTotal = between.map(\.value).reduce(0, +) - shown.map(\.value).reduce(0, +)
    let frame = geometry.frame
    // The links' ends: labels keep 12 px clear of them, so that no label hides an arrowhead.
    let ends = Set(shown.flatMap { [$0.from, $0.to] }).compactMap { position[$0].flatMap { geometry.labels[$0] } }
    let nodes = ends.map { LabelPlacement.Box(x0: $0.x - 12, y0: $0.y - 12, x1: $0.x + 12, y1: $0.y + 12) }
    // And clear of the links themselves where they can: boxes along each link's middle line.
    let largest = shown.first?.value ?? 1
    var along: [LabelPlacement.Box] = []
    for flow in shown {
      guard let a = position[flow.from].flatMap({ geometry.labels[$0] }), let b = position[flow.to].flatMap({ geometry.labels[$0] }) else { continue }
      let r = max(1, maxWidth * flow.value / largest) / 2 + 2
      along += middleLine(from: a, to: b).map { LabelPlacement.Box(x0: $0.x - r, y0: $0.y - r, x1: $0.x + r, y1: $0.y + r) }
    }
    let labelNames = ChoroplethMap.labelNames(geometry)
    let placement = LabelPlacement(geometry: geometry, names: labelNames.names, avoiding: nodes, preferablyAvoiding: along)
    var note = "Links: the \(shown.count) largest flows between footprints, width proportional to \(format.unit) (widest \(format.text(largest)))."
    if rest > 0 { note += " \(NumberText.format(Double(rest))) other flows, \(format.text(restTotal)) \(format.unit) in all, not drawn." }
    // The note wrapped to the figure's width (12 px margins), 13 px a line.
    let width = max(frame.width, 420)
    let noteLines = TextWidth.lines(note, width: width - 24, fontSize: 10)
    var svg = SVGDocument(
      id: id, width: width, height: frame.height + 27 + 13 * Double(noteLines.count), title: title,
      description: description + " " + ChoroplethMap.labelNote(placement) + labelNames.note)
    var base = "<g fill=\"#e8e8e8\" stroke=\"#ffffff\" stroke-width=\"1\" fill-rule=\"evenodd\">"
    for f in geometry.ids.indices where !geometry.rings[f].isEmpty {
      base += "\n<path id=\"\(svg.id)-f\(f)\" data-id=\"\(SVGDocument.escape(geometry.ids[f]))\" d=\"\(geometry.pathData(f))\">"
      base += "<title>\(SVGDocument.escape(name(geometry.ids[f], geometry)))</title></path>"
    }
    svg.append(base + "\n</g>")
    // Labels under the links: a link crossing a label stays whole, the label readable through it.
    ChoroplethMap.drawLabels(into: &svg, placement: placement)
    var links = "<g fill=\"#3b528b\" fill-opacity=\"0.7\" stroke=\"none\">"
    for flow in shown.reversed() {  // the largest drawn last, on top
      guard let a = position[flow.from].flatMap({ geometry.labels[$0] }), let b = position[flow.to].flatMap({ geometry.labels[$0] }) else { continue }
      let width = max(1, maxWidth * flow.value / largest)
      let hover = "\(name(flow.from, geometry)) → \(name(flow.to, geometry)): \(format.text(flow.value)) \(format.unit)"
      links += "\n<path data-from=\"\(SVGDocument.escape(flow.from))\" data-to=\"\(SVGDocument.escape(flow.to))\""
      links += " d=\"\(linkPath(from: a, to: b, width: width))\"><title>\(SVGDocument.escape(hover))</title></path>"
    }
    svg.append(links + "\n</g>")
    for (k, line) in noteLines.enumerated() { svg.text(line, x: 12, y: frame.height + 22 + 13 * Double(k), attributes: [("font-size", "10")]) }
    return svg.text
  }

  static func name(_ code: String, _ geometry: DisplayGeometry) -> String {
    guard let f = geometry.ids.firstIndex(of: code), !geometry.names[f].isEmpty else { return code }
    return geometry.names[f]
  }

  /// Points every 4 px or closer along the middle of the link from `a` to `b` (its quadratic
  /// curve, with the control point ``linkPath(from:to:width:)`` uses).
  static func middleLine(from a: (x: Double, y: Double), to b: (x: Double, y: Double)) -> [(x: Double, y: Double)] {
    let dx = b.x - a.x, dy = b.y - a.y
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 0 else { return [a] }
    let control = (x: (a.x + b.x) / 2 - dy / length * 0.2 * length, y: (a.y + b.y) / 2 + dx / length * 0.2 * length)
    let n = max(2, Int(min(length * 1.2 / 4, 2_000).rounded(.up)))
    return (0...n).map { k in
      let t = Double(k) / Double(n), u = 1 - t
      return (u * u * a.x + 2 * u * t * control.x + t * t * b.x, u * u * a.y + 2 * u * t * control.y + t * t * b.y)
    }
  }

  /// A filled shape: a quadratic curve from `a` to `b` of the given width (a band between two
  /// offset curves) ending in an arrowhead whose tip stops short of `b` (so labels stay clear).
  static func linkPath(from a: (x: Double, y: Double), to b: (x: Double, y: Double), width: Double) -> String {
    let dx = b.x - a.x, dy = b.y - a.y
    let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
    let ux = dx / length, uy = dy / length
    // Right of the direction of travel in drawing coordinates (y down): (−uy, ux).
    let nx = -uy, ny = ux
    let bow = 0.2 * length
    let control = (x: (a.x + b.x) / 2 + nx * bow, y: (a.y + b.y) / 2 + ny * bow)
    // The tail too leaves the label point: 8 px along the curve's start direction.
    let sx = control.x - a.x, sy = control.y - a.y
    let sl = max((sx * sx + sy * sy).squareRoot(), 1e-9)
    let start = (x: a.x + sx / sl * min(8, length / 4), y: a.y + sy / sl * min(8, length / 4))
    // The tip: 10 px before b along the chord from the control point.
    let tx = b.x - control.x, ty = b.y - control.y
    let tl = max((tx * tx + ty * ty).squareRoot(), 1e-9)
    let tipGap = min(10, length / 4)
    let tip = (x: b.x - tx / tl * tipGap, y: b.y - ty / tl * tipGap)
    let head = min(3 * width + 6, length / 3), half = 1.2 * width + 3
    let base = (x: tip.x - tx / tl * head, y: tip.y - ty / tl * head)
    let px = -ty / tl, py = tx / tl
    let w = width / 2
    let c = { (v: Double) in NumberText.coordinate(v, decimals: 1) }
    func p(_ x: Double, _ y: Double) -> String { c(x) + " " + c(y) }
    var d = "M" + p(start.x + nx * w, start.y + ny * w)
    d += " Q" + p(control.x + nx * w, control.y + ny * w) + " " + p(base.x + px * w, base.y + py * w)
    d += " L" + p(base.x + px * half, base.y + py * half) + " L" + p(tip.x, tip.y) + " L" + p(base.x - px * half, base.y - py * half)
    d += " L" + p(base.x - px * w, base.y - py * w)
    d += " Q" + p(control.x - nx * w, control.y - ny * w) + " " + p(start.x - nx * w, start.y - ny * w) + " Z"
    return d
  }
}
