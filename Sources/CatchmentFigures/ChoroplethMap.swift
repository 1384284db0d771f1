/// A map of a footprint layer, each footprint shaded by its value of one measure.
///
/// Each footprint is one `<path>` (`id` = figure id + "-f" + its position, `data-id` = its
/// code, `data-value` its value, a `<title>` child for hover), filled through the scale
/// (missing values in grey), outlined in white; zones (optional, in the same frame) outlined
/// faintly on top of the fills, as one path; labels at each footprint's label point where
/// they fit; the legend below.
public enum ChoroplethMap {
  /// The SVG document (map `geometry.frame` size, plus 60 px for the legend).
  ///
  /// - Parameters:
  ///   - values: by footprint code; a footprint without a value is drawn as missing.
  ///   - labels: whether to print each footprint's name (its code when it has no name).
  public static func svg(
    id: String, title: String, description: String, geometry: DisplayGeometry, values: [String: Double],
    scale: ColourScale, format: ValueFormat, measure: String, zones: DisplayGeometry? = nil, labels: Bool = true
  ) -> String {
    let frame = geometry.frame
    var svg = SVGDocument(id: id, width: max(frame.width, 420), height: frame.height + 60, title: title, description: description)
    var shapes = "<g stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
    var missing = false
    for f in geometry.ids.indices where !geometry.rings[f].isEmpty {
      let code = geometry.ids[f]
      let value = values[code]
      if value == nil || !(value?.isFinite ?? false) { missing = true }
      let name = geometry.names[f].isEmpty ? code : geometry.names[f]
      let hover = "\(name): \(format.text(value))\(format.unit.isEmpty ? "" : " " + format.unit)"
      let dataValue = value.map { $0.isFinite ? NumberText.format($0, decimals: 6, separators: false, asciiMinus: true) : "" } ?? ""
      shapes += "\n<path id=\"\(svg.id)-f\(f)\" data-id=\"\(SVGDocument.escape(code))\" data-value=\"\(dataValue)\""
      shapes += " fill=\"\(scale.colour(value).hex)\" d=\"\(geometry.pathData(f))\"><title>\(SVGDocument.escape(hover))</title></path>"
    }
    svg.append(shapes + "\n</g>")
    if let zones {
      // One path, each zone border once (zones are context, not features).
      svg.append("<path fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.35\" stroke-width=\"0.3\" d=\"\(zones.outlinePathData())\"/>")
    }
    if labels { drawLabels(into: &svg, geometry: geometry, values: values, format: format) }
    Legend.draw(
      into: &svg, scale: scale, format: format, measure: measure, x: 24, y: frame.height + 4,
      width: min(280, max(frame.width, 420) - 120), showsMissing: missing)
    return svg.text
  }

  /// Name and value at each label point, dark text on a white halo (readable on every colour
  /// of the scales). Labels are placed largest footprint first and a label whose box (about
  /// 5.2 px a character, 12 px a line) would overlap one already placed is left out: the
  /// footprint's `<title>` still names it on hover.
  static func drawLabels(into svg: inout SVGDocument, geometry: DisplayGeometry, values: [String: Double]?, format: ValueFormat?) {
    var group = "<g text-anchor=\"middle\" font-size=\"10\" fill=\"#111111\""
    group += " stroke=\"#ffffff\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
    let order = geometry.ids.indices.sorted { a, b in
      let (areaA, areaB) = (geometry.drawnArea(a), geometry.drawnArea(b))
      return areaA != areaB ? areaA > areaB : a < b
    }
    var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
    var drawn = Set<Int>()
    for f in order {
      guard let point = geometry.labels[f] else { continue }
      let name = geometry.names[f].isEmpty ? geometry.ids[f] : geometry.names[f]
      let value = values.flatMap { values in format.map { $0.text(values[geometry.ids[f]]) } }
      let half = Double(max(name.count, value?.count ?? 0)) * 2.6
      let box = (x0: point.x - half, y0: point.y - 12, x1: point.x + half, y1: point.y + (value == nil ? 2 : 14))
      if placed.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) { continue }
      placed.append(box)
      drawn.insert(f)
    }
    for f in geometry.ids.indices where drawn.contains(f) {
      guard let point = geometry.labels[f] else { continue }
      let name = geometry.names[f].isEmpty ? geometry.ids[f] : geometry.names[f]
      let c = NumberText.coordinate
      group += "\n<text x=\"\(c(point.x, 1))\" y=\"\(c(point.y - 2, 1))\">\(SVGDocument.escape(name))"
      if let values, let format {
        group += "<tspan x=\"\(c(point.x, 1))\" dy=\"12\">\(SVGDocument.escape(format.text(values[geometry.ids[f]])))</tspan>"
      }
      group += "</text>"
    }
    svg.append(group + "\n</g>")
  }
}
