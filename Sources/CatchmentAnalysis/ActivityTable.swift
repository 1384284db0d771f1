import CatchmentCore
import CatchmentTables

/// Activity by zone of residence and provider: patients, or shares already computed, summed over
/// the rows that survive the filters.
///
/// Zones are those of a given universe (the population's zones, or a crosswalk's). A row whose
/// zone is not in it, a negative value and a blank provider are losses, reported with their codes
/// and amounts; rows removed by `--where` are counted as skipped by rule.
public struct ActivityTable: Sendable {
  /// Provider codes, interned in order of first appearance.
  public let providers: CodeTable
  /// Per zone (of the universe): the (provider, value) pairs, providers ascending.
  public let rows: [[(provider: Int32, value: Double)]]
  /// Per zone: the given total (`--activity-total`), NaN when not given or no row.
  public let totals: [Double]
  /// True when values are shares (`--activity-share`), false for patient counts.
  public let isShare: Bool

  /// Reads `path` against the zones that `lookup` finds (`zoneCount` of them): a read of the
  /// rows (``CatchmentCore/ActivityRows``) and their join (``join(_:lookup:zoneCount:)``), with its account.
  ///
  /// - Throws: ``TableError`` for a missing file or column, or a value that is not a number or
  ///   is larger than ``CatchmentTables/Quantity/amountLimit`` in size.
  public static func read(
    path: String, columns: ActivityColumns, lookup: ZoneLookup, zoneCount: Int
  ) throws -> (table: ActivityTable, account: RunAccount) {
    try join(ActivityRows(path: path, columns: columns), lookup: lookup, zoneCount: zoneCount)
  }

  /// The activity of `rows` (read once) for the zones that `lookup` finds (`zoneCount` of them),
  /// with the account a read against those zones gives, and the same errors.
  ///
  /// Through a zone index: each zone code of the table is looked up once; the rows are then
  /// visited in file order, so sums, provider ids and the first error are those of a direct read.
  public static func join(_ rows: ActivityRows, lookup: ZoneLookup, zoneCount: Int) throws -> (table: ActivityTable, account: RunAccount) {
    let path = rows.path
    let isShare = rows.isShare
    let classifier = ZoneCodeClassifier(entity: lookup.entity)
    let unit = isShare ? "share" : "patients"
    let zoneOfCode = (0..<Int32(rows.zones.count)).map { c in rows.zones.withBytes(of: c) { lookup.find($0) } }
    let zoneCodes = rows.zones.codes
    let providerCodes = rows.providers.codes

    var providers = CodeTable()
    var providerOfCode = [Int32?](repeating: nil, count: providerCodes.count)
    var sums: [[Int32: Double]] = Array(repeating: [:], count: zoneCount)
    var rowCounts: [[Int32: Int]] = Array(repeating: [:], count: zoneCount)
    var totals = [Double](repeating: .nan, count: zoneCount)
    var totalConflicts: [String: (rows: Int, amount: Double)] = [:]
    var unknownZones: [String: (rows: Int, amount: Double)] = [:]
    var outsideZones: [String: (rows: Int, amount: Double)] = [:]
    var negative: [String: (rows: Int, amount: Double)] = [:]
    var blankProvider: [String: (rows: Int, amount: Double)] = [:]
    var summary = rows.summary
    for row in rows.rowZone.indices {
      if let error = rows.valueError(ofRow: row) { throw error }
      let value = rows.rowValue[row]
      let zoneCode = zoneCodes[Int(rows.rowZone[row])]
      guard let zone = zoneOfCode[Int(rows.rowZone[row])] else {
        let kind = classifier.classify(zoneCode)
        // Other nations and pseudo codes are outside the study, as in every command.
        if kind == .otherNation || kind == .pseudo {
          outsideZones["\(zoneCode) (\(kind.description))", default: (0, 0)].rows += 1
          outsideZones["\(zoneCode) (\(kind.description))", default: (0, 0)].amount += value
          summary.rowsExcluded += 1
          continue
        }
        let label = "\(zoneCode.isEmpty ? "(blank)" : zoneCode) (\(kind == .sameEntity ? "unknown zone" : kind.description))"
        unknownZones[label, default: (0, 0)].rows += 1
        unknownZones[label, default: (0, 0)].amount += value
        summary.rowsLost += 1
        continue
      }
      let providerCode = providerCodes[Int(rows.rowProvider[row])]
      guard !providerCode.isEmpty else {
        blankProvider[zoneCode, default: (0, 0)].rows += 1
        blankProvider[zoneCode, default: (0, 0)].amount += value
        summary.rowsLost += 1
        continue
      }
      guard value >= 0 else {
        negative["\(zoneCode) \(providerCode)", default: (0, 0)].rows += 1
        negative["\(zoneCode) \(providerCode)", default: (0, 0)].amount += value
        summary.rowsLost += 1
        continue
      }
      let provider: Int32
      if let known = providerOfCode[Int(rows.rowProvider[row])] {
        provider = known
      } else {
        provider = providers.intern(providerCode)
        providerOfCode[Int(rows.rowProvider[row])] = provider
      }
      sums[Int(zone)][provider, default: 0] += value
      rowCounts[Int(zone)][provider, default: 0] += 1
      if rows.hasTotal {
        if let error = rows.totalError(ofRow: row) { throw error }
        let total = rows.rowTotal[row]
        if totals[Int(zone)].isNaN {
          totals[Int(zone)] = total
        } else if totals[Int(zone)] != total {
          totalConflicts[zoneCode, default: (0, 0)].rows += 1
          totals[Int(zone)] = max(totals[Int(zone)], total)
          totalConflicts[zoneCode, default: (0, 0)].amount = totals[Int(zone)]
        }
      }
      summary.rowsCounted += 1
    }
    if let failure = rows.readFailure { throw failure }
    var account = RunAccount()
    account.add(summary)
    account.lose(Tally(reason: "activity rows whose zone is not one of the zones (of the population table, or of the crosswalk when given; kind in brackets)", unit: unit, destination: "not counted", byCode: unknownZones))
    account.exclude(Tally(reason: "activity rows of zones in another nation or with a pseudo code (kind in brackets)", unit: unit, destination: "not counted", byCode: outsideZones))
    account.lose(Tally(reason: "activity rows with a negative value", unit: unit, destination: "not counted", byCode: negative))
    account.lose(Tally(reason: "activity rows with a blank provider", unit: unit, destination: "not counted", byCode: blankProvider))
    if !totalConflicts.isEmpty {
      account.warn(
        "\(totalConflicts.count) zones have different totals on different rows of \(path) (the largest is used; if the file stacks years or admission types, keep one with a row filter, column = value)",
        codes: totalConflicts.keys.sorted())
    }
    let repeated = rowCounts.reduce(0) { $0 + $1.values.filter { $0 > 1 }.count }
    if repeated > 0 {
      account.warn(
        "\(repeated) zone × provider pairs have several rows in \(path) and their values were summed; if the file stacks years or admission types, keep one set with a row filter, column = value (e.g. catchment_year=2019)")
    }
    let rows = sums.map { byProvider in byProvider.sorted { $0.key < $1.key }.map { (provider: $0.key, value: $0.value) } }
    account.attribute(to: path)
    return (ActivityTable(providers: providers, rows: rows, totals: totals, isShare: isShare), account)
  }
}
