import CatchmentGeoIO
import CatchmentGeometry
import CatchmentInputs
import CatchmentTestSupport
import Foundation
import Testing

/// Geodata files of a feature table: the GeoPackage's CRS row from PROJ, GeoJSON transformed to
/// WGS 84, a CRS without an EPSG code refused by name.
@Suite struct GeodataFilesTests {
  /// One 1 km square at (400000, 300000) in British National Grid.
  func square(crs: CRSReference) -> FeatureTable {
    var layer = PolygonLayer(crs: crs)
    for (x, y) in [(400_000.0, 300_000.0), (401_000, 300_000), (401_000, 301_000), (400_000, 301_000)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "A")
    return FeatureTable(name: "squares", geometry: layer, columns: [.init("id", .text)], rows: [[.text("A")]])
  }

  @Test func theGeoPackageNamesItsCRSAsPROJDoes() throws {
    let bytes = try GeodataFiles.geoPackage([square(crs: .epsg(27700))], lastChange: Date(timeIntervalSince1970: 0))
    let path = try temporaryFolder().appendingPathComponent("squares.gpkg")
    try Data(bytes).write(to: path)
    let (read, _) = try GeoPackageReader.read(path: path.path, fields: BoundaryFields(id: "id"), layer: "squares")
    #expect(read.crs == .epsg(27700))
    #expect(read.ids == ["A"] && read.xs.count == 5)
    // The srs row's name, as PROJ gives it.
    #expect(String(decoding: bytes, as: UTF8.self).contains("OSGB36 / British National Grid"))
  }

  /// (400000, 300000) in EPSG:27700 is about 2.0° W, 52.6° N: the GeoJSON has longitude first.
  @Test func theGeoJSONIsInWGS84() throws {
    let text = String(decoding: try GeodataFiles.rfc7946(square(crs: .epsg(27700))), as: UTF8.self)
    let first = try #require(text.range(of: #"\[\[\[\[-?\d+\.\d+,\d+\.\d+\]"#, options: .regularExpression))
    let pair = text[first].trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").compactMap { Double($0) }
    #expect(pair.count == 2 && (-2.1 ... -1.9).contains(pair[0]) && (52.5...52.7).contains(pair[1]), "\(text[first])")
  }

  @Test func aCRSWithoutAnEPSGCodeIsRefusedByName() throws {
    #expect(throws: GeodataWriteError.self) {
      try GeodataFiles.geoPackage([square(crs: .definition("+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m"))], lastChange: Date())
    }
  }
}
