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
  /// How the pair to merge is chosen among those allowed.
  enum Criterion: CaseIterable {
    /// The ONS tie strength T.
    case tie
    /// The gain in directed modularity, (F_ab + F_ba) / F − (R_a·W_b + R_b·W_a) / F² (F: all flow).
    case modularity
  }
  var criterion: Criterion = .tie
  var state: RegionState
  /// Shared boundary between adjacent regions (keys: neighbour labels).
  var shared: [[Int32: Double]]
  /// Flow from the residents of region r to the units of region s.
  var flowTo: [[Int32: Double]]
  var alive: [Bool]
  var members: [[Int32]]
  /// Flow from the residents of region s into the units of region r, by r (the reverse of `flowTo`).
  var flowFrom: [[Int32: Double]]
  /// Each region's best pair (``bestPair(of:maxPopulation:)``), kept up to date by ``merge(_:_:maxPopulation:)``.
  var bestOf: [Candidate?] = []
  var regions: Int

  init(_ state: RegionState, _ nb: Neighbours, criterion: Criterion = .tie) {
    self.criterion = criterion
    self.state = state
    let count = state.count
    shared = Array(repeating: [:], count: count)
    flowTo = Array(repeating: [:], count: count)
    flowFrom = flowTo
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
        if s != r {
          flowTo[Int(r)][s, default: 0] += graph.outFlow[k]
          flowFrom[Int(s)][r, default: 0] += graph.outFlow[k]
        }
      }
    }
    alive = (0..<count).map { state.size[$0] > 0 }
    regions = alive.filter { $0 }.count
  }

  /// T between a and b (see the type's comment), or the modularity gain.
  func tie(_ a: Int32, _ b: Int32) -> Double {
    let fab = flowTo[Int(a)][b] ?? 0
    let fba = flowTo[Int(b)][a] ?? 0
    if criterion == .modularity {
      let total = max(state.graph.totalFlow, .leastNormalMagnitude)
      let expected = state.resident[Int(a)] * state.inflow[Int(b)] + state.resident[Int(b)] * state.inflow[Int(a)]
      return (fab + fba) / total - expected / (total * total)
    }
    var t = 0.0
    let d1 = state.resident[Int(a)] * state.inflow[Int(b)]
    if d1 > 0 { t += fab * fab / d1 }
    let d2 = state.resident[Int(b)] * state.inflow[Int(a)]
    if d2 > 0 { t += fba * fba / d2 }
    return t
  }

  /// A pair that may be merged, with what orders it: fitting pairs first, then the strongest tie, then
  /// (for pairs that do not fit) the smallest result, then labels.
  struct Candidate {
    var lo: Int32, hi: Int32, fits: Bool, t: Double, pop: Double

    func beats(_ c: Candidate) -> Bool {
      if fits != c.fits { return fits }
      if fits, t != c.t { return t > c.t }
      if !fits, pop != c.pop { return pop < c.pop }
      return (lo, hi) < (c.lo, c.hi)
    }
  }

  /// The best pair holding region a, or nil when a has no neighbour.
  func bestPair(of a: Int, maxPopulation: Double?) -> Candidate? {
    var best: Candidate? = nil
    for (b, _) in shared[a] {
      let lo = min(Int32(a), b), hi = max(Int32(a), b)
      let pop = state.population[a] + state.population[Int(b)]
      let c = Candidate(
        lo: lo, hi: hi, fits: maxPopulation.map { pop <= $0 } ?? true, t: tie(lo, hi), pop: pop)
      if best == nil || c.beats(best!) { best = c }
    }
    return best
  }

  /// The pair to merge next, or nil when no region has a neighbour: the best of the regions' best pairs
  /// (``bestOf``), among the regions below the minimum when there are any (every pair holding one is the
  /// best pair of one of them or beaten by it).
  func nextPair(minPopulation: Double?) -> (Int32, Int32)? {
    let anySmall = minPopulation.map { m in (0..<alive.count).contains { alive[$0] && state.population[$0] < m } } ?? false
    var best: Candidate? = nil
    for a in 0..<alive.count where alive[a] {
      if anySmall, let m = minPopulation, state.population[a] >= m { continue }
      guard let c = bestOf[a] else { continue }
      if best == nil || c.beats(best!) { best = c }
    }
    return best.map { ($0.lo, $0.hi) }
  }

  /// Merges b into a (a keeps its label).
  mutating func merge(_ a: Int32, _ b: Int32, maxPopulation: Double?) {
    let ai = Int(a), bi = Int(b)
    for (s, v) in shared[bi] where s != a {
      shared[ai][s, default: 0] += v
      shared[Int(s)][a, default: 0] += v
      shared[Int(s)][b] = nil
    }
    shared[ai][b] = nil
    shared[bi] = [:]
    let internalAB = (flowTo[ai][b] ?? 0) + (flowTo[bi][a] ?? 0)
    // b's outgoing flows become a's, and the regions they reach now receive them from a.
    for (s, v) in flowTo[bi] where s != a {
      flowTo[ai][s, default: 0] += v
      flowFrom[Int(s)][a, default: 0] += v
      flowFrom[Int(s)][b] = nil
    }
    flowTo[ai][b] = nil
    flowTo[bi] = [:]
    // Flows into b's units now go to a's.
    for (s, v) in flowFrom[bi] where s != a {
      flowFrom[ai][s, default: 0] += v
      flowTo[Int(s)][a, default: 0] += v
      flowTo[Int(s)][b] = nil
    }
    flowFrom[ai][b] = nil
    flowFrom[bi] = [:]
    state.population[ai] += state.population[bi]
    state.resident[ai] += state.resident[bi]
    state.inflow[ai] += state.inflow[bi]
    state.internalFlow[ai] += state.internalFlow[bi] + internalAB
    state.size[ai] += state.size[bi]
    state.anchors[ai] += state.anchors[bi]
    state.anchors[bi] = 0
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
    // Only pairs holding a (or b) changed: a's best and its neighbours' are recomputed.
    bestOf[bi] = nil
    bestOf[ai] = bestPair(of: ai, maxPopulation: maxPopulation)
    for (s, _) in shared[ai] { bestOf[Int(s)] = bestPair(of: Int(s), maxPopulation: maxPopulation) }
  }

  /// Merges down to each K of `targets` (descending order is not required), calling `snapshot` at each.
  mutating func run(
    downTo k: Int, minPopulation: Double?, maxPopulation: Double?, snapshot: (Int, RegionState) -> Void = { _, _ in }
  ) {
    bestOf = (0..<alive.count).map { alive[$0] ? bestPair(of: $0, maxPopulation: maxPopulation) : nil }
    snapshot(regions, state)
    while regions > k, let (a, b) = nextPair(minPopulation: minPopulation) {
      merge(a, b, maxPopulation: maxPopulation)
      snapshot(regions, state)
    }
  }
}
