import CatchmentCore
import CatchmentTables

/// Why a table cannot be recoded.
public enum RecodeError: Error, Sendable, Equatable {
  /// An activity table of shares (`proportion`): a share does not split with its zone (a zone
  /// split in two keeps its shares; zones merged need their populations to average them).
  case sharesCannotBeSplit(file: String, column: String)
}

// `--recode`: the raw input tables re-keyed through a crosswalk before their join, row by row
// as `catchment recode` re-keys the file (``ZoneRecode``), so that a recoded file read as before
// gives the same outputs as the file recoded on the fly.

extension UnitZoneTable {
  /// The table re-keyed through `crosswalk`: each row's count split by largest remainder over
  /// its zone's targets and summed per (unit, SEX, target); rows per (unit, SEX) in order of
  /// first appearance, targets in byte order within, as `catchment recode` writes an NHS file.
  /// The SEX rule has already been applied (the rows it set aside are not recoded).
  public func recoded(through crosswalk: Crosswalk) -> (table: UnitZoneTable, account: RunAccount) {
    var groupOfKey = [Int32](repeating: -1, count: units.count * 3)
    var groupUnit: [Int32] = [], groupSex: [UInt8] = []
    var rowGroup = [Int32](repeating: 0, count: rowUnit.count)
    for i in rowUnit.indices {
      let key = Int(rowUnit[i]) * 3 + Int(rowSex[i])
      if groupOfKey[key] < 0 {
        groupOfKey[key] = Int32(groupUnit.count)
        groupUnit.append(rowUnit[i])
        groupSex.append(rowSex[i])
      }
      rowGroup[i] = groupOfKey[key]
    }
    let recode = ZoneRecode(
      zones: zones, rowZone: rowZone, rowGroup: rowGroup, values: [rowCount], columnNames: ["patients"], crosswalk: crosswalk,
      integer: [true], unit: "patients", file: path)
    let (newZones, newRowZone) = Self.internTargets(recode)
    let table = UnitZoneTable(
      recoding: self, zones: newZones, rowUnit: recode.rowGroup.map { groupUnit[Int($0)] }, rowZone: newRowZone,
      rowCount: recode.values[0], rowSex: recode.rowGroup.map { groupSex[Int($0)] })
    return (table, recode.account)
  }

  /// The recode's target codes interned in the order of its rows (as a read of the written
  /// file numbers them), and each row's id.
  static func internTargets(_ recode: ZoneRecode) -> (CodeTable, [Int32]) {
    var codes = CodeTable()
    var idOfTarget = [Int32](repeating: -1, count: recode.targets.count)
    var rows = [Int32](repeating: 0, count: recode.rowTarget.count)
    for (r, t) in recode.rowTarget.enumerated() {
      if idOfTarget[Int(t)] < 0 { idOfTarget[Int(t)] = recode.targets.withBytes(of: t) { codes.intern($0) } }
      rows[r] = idOfTarget[Int(t)]
    }
    return (codes, rows)
  }
}

extension PopulationTable {
  /// The table re-keyed through `crosswalk` (see ``ZoneRecode``): values summed per target zone
  /// (and per breakdown the filter asks to add up), whole-number columns split by largest
  /// remainder.
  ///
  /// - Throws: the error of the first row whose value is not a valid amount, or the malformed
  ///   line that ended the read: a recode reads every row's value.
  public func recoded(through crosswalk: Crosswalk) throws -> (table: PopulationTable, account: RunAccount) {
    for row in rowValue.indices where rowValue[row].isNaN {
      if let error = error(ofRow: row) { throw error }
    }
    if let readFailure { throw readFailure }
    let groups = hasParts ? rowCode.indices.map { part(ofRow: $0) } : [Int32](repeating: 0, count: rowCode.count)
    let recode = ZoneRecode(
      zones: codes, rowZone: rowCode, rowGroup: groups, values: [rowValue], columnNames: [valueColumnName], crosswalk: crosswalk,
      unit: "population", file: path)
    let (newCodes, newRows) = UnitZoneTable.internTargets(recode)
    let table = PopulationTable(recoding: self, codes: newCodes, rowCode: newRows, rowValue: recode.values[0], rowPart: recode.rowGroup)
    return (table, recode.account)
  }
}

extension ActivityRows {
  /// The rows re-keyed through `crosswalk` (see ``ZoneRecode``): patients summed per (provider,
  /// target zone), whole numbers split by largest remainder. A total column (patients of all
  /// providers from the zone, repeated on each of its rows) is recoded per zone, not per row:
  /// total(t) = Σ over source zones z of z's total split over its targets, on every row of t.
  ///
  /// - Throws: ``RecodeError/sharesCannotBeSplit(file:column:)`` for a table of shares; the
  ///   first row's error whose value or total is not a number; the malformed line that ended
  ///   the read.
  public func recoded(through crosswalk: Crosswalk) throws -> (rows: ActivityRows, account: RunAccount) {
    if isShare, case .share(let column) = columns.measure { throw RecodeError.sharesCannotBeSplit(file: path, column: column) }
    for row in rowValue.indices {
      if let error = valueError(ofRow: row) ?? totalError(ofRow: row) { throw error }
    }
    if let readFailure { throw readFailure }
    let recode = ZoneRecode(
      zones: zones, rowZone: rowZone, rowGroup: rowProvider, values: [rowValue], columnNames: ["patients"], crosswalk: crosswalk,
      unit: "patients", file: path)
    var rowTotal = [Double](repeating: .nan, count: recode.rowTarget.count)
    if hasTotal {
      // One row per source zone (its first row's total), recoded alone.
      var first = [Int32](repeating: -1, count: zones.count)
      for (row, z) in rowZone.enumerated() where first[Int(z)] < 0 { first[Int(z)] = Int32(row) }
      let present = first.indices.filter { first[$0] >= 0 }
      let totals = ZoneRecode(
        zones: zones, rowZone: present.map { Int32($0) }, rowGroup: [Int32](repeating: 0, count: present.count),
        values: [present.map { self.rowTotal[Int(first[$0])] }], columnNames: ["total"], crosswalk: crosswalk, file: path)
      var totalOfTarget = [Double](repeating: .nan, count: totals.targets.count)
      for (r, t) in totals.rowTarget.enumerated() { totalOfTarget[Int(t)] = totals.values[0][r] }
      for (r, t) in recode.rowTarget.enumerated() { rowTotal[r] = totalOfTarget[Int(t)] }
    }
    let (newZones, newRows) = UnitZoneTable.internTargets(recode)
    let rows = ActivityRows(
      recoding: self, zones: newZones, rowZone: newRows, rowProvider: recode.rowGroup, rowValue: recode.values[0], rowTotal: rowTotal)
    return (rows, recode.account)
  }
}
