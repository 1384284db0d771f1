import CatchmentEngine
import Testing

@testable import CatchmentAnalysis

/// Layers far outside where their CRS is defined are warned about; layers inside are not.
/// British National Grid's area of use (EPSG, as PROJ 9.1 ships it): 9°W–2.01°E,
/// 49.75°N–61.01°N, which in the grid is about x −117 km … 702 km, y −29 km … 1,269 km.
@Suite struct AreaOfUseTests {
  func extent(_ e: Envelope) -> LayerExtent { LayerExtent(role: "zones", crs: "EPSG:27700", own: e, working: e) }

  @Test func britishNationalGridHasItsEPSGArea() throws {
    let area = try #require(AreaOfUse("EPSG:27700"))
    #expect([area.west, area.south, area.east, area.north] == [-9, 49.75, 2.01, 61.01], "\(area)")
    #expect(area.name.hasPrefix("United Kingdom (UK)"))
  }

  @Test func englandIsInsideAndFiveThousandKilometresEastIsNot() {
    // Demoshire: x 400,000 … 438,000, y 300,000 … 310,000.
    #expect(extent(Envelope(minX: 400_000, minY: 300_000, maxX: 438_000, maxY: 310_000)).areaOfUseWarning(definition: "EPSG:27700") == nil)
    // Within 10% of the box's 1,300 km side beyond its edge: still no warning (offshore).
    #expect(extent(Envelope(minX: 0, minY: -100_000, maxX: 700_000, maxY: 1_300_000)).areaOfUseWarning(definition: "EPSG:27700") == nil)
    let far = extent(Envelope(minX: 400_000, minY: 300_000, maxX: 5_401_000, maxY: 310_000)).areaOfUseWarning(definition: "EPSG:27700")
    #expect(far?.hasPrefix("zones: coordinates reach x 400000 … 5401000, y 300000 … 310000 in EPSG:27700, far outside the area where that CRS is defined (United Kingdom (UK)") == true, "\(far ?? "nil")")
  }

  /// Longitude/latitude is defined everywhere; a PROJ string has no area of use.
  @Test func worldwideOrUnknownAreasNeverWarn() {
    let lonLat = LayerExtent(role: "footprints", crs: "OGC:CRS84", own: Envelope(minX: -179, minY: -89, maxX: 179, maxY: 89), working: .empty)
    #expect(lonLat.areaOfUseWarning(definition: "OGC:CRS84") == nil)
    #expect(extent(Envelope(minX: 9e9, minY: 0, maxX: 9e9, maxY: 0)).areaOfUseWarning(definition: "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs") == nil)
  }
}
