import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// Fixtures written by pyshp (`boxes.shp`, `make_shapefile.py`: rings in an order of our
/// choosing) and by GDAL (`readers*.shp`, `make_fixtures.py`).
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
        sum
          + layer.rings(ofPolygon: p).reduce(0.0) {
            $0 + abs(layer.signedDoubleArea(ofRing: $1)) * ($1 == layer.rings(ofPolygon: p).lowerBound ? 1 : -1)
          }
      }
    }
    let c = json.ids.firstIndex(of: "C")!
    #expect(area(shp, 0) == 2 * (10_000 - 400))
    #expect(area(json, c) == 2 * (20_000 - 400))
  }

  @Test func holesGoToTheSmallestContainingOuter() throws {
    // C: outer 400..500 with hole 420..480; in that hole an island 430..470 with hole 445..455.
    // The island's hole lies inside both outers (even-odd on each ring alone): the smaller wins.
    let (layer, _) = try ShapefileReader.read(path: fixture("geo/readers.shp"), fields: BoundaryFields(id: "CODE"))
    let c = try #require(layer.ids.firstIndex(of: "C"))
    #expect(polygonAreas(layer, c) == [[1_600, 100], [10_000, 3_600]])
    // Exteriors clockwise as written (negative signed area), holes anticlockwise.
    for p in layer.polygons(ofFeature: c) {
      let rings = layer.rings(ofPolygon: p)
      #expect(layer.signedDoubleArea(ofRing: rings.lowerBound) < 0)
      #expect(rings.dropFirst().allSatisfy { layer.signedDoubleArea(ofRing: $0) > 0 })
    }
  }

  @Test func gdalShapefileWithLatin1CodePageAndDeletedRecord() throws {
    let (layer, summary) = try ShapefileReader.read(path: fixture("geo/readers.shp"), fields: BoundaryFields(id: "code", name: "name"))
    #expect(layer.ids == ["A", "B", "C", "N"])
    #expect(layer.names == ["Ynys Môn", "Brent - Harrow", "Nested", "Null"])
    #expect(summary.features == 4 && summary.deletedRecords == 1 && summary.emptyGeometries == 1 && summary.nonPolygonal == 0)
    #expect(layer.origins.last == fixture("geo/readers.shp") + "#4")
  }

  @Test func languageDriverByteWithoutCodePageFile() throws {
    // No .cpg; byte 29 is 0x57 (ANSI): "–" is 0x96 in Windows-1252, a control character in Latin-1.
    let (layer, summary) = try ShapefileReader.read(
      path: fixture("geo/readers_cp1252.shp"), fields: BoundaryFields(id: "code", name: "name"))
    #expect(layer.names[1] == "Brent – Harrow")
    #expect(layer.names[0] == "Ynys Môn")
    #expect(summary.deletedRecords == 0 && layer.count == 5)
  }

  @Test func prjWithAnUnnamedDatumIsPassedOnAsWKT() throws {
    // As in an ONS South West LSOA 2011 set: British National Grid's parameters, datum "D_unknown".
    let wkt = """
      PROJCS["Transverse_Mercator",GEOGCS["GCS_Airy 1830",DATUM["D_unknown",SPHEROID["airy",6377563.396,299.3249646]],\
      PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],\
      PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],\
      PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]
      """
    let folder = try copyOfReaders(without: [])
    try (wkt + "\r\n").write(to: folder.appendingPathComponent("readers.prj"), atomically: false, encoding: .utf8)
    let (layer, _) = try ShapefileReader.read(path: folder.appendingPathComponent("readers.shp").path, fields: BoundaryFields(id: "code"))
    #expect(layer.crs == .wkt(wkt))
  }

  @Test func noPrjMeansUnknownCRS() throws {
    let folder = try copyOfReaders(without: ["prj"])
    let (layer, _) = try ShapefileReader.read(path: folder.appendingPathComponent("readers.shp").path, fields: BoundaryFields(id: "code"))
    #expect(layer.crs == .unknown)
  }

  @Test func missingDbfAndMissingShp() throws {
    let folder = try copyOfReaders(without: ["dbf"])
    let shp = folder.appendingPathComponent("readers.shp").path
    let error = #expect(throws: GeoIOError.self) { try ShapefileReader.read(path: shp, fields: BoundaryFields(id: "code")) }
    #expect(error?.description == "\(shp): no .dbf file beside it (a shapefile needs its .dbf)")
    let missing = #expect(throws: GeoIOError.self) {
      try ShapefileReader.read(path: folder.appendingPathComponent("none.shp").path, fields: BoundaryFields(id: "code"))
    }
    #expect(missing?.reason == "file not found")
  }

  @Test func fewerShapesThanRecordsIsAnError() throws {
    // Cut the last shape record (D: 16-byte polygon header + 4 part offset + 5 points = 128
    // bytes of content, 8 of record header) off a copy of the .shp.
    let folder = try copyOfReaders(without: [])
    let shp = folder.appendingPathComponent("readers.shp")
    let bytes = try Data(contentsOf: shp)
    try bytes.prefix(bytes.count - 136).write(to: shp)
    let error = #expect(throws: GeoIOError.self) { try ShapefileReader.read(path: shp.path, fields: BoundaryFields(id: "code")) }
    #expect(error?.reason == "4 shapes but 5 .dbf records")
  }

  /// The `readers` shapefile copied into a fresh folder, less the named companions.
  func copyOfReaders(without omitted: Set<String>) throws -> URL {
    let folder = try temporaryFolder()
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] where !omitted.contains(ext) {
      try FileManager.default.copyItem(atPath: fixture("geo/readers." + ext), toPath: folder.appendingPathComponent("readers." + ext).path)
    }
    return folder
  }
}
