import CatchmentCore
import CatchmentTables

/// Zone-keyed rows re-keyed through a crosswalk: the engine of `catchment recode` and of
/// `--recode` (registrations, populations, activity).
///
/// Each source row (zone z, group g, values v_c) becomes one row per crosswalk entry of z:
/// (target t, group g, v_c split over z's weights w(z,t)). Then the parts are summed per
/// (group, target):
///
///     out(g, t, c) = Σ over rows i of group g:  part_c(i, t)
///     part_c(i, t) = LR(v_c(i), w(z_i, ·))[t]   for an integer column (largest remainder)
///                  = v_c(i) · w(z_i, t)           for a fraction column
///
/// An integer column is one whose every value is a whole number (decided from the data unless
/// the caller says). Splitting each row by ``CatchmentCore/LargestRemainder`` keeps every part
/// whole and every row's total exact, hence each group's and the file's; fraction columns are
/// multiplied (their totals then agree to rounding, which is checked and reported).
/// A split that gives a target 0 in every column writes no part for it (a row of zeros keeps
/// its lowest target, so that it is still written).
///
/// Zone codes the crosswalk does not list pass through unchanged (the row keeps its code and
/// values), classified by ``CatchmentCore/ZoneCodeClassifier`` as the other commands do:
/// pseudo codes, zones of other nations and codes of other geographies are expected exclusions;
/// zone codes of the crosswalk's own kind that it lacks, blank and unrecognised codes are
/// losses (so `--strict` fails on them). A zone's ``CatchmentCore/Crosswalk/unallocated`` share
/// becomes a row with that code, reported as a loss.
///
/// **Order.** Output rows are grouped by group id (ascending: the callers number groups in
/// order of first appearance), targets in byte order within a group; parts of one (group,
/// target) are summed in file order, so the bytes out depend on the input alone.
///
/// Compact arrays throughout: zone look-ups once per distinct code, parts in flat arrays, a
/// counting sort by group and a small sort within each group; no `String` per row.
public struct ZoneRecode: Sendable {
  /// Target codes: the crosswalk's footprint codes (ids 0..<footprints.count, as in the
  /// crosswalk), then the codes passed through unchanged, in order of first appearance.
  public let targets: CodeTable
  /// Per output row: group id and target id.
  public let rowGroup: [Int32]
  public let rowTarget: [Int32]
  /// Per column, per output row.
  public let values: [[Double]]
  /// Per column: true when split by largest remainder (whole numbers), false when multiplied.
  public let integerColumns: [Bool]
  /// Per column: Σ over the input rows and over the output rows.
  public let totalsIn: [Double]
  public let totalsOut: [Double]
  /// Per output row: the first source row (in file order) that contributed to it.
  public let rowFirstSource: [Int32]
  /// What happened to the rows: passed-through codes, unallocated shares, totals.
  public let account: RunAccount

