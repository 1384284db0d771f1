import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentGeoIO

/// The polygons of feature `f`, each as its exterior's area then its holes' areas (absolute,
/// in squared CRS units), sorted: a description of ring structure that does not depend on the
/// order or orientation a writer chose.
func polygonAreas(_ layer: PolygonLayer, _ f: Int) -> [[Double]] {
  layer.polygons(ofFeature: f).map { p in
    let rings = layer.rings(ofPolygon: p)
    let areas = rings.map { abs(layer.signedDoubleArea(ofRing: $0)) / 2 }
    return [areas[0]] + areas.dropFirst().sorted()
  }.sorted { $0.lexicographicallyPrecedes($1) }
}

/// The same five features written by GDAL (`Tests/Fixtures/geo/make_fixtures.py`) as GeoJSON,
/// Shapefile and GeoPackage read back with the same structure.
@Suite struct CrossFormatTests {
  /// A: a square with a hole; B: two outer rings; C: an outer ring with a hole holding an
  /// island with its own hole; N: no geometry. (D is deleted in the shapefile.)
  static let expected: [String: [[Double]]] = [
    "A": [[10_000, 400]],
    "B": [[100], [200]],
    "C": [[1_600, 100], [10_000, 3_600]],
    "N": [],
  ]

  static let sources: [(String, @Sendable () throws -> (PolygonLayer, LayerReadSummary))] = [
    ("GeoJSON", { try GeoJSONReader.read(path: fixture("geo/readers.geojson"), fields: BoundaryFields(id: "code", name: "name")) }),
    ("Shapefile", { try ShapefileReader.read(path: fixture("geo/readers.shp"), fields: BoundaryFields(id: "code", name: "name")) }),
    (
      "GeoPackage",
      {
        try GeoPackageReader.read(path: fixture("geo/readers.gpkg"), fields: BoundaryFields(id: "code", name: "name"), layer: "zones")
      }
    ),
  ]

  @Test(arguments: 0..<3) func sameStructureInEveryFormat(source: Int) throws {
    let (format, read) = Self.sources[source]
    let (layer, summary) = try read()
    for (id, areas) in Self.expected {
      let f = try #require(layer.ids.firstIndex(of: id), "\(format): no feature \(id)")
      #expect(polygonAreas(layer, f) == areas, "\(format) feature \(id)")
    }
    #expect(summary.emptyGeometries == 1, "\(format)")
    #expect(layer.ids == (format == "Shapefile" ? ["A", "B", "C", "N"] : ["A", "B", "C", "N", "D"]))
  }

  @Test func numericIdsReadAlikeInEveryFormat() throws {
    let fields = BoundaryFields(id: "POP")
    let json = try GeoJSONReader.read(path: fixture("geo/readers.geojson"), fields: fields).0
    let shp = try ShapefileReader.read(path: fixture("geo/readers.shp"), fields: fields).0
    let gpkg = try GeoPackageReader.read(path: fixture("geo/readers.gpkg"), fields: fields, layer: "zones").0
    #expect(json.ids == ["1000", "2000", "3000", "0", "4000"])
    #expect(gpkg.ids == json.ids)
    #expect(shp.ids == ["1000", "2000", "3000", "0"])
  }

  @Test func coordinatesAgreeExactly() throws {
    let (json, _) = try Self.sources[0].1()
    let (shp, _) = try Self.sources[1].1()
    let (gpkg, _) = try Self.sources[2].1()
    // Same rings in the same order from GDAL's GeoJSON and GeoPackage writers.
    #expect(gpkg.xs == json.xs && gpkg.ys == json.ys)
    // The shapefile's rings are reoriented (outer clockwise) but hold the same points.
    let a = shp.points(ofRing: 0)
    #expect(Set(a.map { [shp.xs[$0], shp.ys[$0]] }) == [[0, 0], [100, 0], [100, 100], [0, 100]])
  }
}
