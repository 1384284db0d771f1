import Foundation
import Testing

@testable import CatchmentFigures

/// Text stays inside its figure: each label measured with ``TextWidth`` (an upper bound of
/// DejaVu Sans and Liberation Sans, the fonts a browser picks for `sans-serif`) must end within
/// the drawing. The screenshots of the demo report showed heatmap column labels and bar-chart
/// labels cut at the figure's edge.
@Suite struct FigureLayoutTests {
  /// The `<text>` elements (none has a `<tspan>` in these figures) with their content.
  static func texts(_ parsed: ParsedSVG) -> [(attributes: [String: String], text: String)] {
    let elements = parsed.elements.filter { $0.name == "text" }
    return zip(elements, parsed.texts).map { ($0.attributes, $1) }
  }

  /// The second column's label is the longest: the old width counted the last label only, so
  /// the slanted middle label ran past the right edge; a row label of 64 characters ran past
  /// the left edge (its margin was capped at 260 px).
  @Test func heatmapLabelsEndInsideTheFigure() throws {
    let rows = ["Short", "NHS Riverton, Kelmoor and Marsh Integrated Care Board (E54000902)"]
    let columns = ["A", "NHS Westmoor Integrated Care Board", "B"]
    let svg = try Heatmap.svg(
      id: "h", title: "Matrix", description: "Test values.", rowLabels: rows, columnLabels: columns,
      values: [[1, 2, 3], [4, 5, 6]], scale: .sequential(values: [1, 6]), format: .count("patients"), measure: "Patients")
    let parsed = try checkFigure(svg)
    let width = try #require(Double(parsed.rootAttributes["width"] ?? ""))
    var slanted = 0, rowLabels = 0
    for (attributes, text) in Self.texts(parsed) {
      let x = try #require(Double(attributes["x"] ?? ""))
      let w = TextWidth.of(text, fontSize: 11)
      if attributes["transform"]?.hasPrefix("rotate(-40") == true {
        slanted += 1
        #expect(x + w * cos(40 * Double.pi / 180) <= width, "\(text) runs past the right edge")
      } else if attributes["text-anchor"] == "end" {
        rowLabels += 1
        #expect(x - w >= 0, "\(text) runs past the left edge")
      }
    }
    #expect(slanted == 3 && rowLabels == 2)
    // A row label cut to fit keeps its whole name in its cells' hover text.
    #expect(svg.contains("<title>NHS Riverton, Kelmoor and Marsh Integrated Care Board (E54000902) × A: 4</title>"))
  }

  /// Trust names in capitals, as the ETR file has them: the old margin (6.2 px a character,
  /// capped at 300 px) left the start of the longest cut off at the left edge.
  @Test func barLabelsEndInsideTheFigure() throws {
    let labels = ["RIVERTON UNIVERSITY TEACHING HOSPITALS NHS FOUNDATION TRUST (R9B)", "THE HOBBDALE ORTHOPAEDIC HOSPITAL (R9F)", "WESTMOOR (R9C)"]
    let svg = BarChart.svg(
      id: "b", title: "Trusts", description: "Test values.", labels: labels, values: [3, 3, 2], format: .count("systems"),
      measure: "Systems")
    let parsed = try checkFigure(svg)
    let ends = Self.texts(parsed).filter { $0.attributes["text-anchor"] == "end" }
    #expect(ends.count == 3)
    for (attributes, text) in ends {
      let x = try #require(Double(attributes["x"] ?? ""))
      #expect(x - TextWidth.of(text, fontSize: 11) >= 0, "\(text) runs past the left edge")
    }
    #expect(ends.map(\.text).contains("WESTMOOR (R9C)") && ends.map(\.text).contains("THE HOBBDALE ORTHOPAEDIC HOSPITAL (R9F)"))
    #expect(svg.contains("<title>RIVERTON UNIVERSITY TEACHING HOSPITALS NHS FOUNDATION TRUST (R9B): 3</title>"))
  }

  /// A national matrix is wide and mostly blank: the screenshots showed cells far from their row
  /// label with nothing to follow. Beyond 8 rows every other row (the 2nd, 4th, …) lies on a
  /// faint band from the left edge to the last column; a small matrix has none.
  @Test func aTallHeatmapBandsEveryOtherRow() throws {
    func draw(rows: Int) throws -> ParsedSVG {
      try checkFigure(Heatmap.svg(
        id: "h", title: "Matrix", description: "Test values.", rowLabels: (0..<rows).map { "Row \($0)" }, columnLabels: ["A", "B", "C"],
        values: (0..<rows).map { r in [Double(r), 0, 1] }, scale: .sequential(values: [0, Double(rows)]), format: .count("patients"),
        measure: "Patients", blankZeros: true))
    }
    let tall = try draw(rows: 10)
    let bands = tall.elements.filter { $0.name == "rect" && $0.attributes["fill"] == nil && $0.attributes["x"] == "0.0" }
    #expect(bands.count == 5)
    // The band spans the row labels and all three cells: it ends where the last cell ends.
    let cellEnds = tall.elements.filter { $0.name == "rect" && $0.attributes["height"] == "21.0" }.compactMap { e -> Double? in
      guard let x = Double(e.attributes["x"] ?? ""), let w = Double(e.attributes["width"] ?? "") else { return nil }
      return x + w
    }
    let bandEnd = bands.first.flatMap { Double($0.attributes["width"] ?? "") }
    #expect(bandEnd != nil && abs((bandEnd ?? 0) - ((cellEnds.max() ?? 0) + 1)) < 0.11)
    let small = try draw(rows: 3)
    #expect(small.elements.filter { $0.name == "rect" && $0.attributes["fill"] == nil && $0.attributes["x"] == "0.0" }.isEmpty)
  }
}
