import CatchmentGeometry
import CatchmentTables

/// Reads named points from a CSV table, e.g. ONS population-weighted centroids
/// (`X,Y,objectid,lsoa11cd,…`, longitude/latitude, with a byte-order mark).
public enum PointsCSV {
  /// The columns to read.
  public struct Columns: Sendable {
    public var id: String, x: String, y: String
    public init(id: String, x: String, y: String) {
      self.id = id
      self.x = x
      self.y = y
    }
  }

  /// Reads every row as a point in `crs`.
  ///
  /// - Throws: ``CatchmentTables/TableError`` naming the file and line for a missing column,
  ///   an empty id or a coordinate that is not a number.
  public static func read(path: String, columns: Columns, crs: CRSReference) throws -> PointLayer {
    let reader = try CSVReader(path: path)
    let id = try reader.column(named: columns.id, role: "point id")
    let x = try reader.column(named: columns.x, role: "x coordinate")
    let y = try reader.column(named: columns.y, role: "y coordinate")
    var layer = PointLayer(crs: crs)
    while let record = try reader.next() {
      let code = record[id].trimmedString
      guard !code.isEmpty else { throw record.error("\(columns.id) is empty") }
      layer.append(
        id: code, x: try record.number(at: x, column: columns.x), y: try record.number(at: y, column: columns.y),
        origin: "\(path):\(record.line)")
    }
    return layer
  }
}
