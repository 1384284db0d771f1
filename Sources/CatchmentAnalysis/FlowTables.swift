import CatchmentCore
import CatchmentTables

/// The CSV tables written from a ``FlowMatrix``.
///
/// Orders are fixed: footprint codes in byte order with `UNALLOCATED` last, so the same input
/// always gives the same bytes.
extension FlowMatrix {
  /// Indices of `codes` in output order: byte order, ``Crosswalk/unallocated`` last.
  static func outputOrder(_ codes: [String]) -> [Int] {
    codes.indices.sorted { i, j in
      let ui = codes[i] == Crosswalk.unallocated, uj = codes[j] == Crosswalk.unallocated
      if ui != uj { return uj }
      return CrosswalkBuilder.byteOrder(codes[i], codes[j])
    }
  }

  /// Row totals Σb F[a][b] by residence index.
  ///
  /// Sums run over cells in key order, never dictionary order, so that fractional totals are
  /// the same bytes on every run.
  public var rowTotals: [Double] {
    var totals = [Double](repeating: 0, count: residenceCodes.count)
    for key in cells.keys.sorted() { totals[Int(key >> 32)] += cells[key]! }
    return totals
  }

  /// Column totals Σa F[a][b] by registration index, summed in key order.
  public var columnTotals: [Double] {
    var totals = [Double](repeating: 0, count: registrationCodes.count)
    for key in cells.keys.sorted() { totals[Int(key & 0xFFFF_FFFF)] += cells[key]! }
    return totals
  }

  /// Every patient in the table, Σa,b F[a][b] (UNALLOCATED rows and columns included): the sum
  /// of ``columnTotals`` in registration order. Equals the patients counted, since every
  /// patient ends in a cell.
  public var tableTotal: Double { columnTotals.reduce(0, +) }

  /// Footprint names by code, from both sides: the crosswalk's names first, the practice map's
  /// for codes the crosswalk leaves unnamed (the same code is the same footprint).
  public var footprintNamesByCode: [String: String] {
    var names: [String: String] = [:]
    for (code, name) in zip(residenceCodes, residenceNames) where !name.isEmpty && names[code] == nil { names[code] = name }
    for (code, name) in zip(registrationCodes, registrationNames) where !name.isEmpty && names[code] == nil { names[code] = name }
    return names
  }

  /// Long table `residence_footprint,registration_footprint,patients`, non-zero cells only;
  /// with `residence_footprint_name` and `registration_footprint_name` after their codes when
  /// any footprint has a name.
  public func longCSV(countName: String = "patients", numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let names = footprintNamesByCode, named = !names.isEmpty
    let header = named
      ? ["residence_footprint", "residence_footprint_name", "registration_footprint", "registration_footprint_name", countName]
      : ["residence_footprint", "registration_footprint", countName]
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    let rowRank = Self.ranks(residenceCodes), columnRank = Self.ranks(registrationCodes)
    let ordered = cells.filter { $0.value != 0 }.map { (key: $0.key, a: Int($0.key >> 32), b: Int($0.key & 0xFFFF_FFFF)) }
      .sorted { (rowRank[$0.a], columnRank[$0.b]) < (rowRank[$1.a], columnRank[$1.b]) }
    for cell in ordered {
      let a = residenceCodes[cell.a], b = registrationCodes[cell.b], value = numbers.people(cells[cell.key]!)
      out.append(named ? [a, names[a] ?? "", b, names[b] ?? "", value] : [a, b, value])
    }
    return out
  }

  /// Position of each code in output order.
  static func ranks(_ codes: [String]) -> [Int] {
    var rank = [Int](repeating: 0, count: codes.count)
    for (position, index) in outputOrder(codes).enumerated() { rank[index] = position }
    return rank
  }

  /// Wide table: one row per residence footprint with a non-zero total, one column per
  /// registration footprint with a non-zero total, plus `total` row and column. When any
  /// footprint has a name, a second column `residence_footprint_name` names the rows (the
  /// column headers stay codes, so the body stays a numeric matrix: pandas reads it with
  /// `index_col=[0, 1]`). Totals are summed exactly, then rounded.
  public func matrixCSV(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let rowTotals = self.rowTotals, columnTotals = self.columnTotals
    let names = footprintNamesByCode, named = !names.isEmpty
    let rows = Self.outputOrder(residenceCodes).filter { rowTotals[$0] != 0 }
    let columns = Self.outputOrder(registrationCodes).filter { columnTotals[$0] != 0 }
    var out = CSVWriter(
      header: ["residence_footprint"] + (named ? ["residence_footprint_name"] : []) + columns.map { registrationCodes[$0] } + ["total"],
      byteOrderMark: byteOrderMark)
    for a in rows {
      let label = [residenceCodes[a]] + (named ? [names[residenceCodes[a]] ?? ""] : [])
      out.append(label + columns.map { numbers.people(flow(a, $0)) } + [numbers.people(rowTotals[a])])
    }
    var grand = 0.0
    for b in columns { grand += columnTotals[b] }
    out.append(["total"] + (named ? [""] : []) + columns.map { numbers.people(columnTotals[$0]) } + [numbers.people(grand)])
    return out
  }

  /// Per unit (practice): its list split over residence footprints, with shares of the list.
  ///
  /// Columns `practice_code,practice_name,registration_footprint,residence_footprint,patients,share`;
  /// rows by practice code, then residence footprint (UNALLOCATED last). Needs
  /// `keepUnitBreakdown`.
  /// With footprint names known, `registration_footprint_name` and `residence_footprint_name`
  /// follow their codes.
  public func unitCSV(numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let names = footprintNamesByCode, named = !names.isEmpty
    var out = CSVWriter(
      header: named
        ? ["practice_code", "practice_name", "registration_footprint", "registration_footprint_name", "residence_footprint", "residence_footprint_name", "patients", "share"]
        : ["practice_code", "practice_name", "registration_footprint", "residence_footprint", "patients", "share"],
      byteOrderMark: byteOrderMark)
    var byUnit = [[(Int, Double)]](repeating: [], count: unitCodes.count)
    for (key, value) in unitResidence where value != 0 {
      byUnit[Int(key >> 32)].append((Int(key & 0xFFFF_FFFF), value))
    }
    let rank = Self.ranks(residenceCodes)
    for u in Self.outputOrder(unitCodes) {
      let parts = byUnit[u].sorted { rank[$0.0] < rank[$1.0] }
      var list = 0.0
      for (_, v) in parts { list += v }
      for (a, v) in parts {
        let b = registrationCodes[Int(unitRegistration[u])], r = residenceCodes[a]
        let footprints = named ? [b, names[b] ?? "", r, names[r] ?? ""] : [b, r]
        out.append([unitCodes[u], unitNames[u]] + footprints + [numbers.people(v), numbers.ratio(v / list)])
      }
    }
    return out
  }
}
