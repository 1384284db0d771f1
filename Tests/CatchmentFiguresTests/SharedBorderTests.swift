import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentFigures

/// Neighbours draw the same border: after simplification every inner drawn edge is used by
/// exactly two rings (no gap, no overlap), and areas move by no more than the stated bound.
@Suite struct SharedBorderTests {
  /// 4 × 3 jagged cells drawn 400 px wide with a 3 px tolerance: most zigzag points go.
  @Test func everyInnerDrawnEdgeOfAJaggedGridIsUsedByBothNeighbours() throws {
    let grid = JaggedGrid(columns: 4, rows: 3, seed: 11)
    let geometry = try DisplayGeometry(layer: grid.layer, width: 400, height: 300, margin: 0, tolerance: 3)
    #expect(geometry.sharedArcCount == 4 * 2 + 3 * 3)  // one arc per inner cell side: 3·3 vertical + 4·2 horizontal
    #expect(geometry.verticesAfter < geometry.verticesBefore / 2)
    let uses = drawnEdgeUses(geometry.rings.flatMap { $0 })
    for (edge, count) in uses {
      let expected = edge.onFrame(width: 400, height: 300) ? 1 : 2
      #expect(count == expected, "\(edge)")
    }
  }

  /// The same check fails when each polygon is simplified on its own: the test can tell.
  @Test func simplifyingEachRingAloneLeavesGapsTheCheckSees() throws {
    let grid = JaggedGrid(columns: 4, rows: 3, seed: 11)
    let layer = grid.layer
    let frame = MapFrame(minX: 0, minY: 0, maxX: 400, maxY: 300, width: 400, height: 300, margin: 0)
    let rings: [[(x: Double, y: Double)]] = (0..<layer.count).map { f in
      let range = layer.points(ofRing: f)
      let line = range.map { (x: layer.xs[$0], y: layer.ys[$0]) }
      return Simplification.douglasPeucker(line, tolerance: 3).map { frame.project(line[$0].x, line[$0].y) }
    }
    let unmatched = drawnEdgeUses(rings).filter { edge, count in
      count == 1 && !edge.onFrame(width: 400, height: 300)
    }
    #expect(unmatched.count >= 5)
  }

  /// |drawn area − original area| ≤ (tolerance + 0.071) × perimeter, in drawn pixels: the
  /// Douglas–Peucker bound plus rounding each point to 0.1 px (moves ≤ 0.05·√2).
  @Test func simplifiedAreasStayWithinTheBound() throws {
    let layer = JaggedGrid(columns: 4, rows: 3, seed: 5).layer
    let tolerance = 3.0
    let geometry = try DisplayGeometry(layer: layer, width: 400, height: 300, margin: 0, tolerance: tolerance)
    for f in 0..<layer.count {
      let s = geometry.frame.scale
      let original = abs(layer.signedDoubleArea(ofRing: f)) / 2 * s * s
      let range = layer.points(ofRing: f)
      var perimeter = 0.0
      for i in range.lowerBound..<(range.upperBound - 1) {
        let dx = layer.xs[i + 1] - layer.xs[i], dy = layer.ys[i + 1] - layer.ys[i]
        perimeter += (dx * dx + dy * dy).squareRoot() * s
      }
      #expect(abs(geometry.drawnArea(f) - original) <= (tolerance + 0.071) * perimeter)
      #expect(abs(geometry.drawnArea(f) - original) / original < 0.05)
    }
  }

  /// The demo LSOAs dissolved by ICB (shapely, Tests/Fixtures/figures/make_demo_icb_dissolved.py):
  /// each pair of neighbouring ICBs draws the same points along their border, and every inner
  /// drawn edge is used twice.
  @Test func demoICBsDissolvedFromLSOAsDrawTheSameBorders() throws {
    let (layer, _) = try GeoJSONReader.read(path: fixture("figures/demo_icb_dissolved.geojson"), fields: BoundaryFields(id: "ICB23CD"))
    #expect(layer.count == 3)
    let geometry = try DisplayGeometry(layer: layer, width: 600, height: 500, tolerance: 4)
    #expect(geometry.sharedArcCount >= 2)
    #expect(geometry.verticesAfter < geometry.verticesBefore)
    // Original vertices of each ICB, projected and rounded as drawn.
    func drawnVertices(_ f: Int) -> Set<[Double]> {
      var out = Set<[Double]>()
      for p in layer.polygons(ofFeature: f) {
        for r in layer.rings(ofPolygon: p) {
          for i in layer.points(ofRing: r) {
            let q = geometry.frame.project(layer.xs[i], layer.ys[i])
            out.insert([(q.x * 10).rounded() / 10, (q.y * 10).rounded() / 10])
          }
        }
      }
      return out
    }
    var neighbours = 0
    for a in 0..<layer.count {
      for b in (a + 1)..<layer.count {
        let shared = drawnVertices(a).intersection(drawnVertices(b))
        guard shared.count > 2 else { continue }
        neighbours += 1
        let drawnA = Set(geometry.rings[a].flatMap { $0 }.map { [$0.x, $0.y] }).intersection(shared)
        let drawnB = Set(geometry.rings[b].flatMap { $0 }.map { [$0.x, $0.y] }).intersection(shared)
        #expect(drawnA == drawnB, "\(layer.ids[a]) | \(layer.ids[b])")
        #expect(drawnA.count < shared.count)  // simplified, not just copied
      }
    }
    #expect(neighbours >= 2)
    let uses = drawnEdgeUses(geometry.rings.flatMap { $0 })
    #expect(uses.values.allSatisfy { $0 <= 2 })
    // Inner edges (both ends on some shared border) are drawn by both neighbours.
    let allShared = (0..<layer.count).flatMap { a in ((a + 1)..<layer.count).map { b in drawnVertices(a).intersection(drawnVertices(b)) } }
    for (edge, count) in uses where allShared.contains(where: { $0.contains(edge.a) && $0.contains(edge.b) }) {
      #expect(count == 2, "\(edge)")
    }
  }

  /// Separately digitised neighbours (B has a vertex on the common border that A lacks): no
  /// arc is shared, each side is simplified on its own, and each drawn border stays within the
  /// tolerance of its original, so the two differ by at most twice the tolerance.
  @Test func neighboursThatDoNotShareVerticesShareNoArc() throws {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (id, ring) in [("A", [(0.0, 0.0), (100, 0), (100, 100), (0, 100)]), ("B", [(100.0, 0.0), (200, 0), (200, 100), (100, 100), (101, 50)])] {
      for (x, y) in ring { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: id)
    }
    let geometry = try DisplayGeometry(layer: layer, width: 200, height: 100, margin: 0, tolerance: 3)
    #expect(geometry.sharedArcCount == 0)
    // B's 1 m bump is under the tolerance: B's border is drawn straight, as A's is.
    #expect(geometry.rings[1][0].count == 5)
    #expect(geometry.rings[1][0].allSatisfy { $0.x != 101 })
  }
}
