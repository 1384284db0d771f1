import Testing

@testable import CatchmentEngine

/// WKT from PROJ for files that carry it (a GeoPackage's `gpkg_spatial_ref_sys`).
@Suite struct CRSWellKnownTextTests {
  /// The WKT 1 that PROJ writes for British National Grid reads back as the same CRS, on one
  /// line, with its EPSG code.
  @Test func britishNationalGridRoundTrips() throws {
    let wkt = try CRSWellKnownText.wkt("EPSG:27700")
    #expect(wkt.hasPrefix("PROJCS[\"OSGB36 / British National Grid\""))
    #expect(wkt.hasSuffix("AUTHORITY[\"EPSG\",\"27700\"]]"))
    #expect(!wkt.contains("\n"))
    let info = try CRSInfo(wkt)
    #expect(info.name == "OSGB36 / British National Grid" && info.isProjectedInMetres)
    #expect(try CRSWellKnownText.wkt("EPSG:27700", version: .wkt2019).hasPrefix("PROJCRS[\"OSGB36 / British National Grid\""))
  }

  @Test func anUnknownCRSIsATypedError() {
    #expect(throws: PROJError.self) { try CRSWellKnownText.wkt("EPSG:999999") }
  }
}
