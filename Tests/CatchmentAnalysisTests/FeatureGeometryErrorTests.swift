import CatchmentEngine
import CatchmentGeometry
import Testing

@testable import CatchmentAnalysis

/// A GEOS failure inside a crosswalk names the zone and footprint being measured, by file and
/// feature, instead of GEOS's bare "TopologyException …".
@Suite struct FeatureGeometryErrorTests {
  @Test func geosFailuresNameTheFeatures() throws {
    let zones = CoordinateRangeTests.squares(["E01000001", "E01000002"])
    var footprints = CoordinateRangeTests.squares(["E54000001"])
    footprints.origins = ["icb.shp#1"]
    let thrown = GEOSError(operation: "Intersection", messages: ["TopologyException: Input geom 0 is invalid"])
    let error = try #require(throws: FeatureGeometryError.self) {
      try FeatureGeometryError.naming("area crosswalk", zone: 1, of: zones, footprint: { 0 }, of: footprints) { throw thrown }
    }
    #expect(error.underlying == thrown)
    #expect(
      error.description
        == "area crosswalk: GEOS Intersection failed: TopologyException: Input geom 0 is invalid on zone layer.geojson#2 (E01000002) and footprint icb.shp#1 (E54000001)"
    )
    // Other errors pass through unchanged; a feature without an origin is named by position.
    footprints.origins = [""]
    let bare = try #require(throws: FeatureGeometryError.self) {
      try FeatureGeometryError.naming("preparing footprints", zone: nil, of: nil, footprint: { 0 }, of: footprints) { throw thrown }
    }
    #expect(bare.description.hasSuffix("on footprint feature 1 (E54000001)"))
    #expect(throws: CancellationError.self) {
      try FeatureGeometryError.naming("x", zone: nil, of: nil, footprint: { nil }, of: footprints) { throw CancellationError() }
    }
  }
}
