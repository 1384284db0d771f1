import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// The GDAL-written fixture `Tests/Fixtures/geo/readers.gpkg` (see `make_fixtures.py`).
@Suite struct GeoPackageReaderTests {
  let path = fixture("geo/readers.gpkg")

  @Test func severalLayersNeedAChoice() throws {
    let error = #expect(throws: GeoIOError.self) { try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code")) }
    #expect(error?.reason == "2 feature layers (zones, zones_z): choose one by its layer name")
    #expect(error?.remedy == .chooseLayer(available: ["zones", "zones_z"]))
  }

  @Test func readsPolygonsHolesMultipartsAndNulls() throws {
    let (layer, summary) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "CODE", name: "name"), layer: "zones")
    #expect(layer.ids == ["A", "B", "C", "N", "D"])
    #expect(layer.names == ["Ynys Môn", "Brent – Harrow", "Nested", "Null", "Deleted"])
    #expect(layer.crs == .epsg(27700))
    #expect(summary.features == 5 && summary.emptyGeometries == 1 && summary.nonPolygonal == 0)
    #expect(layer.rings(ofPolygon: 0).count == 2)
    #expect(Array(layer.xs[layer.points(ofRing: 0)]) == [0, 100, 100, 0, 0])
    #expect(Array(layer.ys[layer.points(ofRing: 0)]) == [0, 0, 100, 100, 0])
    #expect(polygonAreas(layer, 0) == [[10_000, 400]])
    #expect(layer.polygons(ofFeature: 1).count == 2)
    #expect(layer.polygons(ofFeature: 3).isEmpty)
    #expect(layer.origins[4] == path + "#zones:5")
  }

  @Test func extraOrdinatesAreSkippedAndEmptyFlagHonoured() throws {
    // GDAL writes the PolygonZ with a 48-byte XYZ envelope (indicator 2) and ISO type 1003;
    // the empty polygon with the header's empty flag set.
    let (layer, summary) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "ZONES_Z")
    #expect(layer.ids == ["Z", "E"])
    #expect(Array(layer.xs[layer.points(ofRing: 0)]) == [0, 10, 10, 0, 0])
    #expect(Array(layer.ys[layer.points(ofRing: 0)]) == [0, 0, 10, 10, 0])
    #expect(polygonAreas(layer, 0) == [[100, 4]])
    #expect(layer.polygons(ofFeature: 1).isEmpty)
    #expect(summary.emptyGeometries == 1)
  }

  @Test func unknownLayerListsTheLayers() throws {
    let error = #expect(throws: GeoIOError.self) {
      try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "lsoa")
    }
    #expect(error?.reason == "no feature layer 'lsoa'; its layers are: zones, zones_z")
  }

  @Test func unknownFieldListsTheColumns() throws {
    let error = #expect(throws: GeoIOError.self) {
      try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "LSOA21CD"), layer: "zones")
    }
    #expect(error?.reason == "layer zones has no field 'LSOA21CD'; the fields are: fid, geom, CODE, NAME, POP")
  }

  @Test func notAGeoPackage() throws {
    let text = try temporaryFile("not sqlite", name: "zones.gpkg")
    #expect(throws: GeoIOError.self) { try GeoPackageReader.read(path: text, fields: BoundaryFields(id: "code")) }
    let missing = #expect(throws: GeoIOError.self) {
      try GeoPackageReader.read(path: "/nonexistent.gpkg", fields: BoundaryFields(id: "code"))
    }
    #expect(missing?.description == "/nonexistent.gpkg: file not found")
  }
}

