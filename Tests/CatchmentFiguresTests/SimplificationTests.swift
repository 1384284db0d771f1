import CatchmentGeometry
import Testing

@testable import CatchmentFigures

/// Douglas–Peucker worked by hand, and rings that must not collapse however coarse the scale.
@Suite struct SimplificationTests {
  /// Chord (0,0)–(5,0): (4,3) is 3 away, kept. Chord (0,0)–(4,3): distance |3x − 4y|/5 is 0.28
  /// for (1,0.4), 1.2 for (2,0), 1.8 for (3,0): (3,0) kept. Chord (0,0)–(3,0): (1,0.4) is 0.4
  /// away and (2,0) on it: both dropped.
  @Test func douglasPeuckerByHand() {
    let line: [(x: Double, y: Double)] = [(0, 0), (1, 0.4), (2, 0), (3, 0), (4, 3), (5, 0)]
    #expect(Simplification.douglasPeucker(line, tolerance: 0.5, keepsInterior: false) == [0, 3, 4, 5])
    #expect(Simplification.douglasPeucker(line, tolerance: 5, keepsInterior: false) == [0, 5])
    #expect(Simplification.douglasPeucker(line, tolerance: 5, keepsInterior: true) == [0, 4, 5])
  }

  /// A 10 m island beside a 100 km square, drawn 200 px wide (tolerance 1 px = 500 m): the
  /// island and the square keep 4 points each instead of collapsing.
  @Test func aTinyIslandKeepsAPolygon() throws {
    var layer = PolygonLayer(crs: .epsg(27700))
    let rings: [(String, [(Double, Double)])] = [
      ("big", [(0, 0), (100_000, 0), (100_000, 100_000), (0, 100_000)]),
      ("isle", [(100_500, 0), (100_510, 0), (100_510, 10), (100_500, 10)]),
    ]
    for (id, ring) in rings {
      for (x, y) in ring { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: id)
    }
    let geometry = try DisplayGeometry(layer: layer, width: 200, height: 200, margin: 0, tolerance: 1, decimals: 3)
    #expect(geometry.rings[0][0].count == 5)
    #expect(geometry.rings[1][0].count == 4 && geometry.drawnArea(1) > 0)
  }
}
