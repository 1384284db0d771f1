import CatchmentGeometry
import Foundation
import Testing

@testable import CatchmentFigures

/// Map labels are drawn inside their footprint and the frame, over no other label, trying
/// other anchors, wrapped names and smaller type before leaving one out; a label left out is
/// counted in the description and named on hover.
///
/// The checks read the labels back from the SVG and test, for every line, points every pixel
/// along its glyph box (width from ``TextWidth``, ascent 0.76 em, descent 0.24 em) against the
/// footprint's drawn rings with a crossing count written here.
@Suite struct LabelPlacementTests {
  /// A drawn label: its lines, each with its box.
  struct DrawnLabel {
    var lines: [String]
    var boxes: [(x0: Double, y0: Double, x1: Double, y1: Double)]
  }

  /// The labels of a map (the `<text>`s of its label group, with their `<tspan>` lines).
  static func labels(_ svg: String) throws -> [DrawnLabel] {
    guard let start = svg.range(of: "<g text-anchor=\"middle\" font-size=\"10\" fill=\"#111111\"") else { return [] }
    let group = svg[start.lowerBound...]
    let end = try #require(group.range(of: "</g>"))
    let body = String(group[..<end.lowerBound])
    let text = /<text x="([-0-9.]+)" y="([-0-9.]+)"(?: font-size="([0-9]+)")?>([^<]*)((?:<tspan[^>]*>[^<]*<\/tspan>)*)<\/text>/
    let span = /<tspan x="[-0-9.]+" dy="([-0-9.]+)">([^<]*)<\/tspan>/
    var out: [DrawnLabel] = []
    for m in body.matches(of: text) {
      let x = try #require(Double(m.1)), y0 = try #require(Double(m.2))
      let size = m.3.flatMap { Double($0) } ?? 10
      var lines = [(String(m.4), y0)]
      var y = y0
      for s in String(m.5).matches(of: span) {
        y += try #require(Double(s.1))
        lines.append((String(s.2), y))
      }
      let boxes = lines.map { line, baseline in
        let w = TextWidth.of(line.replacingOccurrences(of: "&amp;", with: "&"), fontSize: size)
        return (x - w / 2, baseline - 0.76 * size, x + w / 2, baseline + 0.24 * size)
      }
      out.append(DrawnLabel(lines: lines.map(\.0), boxes: boxes))
    }
    return out
  }

  /// Whether `p` is inside `rings` (even–odd).
  static func inside(_ p: (x: Double, y: Double), _ rings: [[(x: Double, y: Double)]]) -> Bool {
    var odd = false
    for ring in rings {
      for k in 0..<(ring.count - 1) {
        let (a, b) = (ring[k], ring[k + 1])
        if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { odd.toggle() }
      }
    }
    return odd
  }

  /// Points every pixel (or closer) along the sides of a box.
  static func outline(_ b: (x0: Double, y0: Double, x1: Double, y1: Double)) -> [(x: Double, y: Double)] {
    let nx = max(1, Int((b.x1 - b.x0).rounded(.up))), ny = max(1, Int((b.y1 - b.y0).rounded(.up)))
    var out: [(x: Double, y: Double)] = []
    for i in 0...nx {
      let x = b.x0 + (b.x1 - b.x0) * Double(i) / Double(nx)
      out += [(x, b.y0), (x, b.y1)]
    }
    for j in 0...ny {
      let y = b.y0 + (b.y1 - b.y0) * Double(j) / Double(ny)
      out += [(b.x0, y), (b.x1, y)]
    }
    return out
  }

  /// Checks every drawn label: inside the frame, wholly inside the one footprint whose name it
  /// starts, clear of every other label. Returns the features labelled.
  @discardableResult
  static func checkLabels(_ svg: String, _ geometry: DisplayGeometry, sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<Int> {
    let drawn = try labels(svg)
    var labelled = Set<Int>()
    for (k, label) in drawn.enumerated() {
      let f = try #require(geometry.names.firstIndex { $0.contains(label.lines[0].replacingOccurrences(of: "&amp;", with: "&")) })
      labelled.insert(f)
      for box in label.boxes {
        #expect(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= geometry.frame.width && box.y1 <= geometry.frame.height,
          "\(label.lines) leaves the frame", sourceLocation: sourceLocation)
        #expect(outline(box).allSatisfy { inside($0, geometry.rings[f]) }, "\(label.lines) leaves its footprint", sourceLocation: sourceLocation)
        for other in drawn[(k + 1)...] {
          for b in other.boxes {
            #expect(!(box.x0 < b.2 && b.0 < box.x1 && box.y0 < b.3 && b.1 < box.y1), "\(label.lines) overlaps \(other.lines)", sourceLocation: sourceLocation)
          }
        }
      }
    }
    return labelled
  }

