import CatchmentGeometry
import CatchmentTables
import Foundation

/// Writes polygon layers as an OGC GeoPackage 1.3 (OGC 12-128r18, GeoPackage Encoding
/// Standard) through the system SQLite, for QGIS, R (sf) and geopandas.
///
/// The file holds (clause numbers of OGC 12-128r18):
/// - `PRAGMA application_id` 0x47504B47 ("GPKG") and `PRAGMA user_version` 10300 (1.1.1.1.1);
/// - `gpkg_spatial_ref_sys` with the rows -1, 0 and 4326 (1.1.2, table 4) and each layer's CRS
///   as the caller describes it (WKT from PROJ: this module does not know CRSs);
/// - `gpkg_contents`: one 'features' row per layer with its bounding box and `last_change`,
///   which is the caller's fixed time (a run's time from its manifest), never the clock, so
///   that the same input gives the same bytes (1.1.3);
/// - `gpkg_geometry_columns`: the column `geom`, MULTIPOLYGON, the layer's srs_id, z = m = 0
///   (2.1.5);
/// - one table per layer (2.1.6): `fid` INTEGER PRIMARY KEY (1, 2, … in layer order), `geom`
///   a GeoPackageBinary blob (``GeoPackageBinary``; NULL for a feature without polygons) and
///   the attribute columns typed TEXT, INTEGER or REAL;
/// - the R-tree spatial index of Annex F.3 (`gpkg_rtree_index`): `rtree_<table>_geom` holding
///   each non-null feature's envelope, its `gpkg_extensions` row and its six triggers.
///
/// Rings are written as given (GeoPackage sets no orientation). The database is built in
/// memory and handed back as bytes (``bytes(_:wgs84Definition:lastChange:)``) for the caller
/// to stage beside the target and rename, or written with ``write(_:wgs84Definition:lastChange:to:)``,
/// which does that itself: the target is replaced whole or not at all.
public enum GeoPackageWriter {
  /// A `gpkg_spatial_ref_sys` row (OGC 12-128r18 1.1.2.1.1): for EPSG:27700, name "OSGB36 /
  /// British National Grid", id 27700, organization "EPSG", organizationID 27700, and the WKT
  /// (version 1, as the core requires) that PROJ gives.
  public struct SpatialReference: Sendable, Equatable {
    public var name: String
    public var id: Int32
    public var organization: String
    public var organizationID: Int32
    public var definition: String
    public var description: String?
    public init(name: String, id: Int32, organization: String, organizationID: Int32, definition: String, description: String? = nil) {
      self.name = name
      self.id = id
      self.organization = organization
      self.organizationID = organizationID
      self.definition = definition
      self.description = description
    }
  }

  /// A layer to write: its features and its CRS's row.
  public struct Layer: Sendable {
    public var table: FeatureTable
    public var spatialReference: SpatialReference
    /// `gpkg_contents.identifier` (a human-readable name; the table name when nil) and
    /// `description`.
    public var identifier: String?
    public var description: String
    public init(_ table: FeatureTable, spatialReference: SpatialReference, identifier: String? = nil, description: String = "") {
      self.table = table
      self.spatialReference = spatialReference
      self.identifier = identifier
      self.description = description
    }
  }

  /// `application_id` "GPKG" and `user_version` 10300 (1.1.1.1.1).
  public static let applicationID: Int32 = 0x4750_4B47
  public static let userVersion: Int32 = 10300

  /// The GeoPackage's bytes.
  ///
  /// - Parameters:
  ///   - layers: the layers, written in this order (table names unique ignoring case).
  ///   - wgs84Definition: the WKT of EPSG:4326 for the required row (from PROJ).
  ///   - lastChange: `gpkg_contents.last_change` of every layer, written to the millisecond in
  ///     UTC (`2026-12-02T06:00:00.000Z`).
  /// - Throws: ``GeodataWriteError`` for a table that fails ``FeatureTable/check()``, two layers
  ///   with one name, two different rows for one srs_id, or an SQLite failure.
  public static func bytes(_ layers: [Layer], wgs84Definition: String, lastChange: Date) throws(GeodataWriteError) -> [UInt8] {
    var names: Set<String> = []
    var references = GeoPackageSchema.requiredSpatialReferences(wgs84Definition: wgs84Definition)
    for layer in layers {
      try layer.table.check()
      guard names.insert(layer.table.name.lowercased()).inserted else {
        throw GeodataWriteError(layer: layer.table.name, reason: "two layers have this name")
      }
      let srs = layer.spatialReference
      if let known = references.first(where: { $0.id == srs.id }) {
        // The required rows stand for themselves; another CRS may not take their ids.
        guard known == srs || [-1, 0, 4326].contains(srs.id) else {
          throw GeodataWriteError(layer: layer.table.name, reason: "srs_id \(srs.id) is already used by '\(known.name)'")
        }
      } else {
        references.append(srs)
      }
    }
    let db = try SQLiteWriter()
    try db.execute("PRAGMA application_id = \(applicationID); PRAGMA user_version = \(userVersion); BEGIN;")
    try db.execute(GeoPackageSchema.coreTables)
    try db.insert(
      GeoPackageSchema.insertSpatialReference,
      rows: references.map { [.text($0.name), .integer(Int64($0.id)), .text($0.organization), .integer(Int64($0.organizationID)), .text($0.definition), $0.description.map { .text($0) } ?? .null] })
    let timestamp = formatted(lastChange)
    for layer in layers { try write(layer, timestamp: timestamp, into: db) }
    try db.execute("COMMIT")
    return try db.serialized()
  }

