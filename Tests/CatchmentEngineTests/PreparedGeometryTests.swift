import CatchmentGeometry
import Testing

@testable import CatchmentEngine

/// Prepared predicates, and what each says about a point on the boundary.
@Suite struct PreparedGeometryTests {
  let layer = boxes([("holed", [(0, 0, 10, 10)], [(4, 4, 6, 6)])])

  @Test func coversCountsTheEdgeContainsDoesNot() throws {
    let context = GEOSContext()
    let prepared = try PreparedGeometry(Geometry.polygonal(feature: 0, of: layer, in: context)!)
    #expect(try prepared.covers(x: 1, y: 1))
    #expect(try prepared.contains(x: 1, y: 1))
    #expect(try prepared.covers(x: 10, y: 3))  // on the outer edge
    #expect(try !prepared.contains(x: 10, y: 3))
    #expect(try prepared.covers(x: 4, y: 5))  // on the hole's edge
    #expect(try !prepared.contains(x: 4, y: 5))
    #expect(try !prepared.covers(x: 5, y: 5))  // in the hole
    #expect(try !prepared.covers(x: 11, y: 3))
  }

  /// A point on the edge shared by two footprints is covered by both (the caller then
  /// breaks the tie by footprint id).
  @Test func sharedEdgePointIsCoveredByBoth() throws {
    let context = GEOSContext()
    let pair = boxes([("left", [(0, 0, 5, 5)], []), ("right", [(5, 0, 10, 5)], [])])
    let left = try PreparedGeometry(GeometryHandle(feature: 0, of: pair, in: context))
    let right = try PreparedGeometry(GeometryHandle(feature: 1, of: pair, in: context))
    #expect(try left.covers(x: 5, y: 2) && right.covers(x: 5, y: 2))
    #expect(try !left.contains(x: 5, y: 2) && !right.contains(x: 5, y: 2))
  }

  @Test func zonePredicates() throws {
    let context = GEOSContext()
    let prepared = try PreparedGeometry(GeometryHandle(feature: 0, of: layer, in: context))
    let inside = boxes([("in", [(1, 1, 2, 2)], []), ("touching", [(0, 0, 2, 2)], []), ("across", [(8, 8, 12, 12)], []),
                        ("outside", [(20, 20, 21, 21)], []), ("inHole", [(4.5, 4.5, 5.5, 5.5)], [])])
    let z = (0..<inside.count).map { try! Geometry.polygonal(feature: $0, of: inside, in: context)! }
    #expect(try prepared.containsProperly(z[0]))
    #expect(try !prepared.containsProperly(z[1]))  // touches the boundary
    #expect(try prepared.contains(z[1]) && prepared.covers(z[1]))
    #expect(try !prepared.contains(z[2]) && prepared.intersects(z[2]))
    #expect(try !prepared.intersects(z[3]))
    #expect(try !prepared.intersects(z[4]))
    #expect(try prepared.distance(to: z[3]) == (try z[3].distance(to: prepared.geometry)))
    #expect(try prepared.distance(toX: 13, y: 14) == 5)
  }
}
