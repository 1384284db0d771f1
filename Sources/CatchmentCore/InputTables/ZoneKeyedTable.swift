import CatchmentTables
import Foundation

/// Which columns of a zone-keyed table to recode (`catchment recode`).
public struct ZoneKeyedColumns: Sendable, Hashable {
  /// The zone code column, e.g. `LSOA_CODE`.
  public var zone: String
  /// The value columns (counts or amounts) to split over the crosswalk's targets.
  public var values: [String]
  /// The columns carried through, rows being summed per target zone and values of these; nil
  /// for every named column that is neither the zone nor a value column.
  public var keep: [String]?

  public init(zone: String, values: [String], keep: [String]? = nil) {
    self.zone = zone
    self.values = values
    self.keep = keep
  }
}

/// A table of values keyed by zone, as its file lays it out: what `catchment recode` re-keys
/// through a crosswalk and writes back in the same layout.
///
/// Every row becomes (zone, group, values): the zone code trimmed and interned, the group the
/// row's kept fields (exactly as written, quotes removed) interned in order of first appearance,
/// and one number per value column. No `String` per row: a group is a byte key, compared with
/// the previous row's before it is hashed (NHS files list each practice's rows together).
///
/// Columns with no name in the header (R's row index, trailing empty columns) are never kept;
/// with ``ZoneKeyedColumns/keep`` the named columns are kept and the others dropped, in both
/// cases listed in ``droppedColumns``.
public struct ZoneKeyedTable: Sendable {
  /// What a column of the written table holds.
  public enum Column: Sendable, Equatable {
    /// The zone code (recoded).
    case zone
    /// Value column `k` (of ``valueColumns``).
    case value(Int)
    /// Kept column `k` (of ``keptColumns``).
    case kept(Int)
  }

  public let path: String
  /// The columns to write, in file order, with their header names as read.
  public let layout: [Column]
  public let header: [String]
  /// Names of the zone column, the value columns and the kept columns.
  public let zoneColumn: String
  public let valueColumns: [String]
  public let keptColumns: [String]
  /// Columns of the file not written (neither zone, value nor kept), by name.
  public let droppedColumns: [String]
  /// Zone codes as written (trimmed), ids in order of first appearance.
  public let zones: CodeTable
  /// Groups: the kept fields of a row, encoded (see ``keptFields(ofGroup:)``), ids in order of
  /// first appearance.
  public let groups: CodeTable
  public let rowZone: [Int32]
  public let rowGroup: [Int32]
  /// Per value column, per row.
  public let values: [[Double]]
  /// Rows read, rows counted (every row), blank lines.
  public let summary: InputSummary
  /// How many pieces the file was read in (1 unless read in parallel).
  public let piecesRead: Int

