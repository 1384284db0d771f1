import CatchmentCore
import CatchmentTables

/// A zone-keyed table recoded through a crosswalk, in the layout it was read in: what
/// `catchment recode` writes.
///
/// The header and column order are the input's (without the columns dropped, see
/// ``CatchmentCore/ZoneKeyedTable``); the zone column holds the new codes; value columns hold
/// the sums of the parts (``ZoneRecode``): whole-number columns as integers, fraction columns
/// exactly (the shortest decimal that reads back to the same number); kept columns as written.
/// One row per (kept fields, target zone): groups in order of first appearance of their kept
/// fields, targets in byte order within a group. So an NHS registrations file recoded is still
/// an NHS registrations file, one row per practice, zone and SEX.
public struct RecodedTable: Sendable {
  public let table: ZoneKeyedTable
  public let recode: ZoneRecode
  /// The table's row counts, the columns dropped and the recode's account.
  public let account: RunAccount

  /// Recodes `table` through `crosswalk`.
  public init(table: ZoneKeyedTable, crosswalk: Crosswalk) {
    self.table = table
    recode = ZoneRecode(
      zones: table.zones, rowZone: table.rowZone, rowGroup: table.rowGroup, values: table.values, columnNames: table.valueColumns,
      crosswalk: crosswalk, file: table.path)
    var account = RunAccount()
    account.add(table.summary)
    if !table.droppedColumns.isEmpty {
      let named = table.droppedColumns.map { $0.isEmpty ? "(unnamed)" : $0 }
      account.note("columns not written (neither zone, value nor kept): \(named.joined(separator: ", "))")
    }
    account.append(contentsOf: recode.account)
    self.account = account
  }

  /// Reads `path` (``CatchmentCore/ZoneKeyedTable``) and recodes it.
  public static func read(path: String, columns: ZoneKeyedColumns, crosswalk: Crosswalk) throws -> RecodedTable {
    RecodedTable(table: try ZoneKeyedTable(path: path, columns: columns), crosswalk: crosswalk)
  }

  /// The recoded table as CSV, each distinct kept field and target code encoded once.
  public func csv(byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(header: table.header, byteOrderMark: byteOrderMark)
    var targetBytes = [[UInt8]?](repeating: nil, count: recode.targets.count)
    var lastGroup: Int32 = -1
    var kept: [[UInt8]] = []
    var row: [UInt8] = []
    for r in recode.rowGroup.indices {
      let g = recode.rowGroup[r], t = recode.rowTarget[r]
      // A group's rows are consecutive: its fields are encoded once.
      if g != lastGroup {
        kept = table.keptFields(ofGroup: g).map { field in
          var bytes: [UInt8] = []
          CSVWriter.encode(field, into: &bytes)
          return bytes
        }
        lastGroup = g
      }
      if targetBytes[Int(t)] == nil {
        var bytes: [UInt8] = []
        CSVWriter.encode(recode.targets.code(t), into: &bytes)
        targetBytes[Int(t)] = bytes
      }
      row.removeAll(keepingCapacity: true)
      for (i, column) in table.layout.enumerated() {
        if i > 0 { row.append(0x2C) }
        switch column {
        case .zone: row.append(contentsOf: targetBytes[Int(t)]!)
        case .kept(let k): row.append(contentsOf: kept[k])
        case .value(let c):
          let v = recode.values[c][r]
          row.append(contentsOf: (recode.integerColumns[c] ? String(Int64(v)) : NumberFormat.exact(v)).utf8)
        }
      }
      out.append(encodedRow: row)
    }
    return out
  }
}
