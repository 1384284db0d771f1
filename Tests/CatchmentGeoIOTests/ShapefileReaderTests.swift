import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentGeoIO

/// The pyshp-written fixture `Tests/Fixtures/geo/boxes.shp` (see `make_shapefile.py`).
@Suite struct ShapefileReaderTests {
  @Test func readsRingsNamesNullsAndDeletions() throws {
    let (layer, summary) = try ShapefileReader.read(path: fixture("geo/boxes.shp"), fields: BoundaryFields(id: "code", name: "NAME"))
    #expect(layer.ids == ["A", "B", "NUL"])
    #expect(layer.names == ["Ãlpha", "Beta", "Null shape"])  // Latin-1 per the .cpg
    #expect(summary.deletedRecords == 1)
    #expect(summary.emptyGeometries == 1)
    #expect(summary.features == 3)
    // A: one polygon, its hole attached (outer clockwise in the file: negative signed area).
    #expect(layer.polygons(ofFeature: 0).count == 1)
    let rings = layer.rings(ofPolygon: 0)
    #expect(rings.count == 2)
    #expect(abs(layer.signedDoubleArea(ofRing: rings.lowerBound)) == 20_000)
    #expect(abs(layer.signedDoubleArea(ofRing: rings.lowerBound + 1)) == 800)
    // B: two outer rings, two polygons.
    #expect(layer.polygons(ofFeature: 1).count == 2)
    #expect(layer.polygons(ofFeature: 2).isEmpty)
    guard case .wkt(let wkt) = layer.crs else {
      Issue.record("expected the .prj WKT")
      return
    }
    #expect(wkt.hasPrefix("PROJCS[\"British_National_Grid\""))
  }

  @Test func missingFieldListsTheFields() throws {
    let error = #expect(throws: GeoIOError.self) {
      try ShapefileReader.read(path: fixture("geo/boxes.shp"), fields: BoundaryFields(id: "LSOA11CD"))
    }
    #expect(error?.reason == "no field 'LSOA11CD'; the fields are: CODE, NAME, POP")
  }

  @Test func areasAgreeWithTheHandWorkedBoxesInBothFormats() throws {
    // boxes.shp A: 100 × 100 less a 20 × 20 hole; footprints.geojson C: 200 × 100 less the same.
    let (shp, _) = try ShapefileReader.read(path: fixture("geo/boxes.shp"), fields: BoundaryFields(id: "CODE"))
    let (json, _) = try GeoJSONReader.read(path: fixture("geo/footprints.geojson"), fields: BoundaryFields(id: "FP_CODE"))
    func area(_ layer: PolygonLayer, _ f: Int) -> Double {
      layer.polygons(ofFeature: f).reduce(0.0) { sum, p in
        sum + layer.rings(ofPolygon: p).reduce(0.0) { $0 + abs(layer.signedDoubleArea(ofRing: $1)) * ($1 == layer.rings(ofPolygon: p).lowerBound ? 1 : -1) }
      }
    }
    let c = json.ids.firstIndex(of: "C")!
    #expect(area(shp, 0) == 2 * (10_000 - 400))
    #expect(area(json, c) == 2 * (20_000 - 400))
  }
}
