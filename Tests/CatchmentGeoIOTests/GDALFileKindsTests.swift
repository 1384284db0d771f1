import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// Files as GDAL, QGIS and geopandas write them in the wild, read as GDAL reads them (issue 9
/// §0). Fixtures written by `Tests/Fixtures/geo/make_gdal_kinds.py`.
@Suite struct GDALFileKindsTests {
  @Test func asterisksInANumericFieldAreNull() throws {
    // C's POP is null: GDAL wrote "*********". A null name is an empty one.
    let (layer, _) = try ShapefileReader.read(path: fixture("geo/nulls.shp"), fields: BoundaryFields(id: "CODE", name: "POP"))
    #expect(layer.ids == ["A", "B", "C"])
    #expect(layer.names == ["10", "20", ""])
  }

  @Test func anAsteriskIDIsAMissingIDNamedAsSuch() throws {
    // B's ZONE_ID is null: not the id "*********" (which every null would then share).
    let error = #expect(throws: GeoIOError.self) {
      try ShapefileReader.read(path: fixture("geo/nulls.shp"), fields: BoundaryFields(id: "ZONE_ID"))
    }
    #expect(error?.file == fixture("geo/nulls.dbf"))
    #expect(error?.location == "record 2")
    #expect(error?.reason == "no value for the id field 'ZONE_ID' (it holds asterisks, dBase's null)")
  }

  @Test(arguments: ["geo/feature_ids_gdal.geojson", "geo/feature_ids_geopandas.geojson"])
  func featureIDMemberIsTheIDField(file: String) throws {
    let (layer, _) = try GeoJSONReader.read(path: fixture(file), fields: BoundaryFields(id: "id", name: "name"))
    #expect(layer.ids == ["F1", "F2"])
    #expect(layer.names == ["One", "Two"])
    #expect(polygonAreas(layer, 0) == [[100]])
  }

  @Test func propertiesIDComesBeforeTheFeatureID() throws {
    let path = try temporaryFile(
      #"{"type":"FeatureCollection","features":[{"id":"outer","type":"Feature","properties":{"ID":"inner"},"geometry":null},"#
        + #"{"type":"Feature","properties":{"id":null},"geometry":null,"id":7}]}"#, name: "ids.geojson")
    let (layer, _) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "id"))
    #expect(layer.ids == ["inner", "7"])
  }

  @Test func linearCurvePolygonsAreReadAsPolygons() throws {
    let path = fixture("geo/curves.gpkg")
    let (layer, summary) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "linear_curves")
    #expect(layer.ids == ["L1", "L2"])
    #expect(summary.nonPolygonal == 0 && summary.emptyGeometries == 0)
    // L1: a LineString exterior 0..100 and a CompoundCurve hole 40..60 (its two pieces share
    // the point (60, 60), kept once: a closed ring of 5 points).
    #expect(polygonAreas(layer, 0) == [[10_000, 400]])
    #expect(layer.points(ofRing: 1).count == 5)
    #expect(polygonAreas(layer, 1) == [[100]])
  }

  @Test func linearMultiSurfacesAreReadAsMultiPolygons() throws {
    let (layer, _) = try GeoPackageReader.read(path: fixture("geo/curves.gpkg"), fields: BoundaryFields(id: "code"), layer: "linear_surfaces")
    #expect(layer.ids == ["M1"])
    #expect(polygonAreas(layer, 0) == [[100], [200]])  // sorted by area
  }

  @Test func trueArcsAreRefusedNamingFileLayerAndFeature() throws {
    let path = fixture("geo/curves.gpkg")
    let error = #expect(throws: GeoIOError.self) {
      try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "arcs")
    }
    #expect(error?.file == path)
    #expect(error?.location == "layer arcs, feature 1 (R1)")
    #expect(error?.reason.contains("CircularString") == true)
  }
}

/// Coordinates that are not finite numbers (issue 9 §1): an error naming the file and the
/// feature, not a zone silently left without area.
@Suite struct NonFiniteCoordinateTests {
  @Test(arguments: ["1e400", "-1e400", "1E+999"])
  func geoJSONInfinityNamesTheFeature(number: String) throws {
    let path = try temporaryFile(
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z0"},"geometry":null},"#
        + #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,\#(number)],[0,0]]]},"properties":{"code":"Z1"}}]}"#,
      name: "zones.geojson")
    let error = #expect(throws: GeoIOError.self) { try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "code")) }
    #expect(error?.file == path)
    #expect(error?.location == "feature 2 (Z1)")
    #expect(error?.reason.hasPrefix("point 3 is not a finite coordinate (1.0, ") == true)
  }

  @Test func geoJSONNaNLiteralNamesTheFeature() throws {
    let path = try temporaryFile(
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z1"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[NaN,0],[1,1],[0,0]]]}}]}"#,
      name: "zones.geojson")
    let error = #expect(throws: GeoIOError.self) { try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "code")) }
    #expect(error?.location?.hasPrefix("feature 1, byte ") == true)
    #expect(error?.reason == "expected a number")
  }

  @Test func wkbNaNVertexIsRefused() throws {
    var blob = GeoPackageBlobTests.Blob(bigEndian: false)
    blob.header(envelope: 0)
    blob.bytes.append(1)
    blob.u32(3)
    blob.u32(1)
    blob.u32(4)
    for (x, y) in [(0.0, 0.0), (1.0, Double.nan), (1.0, 1.0), (0.0, 0.0)] {
      blob.f64(x)
      blob.f64(y)
    }
    let error = #expect(throws: WKBParser.Failure.self) { try GeoPackageBlobTests().read(blob) }
    #expect(error?.message == "point 2 of a ring is not a finite coordinate (1.0, nan)")
  }
}
