import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentFigures

/// Every kind of figure parses as XML with its title and description, carries what the report
/// needs (one path per footprint with its code, printed values), and gives the same bytes for
/// the same input.
@Suite struct FigureDocumentTests {
  static func demoICBs() throws -> PolygonLayer {
    var layer = try GeoJSONReader.read(path: fixture("figures/demo_icb_dissolved.geojson"), fields: BoundaryFields(id: "ICB23CD")).0
    layer.names = ["Demoshire", "Riverton, Kelmoor & Marsh", "Westmoor"]
    return layer
  }

  static func demoLSOAs() throws -> PolygonLayer {
    try GeoJSONReader.read(path: packageRoot.appendingPathComponent("data/lsoa_boundaries.geojson").path, fields: BoundaryFields(id: "LSOA21CD")).0
  }

  /// Test values, not the demo's measures.
  static let population: [String: Double] = ["E54000901": 312_408, "E54000902": 190_255]
  static let net: [String: Double] = ["E54000901": -4_210, "E54000902": 3_050, "E54000903": 1_160]

  @Test func aChoroplethMapHasOnePathPerFootprintWithItsCodeAndAMissingValueInGrey() throws {
    let geometry = try DisplayGeometry(layer: Self.demoICBs(), width: 640, height: 420)
    let zones = try DisplayGeometry(layer: Self.demoLSOAs(), frame: geometry.frame)
    let svg = ChoroplethMap.svg(
      id: "map <population>", title: "Resident population by ICB", description: "Test values.", geometry: geometry,
      values: Self.population, scale: .sequential(.viridis, values: Array(Self.population.values)),
      format: .count("residents"), measure: "Resident population", zones: zones)
    let parsed = try checkFigure(svg)
    let footprints = parsed.elements.filter { $0.name == "path" && $0.attributes["data-id"] != nil }
    #expect(footprints.map { $0.attributes["data-id"] ?? "" } == ["E54000901", "E54000902", "E54000903"])
    #expect(footprints.map { $0.attributes["fill"] ?? "" } == ["#fde725", "#440154", ColourScale.missing.hex])
    #expect(parsed.rootAttributes["aria-labelledby"] == "map__population_-title map__population_-desc")
    #expect(parsed.texts.contains("312,408") && parsed.texts.contains("no data") && parsed.texts.contains("Westmoor"))
    // The measure names its unit already ("resident"): the caption does not repeat it.
    #expect(parsed.texts.contains("Resident population") && !parsed.texts.contains("Resident population (residents)"))
    #expect(Legend.caption(measure: "Retention", unit: "% of registered residents") == "Retention (% of registered residents)")
    #expect(Legend.caption(measure: "Registered patients", unit: "patients") == "Registered patients")
    // The zones: one faint path, each border once: as many subpaths as arcs.
    let outlines = parsed.elements.filter { $0.name == "path" && $0.attributes["data-id"] == nil }
    #expect(outlines.count == 1)
    #expect(outlines.first?.attributes["d"]?.filter { $0 == "M" }.count == zones.arcCount)
    #expect(zones.sharedArcCount > 300)
    keepForLooking(svg, name: "map_population.svg")
  }