  /// Writes the GeoPackage to `path`: staged beside it and renamed onto it (``StagedFile``).
  ///
  /// - Throws: ``GeodataWriteError`` as ``bytes(_:wgs84Definition:lastChange:)``, or
  ///   `OutputError` when the file cannot be written (the target is then left as it was).
  public static func write(_ layers: [Layer], wgs84Definition: String, lastChange: Date, to path: String) throws {
    let bytes = try bytes(layers, wgs84Definition: wgs84Definition, lastChange: lastChange)
    var created: [String] = []
    let staged = try StagedFile.stage(bytes, for: path, createdFolders: &created)
    do { try staged.commit() } catch {
      staged.discard()
      throw error
    }
  }

  /// One layer: its table and rows, its R-tree, its rows in the catalogue tables, its triggers.
  static func write(_ layer: Layer, timestamp: String, into db: SQLiteWriter) throws(GeodataWriteError) {
    let table = layer.table, geometry = table.geometry, name = table.name, srsID = layer.spatialReference.id
    try db.execute(GeoPackageSchema.createFeatureTable(table), layer: name)
    let columns = (["fid", "geom"] + table.columns.map(\.name)).map(GeoPackageSchema.quoted).joined(separator: ", ")
    let placeholders = Array(repeating: "?", count: table.columns.count + 2).joined(separator: ", ")
    var extent = GeoPackageBinary.Envelope()
    var envelopes: [(Int, GeoPackageBinary.Envelope)] = []
    let rows = (0..<geometry.count).lazy.map { f -> [SQLiteWriter.Parameter] in
      let blob = GeoPackageBinary.blob(feature: f, of: geometry, srsID: srsID)
      var row: [SQLiteWriter.Parameter] = [.integer(Int64(f + 1)), blob.map { .blob($0) } ?? .null]
      for value in table.rows[f] {
        switch value {
        case .text(let s): row.append(.text(s))
        case .integer(let n): row.append(.integer(n))
        case .real(let x): row.append(.real(x))
        case .null: row.append(.null)
        }
      }
      return row
    }
    try db.insert("INSERT INTO \(GeoPackageSchema.quoted(name)) (\(columns)) VALUES (\(placeholders))", rows: rows, layer: name)
    for f in 0..<geometry.count {
      let envelope = GeoPackageBinary.envelope(feature: f, of: geometry)
      if !envelope.isEmpty { envelopes.append((f + 1, envelope)) }
      extent.add(envelope)
    }
    try db.execute(GeoPackageSchema.createRTree(table: name, column: "geom"), layer: name)
    try db.insert(
      "INSERT INTO \(GeoPackageSchema.quoted("rtree_\(name)_geom")) VALUES (?, ?, ?, ?, ?)",
      rows: envelopes.lazy.map { [.integer(Int64($0.0)), .real($0.1.minX), .real($0.1.maxX), .real($0.1.minY), .real($0.1.maxY)] },
      layer: name)
    let bounds: [SQLiteWriter.Parameter] =
      extent.isEmpty ? [.null, .null, .null, .null] : [.real(extent.minX), .real(extent.minY), .real(extent.maxX), .real(extent.maxY)]
    try db.insert(
      GeoPackageSchema.insertContents,
      rows: [[.text(name), .text(layer.identifier ?? name), .text(layer.description), .text(timestamp)] + bounds + [.integer(Int64(srsID))]],
      layer: name)
    try db.insert(GeoPackageSchema.insertGeometryColumn, rows: [[.text(name), .text("geom"), .integer(Int64(srsID))]], layer: name)
    try db.insert(GeoPackageSchema.insertRTreeExtension, rows: [[.text(name), .text("geom")]], layer: name)
    try db.execute(GeoPackageSchema.rtreeTriggers(table: name, column: "geom", key: "fid"), layer: name)
  }

  /// `2026-12-02T06:00:00.000Z`: UTC to the millisecond, the form of 1.1.3.1.2.
  static func formatted(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
  }
}
