import CatchmentTestSupport
import Testing

@testable import CatchmentGeometry

@Suite struct PolygonLayerTests {
  /// A 10 × 10 square with a 2 × 2 hole, and a second feature of two unit squares.
  func sample() -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (x, y) in [(0.0, 0.0), (10, 0), (10, 10), (0, 10)] { layer.addPoint(x: x, y: y) }  // left open: closed by endRing
    layer.endRing()
    for (x, y) in [(4.0, 4.0), (4, 6), (6, 6), (6, 4), (4, 4)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "A", name: "Square with hole")
    for dx in [20.0, 30.0] {
      for (x, y) in [(dx, 0.0), (dx + 1, 0), (dx + 1, 1), (dx, 1), (dx, 0)] { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
    }
    layer.endFeature(id: "B")
    layer.endFeature(id: "EMPTY")
    return layer
  }

  @Test func structure() {
    let layer = sample()
    #expect(layer.ids == ["A", "B", "EMPTY"])
    #expect(layer.polygons(ofFeature: 0) == 0..<1)
    #expect(layer.polygons(ofFeature: 1) == 1..<3)
    #expect(layer.polygons(ofFeature: 2).isEmpty)
    #expect(layer.rings(ofPolygon: 0) == 0..<2)
    #expect(layer.points(ofRing: 0).count == 5)  // closed by endRing
  }

  @Test func ringOrientationBySignedArea() {
    let layer = sample()
    #expect(layer.signedDoubleArea(ofRing: 0) == 200)  // anticlockwise exterior: +2 × 100
    #expect(layer.signedDoubleArea(ofRing: 1) == -8)  // clockwise hole: −2 × 4
  }

  @Test func degenerateRingsAreDropped() {
    var layer = PolygonLayer(crs: .unknown)
    layer.addPoint(x: 0, y: 0)
    layer.addPoint(x: 1, y: 1)
    let kept = layer.endRing()
    #expect(!kept)
    layer.endPolygon()
    layer.endFeature(id: "X")
    #expect(layer.xs.isEmpty && layer.polygons(ofFeature: 0).isEmpty)
  }

  @Test func appendKeepsOffsets() {
    var a = sample()
    a.append(contentsOf: sample())
    #expect(a.count == 6)
    #expect(a.polygons(ofFeature: 4) == 4..<6)
    #expect(a.signedDoubleArea(ofRing: a.rings(ofPolygon: 3).lowerBound) == 200)
  }
}