  func layer(_ features: [(id: String, name: String, ring: [(Double, Double)])]) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for feature in features {
      for (x, y) in feature.ring { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: feature.id, name: feature.name)
    }
    return layer
  }

  /// The demo's three ICBs with their published-style long names, at the report's map size: the
  /// old placement left "Riverton" out (its centred one-line label met Westmoor's) and let
  /// Westmoor's run out of its footprint and the frame. Wrapped, all three fit inside.
  @Test func theDemoICBsAreAllLabelledInsideTheirFootprints() throws {
    var icbs = try FigureDocumentTests.demoICBs()
    icbs.names = [
      "NHS Demoshire Integrated Care Board", "NHS Riverton, Kelmoor and Marsh Integrated Care Board", "NHS Westmoor Integrated Care Board",
    ]
    let geometry = try DisplayGeometry(layer: icbs, width: 520, height: 560)
    let values: [String: Double] = ["E54000901": 310_692, "E54000902": 191_539, "E54000903": 112_835]
    let svg = ChoroplethMap.svg(
      id: "m", title: "Residents", description: "Test values.", geometry: geometry, values: values,
      scale: .sequential(values: Array(values.values)), format: .count("residents"), measure: "Residents")
    let parsed = try checkFigure(svg)
    #expect(try Self.checkLabels(svg, geometry) == [0, 1, 2])
    #expect(parsed.texts.contains { $0.contains("Riverton") } && parsed.texts.contains("191,539"))
    #expect(parsed.desc == "Test values. All 3 footprints are labelled. Labels leave out the words every name has (\u{201C}NHS\u{201D} and \u{201C}Integrated Care Board\u{201D}).")
    #expect(try Self.labels(svg).map { $0.lines.joined(separator: " ") }.sorted() == ["Demoshire 310,692", "Riverton, Kelmoor and Marsh 191,539", "Westmoor 112,835"])
    // The hover keeps the whole name.
    #expect(svg.contains("<title>NHS Westmoor Integrated Care Board: 112,835 residents</title>"))
    keepForLooking(svg, name: "labels_demo.svg")
  }

  /// A wide footprint and a 6 m strip along the right edge of the frame (1 px per metre): the
  /// strip's label cannot fit in it. The old placement centred it on the strip, running over
  /// the neighbour and out of the frame; now it is left out, counted in the description, and
  /// the strip's path still names it on hover.
  @Test func aLabelThatCannotFitIsLeftOutCountedAndNamedOnHover() throws {
    let strips = layer([
      ("A", "Alderbury", [(0, 0), (300, 0), (300, 200), (0, 200)]), ("W", "Westmoor", [(300, 0), (306, 0), (306, 200), (300, 200)]),
    ])
    let geometry = try DisplayGeometry(layer: strips, width: 326, height: 220, margin: 10)
    #expect(geometry.frame.scale == 1)
    let svg = ChoroplethMap.svg(
      id: "m", title: "Residents", description: "Test values.", geometry: geometry, values: ["A": 1_000, "W": 20],
      scale: .sequential(values: [20, 1_000]), format: .count("residents"), measure: "Residents")
    let parsed = try checkFigure(svg)
    #expect(try Self.checkLabels(svg, geometry) == [0])
    #expect(!parsed.texts.contains("Westmoor"))
    #expect(svg.contains("data-id=\"W\"") && svg.contains("<title>Westmoor: 20 residents</title>"))
    #expect(parsed.desc == "Test values. 1 of 2 footprint labels left out for lack of room; every footprint names itself on hover.")
  }

  /// An L: a bottom arm 300 × 40 and a left arm 60 wide rising to 200 (1 px per metre). Its
  /// centroid (96.7, 64.4) is outside; its pole is in the left arm (30 from both its sides),
  /// too narrow for the label's two lines (about 98 px wide), which fit only along the bottom
  /// arm: the placement must leave the pole for another anchor.
  @Test func aLabelMovesOffThePoleToWhereItFits() throws {
    let l = layer([("L", "Longbridge Heath", [(0, 0), (300, 0), (300, 40), (60, 40), (60, 200), (0, 200)])])
    let geometry = try DisplayGeometry(layer: l, width: 320, height: 220, margin: 10)
    #expect(geometry.frame.scale == 1)
    let svg = ChoroplethMap.svg(
      id: "m", title: "Residents", description: "Test values.", geometry: geometry, values: ["L": 12_345],
      scale: .sequential(values: [12_345]), format: .count("residents"), measure: "Residents")
    #expect(try Self.checkLabels(svg, geometry) == [0])
    let drawn = try Self.labels(svg)
    #expect(drawn.map(\.lines) == [["Longbridge Heath", "12,345"]])
    // Drawn y grows downwards: the bottom arm is y 170...210.
    #expect(drawn.first?.boxes.allSatisfy { $0.y0 >= 170 && $0.y1 <= 210 } == true)
  }

  /// The flow map at the report's size (820 px wide) with the demo's largest flows: every ICB
  /// named, no name within 12 px of a link's end (where the arrowheads point), none crossing a
  /// link's middle line, and the names drawn before (under) the links. The old map drew the
  /// names on the link ends, over the arrowheads, and left Westmoor out.
  @Test func flowMapNamesKeepClearOfTheLinksAndLieUnderThem() throws {
    var icbs = try FigureDocumentTests.demoICBs()
    icbs.names = [
      "NHS Demoshire Integrated Care Board", "NHS Riverton, Kelmoor and Marsh Integrated Care Board", "NHS Westmoor Integrated Care Board",
    ]
    let geometry = try DisplayGeometry(layer: icbs, width: 820, height: 560)
    let flows = [
      Flow(from: "E54000901", to: "E54000902", value: 6_784), Flow(from: "E54000902", to: "E54000901", value: 5_291),
      Flow(from: "E54000902", to: "E54000903", value: 3_457), Flow(from: "E54000903", to: "E54000902", value: 10_849),
      Flow(from: "E54000901", to: "E54000903", value: 45), Flow(from: "E54000903", to: "E54000901", value: 44),
    ]
    let svg = FlowMap.svg(
      id: "f", title: "Flows", description: "Test values.", geometry: geometry, flows: flows, top: 10, format: .count("patients"))
    let parsed = try checkFigure(svg)
    #expect(try Self.checkLabels(svg, geometry) == [0, 1, 2])
    #expect(parsed.desc.hasPrefix("Test values. All 3 footprints are labelled."))
    let labelsAt = try #require(svg.range(of: "<g text-anchor=\"middle\"")).lowerBound
    let linksAt = try #require(svg.range(of: "data-from=")).lowerBound
    #expect(labelsAt < linksAt)
    let ends = geometry.labels.compactMap { $0 }
    // The links' middle lines, sampled along the quadratic curves the paths draw.
    var middle: [(x: Double, y: Double)] = []
    for flow in flows {
      guard let i = geometry.ids.firstIndex(of: flow.from), let j = geometry.ids.firstIndex(of: flow.to),
        let a = geometry.labels[i], let b = geometry.labels[j]
      else { continue }
      let (dx, dy) = (b.x - a.x, b.y - a.y)
      let c = (x: (a.x + b.x) / 2 - 0.2 * dy, y: (a.y + b.y) / 2 + 0.2 * dx)  // bowed right by a fifth of the chord
      for k in 0...200 {
        let t = Double(k) / 200, u = 1 - t
        middle.append((u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y))
      }
    }
    for label in try Self.labels(svg) {
      for box in label.boxes {
        for end in ends { #expect(end.x < box.x0 - 12 || end.x > box.x1 + 12 || end.y < box.y0 - 12 || end.y > box.y1 + 12, "\(label.lines) on a link end") }
        #expect(!middle.contains { $0.x > box.x0 && $0.x < box.x1 && $0.y > box.y0 && $0.y < box.y1 }, "\(label.lines) crosses a link")
      }
    }
    keepForLooking(svg, name: "labels_flows.svg")
  }

  /// A footprint 100 × 16 px: its name and value on two lines at 8 px need 2 × 9.6 px + the
  /// halo, more than 16; the name alone fits, and the description says so.
  @Test func aNameFitsWithoutItsValueAsALastResort() throws {
    let bar = layer([("O", "Oakham", [(0, 0), (100, 0), (100, 16), (0, 16)])])
    let geometry = try DisplayGeometry(layer: bar, width: 120, height: 36, margin: 10)
    #expect(geometry.frame.scale == 1)
    let svg = ChoroplethMap.svg(
      id: "m", title: "Residents", description: "Test values.", geometry: geometry, values: ["O": 1_234],
      scale: .sequential(values: [1_234]), format: .count("residents"), measure: "Residents")
    #expect(try Self.checkLabels(svg, geometry) == [0])
    #expect(try Self.labels(svg).map(\.lines) == [["Oakham"]])
    #expect(try checkFigure(svg).desc == "Test values. The footprint is labelled. 1 labelled by name only.")
  }

  /// The words all names share, worked by hand.
  @Test func labelsLeaveOutTheWordsEveryNameHas() {
    let icbs = ChoroplethMap.shortNames([
      "NHS Demoshire Integrated Care Board", "NHS Riverton, Kelmoor and Marsh Integrated Care Board", "NHS Westmoor Integrated Care Board",
    ])
    #expect(icbs.names == ["Demoshire", "Riverton, Kelmoor and Marsh", "Westmoor"])
    #expect(icbs.prefix == "NHS" && icbs.suffix == "Integrated Care Board")
    let subs = ChoroplethMap.shortNames(["NHS Demoshire ICB - 90A", "NHS Riverton ICB - 91A"])
    #expect(subs.names == ["Demoshire ICB - 90A", "Riverton ICB - 91A"] && subs.prefix == "NHS" && subs.suffix.isEmpty)
    // A name that would be left empty, a single name, names with nothing in common: kept whole.
    #expect(ChoroplethMap.shortNames(["NHS Leeds CCG", "NHS CCG"]).names == ["NHS Leeds CCG", "NHS CCG"])
    #expect(ChoroplethMap.shortNames(["NHS Leeds CCG"]).names == ["NHS Leeds CCG"])
    #expect(ChoroplethMap.shortNames(["Alpha", "Beta"]).names == ["Alpha", "Beta"])
  }
}
