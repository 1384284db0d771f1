import CSQLite
import CatchmentGeometry
import Foundation

/// Reads polygon layers from GeoPackages (OGC 12-128r18) with the system SQLite.
///
/// Feature tables are listed in `gpkg_contents` (data_type 'features'); a file with several
/// needs `--layer`. The geometry column and its CRS come from `gpkg_geometry_columns` and
/// `gpkg_spatial_ref_sys` (an organisation code such as EPSG 27700, else the WKT definition).
/// Each geometry is a GeoPackage binary blob: "GP", version, flags (header byte order, envelope
/// kind 0–4 → 0, 32, 48, 48 or 64 bytes, empty flag), srs id, envelope, then ISO WKB Polygon
/// or MultiPolygon (Z, M and ZM variants by type code + 1000/2000/3000; extra ordinates
/// skipped), in either byte order, or their curved forms made of straight pieces (see
/// ``WKBParser``). Null and empty geometries are kept without polygons.
public enum GeoPackageReader {
  /// Reads the features of one layer of the GeoPackage at `path`, opened read-only.
  ///
  /// - Parameters:
  ///   - path: the `.gpkg` file.
  ///   - fields: the id and name columns, matched ignoring case (text or numbers).
  ///   - wanted: the feature table to read (ignoring case); nil when the file has only one.
  /// - Returns: the layer, in the layer's CRS, and the counts of null/empty and non-polygon
  ///   geometries.
  /// - Throws: ``GeoIOError`` for a missing file, a file that is not a GeoPackage, several
  ///   layers and none chosen or an unknown layer (listing the layers), a missing column
  ///   (listing the columns), an empty id, or a malformed geometry (naming the feature).
  public static func read(path: String, fields: BoundaryFields, layer wanted: String? = nil) throws -> (PolygonLayer, LayerReadSummary) {
    guard FileManager.default.fileExists(atPath: path) else { throw GeoIOError(file: path, reason: "file not found") }
    var db: OpaquePointer?
    // Returns SQLITE_OK on success; the handle must be closed even on failure.
    guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
      sqlite3_close(db)
      throw GeoIOError(file: path, reason: "cannot open as SQLite")
    }
    defer { sqlite3_close(db) }
    func rows(_ sql: String, _ bind: [String] = []) throws -> [[String?]] {
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
        throw GeoIOError(file: path, reason: "not a GeoPackage (\(String(cString: sqlite3_errmsg(db))))")
      }
      defer { sqlite3_finalize(statement) }
      for (k, value) in bind.enumerated() {
        sqlite3_bind_text(statement, Int32(k + 1), value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
      }
      var out: [[String?]] = []
      var step = sqlite3_step(statement)
      while step == SQLITE_ROW {
        out.append((0..<sqlite3_column_count(statement)).map { c in sqlite3_column_text(statement, c).map { String(cString: $0) } })
        step = sqlite3_step(statement)
      }
      // A damaged file stops the rows with an error, not with the end of the table.
      guard step == SQLITE_DONE else { throw GeoIOError(file: path, reason: "cannot read: \(String(cString: sqlite3_errmsg(db)))") }
      return out
    }

    let layers = try rows("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").compactMap { $0[0] }
    let table: String
    if let wanted {
      guard let match = layers.first(where: { $0.lowercased() == wanted.lowercased() }) else {
        throw GeoIOError(file: path, reason: "no feature layer '\(wanted)'; its layers are: \(layers.joined(separator: ", "))")
      }
      table = match
    } else {
      guard layers.count == 1 else {
        throw layers.isEmpty
          ? GeoIOError(file: path, reason: "no feature layer")
          : GeoIOError(
            file: path, reason: "\(layers.count) feature layers (\(layers.joined(separator: ", "))): choose one by its layer name",
            remedy: .chooseLayer(available: layers))
      }
      table = layers[0]
    }
    guard let geometryRow = try rows("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", [table]).first,
      let geometryColumn = geometryRow[0]
    else { throw GeoIOError(file: path, reason: "layer \(table) has no geometry column") }
    var crs = CRSReference.unknown
    if let srs = geometryRow[1],
      let ref = try rows("SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?", [srs])
        .first
    {
      if let org = ref[0], let code = ref[1], org.uppercased() != "NONE", Int(code).map({ $0 > 0 }) == true {
        crs = .authority(name: org.uppercased(), code: code)
      } else if let definition = ref[2], definition.lowercased() != "undefined" {
        crs = .wkt(definition)
      }
    }
    let columns = try rows("PRAGMA table_info(\(quoted(table)))").compactMap { $0[1] }
    func column(_ name: String) throws -> String {
      guard let match = columns.first(where: { $0.lowercased() == name.lowercased() }) else {
        throw GeoIOError(file: path, reason: "layer \(table) has no field '\(name)'; the fields are: \(columns.joined(separator: ", "))")
      }
      return match
    }
    let idColumn = try column(fields.id)
    let nameColumn = try fields.name.map { try column($0) }

    var layer = PolygonLayer(crs: crs)
    var summary = LayerReadSummary(file: path)
    var statement: OpaquePointer?
    let select =
      "SELECT \(quoted(geometryColumn)), \(quoted(idColumn)), \(nameColumn.map(quoted) ?? "NULL") FROM \(quoted(table)) ORDER BY rowid"
    guard sqlite3_prepare_v2(db, select, -1, &statement, nil) == SQLITE_OK, let statement else {
      throw GeoIOError(file: path, reason: "cannot read layer \(table): \(String(cString: sqlite3_errmsg(db)))")
    }
    defer { sqlite3_finalize(statement) }
    var step = sqlite3_step(statement)
    // Each pass reads one row and steps to the next at the end (`defer`), so that the loop
    // ends on the last step's result: SQLITE_DONE, or an error for a damaged file.
    while step == SQLITE_ROW {
      defer { step = sqlite3_step(statement) }
      let index = summary.features
      summary.features += 1
      guard let id = sqlite3_column_text(statement, 1).map({ String(cString: $0) }), !id.isEmpty else {
        throw GeoIOError(file: path, location: "feature \(index + 1)", reason: "no value for the id field '\(fields.id)'")
      }
      let name = sqlite3_column_text(statement, 2).map { String(cString: $0) } ?? ""
      if let blob = sqlite3_column_blob(statement, 0) {
        let bytes = UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(statement, 0)))
        let before = layer.polygonRings.count
        do {
          var parser = WKBParser(bytes: bytes)
          let kind = try parser.geoPackageGeometry(into: &layer)
          if kind == .other { summary.nonPolygonal += 1 } else if layer.polygonRings.count == before { summary.emptyGeometries += 1 }
        } catch let reason as WKBParser.Failure {
          throw GeoIOError(file: path, location: "layer \(table), feature \(index + 1) (\(id))", reason: reason.message)
        }
      } else {
        summary.emptyGeometries += 1
      }
      layer.endFeature(id: id, name: name, origin: "\(path)#\(table):\(index + 1)")
    }
    guard step == SQLITE_DONE else {
      throw GeoIOError(
        file: path, location: "layer \(table), after feature \(summary.features)",
        reason: "cannot read on (the file is damaged?): \(String(cString: sqlite3_errmsg(db)))")
    }
    return (layer, summary)
  }

  /// An SQL identifier in double quotes.
  static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

