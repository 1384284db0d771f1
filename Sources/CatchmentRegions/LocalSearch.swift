/// Boundary zones moved between adjacent regions while overall internal flow grows, contiguity held
/// at every move.
///
/// A pass visits the zones in code order. A zone on a region's edge may move to a neighbouring region
/// when the flow it exchanges with that region (both ways) exceeds the flow it exchanges with its own:
/// the gain in internal flow is exactly the difference. The move is made only if the donor keeps at
/// least one zone and one zone holding used units (``RegionState/mayLeave(_:)``: a region that lost its
/// hospital would serve nobody, a waste of one of the K regions) and stays in one piece (a search inside the donor from one of the zone's neighbours
/// until all its neighbours in the donor are reached: they are, exactly when the donor without the zone
/// is connected, since every piece of it touches the zone), and only if neither region leaves the
/// population bounds (a region already outside may move back towards them). Passes repeat until none
/// moves a zone: every move gains, so the search ends, at a local optimum. Ties: the region with the
/// lower label.
struct LocalSearch {
  let nb: Neighbours
  let minPopulation: Double?
  let maxPopulation: Double?
  /// Moves that gain less than this share of the total flow are not worth a pass.
  var tolerance = 1e-12
  private var acc: [Double] = []
  private var touched: [Int32] = []
  private var stamp: [Int32] = []
  private var visitMark: Int32 = 0
  private var stack: [Int32] = []

  init(_ nb: Neighbours, minPopulation: Double?, maxPopulation: Double?) {
    self.nb = nb
    self.minPopulation = minPopulation
    self.maxPopulation = maxPopulation
  }

  /// Improves `state` to a local optimum; returns the number of moves.
  @discardableResult
  mutating func run(_ state: inout RegionState, maxPasses: Int = 200) -> Int {
    let graph = state.graph
    let n = graph.zoneCount
    prepare(state)
    let threshold = tolerance * max(graph.totalFlow, 1)
    var moves = 0
    for _ in 0..<maxPasses {
      var moved = 0
      for z in 0..<n {
        let a = state.label[z]
        if !state.mayLeave(z) { continue }
        var onEdge = false
        for k in nb.range(z) where state.label[Int(nb.zone[k])] != a {
          onEdge = true
          break
        }
        if !onEdge { continue }
        touched.removeAll(keepingCapacity: true)
        state.exchanges(z, into: &acc, touched: &touched)
        let own = acc[Int(a)]
        let p = graph.population[z]
        var best: Int32 = -1
        var bestGain = threshold
        for k in nb.range(z) {
          let b = state.label[Int(nb.zone[k])]
          if b == a { continue }
          let gain = acc[Int(b)] - own
          guard gain > bestGain || (gain == bestGain && best >= 0 && b < best) else { continue }
          if !fits(state, from: a, to: b, population: p) { continue }
          best = b
          bestGain = gain
        }
        for r in touched { acc[Int(r)] = 0 }
        if best < 0 || !staysConnected(state, zone: z) { continue }
        state.move(z, to: best)
        moved += 1
      }
      moves += moved
      if moved == 0 { break }
    }
    return moves
  }

  /// Scratch arrays sized for `state`.
  mutating func prepare(_ state: RegionState) {
    if acc.count != state.count { acc = [Double](repeating: 0, count: state.count) }
    if stamp.count != state.graph.zoneCount {
      stamp = [Int32](repeating: 0, count: state.graph.zoneCount)
      visitMark = 0
    }
  }

  /// Whether moving `population` from a to b leaves neither region newly or further out of bounds: b
  /// must stay within the maximum, a within the minimum (a region above the maximum may still shed
  /// zones, one below the minimum still gain them).
  func fits(_ state: RegionState, from a: Int32, to b: Int32, population p: Double) -> Bool {
    if let maxPopulation, state.population[Int(b)] + p > maxPopulation { return false }
    if let minPopulation, state.population[Int(a)] - p < minPopulation { return false }
    return true
  }

  /// Whether z's region stays in one piece without z.
  mutating func staysConnected(_ state: RegionState, zone z: Int) -> Bool {
    let a = state.label[z]
    visitMark &+= 1
    if visitMark == Int32.max {
      for i in 0..<stamp.count { stamp[i] = 0 }
      visitMark = 1
    }
    var targets = 0
    var first: Int32 = -1
    for k in nb.range(z) where state.label[Int(nb.zone[k])] == a {
      let w = nb.zone[k]
      if stamp[Int(w)] != -visitMark {
        stamp[Int(w)] = -visitMark  // marks a target not yet reached
        targets += 1
        if first < 0 { first = w }
      }
    }
    if targets <= 1 { return true }
    stamp[z] = visitMark
    stack.removeAll(keepingCapacity: true)
    stamp[Int(first)] = visitMark
    var reached = 1
    stack.append(first)
    while let v = stack.popLast() {
      for k in nb.range(Int(v)) {
        let w = Int(nb.zone[k])
        if state.label[w] != a { continue }
        let s = stamp[w]
        if s == visitMark { continue }
        if s == -visitMark {
          reached += 1
          if reached == targets { return true }
        }
        stamp[w] = visitMark
        stack.append(Int32(w))
      }
    }
    return false
  }
}
