/// Merge-split rounds after the local search: a local optimum of single-zone moves can hold a region
/// that serves little (a few zones whose hospital went to a neighbour), which no single move fixes.
///
/// For each weak region (self-containment below ``weakShare`` of the overall figure), in order of
/// rising self-containment (ties: label): it is merged into the
/// neighbouring region it exchanges the most flow with, and its label is given instead to one of the
/// zones holding units that receive the most flow (at most ``seedTrials``, in order of their inflow,
/// ties by code) among those whose region holds other such zones and stays in one piece without it;
/// the bounds are then repaired and the local search run. The best result replaces the current one
/// when it is better (fewer regions out of bounds, then more internal flow). Rounds repeat while one
/// improves, at most ``maxRounds`` times.
extension Optimise {
  static let seedTrials = 4
  static let maxRounds = 2
  /// Graphs up to this many zones try every region and every seed (a few milliseconds there).
  static let thoroughZones = 1_000
  /// Regions whose self-containment is below this share of the overall figure are the ones tried.
  static let weakShare = 0.5

  func mergeSplit(_ start: RegionState) -> RegionState {
    var current = start
    var search = LocalSearch(nb, minPopulation: minPopulation, maxPopulation: maxPopulation)
    search.prepare(current)
    let isSeed = (0..<graph.zoneCount).map { z in graph.inflow[z] > 0 }
    let seedsByInflow = (0..<graph.zoneCount).filter { isSeed[$0] }.sorted {
      (graph.inflow[$0], -$0) > (graph.inflow[$1], -$1)
    }
    for _ in 0..<Self.maxRounds {
      var improved = false
      let overall = current.internalFlow.reduce(0, +) / max(graph.totalFlow, .leastNormalMagnitude)
      let thorough = graph.zoneCount <= Self.thoroughZones
      let order = (0..<current.count).filter {
        current.size[$0] > 0 && (thorough || containment(current, $0) < Self.weakShare * overall)
      }.sorted {
        (containment(current, $0), $0) < (containment(current, $1), $1)
      }
      for r in order where current.size[r] > 0 {
        guard let merged = mergedAway(current, Int32(r)) else { continue }
        var seedsIn = [Int](repeating: 0, count: merged.count)
        for z in seedsByInflow { seedsIn[Int(merged.label[z])] += 1 }
        var best: RegionState? = nil
        var tried = 0
        for z in seedsByInflow where thorough || tried < Self.seedTrials {
          let donor = merged.label[z]
          guard seedsIn[Int(donor)] >= 2, merged.mayLeave(z), search.staysConnected(merged, zone: z) else {
            continue
          }
          tried += 1
          var candidate = merged
          candidate.move(z, to: Int32(r))
          search.repair(&candidate)
          search.run(&candidate)
          if best == nil || better(candidate, than: best!) { best = candidate }
        }
        if let best, better(best, than: current) {
          current = best
          improved = true
        }
      }
      if !improved { break }
    }
    return current
  }

  /// Internal / residents' flow of region r (0 without residents' flow).
  func containment(_ s: RegionState, _ r: Int) -> Double {
    s.resident[r] > 0 ? s.internalFlow[r] / s.resident[r] : 0
  }

  /// Region r merged into the adjacent region it exchanges the most flow with (ties: more shared
  /// boundary, then lower label); nil when r has no neighbour.
  func mergedAway(_ s: RegionState, _ r: Int32) -> RegionState? {
    var exchange = [Double](repeating: 0, count: s.count)
    var shared = [Double](repeating: -1, count: s.count)
    var touched: [Int32] = []
    let zones = (0..<graph.zoneCount).filter { s.label[$0] == r }
    for z in zones {
      s.exchanges(z, into: &exchange, touched: &touched)
      for k in nb.range(z) {
        let b = Int(s.label[Int(nb.zone[k])])
        if b != Int(r) { shared[b] = max(shared[b], 0) + nb.shared[k] }
      }
    }
    var best = -1
    for b in 0..<s.count where shared[b] >= 0 {
      if best < 0 || (exchange[b], shared[b]) > (exchange[best], shared[best]) { best = b }
    }
    guard best >= 0 else { return nil }
    var merged = s
    for z in zones { merged.move(z, to: Int32(best)) }
    return merged
  }
}
