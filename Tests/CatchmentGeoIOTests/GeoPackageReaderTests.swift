import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentGeoIO

/// The GDAL-written fixture `Tests/Fixtures/geo/boxes.gpkg` (see `make_geopackage.py`).
@Suite struct GeoPackageReaderTests {
  let path = fixture("geo/boxes.gpkg")

  @Test func severalLayersNeedAChoice() throws {
    let error = #expect(throws: GeoIOError.self) { try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code")) }
    #expect(error?.reason == "2 feature layers (footprints, zones_z): choose one with --layer")
  }

  @Test func readsPolygonsHolesMultipartsAndNulls() throws {
    let (layer, summary) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "CODE", name: "name"), layer: "footprints")
    #expect(layer.ids == ["A", "B", "N"])
    #expect(layer.names == ["Alpha", "Beta", "Null"])
    #expect(layer.crs == .epsg(27700))
    #expect(summary.emptyGeometries == 1)
    #expect(layer.rings(ofPolygon: 0).count == 2)
    #expect(abs(layer.signedDoubleArea(ofRing: 0)) == 20_000)
    #expect(abs(layer.signedDoubleArea(ofRing: 1)) == 800)
    #expect(layer.polygons(ofFeature: 1).count == 2)
    #expect(layer.polygons(ofFeature: 2).isEmpty)
  }

  @Test func extraOrdinatesAreSkipped() throws {
    let (layer, _) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "ZONES_Z")
    #expect(layer.ids == ["Z"])
    #expect(layer.xs == [0, 10, 10, 0, 0])
    #expect(layer.ys == [0, 0, 10, 10, 0])
  }

  @Test func unknownLayerListsTheLayers() throws {
    let error = #expect(throws: GeoIOError.self) {
      try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "lsoa")
    }
    #expect(error?.reason == "no feature layer 'lsoa'; its layers are: footprints, zones_z")
  }
}
