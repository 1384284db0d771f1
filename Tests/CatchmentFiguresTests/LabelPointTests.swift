import CatchmentGeometry
import Testing

@testable import CatchmentFigures

/// Labels sit inside their polygon: the centroid of the largest part when it is inside, else
/// the middle of the widest inside stretch of the middle scanline.
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

  /// A U open at the top: its centroid (x = 5, y ≈ 3.2) falls in the gap between the arms.
  @Test func aUShapesLabelIsInsideNotAtItsCentroid() throws {
    let u = layer([[(0, 0), (10, 0), (10, 10), (8, 10), (8, 2), (2, 2), (2, 10), (0, 10)]])
    let point = try #require(LabelPoint.of(feature: 0, in: u))
    #expect(LabelPoint.contains(point, polygon: 0, in: u))
    #expect(point.y == 5 && (point.x == 1 || point.x == 9))
  }
}
