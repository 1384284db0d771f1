/// A matrix (rows × columns) as a grid of cells shaded through a scale, each value printed in
/// its cell with thousands separators (black or white, whichever contrasts more), row labels
/// on the left and column labels above, slanted. With `blankZeros` a cell of exactly 0 is left
/// blank (a sparse matrix such as 309 councils × 42 ICBs is mostly zeros, and blank cells keep
/// the figure small and the few overlaps easy to see); the description should say so.
public enum Heatmap {
  /// Throws ``FigureError/matrixRowLength(row:expected:found:)`` when a row of `values` does
  /// not have one value per column label, or there are more rows than row labels.
  public static func svg(
    id: String, title: String, description: String, rowLabels: [String], columnLabels: [String], values: [[Double?]],
    scale: ColourScale, format: ValueFormat, measure: String, rowHeading: String = "", columnHeading: String = "",
    blankZeros: Bool = false
  ) throws(FigureError) -> String {
    for (r, row) in values.enumerated() where row.count != columnLabels.count {
      throw .matrixRowLength(row: r < rowLabels.count ? rowLabels[r] : "\(r + 1)", expected: columnLabels.count, found: row.count)
    }
    guard values.count == rowLabels.count else {
      throw .matrixRowLength(row: "count", expected: rowLabels.count, found: values.count)
    }
    // Widths from character counts (about 6.2 px a character at 11 px): deterministic, no font metrics.
    let texts = values.map { $0.map { format.text($0) } }
    let longestValue = texts.joined().map(\.count).max() ?? 1
    let cellW = max(40, Double(longestValue) * 6.4 + 10), cellH = 22.0
    let left = min(260, Double((rowLabels + [rowHeading]).map(\.count).max() ?? 0) * 6.2 + 16)
    let top = min(200, Double(columnLabels.map(\.count).max() ?? 0) * 4.6 + 28)
    // Column labels slant up to the right by 40°: their tails reach about 4.8 px a character
    // beyond their cell; the legend needs 260 px.
    let tail = Double(columnLabels.last?.count ?? 0) * 4.8
    let width = max(left + cellW * Double(columnLabels.count) + max(20, tail - cellW / 2), 300)
    let height = top + cellH * Double(rowLabels.count) + 70
    var svg = SVGDocument(id: id, width: width, height: height, title: title, description: description)
    if !columnHeading.isEmpty { svg.text(columnHeading, x: left, y: 12, attributes: [("font-weight", "bold")]) }
    if !rowHeading.isEmpty { svg.text(rowHeading, x: 4, y: top - 6, attributes: [("font-weight", "bold")]) }
    for (c, label) in columnLabels.enumerated() {
      let x = left + cellW * (Double(c) + 0.5), y = top - 6
      svg.text(label, x: x, y: y, attributes: [("transform", "rotate(-40 \(NumberText.coordinate(x)) \(NumberText.coordinate(y)))")])
    }
    var cells = "<g font-size=\"10\" text-anchor=\"middle\">"
    var missing = false
    for (r, label) in rowLabels.enumerated() {
      let y = top + cellH * Double(r)
      svg.text(label, x: left - 6, y: y + 15, attributes: [("text-anchor", "end")])
      for c in columnLabels.indices {
        let value = values[r][c]
        if value == nil { missing = true }
        if blankZeros && value == 0 { continue }
        let fill = scale.colour(value)
        let x = left + cellW * Double(c)
        let cx = NumberText.coordinate
        cells += "\n<rect x=\"\(cx(x, 1))\" y=\"\(cx(y, 1))\" width=\"\(cx(cellW - 1, 1))\" height=\"\(cx(cellH - 1, 1))\" fill=\"\(fill.hex)\">"
        cells += "<title>\(SVGDocument.escape("\(label) × \(columnLabels[c]): \(texts[r][c])"))</title></rect>"
        cells += "<text x=\"\(cx(x + cellW / 2, 1))\" y=\"\(cx(y + 15, 1))\" fill=\"\(fill.textColour)\">\(SVGDocument.escape(texts[r][c]))</text>"
      }
    }
    svg.append(cells + "\n</g>")
    Legend.draw(
      into: &svg, scale: scale, format: format, measure: measure, x: 24, y: top + cellH * Double(rowLabels.count) + 12,
      width: min(260, width - 120), showsMissing: missing)
    return svg.text
  }
}
