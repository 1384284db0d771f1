/// The ONS travel-to-work-area procedure (Coombes & Bond 2008, *Travel-to-Work Areas: the 2007 review*,
/// Office for National Statistics; the same as the 2011 areas), with flows to units in place of commutes
/// to workplaces and population in place of the economically active.
///
/// Every zone starts as a proto-region. Repeatedly, the least valid proto-region (``validity(_:_:_:)``;
/// ties: lower label) is dissolved, each of its zones going to the adjacent proto-region with which it
/// has the strongest tie T = F_zb²/(R_z·W_b) + F_bz²/(R_b·W_z) (F_zb: flow from residents of z to units
/// in b; R: residents' flow; W: flow into the units; ties: longer shared boundary, then lower label),
/// zones without an adjacent proto-region waiting for their neighbours to be placed. Only adjacent
/// proto-regions receive zones, so every region stays in one piece. The procedure stops when every
/// proto-region is valid, or one is left.
enum TTWA {
  /// Self-containment (the lesser of supply side and demand side) over the self-containment required
  /// at the region's size, times size / minSize below the minimum size: at least 1 exactly when the
  /// region is valid in the ONS sense (size ≥ minSize and self-containment ≥ the requirement, which
  /// falls linearly from `selfContainment` at `minSize` to `minSelfContainment` at `targetSize`).
  static func validity(_ state: RegionState, _ r: Int, _ p: TTWAParameters) -> Double {
    let internalFlow = state.internalFlow[r]
    let supply = state.resident[r] > 0 ? internalFlow / state.resident[r] : 0
    let demand = state.inflow[r] > 0 ? internalFlow / state.inflow[r] : 0
    let containment = min(supply, demand)
    let size = state.population[r]
    let required: Double
    if size >= p.targetSize || p.targetSize <= p.minSize {
      required = size >= p.minSize ? p.minSelfContainment : p.selfContainment
    } else if size <= p.minSize {
      required = p.selfContainment
    } else {
      let t = (size - p.minSize) / (p.targetSize - p.minSize)
      required = p.selfContainment - (p.selfContainment - p.minSelfContainment) * t
    }
    let sizeFactor = p.minSize > 0 ? min(1, size / p.minSize) : 1
    return required > 0 ? containment / required * sizeFactor : sizeFactor
  }

  static func labels(_ graph: ZoneGraph, _ nb: Neighbours, _ p: TTWAParameters) -> (label: [Int32], count: Int) {
    let n = graph.zoneCount
    var state = RegionState(graph, label: (0..<n).map { Int32($0) }, count: n)
    var members = (0..<n).map { [Int32($0)] }
    var active = [Bool](repeating: true, count: n)
    // Proto-regions with no neighbour at all (a graph in pieces) cannot be dissolved.
    var fixed = [Bool](repeating: false, count: n)
    var alive = n
    var outTo = [Double](repeating: 0, count: n)
    var inFrom = [Double](repeating: 0, count: n)
    var shared = [Double](repeating: 0, count: n)
    while alive > 1 {
      var worst = -1
      var worstScore = Double.infinity
      for r in 0..<n where active[r] && !fixed[r] {
        let v = validity(state, r, p)
        if v < worstScore {
          worst = r
          worstScore = v
        }
      }
      if worst < 0 || worstScore >= 1 { break }
      var pending = members[worst]
      let hasNeighbour = pending.contains { z in nb.range(Int(z)).contains { state.label[Int(nb.zone[$0])] != Int32(worst) } }
      if !hasNeighbour {
        fixed[worst] = true
        continue
      }
      active[worst] = false
      alive -= 1
      members[worst] = []
      while !pending.isEmpty {
        var waiting: [Int32] = []
        for z in pending {
          var candidates: [Int32] = []
          for k in nb.range(Int(z)) {
            let b = state.label[Int(nb.zone[k])]
            if Int(b) == worst { continue }
            if shared[Int(b)] == 0 && !candidates.contains(b) { candidates.append(b) }
            shared[Int(b)] += nb.shared[k]
          }
          if candidates.isEmpty {
            waiting.append(z)
            continue
          }
          for k in Int(graph.outStart[Int(z)])..<Int(graph.outStart[Int(z) + 1]) {
            outTo[Int(state.label[Int(graph.outZone[k])])] += graph.outFlow[k]
          }
          for k in Int(graph.inStart[Int(z)])..<Int(graph.inStart[Int(z) + 1]) {
            inFrom[Int(state.label[Int(graph.inZone[k])])] += graph.inFlow[k]
          }
          var best: Int32 = -1
          var bestKey = (-1.0, -1.0)
          for b in candidates {
            var t = 0.0
            let d1 = graph.residentFlow[Int(z)] * state.inflow[Int(b)]
            if d1 > 0 { t += outTo[Int(b)] * outTo[Int(b)] / d1 }
            let d2 = state.resident[Int(b)] * graph.inflow[Int(z)]
            if d2 > 0 { t += inFrom[Int(b)] * inFrom[Int(b)] / d2 }
            let key = (t, shared[Int(b)])
            if key > bestKey || (key == bestKey && b < best) {
              best = b
              bestKey = key
            }
          }
          for k in Int(graph.outStart[Int(z)])..<Int(graph.outStart[Int(z) + 1]) {
            outTo[Int(state.label[Int(graph.outZone[k])])] = 0
          }
          for k in Int(graph.inStart[Int(z)])..<Int(graph.inStart[Int(z) + 1]) {
            inFrom[Int(state.label[Int(graph.inZone[k])])] = 0
          }
          for b in candidates { shared[Int(b)] = 0 }
          state.move(Int(z), to: best)
          members[Int(best)].append(z)
        }
        // Cannot stall: the dissolved region touched another, and zones are placed outwards from it.
        pending = waiting
      }
    }
    return state.compacted()
  }
}
