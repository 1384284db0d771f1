import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentEngine

/// A layer of axis-aligned boxes, each with optional holes, one feature per entry.
func boxes(_ features: [(id: String, boxes: [(Double, Double, Double, Double)], holes: [(Double, Double, Double, Double)])]) -> PolygonLayer {
  var layer = PolygonLayer(crs: .epsg(27700))
  func ring(_ b: (Double, Double, Double, Double), clockwise: Bool) {
    let corners = [(b.0, b.1), (b.2, b.1), (b.2, b.3), (b.0, b.3)]
    for (x, y) in clockwise ? corners.reversed() : corners { layer.addPoint(x: x, y: y) }
    layer.endRing()
  }
  for feature in features {
    for (k, box) in feature.boxes.enumerated() {
      ring(box, clockwise: false)
      if k == 0 { for hole in feature.holes { ring(hole, clockwise: true) } }
      layer.endPolygon()
    }
    layer.endFeature(id: feature.id)
  }
  return layer
}

@Suite struct GeometryTests {
  let layer = boxes([
    ("holed", [(0, 0, 10, 10)], [(4, 4, 6, 6)]),  // 100 − 4 = 96
    ("two", [(20, 0, 21, 1), (30, 0, 32, 1)], []),  // 1 + 2 = 3
    ("right", [(5, 0, 15, 10)], []),  // overlaps "holed" in x 5..10: 50 minus the hole's 1 × 2 = 48
  ])

  @Test func areasWorkedByHand() throws {
    let context = GEOSContext()
    #expect(try Geometry.polygonal(feature: 0, of: layer, in: context)!.area() == 96)
    #expect(try Geometry.polygonal(feature: 1, of: layer, in: context)!.area() == 3)
  }

  @Test func intersectionAreaWithAHole() throws {
    let context = GEOSContext()
    let a = try Geometry.polygonal(feature: 0, of: layer, in: context)!
    let b = try Geometry.polygonal(feature: 2, of: layer, in: context)!
    // x 5..10 × y 0..10 = 50, less the hole's part x 5..6 × y 4..6 = 2.
    #expect(try a.intersection(b).area() == 48)
    #expect(try a.clipped(to: Envelope(minX: 5, minY: 0, maxX: 15, maxY: 10)).intersection(b).area() == 48)
  }

  @Test func preparedCoversCountsTheEdge() throws {
    let context = GEOSContext()
    let prepared = try PreparedGeometry(Geometry.polygonal(feature: 0, of: layer, in: context)!)
    #expect(try prepared.covers(x: 1, y: 1))
    #expect(try prepared.covers(x: 10, y: 3))  // on the boundary
    #expect(try !prepared.covers(x: 5, y: 5))  // in the hole
    #expect(try !prepared.covers(x: 11, y: 3))
    let small = try Geometry.polygonal(feature: 0, of: boxes([("s", [(1, 1, 2, 2)], [])]), in: context)!
    #expect(try prepared.containsProperly(small))
  }

  @Test func makeValidKeepsPolygonalParts() throws {
    // A bow tie (0,0)-(2,2)-(2,0)-(0,2): two triangles of area 1 each.
    var bowTie = PolygonLayer(crs: .unknown)
    for (x, y) in [(0.0, 0.0), (2, 2), (2, 0), (0, 2), (0, 0)] { bowTie.addPoint(x: x, y: y) }
    bowTie.endRing()
    bowTie.endPolygon()
    bowTie.endFeature(id: "bow")
    let context = GEOSContext()
    let g = try Geometry.polygonal(feature: 0, of: bowTie, in: context)!
    #expect(!g.isValid)
    #expect(g.invalidReason.contains("Self-intersection"))
    let fixed = try g.madeValidPolygonal()
    #expect(fixed.isValid)
    #expect(try fixed.area() == 2)
  }

  @Test func pointOnSurfaceIsInside() throws {
    let context = GEOSContext()
    let g = try Geometry.polygonal(feature: 0, of: layer, in: context)!
    let p = try g.pointOnSurface()
    #expect(try PreparedGeometry(g).covers(x: p.x, y: p.y))
  }

  @Test func envelopeIndexFindsOverlaps() {
    let index = EnvelopeIndex([
      Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10), Envelope(minX: 20, minY: 0, maxX: 32, maxY: 1),
      Envelope(minX: 5, minY: 0, maxX: 15, maxY: 10),
    ])
    #expect(index.query(Envelope(minX: 6, minY: 6, maxX: 7, maxY: 7)) == [0, 2])
    #expect(index.query(Envelope(minX: 25, minY: 0.5, maxX: 25, maxY: 0.5)) == [1])
    #expect(index.query(Envelope(minX: 100, minY: 100, maxX: 101, maxY: 101)).isEmpty)
    #expect(index.byEnvelopeDistance(from: Envelope(minX: 17, minY: 5, maxX: 17, maxY: 5)).map(\.item) == [2, 1, 0])
  }
}

@Suite struct CoordinateTransformerTests {
  /// ONS publishes each LSOA's centroid both ways: E01000001 (City of London 001A) at
  /// LONG −0.09706, LAT 51.5181 and BNG_E 532129, BNG_N 181625 (ONS LSOA 2011 BGC boundaries,
  /// attribute table). Lon/lat to 5 decimals is ±1 m; without the OSTN15 grid PROJ uses a
  /// Helmert shift, good to a few metres: 10 m tolerance.
  @Test func crs84ToBritishNationalGrid() throws {
    let transformer = try CoordinateTransformer(from: .crs84, to: "EPSG:27700")
    var xs = [-0.09706], ys = [51.5181]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(abs(xs[0] - 532_129) < 10)
    #expect(abs(ys[0] - 181_625) < 10)
    #expect(!transformer.isIdentity)
    #expect(!transformer.isBallpark)
    #expect(transformer.operationDescription.contains("British National Grid"))
  }

  @Test func sameCRSIsIdentity() throws {
    let transformer = try CoordinateTransformer(from: "EPSG:27700", to: "EPSG:27700")
    #expect(transformer.isIdentity)
    var xs = [1.0], ys = [2.0]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(xs == [1] && ys == [2])
  }

  /// A British National Grid `.prj` as some tools write it (this one is from an ONS LSOA
  /// shapefile re-exported by a third party): Airy ellipsoid, datum "D_unknown", no TOWGS84, so
  /// PROJ cannot know the datum shift and offers only a ballpark.
  @Test func unnamedDatumIsBallpark() throws {
    let wkt = """
      PROJCS["Transverse_Mercator",GEOGCS["GCS_Airy 1830",DATUM["D_unknown",SPHEROID["airy",6377563.396,299.3249646]],\
      PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],\
      PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],\
      PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]
      """
    let transformer = try CoordinateTransformer(from: .wkt(wkt), to: "EPSG:27700")
    var xs = [532_129.0], ys = [181_625.0]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(transformer.isBallpark)
    #expect(abs(xs[0] - 532_129) < 500 && abs(ys[0] - 181_625) < 500)
  }

  @Test func unknownCRSIsAClearError() {
    #expect(throws: PROJError.self) { try CoordinateTransformer(from: .unknown, to: "EPSG:27700") }
    #expect(throws: PROJError.self) { try CoordinateTransformer(from: "EPSG:999999", to: "EPSG:27700") }
  }

  @Test func projectedOrNot() {
    #expect(CoordinateTransformer.isProjected("EPSG:27700"))
    #expect(!CoordinateTransformer.isProjected("OGC:CRS84"))
  }
}
