import CatchmentTables
import Dispatch
import Foundation

/// Which columns of a count-per-unit-per-zone table to read.
///
/// The defaults fit NHS "Patients Registered at a GP Practice" LSOA files as published
/// (`PRACTICE_CODE`, `LSOA_CODE`, `NUMBER_OF_PATIENTS`, `SEX`, `EXTRACT_DATE`) and as R
/// re-exports them (`Number.of.Patients`, a leading index column). Any other table of counts
/// per unit per zone (hospital activity per trust per MSOA) works by naming its columns.
public struct UnitZoneColumns: Sendable, Hashable {
  /// Unit code columns to try in order (the practice).
  public var unit: [String] = ["PRACTICE_CODE"]
  /// Zone code columns to try in order (the residence zone).
  public var zone: [String] = ["LSOA_CODE", "LSOA21CD", "LSOA11CD", "LSOA_2011_CODE", "LSOA_2021_CODE"]
  /// Count columns to try in order.
  public var count: [String] = ["NUMBER_OF_PATIENTS", "Number.of.Patients", "Number of Patients"]
  /// Optional sex column (values ALL, MALE, FEMALE).
  public var sex: [String] = ["SEX"]
  /// Optional unit name column.
  public var unitName: [String] = ["PRACTICE_NAME", "PRACTICE_NAME.x"]
  /// Optional extract date column.
  public var extractDate: [String] = ["EXTRACT_DATE"]

  public init() {}
}

/// A table of counts n(u,z) per unit u (practice) and zone z, keyed by the file's own codes:
/// read once per run and joined to any number of crosswalks (`UnitZoneCounts(table:crosswalk:)`
/// in CatchmentAnalysis).
///
/// It lives in CatchmentCore, below the analyses, because it knows only the file: units and
/// zones are interned in order of first appearance, with no crosswalk and no run report; its
/// account (rows read, the SEX rule) is ``summary``.
///
/// Rows are kept as compact arrays (unit id, zone id, count, SEX class): about 17 bytes a row,
/// so a national registrations file of 1.2 million rows takes ~20 MB, with no `String` per row.
///
/// **SEX rule** (per file): NHS files give either one row per practice and zone with SEX=ALL,
/// or MALE and FEMALE rows, or both. If any ALL row exists, only ALL rows are kept; otherwise
/// MALE and FEMALE rows are summed. Rows set aside by the rule are counted in ``summary`` as
/// "skipped by rule", apart from losses. A file without a SEX column counts every row.
///
/// **Both cores.** Files over ``parallelThreshold`` bytes are cut into one piece per core at
/// line ends and the pieces parsed at once; the pieces are then merged in file order, giving
/// the same ids, rows and sums as a single pass. Should a cut fall inside a quoted field that
/// spans lines, or any piece fail, the file is read again in one pass, which also gives
/// errors their exact line numbers.
public struct UnitZoneTable: Sendable {
  public let path: String
  /// Unit (practice) codes, ids in order of first appearance.
  public let units: CodeTable
  /// Unit names by unit id ("" when the file has no name column).
  public let unitNames: [String]
  /// Zone codes as written, ids in order of first appearance (rows set aside by the SEX rule
  /// included).
  public let zones: CodeTable
  public let rowUnit: [Int32]
  public let rowZone: [Int32]
  public let rowCount: [Double]
  /// Per row: 0 = ALL (or no SEX column), 1 = MALE, 2 = FEMALE.
  public let rowSex: [UInt8]
  /// Distinct EXTRACT_DATE values seen, in order of first appearance.
  public let extractDates: [String]
  /// Σ counts of the rows kept.
  public let total: Double
  /// The input summary (rows read, counted, skipped by the SEX rule).
  public let summary: InputSummary
  /// How many pieces the file was read in (1 unless read in parallel).
  public let piecesRead: Int

  /// Files larger than this are read in parallel pieces (bytes).
  public static let parallelThreshold = 8 << 20

