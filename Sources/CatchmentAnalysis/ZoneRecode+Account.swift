import CatchmentCore
import CatchmentTables

extension ZoneRecode {
  /// The destination of codes passed through, in the report.
  static let passedThrough = "passed through unchanged"

  /// The recode's account: codes passed through by class (exclusions or losses, as every
  /// command classes them), shares sent to UNALLOCATED (a loss), which columns were split as
  /// whole numbers, and the totals in and out per column (a warning when they differ).
  static func account(
    zones: CodeTable, zoneMap: [Int32], classifier: ZoneCodeClassifier, passedRows: [Int], passedAmount: [Double],
    unallocatedRows: [Int], unallocatedAmount: [Double], columnNames: [String], integer: [Bool],
    totalsIn: [Double], totalsOut: [Double], rowsIn: Int, rowsOut: Int, unit: String, file: String
  ) -> RunAccount {
    var account = RunAccount()
    var byKind: [ZoneCodeKind: [String: (rows: Int, amount: Double)]] = [:]
    var unallocated: [String: (rows: Int, amount: Double)] = [:]
    for c in 0..<Int32(zones.count) {
      let code = zones.code(c)
      if zoneMap[Int(c)] < 0 && passedRows[Int(c)] > 0 {
        byKind[classifier.classify(code), default: [:]][code.isEmpty ? "(blank)" : code] = (passedRows[Int(c)], passedAmount[Int(c)])
      }
      if unallocatedRows[Int(c)] > 0 { unallocated[code] = (unallocatedRows[Int(c)], unallocatedAmount[Int(c)]) }
    }
    let expected: [(ZoneCodeKind, String)] = [
      (.pseudo, "pseudo codes (not recoded)"),
      (.otherNation, "zones of another nation (not recoded)"),
      (.otherEntity, "codes of another geography (not \(classifier.entity ?? "the crosswalk's") zones; not recoded)"),
    ]
    let lost: [(ZoneCodeKind, String)] = [
      (.sameEntity, "zone codes the recode's crosswalk does not know"),
      (.unrecognised, "unrecognised codes (not recoded)"),
      (.blank, "rows with a blank zone code (not recoded)"),
    ]
    for (kind, reason) in expected {
      account.exclude(Tally(reason: reason, unit: unit, destination: passedThrough, byCode: byKind[kind] ?? [:]))
    }
    for (kind, reason) in lost {
      account.lose(Tally(reason: reason, unit: unit, destination: passedThrough, byCode: byKind[kind] ?? [:]))
    }
    account.lose(
      Tally(
        reason: "shares the recode's crosswalk leaves unallocated", unit: unit, destination: "zone \(Crosswalk.unallocated)",
        byCode: unallocated))
    account.attribute(to: file)
    let wholes = columnNames.indices.filter { integer[$0] }.map { columnNames[$0] }
    let fractions = columnNames.indices.filter { !integer[$0] }.map { columnNames[$0] }
    if !wholes.isEmpty {
      account.note("recode: whole-number columns, split per row by largest remainder (totals kept exactly): \(wholes.joined(separator: ", "))")
    }
    if !fractions.isEmpty {
      account.note("recode: fraction columns, multiplied by the crosswalk's weights: \(fractions.joined(separator: ", "))")
    }
    account.figure("recode: rows in", Double(rowsIn))
    account.figure("recode: rows out", Double(rowsOut))
    for c in columnNames.indices {
      account.figure("recode: \(columnNames[c]) in", totalsIn[c])
      account.figure("recode: \(columnNames[c]) out", totalsOut[c])
      let differs = integer[c] ? totalsIn[c] != totalsOut[c] : abs(totalsIn[c] - totalsOut[c]) > 1e-9 * max(1, abs(totalsIn[c]))
      if differs {
        account.warn("recode: \(columnNames[c]): the total out (\(NumberFormat.exact(totalsOut[c]))) differs from the total in (\(NumberFormat.exact(totalsIn[c])))")
      }
    }
    return account
  }
}
