/// The SQL of a GeoPackage's required tables and of the R-tree spatial index, as OGC 12-128r18
/// (GeoPackage Encoding Standard 1.3) specifies them.
///
/// - Annex C "Table Definition SQL": `gpkg_spatial_ref_sys`, `gpkg_contents`,
///   `gpkg_geometry_columns`, `gpkg_extensions`, verbatim.
/// - Clause 1.1.2.1.2 table 4: the three rows `gpkg_spatial_ref_sys` must hold (-1, 0, 4326).
/// - Annex F.3 "RTree Spatial Indexes" (extension `gpkg_rtree_index`): the virtual table
///   `rtree_<t>_<c>` and its six triggers (insert, update1–4, delete), with <t> the table,
///   <c> the geometry column and <i> the integer primary key; names are double-quoted.
enum GeoPackageSchema {
  /// Annex C: the core tables, and `gpkg_extensions` (clause 2.3.2.1.1).
  static let coreTables = """
    CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL PRIMARY KEY,
      organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL,
      definition  TEXT NOT NULL,
      description TEXT
    );
    CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY,
      data_type TEXT NOT NULL,
      identifier TEXT UNIQUE,
      description TEXT DEFAULT '',
      last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE,
      min_y DOUBLE,
      max_x DOUBLE,
      max_y DOUBLE,
      srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
    );
    CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL,
      column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL,
      z TINYINT NOT NULL,
      m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT uk_gc_table_name UNIQUE (table_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
    );
    CREATE TABLE gpkg_extensions (
      table_name TEXT,
      column_name TEXT,
      extension_name TEXT NOT NULL,
      definition TEXT NOT NULL,
      scope TEXT NOT NULL,
      CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
    );
    """

  /// Table 4: the undefined Cartesian (-1) and geographic (0) systems, and WGS 84 (4326) with
  /// `wgs84Definition` (its WKT, from PROJ). Columns as `insertSpatialReference`.
  static func requiredSpatialReferences(wgs84Definition: String) -> [GeoPackageWriter.SpatialReference] {
    [
      .init(
        name: "Undefined cartesian SRS", id: -1, organization: "NONE", organizationID: -1, definition: "undefined",
        description: "undefined cartesian coordinate reference system"),
      .init(
        name: "Undefined geographic SRS", id: 0, organization: "NONE", organizationID: 0, definition: "undefined",
        description: "undefined geographic coordinate reference system"),
      .init(
        name: "WGS 84 geodetic", id: 4326, organization: "EPSG", organizationID: 4326, definition: wgs84Definition,
        description: "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
    ]
  }

  static let insertSpatialReference =
    "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)"
  static let insertContents =
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)"
  static let insertGeometryColumn =
    "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, 'MULTIPOLYGON', ?, 0, 0)"
  /// Annex F.3: the extension row; scope "write-only" (reads give the same answers without it).
  static let insertRTreeExtension =
    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec/#extension_rtree', 'write-only')"

  /// The feature table: clause 2.1.6 (an INTEGER PRIMARY KEY `fid`, one geometry column
  /// declared with its geometry type name), then the attribute columns.
  static func createFeatureTable(_ table: FeatureTable) -> String {
    let attributes = table.columns.map { ", \(quoted($0.name)) \($0.type.rawValue)" }.joined()
    return "CREATE TABLE \(quoted(table.name)) (\"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, \"geom\" MULTIPOLYGON\(attributes))"
  }

  /// Annex F.3 "Create Virtual Table".
  static func createRTree(table t: String, column c: String) -> String {
    "CREATE VIRTUAL TABLE \(quoted("rtree_\(t)_\(c)")) USING rtree(id, minx, maxx, miny, maxy)"
  }

  /// Annex F.3 "Define Triggers to Maintain Spatial Index Values": the six triggers, created
  /// after the rows are written (they call ST_IsEmpty, ST_MinX… which a GeoPackage reader
  /// such as GDAL provides, and plain SQLite does not).
  static func rtreeTriggers(table: String, column: String, key: String) -> String {
    let t = quoted(table), c = quoted(column), i = quoted(key)
    let r = quoted("rtree_\(table)_\(column)")
    func name(_ suffix: String) -> String { quoted("rtree_\(table)_\(column)_\(suffix)") }
    let insertNew = """
        INSERT OR REPLACE INTO \(r) VALUES (
          NEW.\(i),
          ST_MinX(NEW.\(c)), ST_MaxX(NEW.\(c)),
          ST_MinY(NEW.\(c)), ST_MaxY(NEW.\(c))
        );
      """
    return """
      CREATE TRIGGER \(name("insert")) AFTER INSERT ON \(t)
        WHEN (new.\(c) NOT NULL AND NOT ST_IsEmpty(NEW.\(c)))
      BEGIN
      \(insertNew)
      END;
      CREATE TRIGGER \(name("update1")) AFTER UPDATE OF \(c) ON \(t)
        WHEN OLD.\(i) = NEW.\(i) AND
             (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c)))
      BEGIN
      \(insertNew)
      END;
      CREATE TRIGGER \(name("update2")) AFTER UPDATE OF \(c) ON \(t)
        WHEN OLD.\(i) = NEW.\(i) AND
             (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c)))
      BEGIN
        DELETE FROM \(r) WHERE id = OLD.\(i);
      END;
      CREATE TRIGGER \(name("update3")) AFTER UPDATE OF \(c) ON \(t)
        WHEN OLD.\(i) != NEW.\(i) AND
             (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c)))
      BEGIN
        DELETE FROM \(r) WHERE id = OLD.\(i);
      \(insertNew)
      END;
      CREATE TRIGGER \(name("update4")) AFTER UPDATE ON \(t)
        WHEN OLD.\(i) != NEW.\(i) AND
             (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c)))
      BEGIN
        DELETE FROM \(r) WHERE id IN (OLD.\(i), NEW.\(i));
      END;
      CREATE TRIGGER \(name("delete")) AFTER DELETE ON \(t)
        WHEN old.\(c) NOT NULL
      BEGIN
        DELETE FROM \(r) WHERE id = OLD.\(i);
      END;
      """
  }

  /// An SQL identifier in double quotes.
  static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
