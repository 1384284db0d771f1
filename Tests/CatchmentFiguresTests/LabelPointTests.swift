import CatchmentGeometry
import Testing

@testable import CatchmentFigures

/// Labels sit at the pole of inaccessibility: inside the polygon, where it is widest. The
/// expected points and distances are worked by hand; distances are checked with
/// ``distanceToBorder(_:_:)`` below, written apart from the code under test.
@Suite struct LabelPointTests {
  func layer(_ parts: [[(Double, Double)]]) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for part in parts {
      for (x, y) in part { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
    }
    layer.endFeature(id: "F")
    return layer
  }

  @Test func aSquaresLabelIsItsCentre() throws {
    let point = try #require(LabelPoint.of(feature: 0, in: layer([[(0, 0), (4, 0), (4, 2), (0, 2)]])))
    #expect(point.x == 2 && point.y == 1)
  }

  @Test func theLargestPartCarriesTheLabel() throws {
    let point = try #require(LabelPoint.of(feature: 0, in: layer([[(0, 0), (1, 0), (1, 1), (0, 1)], [(10, 0), (20, 0), (20, 10), (10, 10)]])))
    #expect(point.x == 15 && point.y == 5)
  }

  /// A U open at the top (arms 2 wide, base 2 high): its centroid (x = 5, y ≈ 3.2) falls in
  /// the gap between the arms. The largest inscribed circle sits in a bottom corner, touching
  /// the outer sides x = 0, y = 0 and the inner corner (2, 2): centre (r, r) with
  /// r = √2 (2 − r), so r = 4 − 2√2 ≈ 1.172 (or its mirror image at x = 10 − r).
  @Test func aUShapesLabelIsInItsWidestCornerNotAtItsCentroid() throws {
    let ring: [(Double, Double)] = [(0, 0), (10, 0), (10, 10), (8, 10), (8, 2), (2, 2), (2, 10), (0, 10)]
    let point = try #require(LabelPoint.of(feature: 0, in: layer([ring])))
    let r = 4 - 2 * 2.0.squareRoot()
    let d = distanceToBorder((point.x, point.y), ring)
    #expect(inside((point.x, point.y), ring))
    #expect(d > r - 0.01 && d < r + 1e-9)  // precision: 1/1000 of the 10 m extent
    #expect(abs(point.y - r) < 0.05 && (abs(point.x - r) < 0.05 || abs(point.x - (10 - r)) < 0.05))
  }

  /// Two 10 × 10 squares joined by a corridor 1 high: the centroid (15, 5) is inside, but on
  /// the corridor, 0.5 from its sides; the pole is a square's centre, 5 from every side.
  @Test func aDumbbellsLabelIsInABellNotOnTheNeck() throws {
    let ring: [(Double, Double)] = [
      (0, 0), (10, 0), (10, 4.5), (20, 4.5), (20, 0), (30, 0), (30, 10), (20, 10), (20, 5.5), (10, 5.5), (10, 10), (0, 10),
    ]
    let point = try #require(LabelPoint.of(feature: 0, in: layer([ring])))
    #expect(distanceToBorder((point.x, point.y), ring) > 5 - 0.03)
    #expect(abs(point.y - 5) < 0.1 && (abs(point.x - 5) < 0.1 || abs(point.x - 25) < 0.1))
  }
}

/// Distance from `p` to the nearest side of the closed ring `ring` (first point not repeated).
func distanceToBorder(_ p: (x: Double, y: Double), _ ring: [(Double, Double)]) -> Double {
  var best = Double.infinity
  for k in ring.indices {
    let (ax, ay) = ring[k], (bx, by) = ring[(k + 1) % ring.count]
    let (dx, dy) = (bx - ax, by - ay)
    let t = max(0, min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / (dx * dx + dy * dy)))
    let (qx, qy) = (ax + t * dx, ay + t * dy)
    best = min(best, ((p.x - qx) * (p.x - qx) + (p.y - qy) * (p.y - qy)).squareRoot())
  }
  return best
}

/// Whether `p` is inside the ring (crossing count of a ray towards +x).
func inside(_ p: (x: Double, y: Double), _ ring: [(Double, Double)]) -> Bool {
  var odd = false
  for k in ring.indices {
    let (ax, ay) = ring[k], (bx, by) = ring[(k + 1) % ring.count]
    if (ay > p.y) != (by > p.y) && p.x < ax + (p.y - ay) * (bx - ax) / (by - ay) { odd.toggle() }
  }
  return odd
}