  /// Reads `path` once.
  ///
  /// - Parameters:
  ///   - role: the input's role in the summary ("registrations").
  ///   - workers: pieces to read at once (default: the active processor count).
  ///   - parallelAbove: read in pieces only when the data exceed this many bytes.
  /// - Throws: ``CatchmentTables/TableError`` for a missing file or column, a column named twice
  ///   in the header, a row too short to reach the columns read, a count that is not a whole
  ///   number from 0 to 2⁵³ − 1 (see ``CatchmentTables/Quantity``), an empty unit code or an
  ///   unknown SEX value, naming file and line.
  /// - Complexity: O(file size).
  public init(
    path: String, columns: UnitZoneColumns = .init(), role: String = "registrations",
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, parallelAbove: Int = UnitZoneTable.parallelThreshold
  ) throws {
    let reader = try CSVReader(path: path)
    let layout = try Layout(reader: reader, columns: columns)
    var pieces: [Piece]
    // Cut the file only when it is big enough to be read in pieces (the cut opens it again).
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    let worthCutting = workers > 1 && (size.map { $0 - reader.dataStartOffset > parallelAbove } ?? true)
    let points = worthCutting ? try CSVReader.splitPoints(path: path, from: reader.dataStartOffset, parts: workers) : []
    if points.count > 2, let last = points.last, let first = points.first, last - first > parallelAbove {
      if let parallel = Self.readInParallel(path: path, points: points, layout: layout) {
        pieces = parallel
      } else {
        pieces = [try Piece(reader: reader, layout: layout)]
      }
    } else {
      pieces = [try Piece(reader: reader, layout: layout)]
    }
    let pieceCount = pieces.count
    var piece = pieces.removeFirst()
    for next in pieces { piece.append(next) }
    var summary = InputSummary(role: role, file: path)
    summary.rowsRead = piece.rowsRead
    summary.blankLines = piece.blankLines
    // The SEX rule.
    let keepALL = piece.rowSex.contains(0)
    if piece.rowSex.contains(where: { ($0 == 0) != keepALL }) {
      var k = 0
      for i in piece.rowSex.indices where (piece.rowSex[i] == 0) == keepALL {
        piece.rowUnit[k] = piece.rowUnit[i]
        piece.rowZone[k] = piece.rowZone[i]
        piece.rowCount[k] = piece.rowCount[i]
        piece.rowSex[k] = piece.rowSex[i]
        k += 1
      }
      summary.rowsSkippedByRule = piece.rowSex.count - k
      summary.rule = keepALL ? "SEX rule: ALL rows present, MALE/FEMALE rows not counted" : "SEX rule"
      piece.rowUnit.removeLast(piece.rowUnit.count - k)
      piece.rowZone.removeLast(piece.rowZone.count - k)
      piece.rowCount.removeLast(piece.rowCount.count - k)
      piece.rowSex.removeLast(piece.rowSex.count - k)
    } else if layout.sex != nil && !keepALL && !piece.rowSex.isEmpty {
      summary.rule = "SEX rule: no ALL rows, MALE and FEMALE summed"
    }
    summary.rowsCounted = piece.rowCount.count
    var total = 0.0
    for c in piece.rowCount { total += c }
    self.path = path
    self.total = total
    self.summary = summary
    units = piece.units
    unitNames = piece.unitNames
    zones = piece.zones
    extractDates = piece.extractDates
    rowUnit = piece.rowUnit
    rowZone = piece.rowZone
    rowCount = piece.rowCount
    rowSex = piece.rowSex
    piecesRead = pieceCount
  }

  /// Reads the pieces between `points` at once, one thread each; nil when any piece fails.
  private static func readInParallel(path: String, points: [Int], layout: Layout) -> [Piece]? {
    let results = PieceResults(count: points.count - 1)
    DispatchQueue.concurrentPerform(iterations: points.count - 1) { k in
      do {
        let reader = try CSVReader(path: path, hasHeader: false, byteRange: points[k]..<points[k + 1], firstLine: 0)
        reader.requiredFieldCount = layout.requiredFieldCount
        let piece = try Piece(reader: reader, layout: layout)
        results.set(k, piece)
      } catch {
        results.set(k, nil)  // read again in one pass, which reports the error with its line
      }
    }
    return results.all
  }
}

/// Column positions, resolved once from the header.
private struct Layout: Sendable {
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
private struct Piece: Sendable {
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
  init(reader: CSVReader, layout: Layout) throws {
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
  private mutating func unitID(_ bytes: UnsafeRawBufferPointer, record: CSVRecord, layout: Layout) throws -> Int32 {
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
  mutating func append(_ next: Piece) {
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

/// Slots for the pieces read by concurrent workers; each worker writes only its own slot.
private final class PieceResults: @unchecked Sendable {
  private var pieces: [Piece?]
  private var failed = false
  private let lock = NSLock()

  init(count: Int) { pieces = Array(repeating: nil, count: count) }

  func set(_ k: Int, _ piece: Piece?) {
    lock.withLock {
      pieces[k] = piece
      if piece == nil { failed = true }
    }
  }

  var all: [Piece]? { lock.withLock { failed ? nil : pieces.compactMap { $0 } } }
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
