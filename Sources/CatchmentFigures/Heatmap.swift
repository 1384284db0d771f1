/// A matrix (rows × columns) as a grid of cells shaded through a scale, each value printed in
/// its cell with thousands separators (black or white, whichever contrasts more), row labels
/// on the left and column labels above, slanted. With `blankZeros` a cell of exactly 0 is left
/// blank (a sparse matrix such as 309 councils × 42 ICBs is mostly zeros, and blank cells keep
/// the figure small and the few overlaps easy to see); the description should say so. Beyond 8
/// rows, every other row lies on a faint grey band (to follow a row across a wide matrix).
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
    let texts = values.map { $0.map { format.text($0) } }
    // Sizes from measured text (`TextWidth`, 11 px type; cells 10 px): deterministic, no
    // font metrics at run time.
    let longestValue = texts.joined().map { TextWidth.of($0, fontSize: 10) }.max() ?? 0
    let cellW = max(40, longestValue + 12), cellH = 22.0
    // Row labels right-aligned before the cells, cut with "…" past 300 px (the hover names them).
    let rowTexts = rowLabels.map { TextWidth.fitted($0, width: 300, fontSize: 11) }
    let left = (rowTexts.map { TextWidth.of($0, fontSize: 11) } + [TextWidth.of(rowHeading, fontSize: 11, bold: true)]).max().map { $0 + 16 } ?? 16
    // Column labels slant up to the right by 40° from each column's middle: a label w px long
    // reaches w cos 40° right and w sin 40° up, plus its glyphs' height (0.76 em) across the
    // slant. Every column's reach counts, not only the last's: a long label in the middle can
    // reach further right than a short last one.
    let (cos40, sin40) = (0.766, 0.643)
    let columnTexts = columnLabels.map { TextWidth.fitted($0, width: 300, fontSize: 11) }
    let reach = columnTexts.map { TextWidth.of($0, fontSize: 11) }
    let top = (reach.max() ?? 0) * sin40 + 0.76 * 11 * cos40 + 6 + (columnHeading.isEmpty ? 6 : 22)
    var right = left + cellW * Double(columnLabels.count) + 12
    for (c, w) in reach.enumerated() { right = max(right, left + cellW * (Double(c) + 0.5) + w * cos40 + 0.76 * 11 * sin40 + 4) }
    // The legend needs 260 px besides its left margin, and the column heading its own width.
    let width = max(right, 300, left + TextWidth.of(columnHeading, fontSize: 11, bold: true) + 8)
    let height = top + cellH * Double(rowLabels.count) + 70
    var svg = SVGDocument(id: id, width: width, height: height, title: title, description: description)
    if !columnHeading.isEmpty { svg.text(columnHeading, x: left, y: 12, attributes: [("font-weight", "bold")]) }
    if !rowHeading.isEmpty { svg.text(rowHeading, x: 4, y: top - 6, attributes: [("font-weight", "bold")]) }
    for (c, label) in columnTexts.enumerated() {
      let x = left + cellW * (Double(c) + 0.5), y = top - 6
      svg.text(label, x: x, y: y, attributes: [("transform", "rotate(-40 \(NumberText.coordinate(x)) \(NumberText.coordinate(y)))")])
    }
    // A matrix of more than 8 rows: every other row on a faint band from its label to the last
    // column, so that the eye can follow a row across a wide, mostly blank matrix.
    if rowLabels.count > 8 {
      var bands = "<g fill=\"#f2f2f2\">"
      let c = NumberText.coordinate
      for r in stride(from: 1, to: rowLabels.count, by: 2) {
        bands += "<rect x=\"0.0\" y=\"\(c(top + cellH * Double(r) - 0.5, 1))\" width=\"\(c(left + cellW * Double(columnLabels.count), 1))\" height=\"\(c(cellH, 1))\"/>"
      }
      svg.append(bands + "</g>")
    }
    var cells = "<g font-size=\"10\" text-anchor=\"middle\">"
    var missing = false
    for (r, label) in rowLabels.enumerated() {
      let y = top + cellH * Double(r)
      svg.text(rowTexts[r], x: left - 6, y: y + 15, attributes: [("text-anchor", "end")])
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
