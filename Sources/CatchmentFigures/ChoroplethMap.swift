/// A map of a footprint layer, each footprint shaded by its value of one measure.
///
/// Each footprint is one `<path>` (`id` = figure id + "-f" + its position, `data-id` = its
/// code, `data-value` its value, a `<title>` child for hover), filled through the scale
/// (missing values in grey), outlined in white; zones (optional, in the same frame) outlined
/// faintly on top of the fills; labels at each footprint's label point; the legend below.
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
      var outlines = "<g fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.35\" stroke-width=\"0.3\">"
      for z in zones.ids.indices where !zones.rings[z].isEmpty { outlines += "\n<path d=\"\(zones.pathData(z))\"/>" }
      svg.append(outlines + "\n</g>")
    }
    if labels { drawLabels(into: &svg, geometry: geometry, values: values, format: format) }
    Legend.draw(into: &svg, scale: scale, format: format, measure: measure, x: 12, y: frame.height + 4, width: min(280, max(frame.width, 420) - 120), showsMissing: missing)
    return svg.text
  }

  /// Name and value at each label point, dark text on a white halo (readable on every colour
  /// of the scales).
  static func drawLabels(into svg: inout SVGDocument, geometry: DisplayGeometry, values: [String: Double]?, format: ValueFormat?) {
    var group = "<g text-anchor=\"middle\" font-size=\"10\" fill=\"#111111\" stroke=\"#ffffff\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
    for f in geometry.ids.indices {
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
