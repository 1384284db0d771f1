import CatchmentTables
import Foundation

// The parsing behind UnitZoneTable: the header's columns, one piece of the file, the pieces
// read at once, and zone ids by serial.

/// Column positions, resolved once from the header.
struct UnitZoneLayout: Sendable {
  var unit: Int, zone: Int, count: Int
  var sex: Int?, name: Int?, date: Int?
  var countName: String, unitName: String
  /// Fields a record needs to reach every column read (see ``CSVReader/requiredFieldCount``).
  var requiredFieldCount: Int

  init(reader: CSVReader, columns: UnitZoneColumns) throws {
    unit = try reader.column(namedAnyOf: columns.unit, role: "unit code")
    zone = try reader.column(namedAnyOf: columns.zone, role: "zone code")
    count = try reader.column(namedAnyOf: columns.count, role: "count")
    sex = try reader.optionalColumn(namedAnyOf: columns.sex)
    name = try reader.optionalColumn(namedAnyOf: columns.unitName)
    date = try reader.optionalColumn(namedAnyOf: columns.extractDate)
    // SEX is read on every row: a row too short to reach it is as broken as one missing the count.
    if let sex { reader.requiredFieldCount = max(reader.requiredFieldCount, sex + 1) }
    requiredFieldCount = reader.requiredFieldCount
    countName = reader.name(ofColumn: count)
    unitName = reader.name(ofColumn: unit)
  }
}

/// The rows of one piece of the file, with its own code tables.
struct UnitZonePiece: TablePiece {
  var units = CodeTable(minimumCapacity: 8192)
  var unitNames: [String] = []
  var zones = CodeTable(minimumCapacity: 4096)
  var rowUnit: [Int32] = [], rowZone: [Int32] = [], rowCount: [Double] = []
  /// 0 = ALL (or no SEX column), 1 = MALE, 2 = FEMALE.
  var rowSex: [UInt8] = []
  var extractDates: [String] = []
  var rowsRead = 0, blankLines = 0

  /// Zone ids by serial, for the codes of the file's first GSS prefix.
  private var serials = SerialIndex()
  /// The previous row's zone, for files that repeat it (MALE and FEMALE rows side by side).
  private var lastZone: Int32 = -1
  private var lastZoneBytes: [UInt8] = []
  /// Units and extract dates seen on the previous row: files are sorted by practice, so most
  /// rows repeat them, and comparing bytes is cheaper than hashing.
  private var lastUnit: Int32 = -1
  private var lastUnitBytes: [UInt8] = []
  private var lastDate: [UInt8] = []

  /// Parses every record `reader` delivers. This is the hot loop: no `String` is made per
  /// row, only per new unit, new zone or new extract date, and the per-row state is
  /// kept in `self` (not in variables captured by closures, which Swift would box and check
  /// for exclusive access on every row).
  init(reader: CSVReader, layout: UnitZoneLayout) throws {
    while let record = try reader.next() {
      var sexClass: UInt8 = 0
      if let sexColumn = layout.sex {
        let sex = record[sexColumn]
        if sex.equalsIgnoringCase("ALL") {
          sexClass = 0
        } else if sex.equalsIgnoringCase("MALE") {
          sexClass = 1
        } else if sex.equalsIgnoringCase("FEMALE") {
          sexClass = 2
        } else {
          throw record.error("SEX is \(sex.excerpt); expected ALL, MALE or FEMALE")
        }
      }
      let unitField = record[layout.unit]
      let unit = try unitField.directTrimmedBytes.map { try unitID($0, record: record, layout: layout) }
        ?? unitField.withTrimmedBytes { try unitID($0, record: record, layout: layout) }
      if Int(unit) == unitNames.count {
        unitNames.append(layout.name.map { record[$0].trimmedString } ?? "")
      }
      let zoneField = record[layout.zone]
      let zone = zoneField.directTrimmedBytes.map { zoneID($0) } ?? zoneField.withTrimmedBytes { zoneID($0) }
      // A count is a whole number below 2^53 (see Quantity); tested here rather than through
      // CSVRecord.count(at:column:) to keep the call off the per-row path.
      let count: Double
      if case .value(let v) = record[layout.count].number(), Quantity.isCount(v) {
        count = v + 0
      } else {
        throw record.countError(at: layout.count, column: layout.countName)
      }
      if let dateColumn = layout.date {
        let dateField = record[dateColumn]
        if let bytes = dateField.directTrimmedBytes { noteDate(bytes) } else { dateField.withTrimmedBytes { noteDate($0) } }
      }
      rowUnit.append(unit)
      rowZone.append(zone)
      rowCount.append(count)
      rowSex.append(sexClass)
    }
    rowsRead = reader.recordsRead
    blankLines = reader.blankLines
  }

