import CatchmentGeometry
import Testing

@testable import CatchmentEngine

/// Areas, overlays and repairs on hand-built polygons, with exact expected values.
@Suite struct GeometryTests {
  let layer = boxes([
    ("holed", [(0, 0, 10, 10)], [(4, 4, 6, 6)]),  // 100 − 4 = 96
    ("two", [(20, 0, 21, 1), (30, 0, 32, 1)], []),  // 1 + 2 = 3
    ("right", [(5, 0, 15, 10)], []),  // overlaps "holed" in x 5..10: 50 minus the hole's 1 × 2 = 48
    ("empty", [], []),  // a null shape
  ])

  @Test func areasWorkedByHand() throws {
    let context = GEOSContext()
    #expect(try GeometryHandle(feature: 0, of: layer, in: context).area() == 96)
    #expect(try GeometryHandle(feature: 1, of: layer, in: context).area() == 3)
    #expect(try Geometry.polygonal(feature: 0, of: layer, in: context)!.area() == 96)
    #expect(try Geometry.polygonal(feature: 1, of: layer, in: context)!.area() == 3)
  }

  @Test func featureWithoutPolygonsIsEmpty() throws {
    let context = GEOSContext()
    let g = try GeometryHandle(feature: 3, of: layer, in: context)
    let isEmpty = g.isEmpty  // (#expect cannot take apart an expression on a ~Copyable value)
    #expect(isEmpty)
    #expect(try g.area() == 0)
    #expect(g.envelope().isEmpty)
    #expect(try Geometry.polygonal(feature: 3, of: layer, in: context) == nil)
  }

  @Test func envelopeOfAMultiPolygon() throws {
    let context = GEOSContext()
    #expect(try GeometryHandle(feature: 1, of: layer, in: context).envelope() == Envelope(minX: 20, minY: 0, maxX: 32, maxY: 1))
  }

  @Test func intersectionAreaWithAHole() throws {
    let context = GEOSContext()
    let a = try GeometryHandle(feature: 0, of: layer, in: context)
    let b = try GeometryHandle(feature: 2, of: layer, in: context)
    // x 5..10 × y 0..10 = 50, less the hole's part x 5..6 × y 4..6 = 2.
    #expect(try a.intersectionArea(with: b) == 48)
    #expect(try a.intersection(with: b).area() == 48)
    // The class API gives the same.
    let ga = try Geometry.polygonal(feature: 0, of: layer, in: context)!
    let gb = try Geometry.polygonal(feature: 2, of: layer, in: context)!
    #expect(try ga.intersection(gb).area() == 48)
    #expect(try ga.intersectionArea(with: gb) == 48)
    #expect(try ga.intersection(gb, near: gb.envelope()).area() == 48)
    #expect(try ga.intersection(gb, near: Envelope(minX: 5, minY: 0, maxX: 15, maxY: 10)).area() == 48)
  }

  /// A footprint dissolved from its zones shares the zone's extreme vertices, which lie on the
  /// edges of the zone's envelope: the saw-toothed footprint below has its teeth' tips at
  /// x = 4 and x = 6, the zone's envelope edges, and meets the zone (4..6 × 0..4) in the
  /// triangle (4,0)–(6,2)–(4,4) of area ½·4·2 = 4.
  @Test func intersectionNearAnEnvelopeThatCutsThroughSharedVertices() throws {
    let context = GEOSContext()
    var layer = PolygonLayer(crs: .epsg(27700))
    // Footprint: a comb whose boundary runs (0,0) (4,0) (6,2) (4,4) (6,6) (4,8) (0,8).
    for (x, y) in [(0.0, 0.0), (4, 0), (6, 2), (4, 4), (6, 6), (4, 8), (0, 8)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "footprint")
    // Zone: its left edge runs through the footprint's vertices (4,0) and (4,4).
    for (x, y) in [(4.0, 0.0), (6, 0), (6, 4), (4, 4)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "zone")
    let footprint = try #require(try Geometry.polygonal(feature: 0, of: layer, in: context))
    let zone = try #require(try Geometry.polygonal(feature: 1, of: layer, in: context))
    #expect(try footprint.intersection(zone, near: zone.envelope()).area() == 4)
    #expect(try footprint.intersection(zone).area() == 4)
  }

  /// A zone split three ways: the square 0..3 × 0..3 (area 9) against three vertical strips
  /// 0..1, 1..2.5, 2.5..4 gives 3, 4.5 and 1.5, summing to the zone's 9.
  @Test func zoneSplitThreeWays() throws {
    let context = GEOSContext()
    let zone = try GeometryHandle(feature: 0, of: boxes([("z", [(0, 0, 3, 3)], [])]), in: context)
    let strips = boxes([("a", [(0, -1, 1, 4)], []), ("b", [(1, -1, 2.5, 4)], []), ("c", [(2.5, -1, 4, 4)], [])])
    var areas: [Double] = []
    for f in 0..<3 { areas.append(try zone.intersectionArea(with: GeometryHandle(feature: f, of: strips, in: context))) }
    #expect(areas == [3, 4.5, 1.5])
    #expect(areas.reduce(0, +) == (try zone.area()))
  }

