/// Draws where the patients living in each LSOA are registered, practice by practice.
///
/// For each LSOA the registered total is its population inflated by 5–10 % (list inflation).
/// Those patients split into: a few "tail" patients scattered over distant practices (people
/// who moved or study elsewhere), a cross-boundary share (3–9 %, up to 15 % more near the ends
/// of the sub-ICB's line) at the nearest practices of the neighbouring sub-ICB, and the rest at
/// the closest practices of the home sub-ICB. Practices also get rows for pseudo codes, Wales,
/// Scotland and English LSOAs outside the lookup. All arithmetic is integer.
struct RegistrationModel {
  /// Per-scale tuning.
  struct Tuning {
    /// How many home practices share an LSOA's patients.
    var homePractices: Int
    /// How many practices of the neighbouring sub-ICB share its cross-boundary patients.
    var crossPractices: Int
    /// Range of tail rows per LSOA.
    var tailRows: ClosedRange<Int>

    static func forScale(_ scale: DemoScale) -> Tuning {
      switch scale {
      case .demo: return Tuning(homePractices: 4, crossPractices: 2, tailRows: 1...3)
      case .national: return Tuning(homePractices: 9, crossPractices: 3, tailRows: 20...28)
      }
    }
  }

  /// Registrations of one practice: zone numbers (see `ZoneCodes`) and patient counts, in
  /// ascending zone order of the LSOAs followed by the extra codes.
  struct PracticeRows {
    var zones: [Int32] = []
    var counts: [Int32] = []
  }

  let rows: [PracticeRows]

  init(geography geo: DemoGeography, population: [Int], tuning: Tuning, rng: inout SplitMix64) {
    var rows = Array(repeating: PracticeRows(), count: geo.practices.count)
    var pending: [(practice: Int, count: Int)] = []
    let practicesByICB = geo.icbs.indices.map { icb in
      geo.practices.indices.filter { geo.subICBs[geo.practices[$0].subICB].icb == icb }
    }

    /// Adds `count` patients at `practice` to the LSOA being built, merging repeats.
    func add(_ practice: Int, _ count: Int) {
      guard count > 0 else { return }
      if let i = pending.firstIndex(where: { $0.practice == practice }) {
        pending[i].count += count
      } else {
        pending.append((practice, count))
      }
    }

    for (z, lsoa) in geo.lsoas.enumerated() {
      let sub = geo.subICBs[lsoa.subICB]
      let registered = population[z] * rng.int(in: 1_050...1_100) / 1_000
      var left = registered

      // Tail: 1–3 patients each at practices elsewhere in the ICB or anywhere.
      for _ in 0..<rng.int(in: tuning.tailRows) {
        let local = rng.chance(permille: 500)
        let practice =
          local ? rng.pick(practicesByICB[sub.icb]) : rng.below(geo.practices.count)
        let count = min(left, rng.chance(permille: 700) ? 1 : rng.int(in: 2...3))
        add(practice, count)
        left -= count
      }

      // Cross-boundary: more likely near the ends of the line, towards the neighbour there.
      let n = max(sub.lsoas.count, 1)
      let edgeDistance = min(lsoa.position, n - 1 - lsoa.position)
      let edgeZone = max(n / 6, 1)
      var crossPermille = rng.int(in: 30...90)
      if edgeDistance < edgeZone {
        crossPermille += 150 * (edgeZone - edgeDistance) / edgeZone
      }
      let towardsEnd = lsoa.position * 2 >= n
      let neighbour = towardsEnd ? sub.neighbours[sub.neighbours.count - 1] : sub.neighbours[0]
      if neighbour != lsoa.subICB, !geo.subICBs[neighbour].practices.isEmpty {
        let other = geo.subICBs[neighbour]
        // The neighbour's practices nearest the shared edge: its start if we are leaving from
        // our end, and vice versa.
        let edge = towardsEnd ? 0 : max(other.lsoas.count - 1, 0)
        let chosen = Self.nearest(other.practices, to: edge, in: geo, keep: tuning.crossPractices)
        let cross = min(left, registered * crossPermille / 1_000)
        let parts = Apportion.split(cross, weights: chosen.map { _ in rng.int(in: 20...100) })
        for (p, part) in zip(chosen, parts) { add(p, part) }
        left -= cross
      }

      // Home: the closest practices of the home sub-ICB, weighted by size over distance².
      let spread = max(n / max(sub.practices.count, 1), 2)
      let home = Self.nearest(sub.practices, to: lsoa.position, in: geo, keep: tuning.homePractices)
      let weights = home.map { p -> Int in
        let d = abs(geo.practices[p].centre - lsoa.position) * 10 / spread
        // A practice one spacing away still gets about half the pull of one on the doorstep.
        return geo.practices[p].sizePermille * 1_000 / (30 + d * d / 3)
      }
      for (p, part) in zip(home, Apportion.split(left, weights: weights)) { add(p, part) }

      for entry in pending where entry.count > 0 {
        rows[entry.practice].zones.append(Int32(z))
        rows[entry.practice].counts.append(Int32(entry.count))
      }
      pending.removeAll(keepingCapacity: true)
    }

    Self.addResidue(to: &rows, geography: geo, rng: &rng)
    self.rows = rows
  }

  /// The `keep` practices whose centres are closest to `position` (ties by practice order).
  private static func nearest(
    _ practices: [Int], to position: Int, in geo: DemoGeography, keep: Int
  ) -> [Int] {
    let sorted = practices.sorted { a, b in
      let da = abs(geo.practices[a].centre - position)
      let db = abs(geo.practices[b].centre - position)
      return da != db ? da < db : a < b
    }
    return Array(sorted.prefix(keep))
  }

  /// Adds the rows real extracts carry besides valid LSOAs: pseudo codes for a share of
  /// practices, and a handful of practices with patients in Wales, Scotland or English LSOAs
  /// outside the lookup. Selection by practice number keeps every kind present at both scales.
  private static func addResidue(
    to rows: inout [PracticeRows], geography geo: DemoGeography, rng: inout SplitMix64
  ) {
    let lsoaCount = geo.lsoas.count
    func zone(_ code: String) -> Int32 {
      Int32(lsoaCount + ZoneCodes.extras.firstIndex(of: code)!)
    }
    for p in rows.indices {
      var extra: [(Int32, Int)] = []
      if rng.chance(permille: 250) { extra.append((zone("CLOSED"), rng.int(in: 1...6))) }
      if rng.chance(permille: 400) { extra.append((zone("EMPTY"), rng.int(in: 1...12))) }
      if p % 17 == 3 { extra.append((zone("L99999999"), rng.int(in: 1...2))) }
      if p % 23 == 5 { extra.append((zone("M99999999"), 1)) }
      if p % 11 == 7 { extra.append((zone("W01000123"), rng.int(in: 1...9))) }
      if p % 13 == 2 { extra.append((zone("S01012345"), rng.int(in: 1...4))) }
      if p % 9 == 1 {
        extra.append((zone(ZoneCodes.outOfArea[p % 3]), rng.int(in: 2...25)))
      }
      if p % 9 == 1, p % 2 == 1 {
        extra.append((zone(ZoneCodes.outOfArea[(p + 1) % 3]), rng.int(in: 1...8)))
      }
      for (z, count) in extra {
        rows[p].zones.append(z)
        rows[p].counts.append(Int32(count))
      }
    }
  }
}
