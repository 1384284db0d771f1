import CatchmentGeometry
import Testing

@testable import CatchmentEngine

@Suite struct CoordinateTransformerTests {
  /// ONS publishes each LSOA's population-weighted centroid both ways: E01000001 (City of
  /// London 001A) at LONG −0.09706, LAT 51.5181 and BNG_E 532129, BNG_N 181625 (ONS "LSOA
  /// (Dec 2011) Population Weighted Centroids", attribute table). Lon/lat to 5 decimals is
  /// ±1 m; without the OSTN15 grid (not in Debian's proj-data) PROJ uses a Helmert shift,
  /// good to a few metres: 10 m tolerance.
  @Test func crs84ToBritishNationalGrid() throws {
    let transformer = try CoordinateTransformer(from: .crs84, to: "EPSG:27700")
    var xs = [-0.09706], ys = [51.5181]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(abs(xs[0] - 532_129) < 10)
    #expect(abs(ys[0] - 181_625) < 10)
    #expect(!transformer.isIdentity)
    #expect(!transformer.isBallpark)
    #expect(transformer.operationDescription.contains("British National Grid"))
    #expect(transformer.operationDescription.contains("OSGB36 to WGS 84"))
    let accuracy = try #require(transformer.accuracyMetres)
    #expect(accuracy > 0 && accuracy <= 5)
    #expect(transformer.summary.description.contains("accuracy"))
  }

  /// EPSG:4326 is latitude first by definition; after normalisation x is longitude anyway.
  @Test func axisOrderIsNormalised() throws {
    let transformer = try CoordinateTransformer(from: .epsg(4326), to: "EPSG:27700")
    var xs = [-0.09706], ys = [51.5181]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(abs(xs[0] - 532_129) < 10 && abs(ys[0] - 181_625) < 10)
  }

  @Test func transformsALayerInPlace() throws {
    var layer = PolygonLayer(crs: .crs84)
    for (x, y) in [(-0.1, 51.5), (-0.09, 51.5), (-0.09, 51.51), (-0.1, 51.51)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "box")
    try CoordinateTransformer(from: layer.crs, to: .epsg(27700)).transform(&layer)
    #expect(layer.crs == .epsg(27700))
    // About 0.01° × 0.01° at 51.5° N: 695 m × 1113 m ≈ 0.77 km².
    let area = try GeometryHandle(feature: 0, of: layer, in: GEOSContext()).area()
    #expect(area > 760_000 && area < 790_000)
  }

  @Test func sameCRSIsIdentity() throws {
    let transformer = try CoordinateTransformer(from: "EPSG:27700", to: "EPSG:27700")
    #expect(transformer.isIdentity)
    var xs = [1.0], ys = [2.0]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(xs == [1] && ys == [2])
    #expect(transformer.accuracyMetres == 0)
  }

  /// The `.prj` of the ONS 2011 LSOA shapefile for the South West as distributed (copied here:
  /// it is a CRS definition, not data): Airy ellipsoid, datum "D_unknown", no TOWGS84, so PROJ
  /// cannot know the datum shift to OSGB36 and offers only a ballpark.
  static let unnamedDatumPrj = """
    PROJCS["Transverse_Mercator",GEOGCS["GCS_Airy 1830",DATUM["D_unknown",SPHEROID["airy",6377563.396,299.3249646]],\
    PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],\
    PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],\
    PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]
    """

  @Test func unnamedDatumIsBallpark() throws {
    let transformer = try CoordinateTransformer(from: .wkt(Self.unnamedDatumPrj), to: "EPSG:27700")
    var xs = [532_129.0], ys = [181_625.0]
    try transformer.transform(xs: &xs, ys: &ys)
    #expect(transformer.isBallpark)
    #expect(transformer.summary.description.contains("ballpark"))
    // Same ellipsoid and projection: the ballpark changes the numbers little here.
    #expect(abs(xs[0] - 532_129) < 500 && abs(ys[0] - 181_625) < 500)
  }

  @Test func unknownCRSIsAClearError() {
    #expect(throws: PROJError.self) { try CoordinateTransformer(from: .unknown, to: "EPSG:27700") }
    let error = #expect(throws: PROJError.self) { try CoordinateTransformer(from: "EPSG:999999", to: "EPSG:27700") }
    #expect(error?.message.contains("EPSG:999999") == true)
  }

  @Test func projectedOrNot() throws {
    #expect(try CoordinateTransformer.isProjected("EPSG:27700"))
    #expect(try !CoordinateTransformer.isProjected("OGC:CRS84"))
  }

  /// A CRS PROJ cannot create is not "not projected": the error carries PROJ's reason
  /// (issue 9: out of memory inside PROJ was reported as "not a projected CRS").
  @Test func aCRSPROJCannotCreateIsAnErrorWithPROJsReason() {
    let error = #expect(throws: PROJError.self) { try CoordinateTransformer.isProjected("EPSG:999999") }
    #expect(error?.message.contains("could not create the CRS 'EPSG:999999'") == true)
    #expect(error?.message.contains("crs not found") == true, "\(String(describing: error))")
  }

  /// The transformer's errors carry PROJ's reason too, not "Unknown error (code 4096)".
  @Test func transformerErrorsCarryPROJsReason() {
    let error = #expect(throws: PROJError.self) { try CoordinateTransformer(from: "EPSG:999999", to: "EPSG:27700") }
    #expect(error?.message.contains("crs not found") == true, "\(String(describing: error))")
    let garbled = #expect(throws: PROJError.self) { try CoordinateTransformer(from: "not a crs", to: "EPSG:27700") }
    #expect(garbled?.message.contains("unrecognized format") == true, "\(String(describing: garbled))")
  }
}

@Suite struct CRSInfoTests {
  @Test func britishNationalGrid() throws {
    let info = try CRSInfo("EPSG:27700")
    #expect(info.name == "OSGB36 / British National Grid")
    #expect(info.isProjected && info.isProjectedInMetres)
    #expect(info.unitName == "metre")
  }

  @Test func crs84IsGeographicInDegrees() throws {
    let info = try CRSInfo(.crs84)
    #expect(info.kind == .geographic2D)
    #expect(!info.isProjected)
    #expect(info.unitName == "degree")
  }

  @Test func prjWithUnnamedDatumIsProjectedInMetres() throws {
    let info = try CRSInfo(.wkt(CoordinateTransformerTests.unnamedDatumPrj))
    #expect(info.isProjectedInMetres)
  }

  @Test func footUnits() throws {
    // NAD83 / Massachusetts Mainland (ftUS).
    let info = try CRSInfo("EPSG:2249")
    #expect(info.isProjected && !info.isProjectedInMetres)
    #expect(info.unitName == "US survey foot")
  }

  @Test func unknownIsAnError() {
    #expect(throws: PROJError.self) { try CRSInfo(.unknown) }
    #expect(throws: PROJError.self) { try CRSInfo("not a crs") }
  }
}
