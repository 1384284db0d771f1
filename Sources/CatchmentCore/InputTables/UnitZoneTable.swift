import CatchmentTables
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
    let layout = try UnitZoneLayout(reader: reader, columns: columns)
    // The cut and the pieces read through the header reader's file descriptor: the file is
    // opened once.
    let read = try UnitZonePiece.read(
      reader: reader, layout: layout, requiredFieldCount: layout.requiredFieldCount, workers: workers, parallelAbove: parallelAbove)
    var piece = read.piece
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
    piecesRead = read.pieces
  }
}