  @Test func disjointIntersectionIsEmpty() throws {
    let context = GEOSContext()
    let a = try GeometryHandle(feature: 0, of: layer, in: context)
    let b = try GeometryHandle(feature: 1, of: layer, in: context)
    #expect(try a.intersectionArea(with: b) == 0)
    let intersectionIsEmpty = try a.intersection(with: b).isEmpty
    #expect(intersectionIsEmpty)
  }

  @Test func makeValidKeepsPolygonalParts() throws {
    // A bow tie (0,0)-(2,2)-(2,0)-(0,2): two triangles of area 1 each, meeting at (1,1).
    let bowTie = ringLayer([(0, 0), (2, 2), (2, 0), (0, 2)], id: "bow")
    let context = GEOSContext()
    let g = try GeometryHandle(feature: 0, of: bowTie, in: context)
    let (valid, reason) = (g.isValid, g.invalidReason)
    #expect(!valid)
    #expect(reason.contains("Self-intersection"))
    let fixed = try g.madeValidPolygonal()
    let fixedIsValid = fixed.isValid
    #expect(fixedIsValid)
    #expect(try fixed.area() == 2)
    #expect(try Geometry.polygonal(feature: 0, of: bowTie, in: context)!.madeValidPolygonal().area() == 2)
  }

  @Test func repairsAreCountedNotDropped() throws {
    let bowTie = ringLayer([(0, 0), (2, 2), (2, 0), (0, 2)], id: "bow")
    let context = GEOSContext()
    var repairs = GeometryRepairs()
    let valid = try GeometryHandle(feature: 0, of: layer, in: context).repairedIfInvalid(id: "holed", repairs: &repairs)
    #expect(repairs.count == 0)
    #expect(try valid.area() == 96)
    let fixed = try Geometry.polygonal(feature: 0, of: bowTie, in: context, repairs: &repairs)!
    #expect(try fixed.area() == 2)
    #expect(repairs.count == 1)
    #expect(repairs.examples.first?.id == "bow")
    #expect(repairs.examples.first?.reason.contains("Self-intersection") == true)
    var total = GeometryRepairs()
    total.merge(repairs)
    total.merge(repairs)
    #expect(total.count == 2 && total.examples.count == 2)
  }

  /// A polygon whose ring retraces itself (a spike out and back along y = 0 from (2,0) to
  /// (4,0)): make-valid gives the 2 × 2 square plus a line; only the square is kept.
  @Test func makeValidDropsLines() throws {
    let spiked = ringLayer([(0, 0), (2, 0), (4, 0), (2, 0), (2, 2), (0, 2)])
    let context = GEOSContext()
    let g = try GeometryHandle(feature: 0, of: spiked, in: context)
    let valid = g.isValid
    #expect(!valid)
    let fixed = try g.madeValidPolygonal()
    let fixedIsValid = fixed.isValid
    #expect(fixedIsValid)
    #expect(try fixed.area() == 4)
    #expect(fixed.envelope() == Envelope(minX: 0, minY: 0, maxX: 2, maxY: 2))
  }

  @Test func pointOnSurfaceIsInside() throws {
    let context = GEOSContext()
    // A U shape, whose centroid (not inside) would be a poor stand-in.
    let u = ringLayer([(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3)])
    for g in [try Geometry.polygonal(feature: 0, of: layer, in: context)!, try Geometry.polygonal(feature: 0, of: u, in: context)!] {
      let p = try g.pointOnSurface()
      #expect(try PreparedGeometry(g).contains(x: p.x, y: p.y))
    }
  }

  @Test func distanceToAPoint() throws {
    let context = GEOSContext()
    let g = try GeometryHandle(feature: 0, of: layer, in: context)
    #expect(try g.distance(toX: 13, y: 14) == 5)  // 3-4-5 from the corner (10, 10)
    #expect(try g.distance(toX: 1, y: 1) == 0)
    #expect(try g.distance(toX: 5, y: 5) == 1)  // in the hole: 1 to its edge
  }

  @Test func rectangleAndClone() throws {
    let context = GEOSContext()
    let r = try GeometryHandle(rectangle: Envelope(minX: 1, minY: 2, maxX: 4, maxY: 6), in: context)
    #expect(try r.area() == 12)
    let copy = try r.clone()
    #expect(try copy.area() == 12)
  }
}
