import CSQLite
import Foundation

/// The attribute (field) names of a boundary file, in the file's order, without reading its
/// features: what `catchment review --init` needs to pick a code field.
///
/// - GeoJSON: the property keys of the first feature (read from the first bytes of the file);
/// - Shapefile: the `.dbf` sidecar's field descriptors;
/// - GeoPackage: the columns of each feature table, the geometry and `fid` columns aside.
public enum BoundaryAttributes {
  /// The field names of a boundary file, by its extension (`.geojson`/`.json`, `.shp`, `.gpkg`).
  ///
  /// - Throws: ``GeoIOError`` naming the file when it cannot be read or has no features.
  public static func fieldNames(path: String) throws -> [String] {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "shp": return try shapefileFields(path: path)
    case "gpkg": return try geoPackageFields(path: path)
    default: return try geoJSONFields(path: path)
    }
  }

  static func shapefileFields(path: String) throws -> [String] {
    let dbf = (path as NSString).deletingPathExtension + ".dbf"
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: dbf), options: .alwaysMapped) else {
      throw GeoIOError(file: dbf, reason: "cannot read the shapefile's attribute table")
    }
    return try DBFTable(data: data, path: dbf, codePage: nil).fields.map(\.name)
  }

  static func geoPackageFields(path: String) throws -> [String] {
    var db: OpaquePointer?
    guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
      sqlite3_close(db)
      throw GeoIOError(file: path, reason: "cannot open as SQLite")
    }
    defer { sqlite3_close(db) }
    func rows(_ sql: String) throws -> [[String?]] {
      var statement: OpaquePointer?
      guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
        throw GeoIOError(file: path, reason: "not a GeoPackage (\(String(cString: sqlite3_errmsg(db))))")
      }
      defer { sqlite3_finalize(statement) }
      var out: [[String?]] = []
      while sqlite3_step(statement) == SQLITE_ROW {
        out.append((0..<sqlite3_column_count(statement)).map { c in sqlite3_column_text(statement, c).map { String(cString: $0) } })
      }
      return out
    }
    let tables = try rows(
      "SELECT c.table_name, g.column_name FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name"
    )
    guard !tables.isEmpty else { throw GeoIOError(file: path, reason: "no feature layer") }
    var names: [String] = []
    for table in tables {
      guard let name = table[0] else { continue }
      let geometry = table.count > 1 ? table[1]?.lowercased() : nil
      for column in try rows("PRAGMA table_info(\(GeoPackageReader.quoted(name)))").compactMap({ $0.count > 1 ? $0[1] : nil })
      where column.lowercased() != geometry && column.lowercased() != "fid" && !names.contains(where: { $0.lowercased() == column.lowercased() }) {
        names.append(column)
      }
    }
    return names
  }

  /// The keys of the first `"properties"` object, from the first 4 MiB of the file (a
  /// FeatureCollection's first feature is near its start).
  static func geoJSONFields(path: String) throws -> [String] {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw GeoIOError(file: path, reason: "file not found") }
    defer { try? handle.close() }
    let bytes = [UInt8]((try? handle.read(upToCount: 4 << 20)) ?? Data())
    func find(_ text: String, from: Int) -> Int? {
      let key = Array(text.utf8)
      guard bytes.count - key.count >= from else { return nil }
      return (from...(bytes.count - key.count)).first { bytes[$0..<($0 + key.count)].elementsEqual(key) }
    }
    // The first feature's properties: after `"features"`, so that a legacy `"crs"` object's
    // properties (`{"name": "urn:ogc:def:crs:EPSG::27700"}`) are not taken for them.
    let key = Array("\"properties\"".utf8)
    guard let start = find("\"properties\"", from: find("\"features\"", from: 0) ?? 0) else {
      throw GeoIOError(file: path, reason: "no feature with properties in its first 4 MiB")
    }
    var i = start + key.count
    while i < bytes.count && bytes[i] != UInt8(ascii: "{") {
      // `"properties": null` (or anything but an object) names no fields.
      if bytes[i] != UInt8(ascii: ":") && bytes[i] != 0x20 && bytes[i] != 0x0A && bytes[i] != 0x0D && bytes[i] != 0x09 { return [] }
      i += 1
    }
    // Keys are the strings at depth 1 followed by a colon.
    var names: [String] = []
    var depth = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        var j = i + 1
        var raw: [UInt8] = []
        while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
          if bytes[j] == UInt8(ascii: "\\") && j + 1 < bytes.count { raw.append(bytes[j]); j += 1 }
          raw.append(bytes[j])
          j += 1
        }
        var k = j + 1
        while k < bytes.count && (bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09) { k += 1 }
        if depth == 1 && k < bytes.count && bytes[k] == UInt8(ascii: ":") {
          // Unescape through JSON, as the key may hold escapes.
          let quoted = [UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")]
          let name = (try? JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed)) as? String
          names.append(name ?? String(decoding: raw, as: UTF8.self))
        }
        i = j + 1
        continue
      }
      if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
      if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
        depth -= 1
        if depth == 0 { return names }
      }
      i += 1
    }
    throw GeoIOError(file: path, reason: "the first feature's properties do not end in the first 4 MiB")
  }
}
