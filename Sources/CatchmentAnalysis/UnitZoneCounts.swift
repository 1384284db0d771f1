import CatchmentCore
import CatchmentTables

/// Which columns of a count-per-unit-per-zone table to read.
///
/// The defaults fit NHS "Patients Registered at a GP Practice" LSOA files as published
/// (`PRACTICE_CODE`, `LSOA_CODE`, `NUMBER_OF_PATIENTS`, `SEX`, `EXTRACT_DATE`) and as R
/// re-exports them (`Number.of.Patients`, a leading index column). Any other table of counts
/// per unit per zone (hospital activity per trust per MSOA) works by naming its columns.
public struct UnitZoneColumns: Sendable {
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

/// A table of counts n(u,z) per unit u (practice) and zone z, read as bytes.
///
/// Rows are kept as three compact arrays (unit id, zone id, count): about 16 bytes a row, so a
/// national registrations file of 1.2 million rows takes ~20 MB, with no `String` per row.
/// Zone ids ≥ 0 index the crosswalk's zones; zone id −(k+1) is code k of ``unknownZones``.
///
/// **SEX rule** (per file): NHS files give either one row per practice and zone with SEX=ALL,
/// or MALE and FEMALE rows, or both. If any ALL row exists, only ALL rows are counted;
/// otherwise MALE and FEMALE rows are summed. Rows set aside by the rule are reported as
/// "skipped by rule", apart from losses. A file without a SEX column counts every row.
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

  /// Reads `path`, matching zones against `crosswalk`.
  ///
  /// - Throws: ``TableError`` for a missing file or column, a non-numeric, negative or missing
  ///   count, an empty unit code or an unknown SEX value, naming file and line.
  /// - Complexity: O(file size); one pass.
  public init(path: String, columns: UnitZoneColumns = .init(), crosswalk: Crosswalk, role: String = "registrations") throws {
    summary = InputSummary(role: role, file: path)
    let reader = try CSVReader(path: path)
    let unitColumn = try reader.column(namedAnyOf: columns.unit, role: "unit code")
    let zoneColumn = try reader.column(namedAnyOf: columns.zone, role: "zone code")
    let countColumn = try reader.column(namedAnyOf: columns.count, role: "count")
    let sexColumn = columns.sex.lazy.compactMap { reader.index(of: $0) }.first
    let nameColumn = columns.unitName.lazy.compactMap { reader.index(of: $0) }.first
    let dateColumn = columns.extractDate.lazy.compactMap { reader.index(of: $0) }.first
    let countName = reader.name(ofColumn: countColumn)
    let unitName = reader.name(ofColumn: unitColumn)

    // Rows by sex class: 0 = ALL (or no SEX column), 1 = MALE/FEMALE.
    var rowSex: [UInt8] = []
    rowUnit.reserveCapacity(1 << 16)
    rowZone.reserveCapacity(1 << 16)
    rowCount.reserveCapacity(1 << 16)
    var lastDate: [UInt8] = []
    var units = self.units
    var unknownZones = self.unknownZones
    var unitNames: [String] = []
    var extractDates: [String] = []
    var rowUnit: [Int32] = [], rowZone: [Int32] = [], rowCount: [Double] = []
    try reader.forEachRecord { record in
      var sexClass: UInt8 = 0
      if let sexColumn {
        let sex = record[sexColumn]
        if sex.equalsIgnoringCase("ALL") {
          sexClass = 0
        } else if sex.equalsIgnoringCase("MALE") || sex.equalsIgnoringCase("FEMALE") {
          sexClass = 1
        } else {
          throw record.error("SEX is '\(sex.string)'; expected ALL, MALE or FEMALE")
        }
      }
      let unit: Int32 = try record[unitColumn].withTrimmedBytes { bytes in
        guard !bytes.isEmpty else { throw record.error("\(unitName) is empty") }
        return units.intern(bytes)
      }
      if Int(unit) == unitNames.count {
        unitNames.append(nameColumn.map { record[$0].trimmedString } ?? "")
      }
      let zone: Int32 = record[zoneColumn].withTrimmedBytes { bytes in
        if let z = crosswalk.zones.find(bytes) { return z }
        return -1 - unknownZones.intern(bytes)
      }
      let count: Double
      switch record[countColumn].number() {
      case .value(let v):
        guard v >= 0 else { throw record.error("\(countName) is negative: \(record[countColumn].string)") }
        count = v
      case .empty:
        throw record.error(record.has(countColumn) ? "\(countName) is empty" : "the row has \(record.count) fields and no \(countName)")
      case .invalid:
        throw record.error("\(countName) is not a number: '\(record[countColumn].string)'")
      }
      if let dateColumn {
        record[dateColumn].withTrimmedBytes { bytes in
          if !bytes.elementsEqual(lastDate) {
            lastDate = Array(bytes)
            let date = String(decoding: bytes, as: UTF8.self)
            if !extractDates.contains(date) { extractDates.append(date) }
          }
        }
      }
      rowUnit.append(unit)
      rowZone.append(zone)
      rowCount.append(count)
      rowSex.append(sexClass)
    }
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    // The SEX rule: ALL rows if any exist, else MALE + FEMALE.
    let keepClass: UInt8 = rowSex.contains(0) ? 0 : 1
    if rowSex.contains(where: { $0 != keepClass }) {
      var k = 0
      for i in rowSex.indices where rowSex[i] == keepClass {
        rowUnit[k] = rowUnit[i]
        rowZone[k] = rowZone[i]
        rowCount[k] = rowCount[i]
        k += 1
      }
      summary.rowsSkippedByRule = rowSex.count - k
      summary.rule = keepClass == 0 ? "SEX rule: ALL rows present, MALE/FEMALE rows not counted" : "SEX rule"
      rowUnit.removeLast(rowUnit.count - k)
      rowZone.removeLast(rowZone.count - k)
      rowCount.removeLast(rowCount.count - k)
    } else if sexColumn != nil && keepClass == 1 {
      summary.rule = "SEX rule: no ALL rows, MALE and FEMALE summed"
    }
    summary.rowsCounted = rowCount.count
    var total = 0.0
    for c in rowCount { total += c }
    self.total = total
    self.units = units
    self.unknownZones = unknownZones
    self.unitNames = unitNames
    self.extractDates = extractDates
    self.rowUnit = rowUnit
    self.rowZone = rowZone
    self.rowCount = rowCount
  }
}
