import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentEngine

@Suite struct STRtreeTests {
  /// Footprints: two unit squares side by side, a 2 × 1 box far right, and an L-shaped
  /// footprint whose envelope is near the probe but whose polygon is not.
  let footprints = boxes([
    ("a", [(0, 0, 1, 1)], []),
    ("b", [(1, 0, 2, 1)], []),
    ("c", [(10, 0, 12, 1)], []),
  ])

  func tree(_ context: GEOSContext) throws -> (STRtree, [PreparedGeometry]) {
    let tree = STRtree(in: context)
    var prepared: [PreparedGeometry] = []
    for f in 0..<footprints.count {
      let g = try GeometryHandle(feature: f, of: footprints, in: context)
      tree.insert(g, item: f)
      prepared.append(try PreparedGeometry(g))
    }
    return (tree, prepared)
  }

  @Test func queryByEnvelope() throws {
    let context = GEOSContext()
    let (tree, _) = try tree(context)
    #expect(tree.count == 3)
    #expect(tree.query(Envelope(minX: 0.5, minY: 0.5, maxX: 1.5, maxY: 0.6)) == [0, 1])
    #expect(tree.query(Envelope(minX: 1, minY: 0.5, maxX: 1, maxY: 0.5)) == [0, 1])  // edges touch
    #expect(tree.query(Envelope(minX: 11, minY: 0, maxX: 11, maxY: 0)) == [2])
    #expect(tree.query(Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6)).isEmpty)
    #expect(tree.query(Envelope.empty).isEmpty)
  }

  @Test func nearestByTrueDistance() throws {
    let context = GEOSContext()
    let (tree, prepared) = try tree(context)
    // (5, 0.5): 3 from b's right edge, 5 from c.
    let near = try #require(try tree.nearest(toX: 5, y: 0.5, among: prepared))
    #expect(near.item == 1 && near.distance == 3)
    // (9, 4): c's corner (10, 1) is √(1 + 9) ≈ 3.162 away; b's (2, 1) is √(49 + 9).
    let corner = try #require(try tree.nearest(toX: 9, y: 4, among: prepared))
    #expect(corner.item == 2 && abs(corner.distance - 10.0.squareRoot()) < 1e-12)
    // Inside a footprint: distance 0.
    let inside = try #require(try tree.nearest(toX: 11, y: 0.5, among: prepared))
    #expect(inside.item == 2 && inside.distance == 0)
  }

  /// On the edge shared by a and b both are at distance 0: the lower item wins.
  @Test func nearestTieGoesToTheLowestItem() throws {
    let context = GEOSContext()
    let (tree, prepared) = try tree(context)
    let tie = try #require(try tree.nearest(toX: 1, y: 0.5, among: prepared))
    #expect(tie.item == 0 && tie.distance == 0)
    // Equidistant outside: (1, 3) is 2 from both a and b.
    let above = try #require(try tree.nearest(toX: 1, y: 3, among: prepared))
    #expect(above.item == 0 && above.distance == 2)
  }

  @Test func emptyTreeHasNoNearest() throws {
    let context = GEOSContext()
    let tree = STRtree(in: context)
    #expect(try tree.nearest(toX: 0, y: 0, among: []) == nil)
    #expect(tree.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)).isEmpty)
  }

  /// Against brute force on a seeded grid of squares with random probes.
  @Test func agreesWithBruteForce() throws {
    var rng = SeededGenerator(seed: 42)
    var cells: [(id: String, boxes: [Box], holes: [Box])] = []
    for i in 0..<10 {
      for j in 0..<10 where (i + j) % 3 != 0 {
        let x = Double(i) * 10, y = Double(j) * 10
        cells.append(("\(i),\(j)", [(x, y, x + Double.random(in: 2...8, using: &rng), y + Double.random(in: 2...8, using: &rng))], []))
      }
    }
    let layer = boxes(cells)
    let context = GEOSContext()
    let tree = STRtree(in: context)
    var prepared: [PreparedGeometry] = []
    for f in 0..<layer.count {
      let g = try GeometryHandle(feature: f, of: layer, in: context)
      tree.insert(g, item: f)
      prepared.append(try PreparedGeometry(g))
    }
    for _ in 0..<200 {
      let x = Double.random(in: -20...120, using: &rng), y = Double.random(in: -20...120, using: &rng)
      let found = try #require(try tree.nearest(toX: x, y: y, among: prepared))
      var best = (item: -1, distance: Double.infinity)
      for f in prepared.indices {
        let d = try prepared[f].distance(toX: x, y: y)
        if d < best.distance { best = (f, d) }
      }
      #expect(found.item == best.item && found.distance == best.distance)
      let probe = Envelope(minX: x - 5, minY: y - 5, maxX: x + 5, maxY: y + 5)
      let expected = (0..<layer.count).filter { prepared[$0].geometry.envelope().intersects(probe) }
      #expect(tree.query(probe) == expected)
    }
  }
}
