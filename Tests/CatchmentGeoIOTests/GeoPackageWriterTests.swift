import CSQLite
import CatchmentEngine
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// `GeoPackageWriter` on the hand-worked layer (``GeodataFixture``): read back by the
/// project's reader and checked table by table with SQLite against OGC 12-128r18.
@Suite struct GeoPackageWriterTests {
  /// 2026-01-01T00:00:00Z, the fixed `last_change`.
  static let lastChange = Date(timeIntervalSince1970: 1_767_225_600)

  /// EPSG:27700's row, its WKT from PROJ.
  static func bngReference() throws -> GeoPackageWriter.SpatialReference {
    .init(
      name: "OSGB36 / British National Grid", id: 27700, organization: "EPSG", organizationID: 27700,
      definition: try CRSWellKnownText.wkt("EPSG:27700"))
  }

  /// The fixture as `footprints`, and a second layer `zones` holding its first two features.
  static func writeFixture() throws -> (path: String, bytes: [UInt8]) {
    let srs = try bngReference()
    var zones = GeodataFixture.bng(name: "zones")
    zones.geometry = zones.geometry.subset([0, 1])
    zones.rows = Array(zones.rows.prefix(2))
    let layers = [
      GeoPackageWriter.Layer(GeodataFixture.bng(), spatialReference: srs, identifier: "Footprints", description: "hand-worked"),
      GeoPackageWriter.Layer(zones, spatialReference: srs),
    ]
    let bytes = try GeoPackageWriter.bytes(layers, wgs84Definition: try CRSWellKnownText.wkt("EPSG:4326"), lastChange: lastChange)
    let path = try temporaryFolder().appendingPathComponent("geodata.gpkg").path
    try GeoPackageWriter.write(layers, wgs84Definition: try CRSWellKnownText.wkt("EPSG:4326"), lastChange: lastChange, to: path)
    return (path, bytes)
  }

