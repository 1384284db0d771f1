/// Horizontal bars, one per item in the order given, labelled on the left, each value
/// printed at the end of its bar (thousands separators); no axis, no grid. Labels are measured
/// (`TextWidth`) so that none runs off the left edge.
public enum BarChart {
  /// `values` pairs with `labels`; a value that is not finite or is negative draws no bar and
  /// prints "–".
  public static func svg(
    id: String, title: String, description: String, labels: [String], values: [Double], format: ValueFormat,
    measure: String, colour: Colour = ColourMap.viridis.colour(at: 0.3)
  ) -> String {
    let count = min(labels.count, values.count)
    // Room for the widest label (11 px type) up to 360 px; a longer one is cut with "…" (its
    // bar's hover names it whole).
    let left = min(360, (labels.prefix(count).map { TextWidth.of($0, fontSize: 11) }.max() ?? 0) + 16)
    let barMax = 360.0, rowH = 20.0
    let largest = values.prefix(count).filter { $0.isFinite && $0 > 0 }.max() ?? 1
    let width = left + barMax + 90, height = 34 + rowH * Double(count) + 8
    var svg = SVGDocument(id: id, width: width, height: height, title: title, description: description)
    svg.text(Legend.caption(measure: measure, unit: format.unit), x: left, y: 16, attributes: [("font-weight", "bold")])
    var bars = "<g>"
    for k in 0..<count {
      let y = 28 + rowH * Double(k)
      let value = values[k]
      let drawable = value.isFinite && value >= 0
      let length = drawable ? barMax * value / largest : 0
      let c = NumberText.coordinate
      bars += "\n<text x=\"\(c(left - 6, 1))\" y=\"\(c(y + 13, 1))\" text-anchor=\"end\">\(SVGDocument.escape(TextWidth.fitted(labels[k], width: left - 10, fontSize: 11)))</text>"
      bars += "<rect x=\"\(c(left, 1))\" y=\"\(c(y + 2, 1))\" width=\"\(c(length, 1))\" height=\"\(c(rowH - 5, 1))\" fill=\"\(colour.hex)\">"
      bars += "<title>\(SVGDocument.escape("\(labels[k]): \(format.text(drawable ? value : nil))"))</title></rect>"
      bars += "<text x=\"\(c(left + length + 4, 1))\" y=\"\(c(y + 13, 1))\">\(SVGDocument.escape(format.text(drawable ? value : nil)))</text>"
    }
    svg.append(bars + "\n</g>")
    return svg.text
  }
}