  /// Recodes the rows (`rowZone[i]` into `zones`, `rowGroup[i]`, `values[c][i]`).
  ///
  /// - Parameters:
  ///   - columnNames: the value columns' names, for the report.
  ///   - integer: per column, whether to split by largest remainder; nil decides from the data
  ///     (whole numbers in every row). A column given as integer must hold whole numbers.
  ///   - unit: what the first column counts, for the report's tallies (default: its name).
  ///   - file: the input, named by the account's tallies.
  public init(
    zones: CodeTable, rowZone: [Int32], rowGroup: [Int32], values: [[Double]], columnNames: [String],
    crosswalk: Crosswalk, integer: [Bool]? = nil, unit: String? = nil, file: String
  ) {
    let columns = values.count
    let rows = rowZone.count
    let integerColumns = integer ?? values.map { column in column.allSatisfy { $0 == $0.rounded(.towardZero) } }
    // Targets: the crosswalk's footprints keep their ids; codes passed through follow.
    var targets = CodeTable(minimumCapacity: crosswalk.footprints.count + 64)
    for f in 0..<Int32(crosswalk.footprints.count) { crosswalk.footprints.withBytes(of: f) { _ = targets.intern($0) } }
    let lookup = crosswalk.zoneLookup
    let classifier = ZoneCodeClassifier(entity: lookup.entity)
    // Per source code: crosswalk zone id ≥ 0, or −1 − (target id of the code passed through).
    var zoneMap = [Int32](repeating: 0, count: zones.count)
    for c in 0..<Int32(zones.count) {
      zoneMap[Int(c)] = zones.withBytes(of: c) { lookup.find($0) ?? -1 - targets.intern($0) }
    }
    var partGroup: [Int32] = [], partTarget: [Int32] = [], partSource: [Int32] = []
    var partValues: [Double] = []
    partGroup.reserveCapacity(rows)
    partTarget.reserveCapacity(rows)
    partSource.reserveCapacity(rows)
    partValues.reserveCapacity(rows * columns)
    var passedRows = [Int](repeating: 0, count: zones.count), passedAmount = [Double](repeating: 0, count: zones.count)
    var unallocatedRows = [Int](repeating: 0, count: zones.count), unallocatedAmount = [Double](repeating: 0, count: zones.count)
    let unallocated = crosswalk.unallocatedID ?? -1
    let widest = (0..<crosswalk.zones.count).map { crosswalk.entries(ofZone: Int32($0)).count }.max() ?? 1
    var scratch = [Int](repeating: 0, count: max(widest, 1))
    crosswalk.entryWeight.withUnsafeBufferPointer { weights in
      for i in 0..<rows {
        let source = rowZone[i]
        let z = zoneMap[Int(source)]
        if z < 0 {
          partGroup.append(rowGroup[i])
          partTarget.append(-1 - z)
          partSource.append(Int32(i))
          for c in 0..<columns { partValues.append(values[c][i]) }
          passedRows[Int(source)] += 1
          if columns > 0 { passedAmount[Int(source)] += values[0][i] }
          continue
        }
        let range = crosswalk.entries(ofZone: z)
        let base = partValues.count
        for e in range {
          partGroup.append(rowGroup[i])
          partTarget.append(crosswalk.entryFootprint[e])
          partSource.append(Int32(i))
          for c in 0..<columns { partValues.append(values[c][i]) }
        }
        if range.count > 1 {
          let w = UnsafeBufferPointer(rebasing: weights[range])
          for c in 0..<columns {
            if integerColumns[c] {
              scratch.withUnsafeMutableBufferPointer { parts in
                let p = UnsafeMutableBufferPointer(rebasing: parts[0..<range.count])
                LargestRemainder.split(Int(values[c][i]), weights: w, into: p)
                for k in 0..<range.count { partValues[base + k * columns + c] = Double(p[k]) }
              }
            } else {
              for k in 0..<range.count { partValues[base + k * columns + c] = values[c][i] * w[k] }
            }
          }
        }
        // A lone entry goes whole (its weight is 1 within the crosswalk's tolerance).
        for (k, e) in range.enumerated() where crosswalk.entryFootprint[e] == unallocated {
          unallocatedRows[Int(source)] += 1
          if columns > 0 { unallocatedAmount[Int(source)] += partValues[base + k * columns] }
        }
        if range.count > 1 { Self.dropEmptyParts(from: base, count: range.count, columns: columns, &partGroup, &partTarget, &partSource, &partValues) }
      }
    }
    // Order: by group (counting sort, stable), then target byte order, then file order.
    let rank = Self.ranks(of: targets)
    let groupCount = Int(rowGroup.max() ?? -1) + 1
    var start = [Int](repeating: 0, count: groupCount + 1)
    for g in partGroup { start[Int(g) + 1] += 1 }
    for g in 0..<groupCount { start[g + 1] += start[g] }
    var order = [Int32](repeating: 0, count: partGroup.count)
    var next = start
    for (p, g) in partGroup.enumerated() {
      order[next[Int(g)]] = Int32(p)
      next[Int(g)] += 1
    }
    for g in 0..<groupCount where start[g + 1] - start[g] > 1 {
      let slice = start[g]..<start[g + 1]
      let sorted = zip(order[slice], order[slice].dropFirst()).allSatisfy { a, b in rank[Int(partTarget[Int(a)])] <= rank[Int(partTarget[Int(b)])] }
      if !sorted {
        order[slice].sort { a, b in
          let ra = rank[Int(partTarget[Int(a)])], rb = rank[Int(partTarget[Int(b)])]
          return ra != rb ? ra < rb : a < b
        }
      }
    }
    // Sum the parts of each (group, target).
    var outGroup: [Int32] = [], outTarget: [Int32] = [], outFirst: [Int32] = []
    var out = [[Double]](repeating: [], count: columns)
    for p in order {
      let g = partGroup[Int(p)], t = partTarget[Int(p)]
      if let last = outGroup.indices.last, outGroup[last] == g, outTarget[last] == t {
        for c in 0..<columns { out[c][last] += partValues[Int(p) * columns + c] }
        continue
      }
      outGroup.append(g)
      outTarget.append(t)
      outFirst.append(partSource[Int(p)])
      for c in 0..<columns { out[c].append(partValues[Int(p) * columns + c]) }
    }
    let totalsIn = values.map { Self.sum($0) }
    let totalsOut = out.map { Self.sum($0) }
    self.targets = targets
    self.rowGroup = outGroup
    self.rowTarget = outTarget
    self.values = out
    self.integerColumns = integerColumns
    self.totalsIn = totalsIn
    self.totalsOut = totalsOut
    self.rowFirstSource = outFirst
    self.account = Self.account(
      zones: zones, zoneMap: zoneMap, classifier: classifier, passedRows: passedRows, passedAmount: passedAmount,
      unallocatedRows: unallocatedRows, unallocatedAmount: unallocatedAmount, columnNames: columnNames,
      integer: integerColumns, totalsIn: totalsIn, totalsOut: totalsOut, rowsIn: rows, rowsOut: outGroup.count,
      unit: unit ?? columnNames.first ?? "rows", file: file)
  }

