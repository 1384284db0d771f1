/// Regions brought within the population bounds by moving boundary zones, before the search for gains.
extension LocalSearch {
  /// While a region is below the minimum, it takes the neighbouring zone that costs the least internal
  /// flow among those whose region stays at or above the minimum and in one piece; while a region is
  /// above the maximum, it gives the boundary zone that costs the least to a neighbour staying within
  /// the maximum, itself staying in one piece. Regions in code order of label; stops for a region when
  /// no such move is left (the summary then reports it). Returns the number of moves.
  @discardableResult
  mutating func repair(_ state: inout RegionState) -> Int {
    guard minPopulation != nil || maxPopulation != nil else { return 0 }
    let graph = state.graph
    prepare(state)
    var moves = 0
    for r in 0..<state.count where state.size[r] > 0 {
      var guardCount = graph.zoneCount
      while guardCount > 0, let lo = minPopulation, state.population[r] < lo {
        guardCount -= 1
        // Candidates: zones of other regions touching r.
        var best: (zone: Int, gain: Double)? = nil
        for z in 0..<graph.zoneCount where Int(state.label[z]) == r {
          for k in nb.range(z) {
            let w = Int(nb.zone[k])
            let b = state.label[w]
            if Int(b) == r || !state.mayLeave(w) { continue }
            let p = graph.population[w]
            if state.population[Int(b)] - p < lo { continue }
            if let hi = maxPopulation, state.population[r] + p > hi { continue }
            let gain = state.exchange(w, Int32(r)) - state.exchange(w, b)
            if let c = best, gain < c.gain || (gain == c.gain && w >= c.zone) { continue }
            if !staysConnected(state, zone: w) { continue }
            best = (w, gain)
          }
        }
        guard let best else { break }
        state.move(best.zone, to: Int32(r))
        moves += 1
      }
      guardCount = graph.zoneCount
      while guardCount > 0, let hi = maxPopulation, state.population[r] > hi {
        guardCount -= 1
        var best: (zone: Int, to: Int32, gain: Double)? = nil
        for z in 0..<graph.zoneCount where Int(state.label[z]) == r {
          for k in nb.range(z) {
            let b = state.label[Int(nb.zone[k])]
            if Int(b) == r || !state.mayLeave(z) { continue }
            if state.population[Int(b)] + graph.population[z] > hi { continue }
            let gain = state.exchange(z, b) - state.exchange(z, Int32(r))
            if let c = best, gain < c.gain || (gain == c.gain && (z, b) >= (c.zone, c.to)) { continue }
            if !staysConnected(state, zone: z) { continue }
            best = (z, b, gain)
          }
        }
        guard let best else { break }
        state.move(best.zone, to: best.to)
        moves += 1
      }
    }
    return moves
  }
}
