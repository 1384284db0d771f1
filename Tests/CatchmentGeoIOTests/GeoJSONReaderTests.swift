import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

@Suite struct GeoJSONReaderTests {
  /// Written by hand: members in unusual orders, a hole, escapes, exponents, odd geometries.
  let document = """
    \u{FEFF}{"features": [
      {"type": "Feature", "geometry": {"coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                                                        [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]]], "type": "Polygon"},
       "properties": {"lsoa21cd": "E01000001", "NAME": "Caf\\u00e9 \\"corner\\"", "other": {"nested": [1, 2, {"x": null}]}}},
      {"type": "Feature", "properties": {"LSOA21CD": 42, "NAME": null},
       "geometry": {"type": "MultiPolygon", "coordinates": [[[[2e1, 0], [21, 0], [21, 1.0E0], [20, 1], [20, 0]]],
                                                           [[[30, 0, 5], [32, 0, 5], [32, 1, 5], [30, 1, 5]]]]}},
      {"type": "Feature", "properties": {"LSOA21CD": "E01000003"}, "geometry": null},
      {"type": "Feature", "properties": {"LSOA21CD": "E01000004"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
    ], "type": "FeatureCollection",
    "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}}
    """

  @Test func readsFeaturesRingsAndAttributes() throws {
    let path = try temporaryFile(document, name: "zones.geojson")
    let (layer, summary) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "LSOA21CD", name: "name"))
    #expect(layer.ids == ["E01000001", "42", "E01000003", "E01000004"])
    #expect(layer.names == ["Café \"corner\"", "", "", ""])
    #expect(layer.crs == .epsg(27700))
    #expect(summary.features == 4 && summary.emptyGeometries == 1 && summary.nonPolygonal == 1)
    #expect(layer.polygons(ofFeature: 0).count == 1)
    #expect(layer.rings(ofPolygon: 0).count == 2)
    #expect(layer.signedDoubleArea(ofRing: 0) == 200)  // 10 × 10, anticlockwise
    #expect(layer.signedDoubleArea(ofRing: 1) == -8)  // the 2 × 2 hole, clockwise
    #expect(layer.polygons(ofFeature: 1).count == 2)
    let second = layer.rings(ofPolygon: 2).lowerBound
    #expect(layer.points(ofRing: second).count == 5)  // closed by the reader
    #expect(layer.xs[layer.points(ofRing: layer.rings(ofPolygon: 1).lowerBound).lowerBound] == 20)  // 2e1
    #expect(layer.polygons(ofFeature: 2).isEmpty && layer.polygons(ofFeature: 3).isEmpty)
  }

  @Test func crs84ByDefault() throws {
    let path = try temporaryFile(#"{"type":"FeatureCollection","features":[]}"#, name: "empty.geojson")
    let (layer, summary) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "id"))
    #expect(layer.crs == .crs84)
    #expect(summary.features == 0)
  }

  @Test func numbersRoundLikeStrtod() throws {
    let values = ["-0.09706", "51.5181", "532129.123456789", "1.7976931348623157e308", "0.1", "-2.5E-3", "123456789012345678"]
    let ring = values.map { "[\($0), 1]" }.joined(separator: ",")
    let path = try temporaryFile(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}]}"#)
    let (layer, _) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "id"))
    #expect(Array(layer.xs.prefix(values.count)) == values.map { Double($0)! })
  }

  @Test func missingIdNamesTheFeature() throws {
    let path = try temporaryFile(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"x"},"geometry":null}]}"#)
    let error = #expect(throws: GeoIOError.self) { try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "LSOA21CD")) }
    #expect(error?.description == "\(path): feature 1: no value for the id attribute 'lsoa21cd'")
  }

  @Test func notAFeatureCollection() throws {
    let path = try temporaryFile(#"{"type":"Polygon","coordinates":[]}"#)
    #expect(throws: GeoIOError.self) { try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "id")) }
  }
}

@Suite struct LayerSourceTests {
  func collection(_ ids: [String], crs: String? = nil) -> String {
    let features = ids.map {
      #"{"type":"Feature","properties":{"id":"\#($0)"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#
    }
    let crsMember = crs.map { #","crs":{"type":"name","properties":{"name":"\#($0)"}}"# } ?? ""
    return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]\#(crsMember)}"#
  }

  @Test func directoryIsReadInNameOrderAndDuplicatesReported() throws {
    let folder = try temporaryFolder()
    try collection(["b1", "b2"]).write(to: folder.appendingPathComponent("b.geojson"), atomically: true, encoding: .utf8)
    try collection(["a1", "b2"]).write(to: folder.appendingPathComponent("a.geojson"), atomically: true, encoding: .utf8)
    try "not a boundary".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let result = try LayerSource.read(paths: [folder.path], fields: BoundaryFields(id: "id"))
    #expect(result.layer.ids == ["a1", "b2", "b1", "b2"])
    #expect(result.files.count == 2)
    #expect(result.duplicateIDs.map(\.id) == ["b2"])
    #expect(result.layer.polygons(ofFeature: 3) == 3..<4)
  }

  @Test func globsAndDifferentCRSs() throws {
    let folder = try temporaryFolder()
    try collection(["x"]).write(to: folder.appendingPathComponent("one.geojson"), atomically: true, encoding: .utf8)
    try collection(["y"], crs: "EPSG:27700").write(to: folder.appendingPathComponent("two.geojson"), atomically: true, encoding: .utf8)
    let one = try LayerSource.read(paths: [folder.path + "/o*.geojson"], fields: BoundaryFields(id: "id"))
    #expect(one.layer.ids == ["x"])
    let error = #expect(throws: GeoIOError.self) { try LayerSource.read(paths: [folder.path], fields: BoundaryFields(id: "id")) }
    #expect(error?.reason.contains("differs from") == true)
    #expect(throws: GeoIOError.self) { try LayerSource.read(paths: [folder.path + "/none*.geojson"], fields: BoundaryFields(id: "id")) }
  }
}
