import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis

/// Zone adjacency on hand-drawn layers (metres), each expected list worked out on paper.
@Suite struct ZoneAdjacencyTests {
  /// A ring: its corners, closed by the layer.
  typealias Ring = [(Double, Double)]

  /// A layer of features (id, polygons, each an exterior ring then its holes).
  static func layer(_ features: [(String, [[Ring]])]) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (id, polygons) in features {
      for polygon in polygons {
        for ring in polygon {
          for (x, y) in ring { layer.addPoint(x: x, y: y) }
          layer.endRing()
        }
        layer.endPolygon()
      }
      layer.endFeature(id: id)
    }
    return layer
  }

  /// A rectangle from (x0, y0) to (x1, y1), anticlockwise.
  static func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Ring { [(x0, y0), (x1, y0), (x1, y1), (x0, y1)] }

  /// The pairs as "a-b kind metres" lines (metres to the centimetre).
  static func lines(_ adjacency: ZoneAdjacency) -> [String] {
    adjacency.pairs.map {
      "\(adjacency.zoneIDs[Int($0.a)])-\(adjacency.zoneIDs[Int($0.b)]) \($0.kind.rawValue) \(NumberFormatText.metres($0.kind == .link ? $0.gapMetres : $0.sharedMetres))"
    }
  }

  /// 3 × 3 squares of 100 m, A–I row by row from the bottom left: 12 shared sides (rook) and 8
  /// diagonal neighbours meeting at a corner (queen adds them).
  @Test(arguments: [1, 2]) func gridOfSquaresGivesRookEdgesAndQueenCorners(workers: Int) throws {
    let ids = ["A", "B", "C", "D", "E", "F", "G", "H", "I"]
    let layer = Self.layer(ids.enumerated().map { k, id in
      let x = Double(k % 3) * 100, y = Double(k / 3) * 100
      return (id, [[Self.box(x, y, x + 100, y + 100)]])
    })
    let adjacency = try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: workers)
    #expect(
      Self.lines(adjacency) == [
        "A-B edge 100.00", "A-D edge 100.00", "A-E corner 0.00", "B-C edge 100.00", "B-D corner 0.00", "B-E edge 100.00", "B-F corner 0.00",
        "C-E corner 0.00", "C-F edge 100.00", "D-E edge 100.00", "D-G edge 100.00", "D-H corner 0.00", "E-F edge 100.00", "E-G corner 0.00",
        "E-H edge 100.00", "E-I corner 0.00", "F-H corner 0.00", "F-I edge 100.00", "G-H edge 100.00", "H-I edge 100.00",
      ])
    #expect(adjacency.components == [Array(0..<9)])
    #expect(adjacency.count(.edge) == 12 && adjacency.count(.corner) == 8 && adjacency.count(.link) == 0)
  }

  /// B's bottom runs from x = 100 to 300 on A's top (x = 0 to 200): each has a vertex in the
  /// middle of the other's segment and they share no vertex, yet 100 m of boundary.
  @Test func tJunctionsWithoutACommonVertexShareTheirOverlap() throws {
    let layer = Self.layer([("A", [[Self.box(0, 0, 200, 100)]]), ("B", [[Self.box(100, 100, 300, 200)]])])
    #expect(Self.lines(try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 1)) == ["A-B edge 100.00"])
    // The same with B's side cut into three pieces, one ending 3 mm off A's line (within 1 cm).
    let cut = Self.layer([
      ("A", [[Self.box(0, 0, 200, 100)]]),
      ("B", [[[(100, 100), (130, 100), (170, 100.003), (300, 100), (300, 200), (100, 200)]]]),
    ])
    let shared = try ZoneAdjacency.measure(cut, minShared: 1, links: true, workers: 1).pairs[0].sharedMetres
    #expect(abs(shared - 100) < 1e-6)
  }

  /// C lies 300 m east of B and D 900 m north of A: each is linked to its nearest zone. E and F
  /// (50 m apart) far north are first joined to each other, then as one to D, their nearest.
  @Test func islandsAreLinkedToTheNearestZoneShortestFirst() throws {
    let layer = Self.layer([
      ("A", [[Self.box(0, 0, 100, 100)]]), ("B", [[Self.box(100, 0, 200, 100)]]), ("C", [[Self.box(500, 0, 600, 100)]]),
      ("D", [[Self.box(0, 1000, 100, 1100)]]), ("E", [[Self.box(0, 5000, 100, 5100)]]), ("F", [[Self.box(150, 5000, 250, 5100)]]),
    ])
    let adjacency = try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 2)
    #expect(Self.lines(adjacency) == ["A-B edge 100.00", "A-D link 900.00", "B-C link 300.00", "D-E link 3900.00", "E-F link 50.00"])
    #expect(adjacency.components == [[0, 1], [2], [3], [4], [5]])
    let unlinked = try ZoneAdjacency.measure(layer, minShared: 1, links: false, workers: 2)
    #expect(Self.lines(unlinked) == ["A-B edge 100.00"])
    #expect(unlinked.account.entries.contains { if case .loss(let tally) = $0 { tally.rows == 4 } else { false } })
  }

  /// B fills A's hole: its whole boundary (400 m) is shared.
  @Test func aZoneInAHoleIsItsNeighbour() throws {
    let layer = Self.layer([("A", [[Self.box(0, 0, 300, 300), Self.box(100, 100, 200, 200).reversed()]]), ("B", [[Self.box(100, 100, 200, 200)]])])
    #expect(Self.lines(try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 1)) == ["A-B edge 400.00"])
  }

  /// M's two parts flank N: one pair sharing both sides (200 m), whether M is one multipolygon
  /// or two features with one id.
  @Test func partsOfAZoneAreOneZone() throws {
    let multi = Self.layer([("M", [[Self.box(0, 0, 100, 100)], [Self.box(300, 0, 400, 100)]]), ("N", [[Self.box(100, 0, 300, 100)]])])
    let features = Self.layer([("M", [[Self.box(0, 0, 100, 100)]]), ("N", [[Self.box(100, 0, 300, 100)]]), ("M", [[Self.box(300, 0, 400, 100)]])])
    for layer in [multi, features] {
      let adjacency = try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 1)
      #expect(Self.lines(adjacency) == ["M-N edge 200.00"])
      #expect(adjacency.zoneIDs == ["M", "N"])
    }
  }

  /// B shares 0.5 m of A's east side: a corner under the default 1 m, an edge under 0.25 m.
  @Test func sharedLinesUpToTheMinimumAreCorners() throws {
    let layer = Self.layer([("A", [[Self.box(0, 0, 100, 100)]]), ("B", [[Self.box(100, 99.5, 200, 199.5)]])])
    #expect(Self.lines(try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 1)) == ["A-B corner 0.50"])
    #expect(Self.lines(try ZoneAdjacency.measure(layer, minShared: 0.25, links: true, workers: 1)) == ["A-B edge 0.50"])
    #expect(Self.lines(try ZoneAdjacency.measure(layer, minShared: 0.5, links: true, workers: 1)) == ["A-B corner 0.50"])
  }

  /// Ids in byte order (upper case before lower, ASCII before UTF-8), zone_a before zone_b.
  @Test func pairsAreInByteOrder() throws {
    let ids = ["é", "b", "Z", "a", "B"]
    let layer = Self.layer(ids.enumerated().map { k, id in (id, [[Self.box(Double(k) * 10, 0, Double(k + 1) * 10, 10)]]) })
    let adjacency = try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 1)
    #expect(adjacency.zoneIDs == ["B", "Z", "a", "b", "é"])
    #expect(Self.lines(adjacency) == ["B-a edge 10.00", "Z-a edge 10.00", "Z-b edge 10.00", "b-é edge 10.00"])
    let csv = String(decoding: adjacency.csv().bytes, as: UTF8.self)
    #expect(csv == "zone_a,zone_b,shared_m,kind\nB,a,10,edge\nZ,a,10,edge\nZ,b,10,edge\nb,é,10,edge\n")
  }

  /// 30 × 30 cells with wobbly shared vertices, every other side cut in pieces on one side only:
  /// the same pairs and lengths to the bit on 1, 2 and 3 workers, and the rook lengths of the
  /// uncut grid.
  @Test func theResultDoesNotDependOnTheWorkers() throws {
    let n = 30
    var rng = SeededGenerator(seed: 7)
    var gx = [[Double]](repeating: [], count: n + 1), gy = gx
    for i in 0...n { for j in 0...n { gx[i].append(Double(i) * 100 + .random(in: -20...20, using: &rng)); gy[i].append(Double(j) * 100 + .random(in: -20...20, using: &rng)) } }
    var features: [(String, [[Ring]])] = []
    for i in 0..<n {
      for j in 0..<n {
        // Corners anticlockwise; the bottom side cut at a third and two thirds when i + j is even.
        let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)].map { (gx[$0.0][$0.1], gy[$0.0][$0.1]) }
        var ring: Ring = [corners[0]]
        if (i + j) % 2 == 0 {
          for f in [1.0 / 3, 2.0 / 3] { ring.append((corners[0].0 + (corners[1].0 - corners[0].0) * f, corners[0].1 + (corners[1].1 - corners[0].1) * f)) }
        }
        ring += corners.dropFirst()
        features.append((String(format: "Z%03d", i * n + j), [[ring]]))
      }
    }
    let layer = Self.layer(features)
    let one = try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: 1)
    for workers in [2, 3] { #expect(try ZoneAdjacency.measure(layer, minShared: 1, links: true, workers: workers).pairs == one.pairs) }
    #expect(one.count(.edge) == 2 * n * (n - 1))
    for pair in one.pairs where pair.kind == .edge {
      let a = Int(pair.a), b = Int(pair.b)
      let (ia, ja, ib) = (a / n, a % n, b / n)
      // Neighbours in j share the side from (i, j+1) to (i+1, j+1); in i, from (i+1, j) to (i+1, j+1).
      let (p, q) = ia == ib ? ((ia, ja + 1), (ia + 1, ja + 1)) : ((ia + 1, ja), (ia + 1, ja + 1))
      let length = ((gx[p.0][p.1] - gx[q.0][q.1]) * (gx[p.0][p.1] - gx[q.0][q.1]) + (gy[p.0][p.1] - gy[q.0][q.1]) * (gy[p.0][p.1] - gy[q.0][q.1])).squareRoot()
      #expect(abs(pair.sharedMetres - length) < 1e-6)
    }
  }

  /// A square with a hole and a zone in two parts: areas less holes, perimeters of every ring.
  @Test func zoneShapesAddPartsAndSubtractHoles() {
    let layer = Self.layer([
      ("A", [[Self.box(0, 0, 300, 300), Self.box(100, 100, 200, 200).reversed()]]), ("B", [[Self.box(100, 100, 200, 200)]]),
      ("C", [[Self.box(1000, 0, 1010, 10)]]), ("C", [[Self.box(2000, 0, 2020, 10)]]), ("D", []),
    ])
    let shapes = ZoneShapes.measure(layer)
    #expect(shapes.ids == ["A", "B", "C", "D"])
    #expect(shapes.areaSquareMetres == [80_000, 10_000, 300, 0])
    #expect(shapes.perimeterMetres == [1600, 400, 100, 0])
  }
}

/// Metres to the centimetre, always with two decimals (for readable expectations).
enum NumberFormatText {
  static func metres(_ value: Double) -> String { String(format: "%.2f", value) }
}
