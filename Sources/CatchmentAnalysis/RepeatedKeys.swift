import CatchmentCore
import CatchmentTables

/// Finds the rows of a count table that repeat a (unit, zone, SEX) key of an earlier row.
///
/// NHS registration files have one row per practice, zone and SEX value; a second row with the
/// same three (a file concatenated with itself, two extracts stacked) is summed with the first,
/// which double-counts. The rows are still counted, as before, but reported so that `--strict`
/// can refuse the run.
enum RepeatedKeys {
  /// The repeated rows as a tally: rows = how many rows repeat an earlier key, amount = their
  /// counts, codes `UNIT ZONE SEX`.
  ///
  /// Zone ids 0..<`knownZones` are crosswalk zones (named by `zoneCode`), −(k+1) unknown code k. SEX classes: 0 ALL, 1 MALE,
  /// 2 FEMALE.
  ///
  /// - Complexity: O(rows + units + zones). Rows are visited unit by unit; when each unit's rows
  ///   are contiguous (NHS files are sorted by practice) in file order, else after a counting
  ///   sort by unit. A stamp per (zone, SEX) slot holds the last unit that used it.
  static func tally(
    rowUnit: [Int32], rowZone: [Int32], rowSex: [UInt8], rowCount: [Double], units: CodeTable, unknownZones: CodeTable,
    file: String, knownZones: Int, zoneCode: (Int32) -> String
  ) -> Tally {
    let reason = "registration rows repeating a (practice, zone, SEX) of an earlier row of \(file) (counted again: summed with it)"
    var tally = Tally(reason: reason, unit: "patients")
    guard rowUnit.count > 1 else { return tally }
    let slots = (knownZones + unknownZones.count) * 3
    @inline(__always) func slot(_ i: Int) -> Int {
      let z = rowZone[i]
      return (z >= 0 ? Int(z) : knownZones + Int(-1 - z)) * 3 + Int(rowSex[i])
    }
    var stamp = [Int32](repeating: -1, count: slots)
    var repeated: [Int] = []
    // Contiguous units: one pass in file order (the hot case: 1.2 million rows nationally, so
    // the arrays are read through unchecked pointers; every index is in range by construction).
    var seen = [Bool](repeating: false, count: units.count)
    var contiguous = true
    rowUnit.withUnsafeBufferPointer { units in
      rowZone.withUnsafeBufferPointer { zones in
        rowSex.withUnsafeBufferPointer { sexes in
          stamp.withUnsafeMutableBufferPointer { stamp in
            seen.withUnsafeMutableBufferPointer { seen in
              var current: Int32 = -1
              for i in 0..<units.count {
                let u = units[i]
                if u != current {
                  if seen[Int(u)] {
                    contiguous = false
                    return
                  }
                  seen[Int(u)] = true
                  current = u
                }
                let z = zones[i]
                let s = (z >= 0 ? Int(z) : knownZones + Int(-1 - z)) * 3 + Int(sexes[i])
                if stamp[s] == u { repeated.append(i) } else { stamp[s] = u }
              }
            }
          }
        }
      }
    }
    if !contiguous {
      repeated.removeAll()
      for k in stamp.indices { stamp[k] = -1 }
      var start = [Int](repeating: 0, count: units.count + 1)
      for u in rowUnit { start[Int(u) + 1] += 1 }
      for u in 0..<units.count { start[u + 1] += start[u] }
      var order = [Int32](repeating: 0, count: rowUnit.count)
      var fill = start
      for i in rowUnit.indices {
        let u = Int(rowUnit[i])
        order[fill[u]] = Int32(i)
        fill[u] += 1
      }
      for u in 0..<units.count {
        for k in start[u]..<start[u + 1] {
          let i = Int(order[k]), s = slot(i)
          if stamp[s] == Int32(u) { repeated.append(i) } else { stamp[s] = Int32(u) }
        }
      }
      repeated.sort()
    }
    guard !repeated.isEmpty else { return tally }
    let sexNames = ["ALL", "MALE", "FEMALE"]
    var byCode: [String: (rows: Int, amount: Double)] = [:]
    for i in repeated {
      let z = rowZone[i]
      let zone = z >= 0 ? zoneCode(z) : unknownZones.code(-1 - z)
      let code = "\(units.code(rowUnit[i])) \(zone) \(sexNames[Int(rowSex[i])])"
      byCode[code, default: (0, 0)].rows += 1
      byCode[code, default: (0, 0)].amount += rowCount[i]
    }
    tally = Tally(reason: reason, unit: "patients", destination: "counted twice", byCode: byCode)
    return tally
  }
}
