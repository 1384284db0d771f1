import CatchmentGeometry

/// A layer to write as geodata (GeoPackage, GeoJSON): polygonal features with typed attributes.
///
/// The geometry is a ``PolygonLayer`` (one feature per row, a feature with no polygon written
/// as a null geometry); the attributes are columns of text, integers or reals, any of them
/// NULL. The writers validate the table (``check()``) before writing anything.
public struct FeatureTable: Sendable {
  /// An attribute's type: SQLite's storage class in a GeoPackage, a JSON string or number in
  /// GeoJSON.
  public enum ColumnType: String, Sendable, Equatable {
    case text = "TEXT", integer = "INTEGER", real = "REAL"
  }

  /// One attribute value. A real must be finite: an undefined measure (0/0) is `.null`.
  public enum Value: Sendable, Equatable {
    case text(String), integer(Int64), real(Double), null
  }

  /// An attribute column: its name (any non-empty text, unique ignoring case) and type.
  public struct Column: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public init(_ name: String, _ type: ColumnType) {
      self.name = name
      self.type = type
    }
  }

  /// The layer's name: the GeoPackage table name (letters, digits and `_`, starting with a
  /// letter) and the GeoJSON collection's `name`.
  public var name: String
  /// The features' polygons, in the layer's CRS.
  public var geometry: PolygonLayer
  public var columns: [Column]
  /// One row per feature of `geometry`, one value per column.
  public var rows: [[Value]]

  public init(name: String, geometry: PolygonLayer, columns: [Column], rows: [[Value]]) {
    self.name = name
    self.geometry = geometry
    self.columns = columns
    self.rows = rows
  }

  /// Names a writer keeps for itself: the GeoPackage feature id and geometry columns.
  public static let reservedColumns: Set<String> = ["fid", "geom"]

  /// Checks the table: a usable name, unique non-reserved column names, one row per feature,
  /// one value per column of the column's type, finite reals and finite coordinates.
  ///
  /// - Throws: ``GeodataWriteError`` naming the layer, the feature and the column at fault.
  public func check() throws(GeodataWriteError) {
    let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    guard let first = name.unicodeScalars.first, letters.unicodeScalars.contains(first),
      name.unicodeScalars.allSatisfy({ letters.unicodeScalars.contains($0) || ("0"..."9").contains($0) || $0 == "_" })
    else {
      throw GeodataWriteError(layer: name, reason: "a layer name must be letters, digits and '_', starting with a letter")
    }
    let lower = name.lowercased()
    guard !lower.hasPrefix("gpkg_"), !lower.hasPrefix("rtree_"), !lower.hasPrefix("sqlite_") else {
      throw GeodataWriteError(layer: name, reason: "a layer name must not start with gpkg_, rtree_ or sqlite_ (reserved)")
    }
    var seen: Set<String> = Self.reservedColumns
    for column in columns {
      guard !column.name.isEmpty else { throw GeodataWriteError(layer: name, reason: "a column has no name") }
      guard seen.insert(column.name.lowercased()).inserted else {
        throw GeodataWriteError(layer: name, reason: "column '\(column.name)' is repeated or reserved (fid, geom)")
      }
    }
    guard rows.count == geometry.count else {
      throw GeodataWriteError(layer: name, reason: "\(rows.count) attribute rows for \(geometry.count) features")
    }
    for (f, row) in rows.enumerated() {
      guard row.count == columns.count else {
        throw GeodataWriteError(layer: name, feature: f + 1, reason: "\(row.count) values for \(columns.count) columns")
      }
      for (value, column) in zip(row, columns) {
        let fits: Bool
        switch (value, column.type) {
        case (.null, _), (.text, .text), (.integer, .integer): fits = true
        case (.real(let x), .real): fits = x.isFinite
        default: fits = false
        }
        guard fits else {
          throw GeodataWriteError(
            layer: name, feature: f + 1, reason: "column '\(column.name)' (\(column.type.rawValue)) cannot hold \(value)")
        }
      }
    }
    if let f = geometry.features(withCoordinatesBeyond: .greatestFiniteMagnitude).first {
      throw GeodataWriteError(layer: name, feature: f + 1, reason: "a coordinate is not a finite number")
    }
  }
}

/// Why geodata could not be written: the layer, the feature (1-based, in layer order) and the
/// reason.
public struct GeodataWriteError: Error, Sendable, Equatable, CustomStringConvertible {
  public let layer: String
  public let feature: Int?
  public let reason: String

  public init(layer: String, feature: Int? = nil, reason: String) {
    self.layer = layer
    self.feature = feature
    self.reason = reason
  }

  public var description: String {
    feature.map { "layer \(layer), feature \($0): \(reason)" } ?? "layer \(layer): \(reason)"
  }
}