  /// Reads `path` once.
  ///
  /// - Throws: ``CatchmentTables/TableError`` naming file and line for a missing file or
  ///   column, a column named twice, a row too short to reach a column written, or a value that
  ///   is not a number (empty, text) or is 2⁵³ or more in size (beyond whole-number precision).
  /// - Parameters:
  ///   - workers: pieces to read at once (default: the active processor count); files over
  ///     ``UnitZoneTable/parallelThreshold`` bytes are cut at line ends and the pieces parsed
  ///     at once, giving the same ids, rows and values as one pass (see `TablePiece`).
  ///   - parallelAbove: read in pieces only when the data exceed this many bytes.
  public init(
    path: String, columns: ZoneKeyedColumns, role: String = "table",
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, parallelAbove: Int = UnitZoneTable.parallelThreshold
  ) throws {
    let reader = try CSVReader(path: path)
    let zoneIndex = try reader.column(named: columns.zone, role: "table zone code")
    var valueIndexes: [Int] = []
    for name in columns.values {
      let i = try reader.column(named: name, role: "table value")
      guard i != zoneIndex else { throw TableError(file: path, line: reader.headerLine, reason: "\(name) is the zone column; it cannot also be a value column") }
      guard !valueIndexes.contains(i) else { throw TableError(file: path, line: reader.headerLine, reason: "value column \(name) is given twice") }
      valueIndexes.append(i)
    }
    let shift = reader.hasImplicitIndexColumn ? 1 : 0
    let named = reader.header.indices.map { $0 + shift }.filter { !reader.header[$0 - shift].isEmpty }
    var keptIndexes: [Int]
    if let keep = columns.keep {
      keptIndexes = []
      for name in keep {
        let i = try reader.column(named: name, role: "kept column")
        guard i != zoneIndex && !valueIndexes.contains(i) else {
          throw TableError(file: path, line: reader.headerLine, reason: "\(name) is the zone or a value column; only other columns can be kept")
        }
        if !keptIndexes.contains(i) { keptIndexes.append(i) }
      }
      keptIndexes.sort()
    } else {
      keptIndexes = named.filter { $0 != zoneIndex && !valueIndexes.contains($0) }
    }
    var layout: [Column] = [], header: [String] = []
    for i in named.sorted() {
      if i == zoneIndex {
        layout.append(.zone)
      } else if let k = valueIndexes.firstIndex(of: i) {
        layout.append(.value(k))
      } else if let k = keptIndexes.firstIndex(of: i) {
        layout.append(.kept(k))
      } else {
        continue
      }
      header.append(reader.header[i - shift])
    }
    let written = Set([zoneIndex] + valueIndexes + keptIndexes)
    droppedColumns = (0..<(reader.header.count + shift)).filter { !written.contains($0) }.map { reader.name(ofColumn: $0) }
    reader.requiredFieldCount = max(reader.requiredFieldCount, (keptIndexes.max() ?? 0) + 1)
    let valueNames = valueIndexes.map { reader.name(ofColumn: $0) }
    let pieceLayout = ZoneKeyedPiece.Layout(zone: zoneIndex, values: valueIndexes, kept: keptIndexes, valueNames: valueNames)
    let read = try ZoneKeyedPiece.read(
      reader: reader, layout: pieceLayout, requiredFieldCount: reader.requiredFieldCount, workers: workers, parallelAbove: parallelAbove)
    let piece = read.piece
    var summary = InputSummary(role: role, file: path)
    summary.rowsRead = piece.rowsRead
    summary.rowsCounted = piece.rowZone.count
    summary.blankLines = piece.blankLines
    self.path = path
    self.layout = layout
    self.header = header
    self.zoneColumn = reader.name(ofColumn: zoneIndex)
    self.valueColumns = valueNames
    self.keptColumns = keptIndexes.map { reader.name(ofColumn: $0) }
    self.zones = piece.zones
    self.groups = piece.groups
    self.rowZone = piece.rowZone
    self.rowGroup = piece.rowGroup
    self.values = piece.values
    self.piecesRead = read.pieces
    self.summary = summary
  }

  /// Appends one field to a group key: its length (4 bytes, little-endian), then its bytes.
  static func appendField(_ bytes: UnsafeRawBufferPointer, to key: inout [UInt8]) {
    let n = UInt32(bytes.count)
    key.append(UInt8(n & 0xFF))
    key.append(UInt8((n >> 8) & 0xFF))
    key.append(UInt8((n >> 16) & 0xFF))
    key.append(UInt8(n >> 24))
    key.append(contentsOf: bytes)
  }

  /// The kept fields of group `group`, in ``keptColumns`` order, as written in the file.
  public func keptFields(ofGroup group: Int32) -> [String] {
    groups.withBytes(of: group) { key in
      var fields: [String] = []
      var i = 0
      while i + 4 <= key.count {
        let n = Int(key[i]) | Int(key[i + 1]) << 8 | Int(key[i + 2]) << 16 | Int(key[i + 3]) << 24
        fields.append(String(decoding: UnsafeRawBufferPointer(rebasing: key[(i + 4)..<(i + 4 + n)]), as: UTF8.self))
        i += 4 + n
      }
      return fields
    }
  }
}

/// The rows of one piece of a zone-keyed file, with its own zone and group tables.
struct ZoneKeyedPiece: TablePiece {
  struct Layout: Sendable {
    var zone: Int
    var values: [Int]
    var kept: [Int]
    var valueNames: [String]
  }