  /// Removes the parts of one split row (the last `count`, from value index `base`) whose
  /// values are all 0: a target the split gives nothing gets no row. When every part is 0 (a
  /// row of zeros) the first (lowest target code) stays, so that the row is still written.
  static func dropEmptyParts(
    from base: Int, count: Int, columns: Int, _ group: inout [Int32], _ target: inout [Int32], _ source: inout [Int32], _ values: inout [Double]
  ) {
    let first = group.count - count
    let allEmpty = (0..<(count * columns)).allSatisfy { values[base + $0] == 0 }
    var kept = first
    for k in 0..<count {
      let at = base + k * columns
      let empty = (0..<columns).allSatisfy { values[at + $0] == 0 }
      if allEmpty ? k > 0 : empty { continue }
      if kept != first + k {
        group[kept] = group[first + k]
        target[kept] = target[first + k]
        source[kept] = source[first + k]
        for c in 0..<columns { values[base + (kept - first) * columns + c] = values[at + c] }
      }
      kept += 1
    }
    group.removeLast(first + count - kept)
    target.removeLast(first + count - kept)
    source.removeLast(first + count - kept)
    values.removeLast((first + count - kept) * columns)
  }

  /// Each target id's position in the byte order of the codes.
  static func ranks(of targets: CodeTable) -> [Int32] {
    var rank = [Int32](repeating: 0, count: targets.count)
    for (position, id) in targets.idsInByteOrder().enumerated() { rank[Int(id)] = Int32(position) }
    return rank
  }

  /// Σ in index order (the same order every run).
  static func sum(_ values: [Double]) -> Double {
    var total = 0.0
    for v in values { total += v }
    return total
  }
}
