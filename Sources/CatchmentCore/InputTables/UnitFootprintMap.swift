import CatchmentTables

/// Which columns of a practice map to read.
///
/// Fits NHS `gp-reg-pat-prac-map.csv` in its CCG-era columns (`ONS_CCG_CODE`, `CCG_CODE`,
/// `ONS_STP_CODE`, `STP_CODE`) and ICB-era columns (`ONS_SUB_ICB_LOCATION_CODE`,
/// `ONS_ICB_CODE`, `ICB_CODE`, from 2022), the QOF mapping file, or any CSV with a
/// `PRACTICE_CODE` column and a footprint column.
public struct UnitMapColumns: Sendable, Hashable {
  /// Unit code columns to try in order.
  public var unit: [String] = ["PRACTICE_CODE"]
  /// The footprint code column, e.g. `ONS_ICB_CODE` or `PCN_CODE`.
  public var footprint: String
  /// The footprint name column; nil to infer it (see ``inferredNameColumn(for:)``).
  public var footprintName: String?

  public init(footprint: String, footprintName: String? = nil) {
    self.footprint = footprint
    self.footprintName = footprintName
  }

  /// The name column that goes with a code column in NHS files: `ONS_ICB_CODE` → `ICB_NAME`,
  /// `PCN_CODE` → `PCN_NAME`, `CCG_ONS_CODE` → `CCG_NAME`.
  public static func inferredNameColumn(for codeColumn: String) -> String {
    let tokens = codeColumn.uppercased().split(separator: "_").map(String.init)
      .filter { $0 != "ONS" && $0 != "ODS" }
      .map { $0 == "CODE" ? "NAME" : $0 }
    return tokens.joined(separator: "_")
  }
}

/// The registration footprint of each unit (practice): p ∈ b.
///
/// Keyed by the map's own codes (no crosswalk), so it lives in CatchmentCore with the other
/// input tables, below the analyses; ``read(path:columns:)`` returns its account as a value so
/// that one read serves every step that uses the map.
public struct UnitFootprintMap: Sendable {
  /// Footprint codes, ids in order of first appearance.
  public private(set) var footprints = CodeTable()
  /// Footprint names by footprint id ("" when unknown).
  public private(set) var footprintNames: [String] = []
  /// Unit codes of the map, ids in order of first appearance.
  public private(set) var units = CodeTable(minimumCapacity: 8192)
  /// Footprint id by unit id; −1 when the map row had a blank footprint.
  public private(set) var unitFootprint: [Int32] = []
  /// Unit names by unit id from the map ("" when absent).
  public private(set) var unitNames: [String] = []
  /// The column the footprints came from, for messages.
  public let footprintColumn: String
  /// While reading: the map's row counts and its practices with a blank footprint.
  private var summary = InputSummary(role: "practice map", file: "")
  private var blankFootprints = 0

  /// Reads a practice map.
  ///
  /// A practice listed twice with the same footprint is merged; listed with two different
  /// footprints it is an error (the map would put its patients in two places).
  public init(path: String, columns: UnitMapColumns, report: RunReport) throws {
    let (map, account) = try Self.read(path: path, columns: columns)
    account.record(into: report)
    self = map
  }

  /// Reads a practice map once, with its account (rows read, rows with a blank practice code,
  /// practices with a blank footprint) as a value, in the order a report records it.
  ///
  /// A practice listed twice with the same footprint is merged; listed with two different
  /// footprints it is an error (the map would put its patients in two places).
  public static func read(path: String, columns: UnitMapColumns) throws -> (map: UnitFootprintMap, account: InputAccount) {
    var map = try UnitFootprintMap(reading: path, columns: columns)
    var account = InputAccount()
    let summary = map.summary
    if summary.rowsLost > 0 {
      account.append(.loss(Tally(reason: "practice map rows with a blank practice code", unit: "rows").with(rows: summary.rowsLost)))
    }
    if map.blankFootprints > 0 {
      account.append(.note("\(path): \(map.blankFootprints) practices have a blank \(map.footprintColumn); their patients go to the registration footprint UNALLOCATED"))
    }
    account.append(.input(summary))
    map.summary = InputSummary(role: "practice map", file: path)
    return (map, account)
  }