  /// The id of the unit code in `bytes`.
  @inline(__always)
  private mutating func unitID(_ bytes: UnsafeRawBufferPointer, record: CSVRecord, layout: UnitZoneLayout) throws -> Int32 {
    guard !bytes.isEmpty else { throw record.error("\(layout.unitName) is empty") }
    if lastUnit >= 0 && lastUnitBytes.withUnsafeBytes({ bytesEqual($0, bytes) }) { return lastUnit }
    lastUnitBytes = Array(bytes)
    lastUnit = units.intern(bytes)
    return lastUnit
  }

  /// The id of the zone code in `bytes`, in this piece's own table.
  @inline(__always)
  private mutating func zoneID(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    if lastZone >= 0 && lastZoneBytes.withUnsafeBytes({ bytesEqual($0, bytes) }) { return lastZone }
    lastZoneBytes = Array(bytes)
    lastZone = serials.intern(bytes, into: &zones)
    return lastZone
  }

  /// Records the extract date in `bytes` when it differs from the previous row's.
  @inline(__always)
  private mutating func noteDate(_ bytes: UnsafeRawBufferPointer) {
    if lastDate.withUnsafeBytes({ bytesEqual($0, bytes) }) { return }
    lastDate = Array(bytes)
    let date = String(decoding: bytes, as: UTF8.self)
    if !extractDates.contains(date) { extractDates.append(date) }
  }

  /// Appends the piece that follows this one in the file, renumbering its units and zones into this piece's tables (so ids stay in order of first appearance in the file).
  mutating func append(_ next: UnitZonePiece) {
    var unitMap = [Int32](repeating: 0, count: next.units.count)
    for u in 0..<next.units.count {
      let code = next.units.code(Int32(u))
      let id = units.intern(code)
      if Int(id) == unitNames.count { unitNames.append(next.unitNames[u]) }
      unitMap[u] = id
    }
    var zoneMap = [Int32](repeating: 0, count: next.zones.count)
    for k in 0..<next.zones.count { zoneMap[k] = zones.intern(next.zones.code(Int32(k))) }
    rowUnit.reserveCapacity(rowUnit.count + next.rowUnit.count)
    for u in next.rowUnit { rowUnit.append(unitMap[Int(u)]) }
    rowZone.reserveCapacity(rowZone.count + next.rowZone.count)
    for z in next.rowZone { rowZone.append(zoneMap[Int(z)]) }
    rowCount.append(contentsOf: next.rowCount)
    rowSex.append(contentsOf: next.rowSex)
    for date in next.extractDates where !extractDates.contains(date) { extractDates.append(date) }
    rowsRead += next.rowsRead
    blankLines += next.blankLines
  }
}

/// Zone ids by the serial of their code, for the codes of the first GSS prefix a file shows
/// (E01 in an LSOA registrations file): most rows then find their zone by an array index, as
/// ``ZoneLookup`` finds a crosswalk's, not by hashing the code. Other codes go to the table.
struct SerialIndex {
  private var prefix = -1
  /// Zone id by serial; −1 where no code of that serial has been seen. Grows to the highest
  /// serial seen (at most 10⁶ entries, 4 MB).
  private var bySerial: [Int32] = []

  /// The id of the code in `bytes` in `table`, interning it when new.
  @inline(__always)
  mutating func intern(_ bytes: UnsafeRawBufferPointer, into table: inout CodeTable) -> Int32 {
    guard let (p, serial) = ZoneLookup.split(bytes) else { return table.intern(bytes) }
    if prefix < 0 { prefix = p }
    guard p == prefix else { return table.intern(bytes) }
    if serial < bySerial.count && bySerial[serial] >= 0 { return bySerial[serial] }
    let id = table.intern(bytes)
    if serial >= bySerial.count { bySerial.append(contentsOf: repeatElement(-1, count: serial + 1 - bySerial.count)) }
    bySerial[serial] = id
    return id
  }
}
