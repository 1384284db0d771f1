import CatchmentCore
import CatchmentTables
import Dispatch
import Foundation

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

  /// The recoded table as CSV, each distinct kept field and target code encoded once. Blocks
  /// of rows are measured, then written straight into the table's buffer at their offsets on
  /// `workers` cores: the bytes are the same whatever the scheduling, and no block is copied.
  public func csv(byteOrderMark: Bool = false, workers: Int = ProcessInfo.processInfo.activeProcessorCount) -> CSVWriter {
    var out = CSVWriter(header: table.header, byteOrderMark: byteOrderMark)
    let fields = EncodedFields(table: table, recode: recode)
    let rows = recode.rowGroup.count
    let blockSize = 16_384
    let blocks = (rows + blockSize - 1) / blockSize
    let block: @Sendable (Int) -> Range<Int> = { b in (b * blockSize)..<min(rows, (b + 1) * blockSize) }
    let sizes = ParallelChunks.map(count: blocks, workers: workers, makeState: {}) { _, b in fields.size(rows: block(b)) }
    var starts = [0]
    for size in sizes { starts.append(starts[starts.count - 1] + size) }
    let offsets = starts
    out.appendRows(count: rows, byteCount: offsets[blocks]) { buffer in
      let shared = SharedBuffer(buffer)
      DispatchQueue.concurrentPerform(iterations: max(1, min(workers, blocks))) { task in
        var b = task
        while b < blocks {
          fields.encode(rows: block(b), into: UnsafeMutableBufferPointer(rebasing: shared.buffer[offsets[b]..<offsets[b + 1]]))
          b += max(1, min(workers, blocks))
        }
      }
    }
    return out
  }
}