/// GeoPackage blobs GDAL does not write, built here byte by byte from the specification
/// (OGC 12-128r18 §2.1.3, ISO 13249-3 WKB): big-endian, the XYZM envelope, M and ZM types.
@Suite struct GeoPackageBlobTests {
  struct Blob {
    var bytes: [UInt8] = []
    let bigEndian: Bool
    mutating func u32(_ v: UInt32) { bytes += withUnsafeBytes(of: bigEndian ? v.bigEndian : v.littleEndian, Array.init) }
    mutating func f64(_ v: Double) {
      bytes += withUnsafeBytes(of: bigEndian ? v.bitPattern.bigEndian : v.bitPattern.littleEndian, Array.init)
    }
    /// "GP", version 0, flags (envelope indicator, byte order), srs id, envelope.
    mutating func header(envelope: Int, empty: Bool = false) {
      bytes += [0x47, 0x50, 0, UInt8(envelope << 1) | (empty ? 0x10 : 0) | (bigEndian ? 0 : 1)]
      u32(27700)
      for _ in 0..<[0, 4, 6, 6, 8][envelope] { f64(0) }
    }
    mutating func square(_ x0: Double, _ y0: Double, _ size: Double, extra: Int) {
      u32(5)
      for (x, y) in [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)] {
        f64(x)
        f64(y)
        for _ in 0..<extra { f64(99) }
      }
    }
  }

  func read(_ blob: Blob) throws -> (PolygonLayer, WKBParser.Kind) {
    var layer = PolygonLayer(crs: .unknown)
    let kind = try blob.bytes.withUnsafeBytes { raw in
      var parser = WKBParser(bytes: raw)
      return try parser.geoPackageGeometry(into: &layer)
    }
    layer.endFeature(id: "x")
    return (layer, kind)
  }

  @Test(arguments: [false, true]) func multiPolygonZMWithTheLargestEnvelope(bigEndian: Bool) throws {
    var blob = Blob(bigEndian: bigEndian)
    blob.header(envelope: 4)
    blob.bytes.append(bigEndian ? 0 : 1)
    blob.u32(3006)  // MultiPolygon ZM
    blob.u32(2)
    for (k, size) in [10.0, 2.0].enumerated() {
      blob.bytes.append(bigEndian ? 0 : 1)
      blob.u32(3003)
      blob.u32(1)
      blob.square(Double(k) * 100, 0, size, extra: 2)
    }
    let (layer, kind) = try read(blob)
    #expect(kind == .polygonal)
    #expect(polygonAreas(layer, 0) == [[4], [100]])
    #expect(Array(layer.xs[layer.points(ofRing: 1)]) == [100, 102, 102, 100, 100])
  }

  @Test func polygonMWithEnvelopeXYM() throws {
    var blob = Blob(bigEndian: false)
    blob.header(envelope: 3)
    blob.bytes.append(1)
    blob.u32(2003)  // Polygon M
    blob.u32(2)
    blob.square(0, 0, 10, extra: 1)
    blob.square(2, 2, 1, extra: 1)
    let (layer, _) = try read(blob)
    #expect(polygonAreas(layer, 0) == [[100, 1]])
  }

  @Test func emptyFlagAndOtherTypes() throws {
    var empty = Blob(bigEndian: false)
    empty.header(envelope: 0, empty: true)
    #expect(try read(empty).1 == .empty)
    var point = Blob(bigEndian: false)
    point.header(envelope: 1)
    point.bytes.append(1)
    point.u32(1)
    point.f64(1)
    point.f64(2)
    #expect(try read(point).1 == .other)
  }

  @Test func truncatedAndBadHeaders() throws {
    var blob = Blob(bigEndian: false)
    blob.header(envelope: 1)
    blob.bytes.append(1)
    blob.u32(3)
    blob.u32(1)
    blob.u32(5)
    blob.f64(0)  // four and a half points missing
    #expect(throws: WKBParser.Failure.self) { try read(blob) }
    var envelope = Blob(bigEndian: false)
    envelope.bytes = [0x47, 0x50, 0, 5 << 1 | 1, 0, 0, 0, 0]
    #expect(throws: WKBParser.Failure.self) { try read(envelope) }
    #expect(throws: WKBParser.Failure.self) { try read(Blob(bytes: [0x00, 0x01, 0x03], bigEndian: false)) }
  }
}
