import CatchmentCore
import CatchmentTables
import Foundation

/// A table of counts n(u,z) per unit u (practice) and zone z of a crosswalk: a
/// ``CatchmentCore/UnitZoneTable`` (the file keyed by its own codes, read once) joined to the
/// crosswalk through its zone index.
///
/// Rows are kept as three compact arrays (unit id, zone id, count). Zone ids ≥ 0 index the
/// crosswalk's zones; zone id −(k+1) is code k of ``unknownZones``. The SEX rule and the
/// parallel read are the table's (see ``CatchmentCore/UnitZoneTable``).
public struct UnitZoneCounts: Sendable {
  /// Unit (practice) codes, ids in order of first appearance.
  public private(set) var units = CodeTable(minimumCapacity: 8192)
  /// Unit names by unit id ("" when the file has no name column).
  public private(set) var unitNames: [String] = []
  /// Zone codes not in the crosswalk, ids in order of first appearance.
  public private(set) var unknownZones = CodeTable(minimumCapacity: 256)
  public private(set) var rowUnit: [Int32] = []
  public private(set) var rowZone: [Int32] = []
  public private(set) var rowCount: [Double] = []
  /// Distinct EXTRACT_DATE values seen, in order of first appearance.
  public private(set) var extractDates: [String] = []
  /// Σ counts of the rows kept.
  public private(set) var total = 0.0
  /// The input summary (rows read, counted, skipped by the SEX rule).
  public private(set) var summary: InputSummary
  /// Counted rows that repeat a (unit, zone, SEX) of an earlier counted row: their counts were
  /// summed with it, which double-counts when the file holds the same rows twice. Codes are
  /// `UNIT ZONE SEX`, amounts the repeated rows' counts. Empty when no row repeats.
  public private(set) var repeatedRows: Tally

  /// How the table's distinct zone codes fall in ONS's LSOA 2011 and 2021 code sets (its vintage).
  public private(set) var zoneCensus: ZoneCodeCensus

  /// How many pieces the file was read in (1 unless read in parallel).
  public private(set) var piecesRead = 1

  /// Files larger than this are read in parallel pieces (bytes).
  public static let parallelThreshold = UnitZoneTable.parallelThreshold

  /// Reads `path` and joins it to `crosswalk`: ``CatchmentCore/UnitZoneTable`` then
  /// ``init(table:crosswalk:)``.
  ///
  /// - Throws: as ``CatchmentCore/UnitZoneTable/init(path:columns:role:workers:parallelAbove:)``.
  public init(
    path: String, columns: UnitZoneColumns = .init(), crosswalk: Crosswalk, role: String = "registrations",
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, parallelAbove: Int = UnitZoneCounts.parallelThreshold
  ) throws {
    self.init(
      table: try UnitZoneTable(path: path, columns: columns, role: role, workers: workers, parallelAbove: parallelAbove),
      crosswalk: crosswalk)
  }

  /// The rows of `table` with their zones looked up in `crosswalk`: each of the table's zone
  /// codes once, through the crosswalk's zone index; codes it does not list become
  /// ``unknownZones`` in order of first appearance in the file, as a read against the crosswalk
  /// numbers them.
  ///
  /// - Complexity: O(rows + zone codes).
  public init(table: UnitZoneTable, crosswalk: Crosswalk) {
    let lookup = crosswalk.zoneLookup
    var unknown = CodeTable(minimumCapacity: 256)
    var zoneMap = [Int32](repeating: 0, count: table.zones.count)
    for k in 0..<Int32(table.zones.count) {
      zoneMap[Int(k)] = table.zones.withBytes(of: k) { bytes in lookup.find(bytes) ?? -1 - unknown.intern(bytes) }
    }
    var rowZone = [Int32](repeating: 0, count: table.rowZone.count)
    for i in table.rowZone.indices { rowZone[i] = zoneMap[Int(table.rowZone[i])] }
    units = table.units
    unitNames = table.unitNames
    unknownZones = unknown
    rowUnit = table.rowUnit
    self.rowZone = rowZone
    rowCount = table.rowCount
    extractDates = table.extractDates
    total = table.total
    summary = table.summary
    zoneCensus = ZoneCodeCensus(table.zones)
    piecesRead = table.piecesRead
    repeatedRows = RepeatedKeys.tally(
      rowUnit: table.rowUnit, rowZone: rowZone, rowSex: table.rowSex, rowCount: table.rowCount,
      units: table.units, unknownZones: unknown, file: table.path, knownZones: crosswalk.zones.count) {
        crosswalk.zones.code($0)
      }
  }
}
