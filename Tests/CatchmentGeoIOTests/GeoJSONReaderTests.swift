import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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

  /// Ids and names only: geometries skipped unparsed (nested arrays, strings with brackets
  /// in them, objects), features kept without polygons.
  @Test func readsIDsWithoutGeometry() throws {
    let path = try temporaryFile(document, name: "zones.geojson")
    let full = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "LSOA21CD", name: "name")).0
    let (layer, summary) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "LSOA21CD", name: "name", readsGeometry: false))
    #expect(layer.ids == full.ids && layer.names == full.names && layer.crs == full.crs)
    #expect(layer.xs.isEmpty && (0..<layer.count).allSatisfy { layer.polygons(ofFeature: $0).isEmpty })
    #expect(summary.features == 4)
    // A national-style file: long coordinate runs skipped eight bytes at a time, with a
    // property after the geometry and a bracket inside a string.
    var text = #"{"type":"FeatureCollection","features":["#
    for k in 0..<50 {
      let ring = (0..<40).map { i in "[-1.23456789012345\(i),5\(k).98765432101234]" }.joined(separator: ",")
      text += (k > 0 ? "," : "") + #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[["# + ring + #"]]},"properties":{"name":"a ]} b","id":"Z\#(k)"}}"#
    }
    text += "]}"
    let big = try temporaryFile(text, name: "big.geojson")
    let skipped = try GeoJSONReader.read(path: big, fields: BoundaryFields(id: "id", name: "name", readsGeometry: false)).0
    #expect(skipped.ids == (0..<50).map { "Z\($0)" })
    #expect(skipped.names.allSatisfy { $0 == "a ]} b" })
  }

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
    let path = try temporaryFile(
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"Polygon","coordinates":[[\#(ring)]]}}]}"#
    )
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

  @Test func gdalWrittenLegacyCRSMember() throws {
    // GDAL writes "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}.
    let (layer, summary) = try GeoJSONReader.read(path: fixture("geo/readers.geojson"), fields: BoundaryFields(id: "CODE", name: "Name"))
    #expect(layer.crs == .epsg(27700))
    #expect(layer.names == ["Ynys Môn", "Brent – Harrow", "Nested", "Null", "Deleted"])
    #expect(
      summary
        == {
          var s = LayerReadSummary(file: fixture("geo/readers.geojson"))
          s.features = 5
          s.emptyGeometries = 1
          return s
        }())
  }

  @Test func rfc7946FileIsCRS84WithIntegerIds() throws {
    let (layer, _) = try GeoJSONReader.read(path: fixture("geo/readers_crs84.geojson"), fields: BoundaryFields(id: "id", name: "NAME"))
    #expect(layer.crs == .crs84)
    #expect(layer.ids == ["11", "12"])
    #expect(layer.names == ["Café \"west\"", "East"])
    #expect(Array(layer.xs.prefix(5)) == [-1.4, -1.4, -1.5, -1.5, -1.4])
    #expect(Array(layer.ys.prefix(5)) == [53.0, 53.1, 53.1, 53.0, 53.0])
  }

  @Test(arguments: [
    ("EPSG:27700", CRSReference.epsg(27700)),
    ("urn:ogc:def:crs:EPSG::4326", .epsg(4326)),
    ("urn:ogc:def:crs:OGC:1.3:CRS84", .crs84),
    ("urn:ogc:def:crs:OGC::CRS84", .crs84),
  ])
  func legacyCRSNames(name: String, expected: CRSReference) throws {
    let path = try temporaryFile(
      #"{"crs":{"type":"name","properties":{"name":"\#(name)"}},"type":"FeatureCollection","features":[]}"#, name: "crs.geojson")
    #expect(try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "id")).0.crs == expected)
  }

  @Test func idAndNameMayBeTheSameAttribute() throws {
    let path = try temporaryFile(
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Code":"X1"},"geometry":null}]}"#)
    let (layer, _) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "code", name: "CODE"))
    #expect(layer.ids == ["X1"] && layer.names == ["X1"])
  }

  @Test func missingFileIsNamed() throws {
    let error = #expect(throws: GeoIOError.self) {
      try GeoJSONReader.read(path: "/nonexistent/zones.geojson", fields: BoundaryFields(id: "id"))
    }
    #expect(error?.description == "/nonexistent/zones.geojson: file not found")
  }

  @Test func malformedJSONGivesTheBytePosition() throws {
    let path = try temporaryFile(#"{"type":"FeatureCollection","features":[{"type":"Feature" "properties":{}}]}"#)
    let error = #expect(throws: GeoIOError.self) { try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "id")) }
    #expect(error?.location == "feature 1, byte 58")
  }
}

/// The number parser against `strtod` (glibc's, correctly rounded), on hand-picked hard cases
/// and on random decimals of every length.
@Suite struct JSONNumberTests {
  func parse(_ text: String) throws -> Double {
    try Array(text.utf8).withUnsafeBufferPointer { bytes in
      var scanner = JSONScanner(bytes: bytes, file: "test")
      let value = try scanner.number()
      #expect(scanner.position == bytes.count, "\(text) not consumed whole")
      return value
    }
  }

  @Test(arguments: [
    "0", "-0", "0.0", "1", "-1.232987057535866", "54.67891334164", "532129.123456789",
    "9007199254740993",  // 2^53 + 1: half-way, rounds to even (down)
    "9007199254740995",  // 2^53 + 3: half-way, rounds to even (up)
    "18446744073709551615", "18446744073709551616", "1e23", "8.98846567431158e307",
    "1.7976931348623157e308", "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324",
    "1.00000000000000011102230246251565404236316680908203125", "0.1", "0.30000000000000004",
    "123456789012345678901234567890", "1E+2", "1e-2", "-2.5E-3", "7.3177701707893310e+15",
    "0.000000000000000000000000000001", "100000000000000000000000e-10",
  ])
  func hardCases(text: String) throws {
    #expect(try parse(text).bitPattern == strtod(text, nil).bitPattern, "\(text)")
  }

  @Test func randomDecimalsMatchStrtod() throws {
    var generator = SeededGenerator(seed: 20_261_122)
    var mismatches: [String] = []
    for _ in 0..<200_000 {
      let digits = Int.random(in: 1...21, using: &generator)
      var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
      let point = Int.random(in: 0...digits, using: &generator)
      if point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point == 0 ? 1 : point)) }
      if Bool.random(using: &generator) { text = "-" + text }
      if Int.random(in: 0..<4, using: &generator) == 0 { text += "e\(Int.random(in: -80...80, using: &generator))" }
      if text.hasSuffix(".") { text += "5" }
      if try parse(text).bitPattern != strtod(text, nil).bitPattern { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test func exponentWithoutDigitsIsAnError() throws {
    #expect(throws: GeoIOError.self) { try parse("1e") }
  }
}
