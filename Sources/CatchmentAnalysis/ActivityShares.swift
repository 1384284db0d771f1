import CatchmentCore
import CatchmentTables

/// Zone × provider shares from activity, by one of the activity methods of ``CatchmentMethod``.
public enum ActivityShares {
  /// Tolerance above 1 for a zone's share total before it counts as over-attributed.
  public static let overTolerance = 1e-9

  /// The shares of every zone of `zones` (the activity's universe, in the same order).
  ///
  /// A zone whose proportional shares sum to more than 1 + 10⁻⁹ (patients above the given total,
  /// or shares as given that add up to more than 1) is a loss: reported with its excess, and its
  /// shares scaled down to sum to 1 so that Σ catchments + UNATTRIBUTED = Σ population still holds.
  /// A zone with a total of 0, or no activity, has no entries: all of it is UNATTRIBUTED.
  /// Returns the shares with their account (the loss, and the warning of overlapping thresholds).
  public static func shares(
    activity: ActivityTable, zones: [String], method: CatchmentMethod
  ) -> (shares: ZoneProviderShares, account: RunAccount) {
    precondition(method.usesActivity, "an activity method")
    precondition(zones.count == activity.rows.count, "one activity row set per zone")
    let codes = activity.providers.codes
    var rowStart = [0]
    var provider: [Int32] = []
    var share: [Double] = []
    var over: [String: (rows: Int, amount: Double)] = [:]
    var multiple = 0
    for (z, row) in activity.rows.enumerated() {
      // 1. Proportional shares.
      var proportional: [(provider: Int32, share: Double)]
      if activity.isShare {
        proportional = row.map { ($0.provider, $0.value) }
      } else {
        var sum = 0.0
        for entry in row { sum += entry.value }
        let given = activity.totals[z]
        // A given total of 0 beside patients would drop them: count it as over-attribution below
        // (the shares then come from the rows' own sum).
        let denominator = given.isNaN || (given <= 0 && sum > 0) ? sum : given
        if !given.isNaN && given <= 0 && sum > 0 { over[zones[z]] = (1, sum) }
        proportional = denominator > 0 ? row.map { ($0.provider, $0.value / denominator) } : []
      }
      var total = 0.0
      for entry in proportional { total += entry.share }
      if total > 1 + overTolerance {
        over[zones[z]] = (1, total - 1)
        proportional = proportional.map { ($0.provider, $0.share / total) }
        total = 1
      }
      // 2. The method.
      var kept: [(provider: Int32, share: Double)]
      switch method {
      case .proportional:
        kept = proportional
      case .normalised:
        kept = total > 0 ? proportional.map { ($0.provider, $0.share / total) } : []
      case .firstPastThePost:
        let best = proportional.filter { $0.share > 0 }.min { a, b in
          a.share != b.share ? a.share > b.share : codes[Int(a.provider)].utf8.lexicographicallyPrecedes(codes[Int(b.provider)].utf8)
        }
        kept = best.map { [($0.provider, 1.0)] } ?? []
      case .threshold(let x):
        kept = proportional.filter { $0.share > 0 && $0.share >= x }.map { ($0.provider, 1.0) }
        if kept.count > 1 { multiple += 1 }
      case .minimumShare(let x):
        let survivors = proportional.filter { $0.share >= x }
        var left = 0.0
        for entry in survivors { left += entry.share }
        kept = left > 0 ? survivors.map { ($0.provider, $0.share * total / left) } : []
      case .nearest, .huff:
        kept = []
      }
      for entry in kept.sorted(by: { $0.provider < $1.provider }) where entry.share > 0 {
        provider.append(entry.provider)
        share.append(entry.share)
      }
      rowStart.append(provider.count)
    }
    var account = RunAccount()
    account.lose(Tally(reason: "zones whose activity shares add up to more than 1, or whose total is 0 beside patients (amount: the excess, or the patients; scaled to 1)", unit: "share", destination: "not counted", byCode: over))
    if multiple > 0 {
      account.warn("\(method): \(multiple) zones reach the threshold for more than one provider and count in full for each, so catchment populations overlap and add up to more than the population")
    }
    return (ZoneProviderShares(zones: zones, providers: codes, rowStart: rowStart, provider: provider, share: share), account)
  }
}