  /// Parses the map; its account is left in ``summary`` and ``blankFootprints``.
  private init(reading path: String, columns: UnitMapColumns) throws {
    let reader = try CSVReader(path: path)
    let unitColumn = try reader.column(namedAnyOf: columns.unit, role: "practice code")
    let footprintColumn = try reader.column(named: columns.footprint, role: "registration footprint")
    self.footprintColumn = reader.name(ofColumn: footprintColumn)
    let nameColumn: Int?
    if let given = columns.footprintName {
      nameColumn = try reader.column(named: given, role: "registration footprint name")
    } else {
      nameColumn = try reader.optionalColumn(namedAnyOf: [UnitMapColumns.inferredNameColumn(for: columns.footprint)])
    }
    let unitNameColumn = try reader.optionalColumn(namedAnyOf: ["PRACTICE_NAME"])
    var summary = InputSummary(role: "practice map", file: path)
    var blank = 0
    try reader.forEachRecord { record in
      let unitCode = record[unitColumn].trimmedString
      guard !unitCode.isEmpty else {
        summary.rowsLost += 1
        return
      }
      let footprintCode = record[footprintColumn].trimmedString
      var f: Int32 = -1
      if !footprintCode.isEmpty {
        f = footprints.intern(footprintCode)
        if Int(f) == footprintNames.count { footprintNames.append(nameColumn.map { record[$0].trimmedString } ?? "") }
      } else {
        blank += 1
      }
      let u = units.intern(unitCode)
      if Int(u) == unitFootprint.count {
        unitFootprint.append(f)
        unitNames.append(unitNameColumn.map { record[$0].trimmedString } ?? "")
      } else if unitFootprint[Int(u)] != f {
        let previous = unitFootprint[Int(u)] < 0 ? "(blank)" : footprints.code(unitFootprint[Int(u)])
        throw record.error("practice \(unitCode) is mapped to \(footprintCode.isEmpty ? "(blank)" : footprintCode) here and to \(previous) on an earlier line")
      }
      summary.rowsCounted += 1
    }
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    self.summary = summary
    blankFootprints = blank
  }

  /// A map from units already placed (e.g. practices located by postcode): `footprint` nil
  /// means the unit could not be placed (its patients go to UNALLOCATED). `footprints` lists
  /// every footprint of the layer, placed into or not, for the one-sided code check;
  /// `unitNames` the practices' names where known.
  public init(
    placements: [(unit: String, footprint: String?)], footprints all: [String], footprintNames: [String: String], source: String,
    unitNames: [String: String] = [:]
  ) {
    footprintColumn = source
    for code in all where footprints.find(code) == nil {
      footprints.intern(code)
      self.footprintNames.append(footprintNames[code] ?? "")
    }
    for (unit, footprint) in placements {
      var f: Int32 = -1
      if let footprint {
        f = footprints.intern(footprint)
        if Int(f) == self.footprintNames.count { self.footprintNames.append(footprintNames[footprint] ?? "") }
      }
      let u = units.intern(unit)
      if Int(u) == unitFootprint.count {
        unitFootprint.append(f)
        self.unitNames.append(unitNames[unit] ?? "")
      }
    }
  }

  /// Footprint id of unit `code`: nil when the unit is not in the map, −1 when its footprint
  /// is blank.
  public func footprint(ofUnit code: UnsafeRawBufferPointer) -> Int32? {
    units.find(code).map { unitFootprint[Int($0)] }
  }
}

extension Tally {
  /// A copy with `rows` set.
  public func with(rows: Int) -> Tally {
    var t = self
    t.rows = rows
    return t
  }
}
