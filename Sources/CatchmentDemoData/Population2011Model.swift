/// The mid-2020 resident population of the demo's LSOA 2011 zones, drawn from the 2021 zones'
/// mid-2022 populations through the bridge.
///
/// Each 2021 zone's residents are shared over its 2011 zones in proportion to the pairs'
/// weights (largest remainder: whole people, none lost): all of them for U and S rows, by drawn
/// density × strip width for M rows, by overlap area for X rows. A 2011 zone's count is the sum
/// of its shares times a drift factor drawn between 0.960 and 1.010 (two years earlier, mostly
/// fewer people), rounded half up. So an S zone is about the sum of its pieces, M pieces sum to
/// about their merged zone, and the 2011 table's total lies between 0.960 and 1.010 times the
/// 2021 table's.
enum Population2011Model {
  /// The drift factor's range, in per mille of the 2021-equivalent count.
  static let driftPermille = 960...1_010

  /// One count per zone of `bridge.zones`.
  static func draw(
    _ bridge: VintageBridge, population: [Int], rng: inout SplitMix64
  ) -> [Int] {
    var shares = Array(repeating: 0, count: bridge.zones.count)
    // Pairs are sorted by 2021 zone: each run of equal `lsoa` is one zone's split.
    var start = 0
    while start < bridge.pairs.count {
      var end = start
      while end < bridge.pairs.count, bridge.pairs[end].lsoa == bridge.pairs[start].lsoa { end += 1 }
      let run = bridge.pairs[start..<end]
      let parts = Apportion.split(population[run.first!.lsoa], weights: run.map(\.weight))
      for (pair, part) in zip(run, parts) { shares[pair.zone] += part }
      start = end
    }
    return shares.map { ($0 * rng.int(in: driftPermille) + 500) / 1_000 }
  }
}
