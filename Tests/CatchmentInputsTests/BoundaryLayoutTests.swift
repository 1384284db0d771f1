import CatchmentGeoIO
import CatchmentInputs
import CatchmentTestSupport
import Foundation
import Testing

/// A boundary file's code field, picked from its attribute names.
@Suite struct BoundaryLayoutTests {
  let data = packageRoot.appendingPathComponent("data")

  @Test func zoneCodeBeforeOtherCodesAndTheNameOfTheSameStem() throws {
    let zones = try #require(BoundaryLayout.pick(fields: ["OBJECTID", "LSOA21CD", "LSOA21NM", "LAD22CD"]))
    #expect(zones == BoundaryLayout(id: "LSOA21CD", name: "LSOA21NM", level: "lsoa", otherIDs: ["LAD22CD"]))
    #expect(zones.isZones)
    let footprints = try #require(BoundaryLayout.pick(fields: ["FOOTPRINT_ID", "FOOTPRINT_NAME"]))
    #expect(footprints == BoundaryLayout(id: "FOOTPRINT_ID", name: "FOOTPRINT_NAME", level: "footprint"))
    #expect(!footprints.isZones)
    #expect(BoundaryLayout.pick(fields: ["shape_area", "shape_leng"]) == nil)
  }

  /// The demo's GeoJSON states a legacy CRS object (`"crs": {"properties": {"name": …}}`) before
  /// its features: the fields are the first feature's, not the CRS's.
  @Test func fieldsOfEachFormatOfTheDemoData() throws {
    #expect(try BoundaryAttributes.fieldNames(path: data.appendingPathComponent("lsoa_boundaries.geojson").path) == ["LSOA21CD", "LSOA21NM"])
    #expect(try BoundaryAttributes.fieldNames(path: data.appendingPathComponent("icb_boundaries.shp").path) == ["ICB23CD", "ICB23NM"])
    // readers.gpkg: layers zones (fid, geom, CODE, NAME, POP) and zones_z (fid, geom, code), by
    // sqlite3's table_info: the geometry and fid columns aside, each name once (ignoring case).
    #expect(try BoundaryAttributes.fieldNames(path: fixture("geo/readers.gpkg")) == ["CODE", "NAME", "POP"])
  }

  @Test func unreadableBoundaryIsATypedErrorNamingTheFile() throws {
    let path = try temporaryFile("{\"type\": \"FeatureCollection\", \"features\": []}", name: "empty.geojson")
    #expect(throws: GeoIOError.self) { try BoundaryAttributes.fieldNames(path: path) }
  }
}