  @Test func aNetFlowMapIsDivergingAndTheSameInputGivesTheSameBytes() throws {
    let geometry = try DisplayGeometry(layer: Self.demoICBs(), width: 640, height: 420)
    func draw(_ values: [String: Double]) -> String {
      ChoroplethMap.svg(
        id: "net", title: "Net flow by ICB", description: "Test values.", geometry: geometry, values: values,
        scale: .diverging(values: Array(values.values)), format: .count("patients"), measure: "Net flow")
    }
    let svg = draw(Self.net)
    var reordered: [String: Double] = [:]
    for key in Self.net.keys.sorted().reversed() { reordered[key] = Self.net[key] }
    #expect(draw(reordered) == svg)
    let again = try DisplayGeometry(layer: Self.demoICBs(), width: 640, height: 420)
    #expect(ChoroplethMap.svg(
      id: "net", title: "Net flow by ICB", description: "Test values.", geometry: again, values: Self.net,
      scale: .diverging(values: Array(Self.net.values)), format: .count("patients"), measure: "Net flow") == svg)
    let parsed = try checkFigure(svg)
    #expect(parsed.texts.contains("\u{2212}4,210") && parsed.texts.contains("0"))
    keepForLooking(svg, name: "map_net.svg")
  }

  @Test func aHeatmapPrintsEveryValueWithSeparatorsAndRefusesARaggedMatrix() throws {
    let rows = ["Demoshire", "Riverton", "Westmoor"], columns = ["Demoshire ICB", "Riverton ICB", "Westmoor ICB"]
    let values: [[Double?]] = [[281_004, 12_310, 950], [8_112, 170_400, 4_021], [610, 3_977, 88_230]]
    let svg = try Heatmap.svg(
      id: "flows", title: "Residence × registration", description: "Patients by ICB of residence and of practice (test values).",
      rowLabels: rows, columnLabels: columns, values: values, scale: .sequential(.cividis, values: values.joined().compactMap { $0 }),
      format: .count("patients"), measure: "Patients", rowHeading: "Living in", columnHeading: "Registered in")
    let parsed = try checkFigure(svg)
    #expect(parsed.elements.filter { $0.name == "rect" && $0.attributes["fill"] != nil }.count >= 9)
    for value in ["281,004", "12,310", "950", "170,400", "88,230"] { #expect(parsed.texts.contains(value)) }
    #expect(throws: FigureError.matrixRowLength(row: "Riverton", expected: 3, found: 2)) {
      try Heatmap.svg(
        id: "x", title: "t", description: "d", rowLabels: rows, columnLabels: columns, values: [[1, 2, 3], [1, 2], [1, 2, 3]],
        scale: .sequential(values: [1, 3]), format: .count("patients"), measure: "Patients")
    }
    keepForLooking(svg, name: "heatmap.svg")
    // Blank zeros: a 0 draws no cell and prints nothing (the legend's tick "0" stays).
    func coverage(blankZeros: Bool) throws -> ParsedSVG {
      try checkFigure(Heatmap.svg(
        id: "cover", title: "Coverage", description: "Zeros blank.", rowLabels: ["A", "B"], columnLabels: ["X", "Y"],
        values: [[1_500, 0], [0, 2_250]], scale: .sequential(values: [0, 2_250]), format: .count("residents"), measure: "Residents",
        blankZeros: blankZeros))
    }
    // Cells as wide as "2,250" at 10 px (4 digits × 0.637 em + a comma 0.318 em = 28.66 px)
    // + 12 = 40.66 px, drawn 1 px narrower.
    let (sparse, full) = (try coverage(blankZeros: true), try coverage(blankZeros: false))
    #expect(sparse.elements.filter { $0.name == "rect" && $0.attributes["width"] == "39.7" }.count == 2)
    #expect(full.elements.filter { $0.name == "rect" && $0.attributes["width"] == "39.7" }.count == 4)
    #expect(sparse.texts.filter { $0 == "0" }.count == 1 && full.texts.filter { $0 == "0" }.count == 3)
    #expect(sparse.texts.contains("1,500") && sparse.texts.contains("2,250"))
  }

  @Test func aBarChartHasOneBarPerItemLongestForTheLargest() throws {
    let svg = BarChart.svg(
      id: "members", title: "Providers in two or more systems", description: "Systems each provider belongs to (test values).",
      labels: ["R9A Demoshire Hospitals", "R9C Riverton & Kelmoor", "R9F Westmoor"], values: [3, 2, 2],
      format: .count("systems"), measure: "Member of")
    let parsed = try checkFigure(svg)
    let bars = parsed.elements.filter { $0.name == "rect" && $0.attributes["height"] == "15.0" }
    #expect(bars.map { $0.attributes["width"] ?? "" } == ["360.0", "240.0", "240.0"])
    #expect(parsed.texts.contains("R9C Riverton & Kelmoor"))
    keepForLooking(svg, name: "bars.svg")
  }

  @Test func aFlowMapDrawsTheTopFlowsAndSumsTheRestInANote() throws {
    let geometry = try DisplayGeometry(layer: Self.demoICBs(), width: 640, height: 420)
    let flows = [
      Flow(from: "E54000901", to: "E54000902", value: 12_310), Flow(from: "E54000902", to: "E54000901", value: 8_112),
      Flow(from: "E54000902", to: "E54000903", value: 4_021), Flow(from: "E54000903", to: "E54000902", value: 3_977),
      Flow(from: "E54000901", to: "E54000903", value: 950), Flow(from: "E54000901", to: "E54000901", value: 281_004),
      Flow(from: "E54000901", to: "E99999999", value: 40),
    ]
    let svg = FlowMap.svg(
      id: "flowmap", title: "Largest flows between ICBs", description: "Test values.", geometry: geometry, flows: flows, top: 3,
      format: .count("patients"))
    let parsed = try checkFigure(svg)
    let links = parsed.elements.filter { $0.name == "path" && $0.attributes["data-from"] != nil }
    #expect(links.map { "\($0.attributes["data-from"] ?? "")>\($0.attributes["data-to"] ?? "")" } == [
      "E54000902>E54000903", "E54000902>E54000901", "E54000901>E54000902",
    ])
    // Not drawn: 3,977 + 950 + 40 (the flow within a footprint is no link).
    // The note, wrapped to the figure's width (the national report's ran 100 px past it).
    let width = try #require(Double(parsed.rootAttributes["width"] ?? ""))
    let texts = parsed.texts
    let start = try #require(texts.firstIndex { $0.hasPrefix("Links:") })
    let lines = Array(texts[start...])
    #expect(lines.count >= 2 && lines.allSatisfy { 12 + TextWidth.of($0, fontSize: 10) <= width })
    #expect(lines.joined(separator: " ").contains("3 other flows, 4,967 patients in all, not drawn"))
    #expect(parsed.elements.filter { $0.name == "path" && $0.attributes["data-id"] != nil }.count == 3)
    keepForLooking(svg, name: "flows.svg")
  }

  @Test func textIsEscapedAndAFigureWithoutPolygonsIsAnError() throws {
    var doc = SVGDocument(id: "e", width: 10, height: 10, title: "A & B <c>", description: "\u{1}quote \"q\"")
    doc.text("x < y & 'z'", x: 1, y: 1)
    let parsed = try checkFigure(doc.text)
    #expect(parsed.title == "A & B <c>" && parsed.desc == "\u{FFFD}quote \"q\"" && parsed.texts == ["x < y & 'z'"])
    #expect(throws: FigureError.nothingToDraw) { try DisplayGeometry(layer: PolygonLayer(crs: .epsg(27700)), width: 10, height: 10) }
    var bad = JaggedGrid(columns: 1, rows: 1, seed: 1).layer
    bad.xs[0] = .nan
    #expect(throws: FigureError.coordinateNotFinite) { try DisplayGeometry(layer: bad, width: 10, height: 10) }
  }
}
