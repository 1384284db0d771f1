import CatchmentCore
import CatchmentEngine
import CatchmentGeometry
import Testing

@testable import CatchmentAnalysis

/// The dissolve's two shortcuts against the plain path (the general union of the zones as
/// read), on unit squares in British National Grid metres that share every edge:
/// - merging vertices on ``PolygonLayer/dissolveGrid`` makes a border repeated with a different
///   last digit (as GDAL writes the ONS LSOA set one council at a time) one border again, so the
///   coverage union takes it;
/// - the zero buffer turns a coverage union that touches itself at a point into a valid polygon.
@Suite struct DissolveSnappingTests {
  static let origin = (x: 400_000.0, y: 300_000.0)

  /// Unit squares at the given cells, their vertical edges with middle vertices at y + ¼, ½
  /// and ¾. In `nudged` cells the right edge's middle vertex is one step of the last digit
  /// higher (y + ½ ↦ nextUp), as a second file would write a shared vertex (the ONS case: the
  /// same point 10⁻¹⁵ apart along the border): the neighbours' edges then overlap along the
  /// line with different end points, which GEOS calls incorrectly noded.
  func squares(_ cells: [(id: String, i: Int, j: Int)], nudged: Set<String> = []) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for cell in cells {
      let x0 = Self.origin.x + Double(cell.i), y0 = Self.origin.y + Double(cell.j), x1 = x0 + 1
      var ring = [(x0, y0), (x1, y0)]
      ring += [(x1, y0 + 0.25), (x1, nudged.contains(cell.id) ? (y0 + 0.5).nextUp : y0 + 0.5), (x1, y0 + 0.75)]
      ring += [(x1, y0 + 1), (x0, y0 + 1)]
      // The left edge has the same middle vertices, so that neighbours share them.
      ring += [(x0, y0 + 0.75), (x0, y0 + 0.5), (x0, y0 + 0.25)]
      for (x, y) in ring { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: cell.id)
    }
    return layer
  }

  func crosswalk(_ pairs: [(String, String)]) throws -> Crosswalk {
    var builder = CrosswalkBuilder()
    for (zone, footprint) in pairs { builder.add(zone: zone, footprint: footprint, weight: 1) }
    return try builder.build(method: "t")
  }

  /// Polygons and rings of a GEOS result, read back through the flat layer.
  func shape(_ geometry: Geometry) throws -> (polygons: Int, rings: Int) {
    var layer = PolygonLayer(crs: .epsg(27700))
    try geometry.handle.appendPolygons(to: &layer)
    layer.endFeature(id: "f")
    return (layer.polygonRings.count - 1, layer.ringPoints.count - 1)
  }

  /// Area in one and not the other: |A| + |B| − 2 |A ∩ B|.
  func symmetricDifferenceArea(_ a: Geometry, _ b: Geometry) throws -> Double {
    try a.area() + b.area() - 2 * a.intersectionArea(with: b)
  }

  @Test func gridIsATenBillionthOfTheExtentRoundedDownToAPowerOfTen() {
    // Largest magnitude 400,003 m: 10^5 × 10⁻⁹ = 10⁻⁴ m.
    #expect(squares([("a", 0, 0), ("b", 3, 0)]).dissolveGrid == 1e-4)
    var degrees = PolygonLayer(crs: .epsg(4326))
    for (x, y) in [(-2.5, 53.0), (-2.4, 53.0), (-2.4, 53.1)] { degrees.addPoint(x: x, y: y) }
    degrees.endRing()
    degrees.endPolygon()
    degrees.endFeature(id: "d")
    #expect(degrees.dissolveGrid == 1e-8)  // 53.1° → 10¹ × 10⁻⁹
    #expect(PolygonLayer(crs: .epsg(27700)).dissolveGrid == nil)
  }

  @Test func mergingMakesADigitApartVertexOneAndLeavesEveryOtherAlone() throws {
    let layer = squares([("a", 0, 0), ("b", 1, 0)], nudged: ["a"])
    let grid = try #require(layer.dissolveGrid)
    let merged = layer.mergingNearVertices(grid: grid)
    // a comes first in layer order, so b's left-edge vertex at y + ½ (ring position 8) takes
    // a's nudged value (its position 3).
    #expect(merged.moved == 1)
    let bStart = Int(layer.ringPoints[1])
    #expect(layer.ys[bStart + 8] != layer.ys[3] && merged.layer.ys[bStart + 8] == layer.ys[3])
    // Every coordinate of the result is one of the input, and nothing else moved.
    let before = Set(layer.ys)
    #expect(merged.layer.ys.allSatisfy { before.contains($0) } && merged.layer.xs == layer.xs)
    #expect(zip(merged.layer.ys, layer.ys).filter { $0 != $1 }.count == 1)
    // A layer without near-duplicates comes back unchanged.
    let clean = squares([("a", 0, 0), ("b", 1, 0)])
    #expect(clean.mergingNearVertices(grid: grid).moved == 0)
  }

  /// A 3 × 3 block with the middle column nudged: the plain coverage union fails on it (GEOS:
  /// "incorrectly noded"), the dissolve does not, and its footprint equals the general union of
  /// the zones as read: one polygon, one ring, area 9.
  @Test func nudgedBordersDissolveAsACoverageAndMatchThePlainUnion() throws {
    var cells: [(id: String, i: Int, j: Int)] = []
    for i in 0..<3 { for j in 0..<3 { cells.append(("z\(i)\(j)", i, j)) } }
    let layer = squares(cells, nudged: ["z10", "z11", "z12"])
    let context = GEOSContext()
    let plain = try Dissolve.union(of: Array(0..<9), in: layer, context: context)
    #expect(plain.method == .general)  // the input as read is not a clean coverage
    let report = RunReport(command: "t")
    let drawn = recorded(try Dissolve.footprints(zones: layer, crosswalk: try crosswalk(cells.map { ($0.id, "F") }), workers: 2), in: report)
    #expect(!report.notes.contains { $0.contains("general union") })
    let footprint = try #require(drawn.first)
    let geometry = Geometry(try GeometryHandle(feature: 0, of: footprint.polygons, in: context))
    #expect(try shape(geometry) == (1, 1))
    #expect(abs(try geometry.area() - 9) < 1e-6)
    #expect(try symmetricDifferenceArea(geometry, plain.geometry) < 1e-6)
  }

  /// Seven cells of a 3 × 3 block without the centre and the top-right corner: the centre is a
  /// hole touching the outside at the point (2, 2). The dissolve returns a valid polygon of
  /// area 7 without the general union, equal to the general union.
  @Test func aHoleTouchingTheOutsideAtAPointIsValidWithoutTheGeneralUnion() throws {
    var cells: [(id: String, i: Int, j: Int)] = []
    for i in 0..<3 { for j in 0..<3 where !(i == 1 && j == 1) && !(i == 2 && j == 2) { cells.append(("z\(i)\(j)", i, j)) } }
    let layer = squares(cells)
    let context = GEOSContext()
    let union = try Dissolve.union(of: Array(cells.indices), in: layer, context: context)
    let unionIsValid = union.geometry.isValid
    #expect(union.method != .general && unionIsValid)
    #expect(abs(try union.geometry.area() - 7) < 1e-9)
    let plain = Geometry(try GeometryHandle(unionOf: try cells.indices.map { try #require(try Geometry.polygonal(feature: $0, of: layer, in: context)) }, in: context))
    #expect(try symmetricDifferenceArea(union.geometry, plain) < 1e-9)
  }

  /// Two unit squares meeting at (1, 1) traced as one ring through that point twice, as a
  /// coverage union can trace a footprint that touches itself: invalid for GEOS; the zero
  /// buffer makes it two valid squares of total area 2, which the general union agrees with.
  @Test func theZeroBufferRebuildsARingThroughOnePointTwice() throws {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (x, y) in [(0.0, 0.0), (1, 0), (1, 1), (2, 1), (2, 2), (1, 2), (1, 1), (0, 1)] {
      layer.addPoint(x: Self.origin.x + x, y: Self.origin.y + y)
    }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "eight")
    let context = GEOSContext()
    let traced = try GeometryHandle(feature: 0, of: layer, in: context)
    let tracedIsValid = traced.isValid
    #expect(!tracedIsValid)
    let rebuilt = Geometry(try traced.bufferedByZero())
    #expect(try rebuilt.isValid && abs(rebuilt.area() - 2) < 1e-9)
    #expect(try shape(rebuilt) == (2, 2))
  }
}
