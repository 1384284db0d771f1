/// Adjacent regions merged pair by pair down to a number of regions, by the strength of their tie.
///
/// Merging by raw gain in internal flow builds giants (a region's gain grows with its size), so the
/// pair merged is the one with the strongest tie in the ONS travel-to-work sense,
/// T = F_ab² / (R_a·W_b) + F_ba² / (R_b·W_a) (F_ab: flow from residents of a to units in b; R: residents'
/// flow; W: flow into the units), which favours pairs that matter to each other whatever their size.
/// While a region is below the minimum population only pairs holding one are merged (the smallest such
/// region first in the tie order); pairs whose population would exceed the maximum are never merged
/// unless no other pair is left (the summary then reports the region). Ties: the pair with the lower
/// labels.
struct Agglomeration {
  var state: RegionState
  /// Shared boundary between adjacent regions (keys: neighbour labels).
  var shared: [[Int32: Double]]
  /// Flow from the residents of region r to the units of region s.
  var flowTo: [[Int32: Double]]
  var alive: [Bool]
  var members: [[Int32]]
  var regions: Int

  init(_ state: RegionState, _ nb: Neighbours) {
    self.state = state
    let count = state.count
    shared = Array(repeating: [:], count: count)
    flowTo = Array(repeating: [:], count: count)
    members = Array(repeating: [], count: count)
    let graph = state.graph
    for z in 0..<graph.zoneCount {
      let r = state.label[z]
      members[Int(r)].append(Int32(z))
      for k in nb.range(z) {
        let s = state.label[Int(nb.zone[k])]
        if s != r { shared[Int(r)][s, default: 0] += nb.shared[k] }
      }
      for k in Int(graph.outStart[z])..<Int(graph.outStart[z + 1]) {
        let s = state.label[Int(graph.outZone[k])]
        if s != r { flowTo[Int(r)][s, default: 0] += graph.outFlow[k] }
      }
    }
    alive = (0..<count).map { state.size[$0] > 0 }
    regions = alive.filter { $0 }.count
  }

  /// T between a and b (see the type's comment).
  func tie(_ a: Int32, _ b: Int32) -> Double {
    let fab = flowTo[Int(a)][b] ?? 0
    let fba = flowTo[Int(b)][a] ?? 0
    var t = 0.0
    let d1 = state.resident[Int(a)] * state.inflow[Int(b)]
    if d1 > 0 { t += fab * fab / d1 }
    let d2 = state.resident[Int(b)] * state.inflow[Int(a)]
    if d2 > 0 { t += fba * fba / d2 }
    return t
  }

  /// The pair to merge next, or nil when no region has a neighbour.
  func nextPair(minPopulation: Double?, maxPopulation: Double?) -> (Int32, Int32)? {
    let anySmall = minPopulation.map { m in (0..<alive.count).contains { alive[$0] && state.population[$0] < m } } ?? false
    var best: (a: Int32, b: Int32, fits: Bool, t: Double, pop: Double)? = nil
    for a in 0..<alive.count where alive[a] {
      let aSmall = minPopulation.map { state.population[a] < $0 } ?? false
      for (b, _) in shared[a] where Int(b) > a {
        if anySmall && !aSmall && !(minPopulation.map { state.population[Int(b)] < $0 } ?? false) { continue }
        let pop = state.population[a] + state.population[Int(b)]
        let fits = maxPopulation.map { pop <= $0 } ?? true
        let t = tie(Int32(a), b)
        if let c = best {
          // Fitting pairs first, then the strongest tie, then (for pairs that do not fit) the smallest
          // result, then labels.
          if c.fits && !fits { continue }
          if c.fits == fits {
            if fits {
              if t < c.t || (t == c.t && (Int32(a), b) > (c.a, c.b)) { continue }
            } else if pop > c.pop || (pop == c.pop && (Int32(a), b) > (c.a, c.b)) {
              continue
            }
          }
        }
        best = (Int32(a), b, fits, t, pop)
      }
    }
    return best.map { ($0.a, $0.b) }
  }

  /// Merges b into a (a keeps its label).
  mutating func merge(_ a: Int32, _ b: Int32) {
    let ai = Int(a), bi = Int(b)
    for (s, v) in shared[bi] where s != a {
      shared[ai][s, default: 0] += v
      shared[Int(s)][a, default: 0] += v
      shared[Int(s)][b] = nil
    }
    shared[ai][b] = nil
    shared[bi] = [:]
    let internalAB = (flowTo[ai][b] ?? 0) + (flowTo[bi][a] ?? 0)
    for (s, v) in flowTo[bi] where s != a { flowTo[ai][s, default: 0] += v }
    flowTo[ai][b] = nil
    flowTo[bi] = [:]
    for r in 0..<alive.count where alive[r] && r != ai && r != bi {
      if let v = flowTo[r][b] {
        flowTo[r][a, default: 0] += v
        flowTo[r][b] = nil
      }
    }
    state.population[ai] += state.population[bi]
    state.resident[ai] += state.resident[bi]
    state.inflow[ai] += state.inflow[bi]
    state.internalFlow[ai] += state.internalFlow[bi] + internalAB
    state.size[ai] += state.size[bi]
    state.population[bi] = 0
    state.resident[bi] = 0
    state.inflow[bi] = 0
    state.internalFlow[bi] = 0
    state.size[bi] = 0
    for z in members[bi] { state.label[Int(z)] = a }
    members[ai].append(contentsOf: members[bi])
    members[bi] = []
    alive[bi] = false
    regions -= 1
  }

  /// Merges down to each K of `targets` (descending order is not required), calling `snapshot` at each.
  mutating func run(
    downTo k: Int, minPopulation: Double?, maxPopulation: Double?, snapshot: (Int, RegionState) -> Void = { _, _ in }
  ) {
    snapshot(regions, state)
    while regions > k, let (a, b) = nextPair(minPopulation: minPopulation, maxPopulation: maxPopulation) {
      merge(a, b)
      snapshot(regions, state)
    }
  }
}
