import CatchmentGeometry
import Testing

@testable import CatchmentFigures

/// A dissolve of zones whose borders do not quite meet leaves hair-thin holes inside a
/// footprint; drawn with the footprints' white outline they showed as white lines across the
/// national map (seen in its screenshot at 4× zoom). Such holes are left out of the drawing;
/// a visible hole, and a hole filled by another footprint, are kept.
@Suite struct SliverHoleTests {
  /// A 100 × 100 m square (drawn at 1 px per metre) with the holes given, and optionally an
  /// enclave feature filling the last hole exactly.
  func layer(holes: [[(Double, Double)]], enclave: Bool = false) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (x, y) in [(0.0, 0.0), (100, 0), (100, 100), (0, 100)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    for hole in holes {
      for (x, y) in hole { layer.addPoint(x: x, y: y) }
      layer.endRing()
    }
    layer.endPolygon()
    layer.endFeature(id: "A")
    if enclave, let last = holes.last {
      for (x, y) in last.reversed() { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: "B")
    }
    return layer
  }

  /// A slit 60 m long and 0.2 m wide: 2 × 12 m² ÷ 120.4 m ≈ 0.2 px wide on average.
  let slit: [(Double, Double)] = [(20, 50), (20, 50.2), (80, 50.2), (80, 50)]
  /// A 20 × 20 m hole: 2 × 400 ÷ 80 = 10 px.
  let window: [(Double, Double)] = [(40, 10), (40, 30), (60, 30), (60, 10)]

  @Test func aHairThinHoleIsNotDrawnAVisibleOneIs() throws {
    let geometry = try DisplayGeometry(layer: layer(holes: [slit, window]), width: 120, height: 120, margin: 10, tolerance: 0)
    #expect(geometry.frame.scale == 1)
    #expect(geometry.rings[0].count == 2 && geometry.ringIsHole[0] == [false, true])
    #expect(geometry.sliverHolesDropped == 1)
    // The window kept: the drawn area is the square less the window (the slit adds nothing visible).
    #expect(abs(geometry.drawnArea(0) - (10_000 - 400)) < 1e-6)
  }

  @Test func aThinHoleFilledByAnotherFootprintIsKept() throws {
    let geometry = try DisplayGeometry(layer: layer(holes: [slit], enclave: true), width: 120, height: 120, margin: 10, tolerance: 0)
    #expect(geometry.rings[0].count == 2 && geometry.sliverHolesDropped == 0)
    #expect(geometry.rings[1].count == 1)
  }
}
