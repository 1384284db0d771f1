import CSQLite
import CatchmentGeoIO

/// GeoPackages. The first byte chooses what the rest is:
/// - 0: a whole `.gpkg` file (SQLite's own checks, then the GeoPackage tables);
/// - anything else: one geometry blob (GeoPackage header and WKB), stored as the geometry of
///   feature 1 of a small GeoPackage made here, then read through the reader: this reaches
///   the WKB parser at every mutation, where a mutated whole file seldom gets past SQLite.
public enum GeoPackageFuzz {
  public static func run(_ data: [UInt8]) {
    guard let mode = data.first else { return }
    let rest = data.dropFirst()
    if mode == 0 {
      let path = ScratchFiles.write(rest, as: "whole.gpkg")
      _ = try? GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code", name: "name"))
      _ = try? GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "zones")
    } else if let path = template.store(Array(rest)) {
      _ = try? GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code", name: "name"))
    }
  }

  /// The GeoPackage whose feature 1 takes each blob.
  final class Template: @unchecked Sendable {
    let path = ScratchFiles.folder + "/template.gpkg"
    var db: OpaquePointer?

    init() {
      ScratchFiles.remove("template.gpkg")
      guard sqlite3_open(path, &db) == SQLITE_OK else { return }
      // The least of OGC 12-128r18 that the reader consults: the contents, the geometry
      // column, the CRS, and a feature table of one row.
      let schema = """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
          organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('British National Grid', 27700, 'EPSG', 27700, 'undefined', NULL);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, description TEXT,
          last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER);
        INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('zones', 'features', 27700);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER,
          z INTEGER, m INTEGER);
        INSERT INTO gpkg_geometry_columns VALUES ('zones', 'geom', 'GEOMETRY', 27700, 0, 0);
        CREATE TABLE zones (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, code TEXT, name TEXT);
        INSERT INTO zones (geom, code, name) VALUES (NULL, 'Z1', 'Zone one');
        """
      if sqlite3_exec(db, schema, nil, nil, nil) != SQLITE_OK {
        sqlite3_close(db)
        db = nil
      }
    }

    /// Stores `blob` as feature 1's geometry; the file's path, or nil when SQLite failed.
    func store(_ blob: [UInt8]) -> String? {
      guard let db else { return nil }
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(db, "UPDATE zones SET geom = ?1 WHERE fid = 1", -1, &statement, nil) == SQLITE_OK else { return nil }
      defer { sqlite3_finalize(statement) }
      // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
      let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
      let bound = blob.withUnsafeBytes { sqlite3_bind_blob(statement, 1, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(blob.count), transient) }
      guard bound == SQLITE_OK, sqlite3_step(statement) == SQLITE_DONE else { return nil }
      return path
    }
  }

  static let template = Template()
}
