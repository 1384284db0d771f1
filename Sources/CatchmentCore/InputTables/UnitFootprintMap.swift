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
  /// While reading: the map's row counts and its practices with a blank footprint (the account
  /// ``read(path:columns:)`` returns).
  private var summary = InputSummary(role: "practice map", file: "")
  private var blankFootprints = 0

  /// Reads a practice map once, with its account (rows read, rows with a blank practice code,
  /// practices with a blank footprint) as a value, in the order a report records it.
  ///
  /// A practice listed twice with the same footprint is merged; listed with two different
  /// footprints it is an error (the map would put its patients in two places).
  public static func read(path: String, columns: UnitMapColumns) throws -> (map: UnitFootprintMap, account: RunAccount) {
    try read(path: path, columns: [columns])[0].get()
  }

  /// Reads the maps of several footprint columns of one practice map in one pass (`compare`
  /// takes the baseline's and the proposal's from one file): each result is what
  /// ``read(path:columns:)`` gives for that column set, or the error it throws.
  ///
  /// - Throws: ``CatchmentTables/TableError`` when the file cannot be opened or has no header.
  public static func read(path: String, columns sets: [UnitMapColumns]) throws -> [Result<(map: UnitFootprintMap, account: RunAccount), any Error>] {
    let reader = try CSVReader(path: path)
    // Each set's map, mutated in place (a copy per row would copy its tables), or its error.
    var maps: [UnitFootprintMap?] = []
    var layouts: [MapColumns] = []
    var errors: [(any Error)?] = []
    for columns in sets {
      do {
        let layout = try MapColumns(reader: reader, columns: columns)
        maps.append(UnitFootprintMap(path: path, footprintColumn: reader.name(ofColumn: layout.footprint)))
        layouts.append(layout)
        errors.append(nil)
      } catch {
        maps.append(nil)
        layouts.append(MapColumns(unit: 0, footprint: 0, name: nil, unitName: nil))
        errors.append(error)
      }
    }
    do {
      try reader.forEachRecord { record in
        for k in maps.indices where maps[k] != nil {
          do {
            try maps[k]?.take(record, layouts[k])
          } catch {
            maps[k] = nil
            errors[k] = error
          }
        }
      }
    } catch {
      for k in maps.indices where maps[k] != nil {
        maps[k] = nil
        errors[k] = error
      }
    }
    return maps.indices.map { k in
      if let error = errors[k] { return .failure(error) }
      guard var map = maps[k] else { return .failure(TableError(file: path, reason: "not read")) }
      map.summary.rowsRead = reader.recordsRead
      map.summary.blankLines = reader.blankLines
      var account = RunAccount()
      let summary = map.summary
      if summary.rowsLost > 0 {
        account.lose(Tally(reason: "practice map rows with a blank practice code", unit: "rows").with(rows: summary.rowsLost))
      }
      if map.blankFootprints > 0 {
        account.note(
          "\(path): \(map.blankFootprints) practices have a blank \(map.footprintColumn); their patients go to the registration footprint UNALLOCATED")
      }
      account.add(summary)
      return .success((map, account))
    }
  }

  /// The columns of one footprint column set, resolved against the header.
  private struct MapColumns {
    var unit: Int, footprint: Int
    var name: Int?, unitName: Int?

    init(unit: Int, footprint: Int, name: Int?, unitName: Int?) {
      self.unit = unit
      self.footprint = footprint
      self.name = name
      self.unitName = unitName
    }

    init(reader: CSVReader, columns: UnitMapColumns) throws {
      unit = try reader.column(namedAnyOf: columns.unit, role: "practice code")
      footprint = try reader.column(named: columns.footprint, role: "registration footprint")
      if let given = columns.footprintName {
        name = try reader.column(named: given, role: "registration footprint name")
      } else {
        name = try reader.optionalColumn(namedAnyOf: [UnitMapColumns.inferredNameColumn(for: columns.footprint)])
      }
      unitName = try reader.optionalColumn(namedAnyOf: ["PRACTICE_NAME"])
    }
  }

  /// An empty map, to be filled by ``take(_:_:)``.
  private init(path: String, footprintColumn: String) {
    self.footprintColumn = footprintColumn
    summary = InputSummary(role: "practice map", file: path)
  }

  /// Takes one row of the map.
  private mutating func take(_ record: CSVRecord, _ columns: MapColumns) throws {
    let unitCode = record[columns.unit].trimmedString
    guard !unitCode.isEmpty else {
      summary.rowsLost += 1
      return
    }
    let footprintCode = record[columns.footprint].trimmedString
    var f: Int32 = -1
    if !footprintCode.isEmpty {
      f = footprints.intern(footprintCode)
      if Int(f) == footprintNames.count { footprintNames.append(columns.name.map { record[$0].trimmedString } ?? "") }
    } else {
      blankFootprints += 1
    }
    let u = units.intern(unitCode)
    if Int(u) == unitFootprint.count {
      unitFootprint.append(f)
      unitNames.append(columns.unitName.map { record[$0].trimmedString } ?? "")
    } else if unitFootprint[Int(u)] != f {
      let previous = unitFootprint[Int(u)] < 0 ? "(blank)" : footprints.code(unitFootprint[Int(u)])
      throw record.error("practice \(unitCode) is mapped to \(footprintCode.isEmpty ? "(blank)" : footprintCode) here and to \(previous) on an earlier line")
    }
    summary.rowsCounted += 1
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