  var zones = CodeTable(minimumCapacity: 4096), groups = CodeTable(minimumCapacity: 4096)
  var rowZone: [Int32] = [], rowGroup: [Int32] = []
  var values: [[Double]]
  var rowsRead = 0, blankLines = 0
  /// Zone ids by serial (see `SerialIndex`), and the previous row's group key and id: files
  /// list each practice's rows together, so comparing bytes is cheaper than hashing.
  private var serials = SerialIndex()
  private var key: [UInt8] = [], previous: [UInt8] = []
  private var previousGroup: Int32 = -1

  /// Parses every record `reader` delivers: the hot loop, with no `String` per row.
  init(reader: CSVReader, layout: Layout) throws {
    values = [[Double]](repeating: [], count: layout.values.count)
    while let record = try reader.next() {
      let zoneField = record[layout.zone]
      if let bytes = zoneField.directTrimmedBytes { rowZone.append(serials.intern(bytes, into: &zones)) } else {
        rowZone.append(zoneField.withTrimmedBytes { serials.intern($0, into: &zones) })
      }
      if !isPreviousGroup(record, kept: layout.kept) {
        key.removeAll(keepingCapacity: true)
        for i in layout.kept { record[i].withUnescapedBytes { ZoneKeyedTable.appendField($0, to: &key) } }
        previousGroup = key.withUnsafeBytes { groups.intern($0) }
        swap(&key, &previous)
      }
      rowGroup.append(previousGroup)
      for (k, i) in layout.values.enumerated() {
        let field = record[i]
        switch field.number() {
        case .value(let v) where v.isFinite && v.magnitude < Quantity.countLimit:
          values[k].append(v + 0)  // + 0: no −0
        case .value:
          throw record.error("\(layout.valueNames[k]) (column \(i + 1)) is \(field.excerpt): a value must be smaller than 2^53 in size")
        case .empty:
          throw record.error("\(layout.valueNames[k]) (column \(i + 1)) is empty")
        case .invalid:
          throw record.error("\(layout.valueNames[k]) (column \(i + 1)) is not a number: \(field.excerpt)")
        }
      }
    }
    rowsRead = reader.recordsRead
    blankLines = reader.blankLines
  }

  /// True when the kept fields of `record` are the previous row's (its group key, `previous`),
  /// compared field by field in the reader's buffer without building a key; false when a field
  /// needs unescaping (then the key is built and interned, which finds the same group).
  @inline(__always)
  private func isPreviousGroup(_ record: CSVRecord, kept: [Int]) -> Bool {
    guard previousGroup >= 0 else { return false }
    return previous.withUnsafeBytes { key in
      var at = 0
      for i in kept {
        let field = record[i]
        guard !field.hasEscapedQuotes, at + 4 <= key.count else { return false }
        let n = Int(key[at]) | Int(key[at + 1]) << 8 | Int(key[at + 2]) << 16 | Int(key[at + 3]) << 24
        guard at + 4 + n <= key.count, bytesEqual(field.rawBytes, UnsafeRawBufferPointer(rebasing: key[(at + 4)..<(at + 4 + n)])) else { return false }
        at += 4 + n
      }
      return at == key.count
    }
  }

  mutating func append(_ next: ZoneKeyedPiece) {
    var zoneMap = [Int32](repeating: 0, count: next.zones.count)
    for k in 0..<next.zones.count { zoneMap[k] = next.zones.withBytes(of: Int32(k)) { zones.intern($0) } }
    var groupMap = [Int32](repeating: 0, count: next.groups.count)
    for k in 0..<next.groups.count { groupMap[k] = next.groups.withBytes(of: Int32(k)) { groups.intern($0) } }
    rowZone.reserveCapacity(rowZone.count + next.rowZone.count)
    for z in next.rowZone { rowZone.append(zoneMap[Int(z)]) }
    rowGroup.reserveCapacity(rowGroup.count + next.rowGroup.count)
    for g in next.rowGroup { rowGroup.append(groupMap[Int(g)]) }
    for k in values.indices { values[k].append(contentsOf: next.values[k]) }
    rowsRead += next.rowsRead
    blankLines += next.blankLines
  }
}