  @Test func readsBackTheSameFeaturesAndAreas() throws {
    let (path, _) = try Self.writeFixture()
    let (layer, summary) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code", name: "name"), layer: "footprints")
    #expect(layer.ids == GeodataFixture.ids)
    #expect(layer.names == ["Ynys Môn", "Brent – Harrow \"north\"", "東京 Ōtautahi", "", ""])
    #expect(layer.crs == .epsg(27700))
    #expect(summary.features == 5 && summary.emptyGeometries == 1 && summary.nonPolygonal == 0)
    for f in 0..<5 {
      #expect(polygonAreas(layer, f) == GeodataFixture.cellAreas[f], "feature \(GeodataFixture.ids[f])")
      #expect(GeodataFixture.netArea(layer, f) == GeodataFixture.cellNetArea(f))
    }
    let (zones, _) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "zones")
    #expect(zones.ids == ["A", "B"])
  }

  @Test func attributesKeepTheirTypesAndNulls() throws {
    let (path, _) = try Self.writeFixture()
    let rows = try query(path, "SELECT fid, code, name, typeof(name), population, typeof(population), retention, typeof(retention), \"médecins\" FROM footprints ORDER BY fid")
    #expect(rows.map { $0[0] } == ["1", "2", "3", "4", "5"])
    #expect(rows[2][2] == "東京 Ōtautahi" && rows[3][3] == "null" && rows[4][2] == "")
    #expect(rows.map { $0[5] } == ["integer", "integer", "integer", "null", "integer"])
    #expect(rows.map { $0[7] } == ["real", "real", "null", "real", "real"])
    #expect(rows[1][6].flatMap(Double.init) == 1e-7)
    #expect(rows[2][8] == "9007199254740993")
    let declared = try query(path, "SELECT name, type, pk FROM pragma_table_info('footprints')")
    #expect(declared.map { $0[0] ?? "" } == ["fid", "geom", "code", "name", "population", "retention", "médecins"])
    #expect(declared.map { $0[1] ?? "" } == ["INTEGER", "MULTIPOLYGON", "TEXT", "TEXT", "INTEGER", "REAL", "INTEGER"])
    #expect(declared[0][2] == "1")
  }

  @Test func headerAndCatalogueTablesFollowTheStandard() throws {
    let (path, bytes) = try Self.writeFixture()
    // The database header (big-endian): user_version at offset 60, application_id at 68.
    #expect(Array(bytes[68..<72]) == Array("GPKG".utf8))
    #expect(Array(bytes[60..<64]) == [0, 0, 0x28, 0x3C])  // 10300
    #expect(try query(path, "PRAGMA application_id") == [["1196444487"]])
    #expect(try query(path, "PRAGMA user_version") == [["10300"]])
    #expect(try query(path, "PRAGMA integrity_check") == [["ok"]])
    #expect(try query(path, "PRAGMA foreign_key_check") == [])

    let srs = try query(path, "SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys ORDER BY srs_id")
    #expect(srs.map { $0[0] } == ["-1", "0", "4326", "27700"])
    #expect(srs.map { $0[1] } == ["NONE", "NONE", "EPSG", "EPSG"])
    #expect(srs[0][3] == "undefined" && srs[1][3] == "undefined")
    #expect(srs[2][3]?.hasPrefix("GEOGCS[\"WGS 84\"") == true)
    #expect(srs[3][3] == (try CRSWellKnownText.wkt("EPSG:27700")))
    #expect(srs[3][3]?.hasPrefix("PROJCS[\"OSGB36 / British National Grid\"") == true)

    let contents = try query(path, "SELECT table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name")
    #expect(contents[0] == ["footprints", "features", "Footprints", "hand-worked", "2026-01-01T00:00:00.000Z", "400000.0", "300000.0", "400043.0", "300040.0", "27700"])
    #expect(contents[1] == ["zones", "features", "zones", "", "2026-01-01T00:00:00.000Z", "400000.0", "300000.0", "400020.0", "300010.0", "27700"])
    #expect(try query(path, "SELECT * FROM gpkg_geometry_columns ORDER BY table_name") == [
      ["footprints", "geom", "MULTIPOLYGON", "27700", "0", "0"], ["zones", "geom", "MULTIPOLYGON", "27700", "0", "0"],
    ])
    #expect(try query(path, "SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions ORDER BY table_name") == [
      ["footprints", "geom", "gpkg_rtree_index", "write-only"], ["zones", "geom", "gpkg_rtree_index", "write-only"],
    ])
  }

  @Test func rtreeHoldsEachFeaturesEnvelopeAndTheTriggersExist() throws {
    let (path, _) = try Self.writeFixture()
    let rtree = try query(path, "SELECT id, minx, maxx, miny, maxy FROM rtree_footprints_geom ORDER BY id")
    let expected = GeodataFixture.cellEnvelopes.enumerated().compactMap { f, box in
      box.map { [String(f + 1)] + zip($0, [400_000.0, 400_000, 300_000, 300_000]).map { String($0 + $1) } }
    }
    #expect(rtree == expected)  // integers up to 2^24 are exact in the R-tree's float32
    #expect(try query(path, "SELECT count(*) FROM rtree_zones_geom") == [["2"]])
    let triggers = try query(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'footprints' ORDER BY name")
    #expect(triggers.map { $0[0] ?? "" } == ["delete", "insert", "update1", "update2", "update3", "update4"].map { "rtree_footprints_geom_" + $0 })
    let virtual = try query(path, "SELECT sql FROM sqlite_master WHERE name = 'rtree_footprints_geom'")
    #expect(virtual == [["CREATE VIRTUAL TABLE \"rtree_footprints_geom\" USING rtree(id, minx, maxx, miny, maxy)"]])
  }

  @Test func geometryBlobsHaveTheStandardHeader() throws {
    let (path, _) = try Self.writeFixture()
    let blobs = try query(path, "SELECT hex(geom), typeof(geom) FROM footprints ORDER BY fid")
    #expect(blobs.map { $0[1] } == ["blob", "blob", "blob", "blob", "null"])  // E: no geometry → NULL
    // D: "GP", version 0, flags 0x03 (little-endian, envelope [minx, maxx, miny, maxy]), srs_id
    // 27700 = 0x00006C34, envelope 400030, 400043, 300000, 300003, then WKB: little-endian
    // MultiPolygon (type 6) of 2 Polygons (type 3), 1 ring of 5 points.
    func double(_ x: Double) -> String { withUnsafeBytes(of: x.bitPattern.littleEndian) { $0.map { String(format: "%02X", $0) }.joined() } }
    let header = "47500003" + "346C0000" + [400_030.0, 400_043, 300_000, 300_003].map(double).joined()
    let wkb: String = ["01", "06000000", "02000000", "01", "03000000", "01000000", "05000000", double(400_030), double(300_000)].joined()
    #expect(blobs[3][0]?.hasPrefix(header + wkb) == true)
    // 40 header bytes, 9 for the MultiPolygon, 2 × (9 per Polygon + 4 + 5 points × 16).
    let size: Int = 40 + 9 + 2 * (9 + 4 + 5 * 16)
    #expect(blobs[3][0]?.count == 2 * size)
  }

  @Test func sameInputSameBytes() throws {
    let (path, bytes) = try Self.writeFixture()
    let (_, again) = try Self.writeFixture()
    #expect(bytes == again)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
  }

  @Test func aLayerInWGS84UsesTheRequiredRowAndSRSIdsCannotClash() throws {
    let wgs84 = try CRSWellKnownText.wkt("EPSG:4326")
    let srs = GeoPackageWriter.SpatialReference(name: "WGS 84", id: 4326, organization: "EPSG", organizationID: 4326, definition: wgs84)
    let path = try temporaryFolder().appendingPathComponent("wgs84.gpkg").path
    try GeoPackageWriter.write([.init(GeodataFixture.lonLat(), spatialReference: srs)], wgs84Definition: wgs84, lastChange: Self.lastChange, to: path)
    #expect(try query(path, "SELECT srs_id, srs_name FROM gpkg_spatial_ref_sys ORDER BY srs_id") == [
      ["-1", "Undefined cartesian SRS"], ["0", "Undefined geographic SRS"], ["4326", "WGS 84 geodetic"],
    ])
    let (layer, _) = try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"))
    #expect(layer.crs == .epsg(4326) && layer.ids == GeodataFixture.ids)

    var other = try Self.bngReference()
    other.definition = wgs84
    #expect(throws: GeodataWriteError(layer: "zones", reason: "srs_id 27700 is already used by 'OSGB36 / British National Grid'")) {
      try GeoPackageWriter.bytes(
        [.init(GeodataFixture.bng(), spatialReference: try Self.bngReference()), .init(GeodataFixture.bng(name: "zones"), spatialReference: other)],
        wgs84Definition: wgs84, lastChange: Self.lastChange)
    }
  }

  @Test func badTablesAreRefusedAndTheTargetKept() throws {
    let srs = try Self.bngReference()
    let wgs84 = try CRSWellKnownText.wkt("EPSG:4326")
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("kept.gpkg").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    var table = GeodataFixture.bng()
    table.rows[2][3] = .real(.nan)
    #expect(throws: GeodataWriteError(layer: "footprints", feature: 3, reason: "column 'retention' (REAL) cannot hold real(nan)")) {
      try GeoPackageWriter.write([.init(table, spatialReference: srs)], wgs84Definition: wgs84, lastChange: Self.lastChange, to: path)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["kept.gpkg"])

    var mistyped = GeodataFixture.bng()
    mistyped.rows[0][2] = .text("1200")
    #expect(throws: GeodataWriteError.self) { try GeoPackageWriter.bytes([.init(mistyped, spatialReference: srs)], wgs84Definition: wgs84, lastChange: Self.lastChange) }
    for name in ["1st", "gpkg_x", "foot prints", ""] {
      #expect(throws: GeodataWriteError.self) { try GeoPackageWriter.bytes([.init(GeodataFixture.bng(name: name), spatialReference: srs)], wgs84Definition: wgs84, lastChange: Self.lastChange) }
    }
    #expect(throws: GeodataWriteError(layer: "Footprints", reason: "two layers have this name")) {
      try GeoPackageWriter.bytes(
        [.init(GeodataFixture.bng(), spatialReference: srs), .init(GeodataFixture.bng(name: "Footprints"), spatialReference: srs)],
        wgs84Definition: wgs84, lastChange: Self.lastChange)
    }
    var short = GeodataFixture.bng()
    short.rows.removeLast()
    #expect(throws: GeodataWriteError(layer: "footprints", reason: "4 attribute rows for 5 features")) {
      try GeoPackageWriter.bytes([.init(short, spatialReference: srs)], wgs84Definition: wgs84, lastChange: Self.lastChange)
    }
  }
}

/// The rows of `sql` on the SQLite file at `path` (read-only), every value as text or nil.
func query(_ path: String, _ sql: String) throws -> [[String?]] {
  var db: OpaquePointer?
  defer { sqlite3_close(db) }
  guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else { throw QueryFailure(message: "cannot open \(path)") }
  var statement: OpaquePointer?
  guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
    throw QueryFailure(message: String(cString: sqlite3_errmsg(db)))
  }
  defer { sqlite3_finalize(statement) }
  var out: [[String?]] = []
  while sqlite3_step(statement) == SQLITE_ROW {
    out.append((0..<sqlite3_column_count(statement)).map { c in sqlite3_column_text(statement, c).map { String(cString: $0) } })
  }
  return out
}

struct QueryFailure: Error { let message: String }

/// Runs `sql` on the SQLite file at `path`, opened for writing (to tamper with a copy).
func execute(_ path: String, _ sql: String) throws {
  var db: OpaquePointer?
  defer { sqlite3_close(db) }
  guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else { throw QueryFailure(message: "cannot open \(path)") }
  guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw QueryFailure(message: String(cString: sqlite3_errmsg(db))) }
}
