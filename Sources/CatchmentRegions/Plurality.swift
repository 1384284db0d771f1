/// Dartmouth's plurality rule (the hospital service areas of the Dartmouth Atlas), contiguity made
/// automatic.
///
/// 1. Seeds: every zone holding units that receive flow is the seed of its own region (one seed per
///    zone however many units it holds; units nobody uses seed nothing).
/// 2. Every other zone joins the seed receiving the plurality of its residents' flow (ties: the seed
///    first in code order).
/// 3. Each region keeps the piece holding its seed; every detached piece, and every group of zones
///    sending no flow to any located unit, joins the neighbouring region it shares the most boundary
///    with (links and corners count 0 m; ties: the region receiving more of the piece's flow, then the
///    seed first in code order). Pieces with no placed neighbour wait for their neighbours.
/// 4. With a minimum population, the smallest region below it merges into the neighbour it exchanges
///    the most flow with (both ways; ties by shared boundary, then code), until none is below or one
///    region is left.
enum Plurality {
  static func labels(_ graph: ZoneGraph, _ nb: Neighbours, minPopulation: Double?) -> (
    label: [Int32], count: Int, notes: RegionNotes
  ) {
    let n = graph.zoneCount
    var notes = RegionNotes()
    var seedLabel = [Int32](repeating: -1, count: n)
    var seeds: Int32 = 0
    for u in graph.unitZone.sorted() where seedLabel[Int(u)] < 0 && graph.inflow[Int(u)] > 0 {
      seedLabel[Int(u)] = seeds
      seeds += 1
    }
    var label = [Int32](repeating: -1, count: n)
    for z in 0..<n {
      if seedLabel[z] >= 0 {
        label[z] = seedLabel[z]
        continue
      }
      var best = -1
      var bestFlow = 0.0
      for k in Int(graph.outStart[z])..<Int(graph.outStart[z + 1]) where graph.outFlow[k] > bestFlow {
        best = Int(graph.outZone[k])
        bestFlow = graph.outFlow[k]
      }
      if best >= 0 { label[z] = seedLabel[best] } else { notes.zonesWithoutFlow += 1 }
    }
    var count = Int(seeds)
    // Detached pieces and zones without flow become pending pieces.
    let (piece, pieceCount) = nb.pieces(of: label)
    var keep = [Bool](repeating: false, count: pieceCount)
    for z in 0..<n where seedLabel[z] >= 0 { keep[Int(piece[z])] = true }
    var members = [[Int32]](repeating: [], count: pieceCount)
    for z in 0..<n where !keep[Int(piece[z])] {
      members[Int(piece[z])].append(Int32(z))
      if label[z] >= 0 && members[Int(piece[z])].count == 1 { notes.piecesJoined += 1 }
    }
    for z in 0..<n where !keep[Int(piece[z])] { label[z] = -1 }
    var pending = (0..<pieceCount).filter { !keep[$0] }
    var shared = [Double](repeating: 0, count: count)
    var flow = [Double](repeating: 0, count: count)
    while !pending.isEmpty {
      var waiting: [Int] = []
      for p in pending {
        var touched: [Int32] = []
        for z in members[p] {
          for k in nb.range(Int(z)) {
            let r = label[Int(nb.zone[k])]
            if r < 0 { continue }
            if !touched.contains(r) { touched.append(r) }
            shared[Int(r)] += nb.shared[k]
          }
        }
        for z in members[p] {
          for k in Int(graph.outStart[Int(z)])..<Int(graph.outStart[Int(z) + 1]) {
            let r = label[Int(graph.outZone[k])]
            if r >= 0 && touched.contains(r) { flow[Int(r)] += graph.outFlow[k] }
          }
        }
        guard !touched.isEmpty else {
          waiting.append(p)
          continue
        }
        var best = touched[0]
        for r in touched.dropFirst() {
          let key = (shared[Int(r)], flow[Int(r)])
          let bestKey = (shared[Int(best)], flow[Int(best)])
          if key > bestKey || (key == bestKey && r < best) { best = r }
        }
        for r in touched {
          shared[Int(r)] = 0
          flow[Int(r)] = 0
        }
        for z in members[p] { label[Int(z)] = best }
      }
      if waiting.count == pending.count {
        // Pieces cut off from every seed (a disconnected graph): each becomes a region of its own.
        for p in waiting {
          for z in members[p] { label[Int(z)] = Int32(count) }
          count += 1
        }
        break
      }
      pending = waiting
    }
    if let minPopulation { mergeSmall(graph, nb, &label, count: count, minPopulation: minPopulation, notes: &notes) }
    let compact = RegionState(graph, label: label, count: count).compacted()
    return (compact.label, compact.count, notes)
  }

  /// Step 4: the smallest region below `minPopulation` into its neighbour of most exchanged flow.
  static func mergeSmall(
    _ graph: ZoneGraph, _ nb: Neighbours, _ label: inout [Int32], count: Int, minPopulation: Double,
    notes: inout RegionNotes
  ) {
    var state = RegionState(graph, label: label, count: count)
    var members = [[Int32]](repeating: [], count: count)
    for z in 0..<graph.zoneCount { members[Int(label[z])].append(Int32(z)) }
    var alive = (0..<count).filter { state.size[$0] > 0 }.count
    var exchange = [Double](repeating: 0, count: count)
    var shared = [Double](repeating: 0, count: count)
    var blocked = [Bool](repeating: false, count: count)
    var isNeighbour = [Bool](repeating: false, count: count)
    while alive > 1 {
      var small = -1
      for r in 0..<count where state.size[r] > 0 && !blocked[r] && state.population[r] < minPopulation {
        if small < 0 || state.population[r] < state.population[small] { small = r }
      }
      if small < 0 { break }
      var neighbours: [Int32] = []
      var flowTouched: [Int32] = []
      for z in members[small] {
        for k in nb.range(Int(z)) {
          let r = state.label[Int(nb.zone[k])]
          if Int(r) == small { continue }
          if !isNeighbour[Int(r)] {
            isNeighbour[Int(r)] = true
            neighbours.append(r)
          }
          shared[Int(r)] += nb.shared[k]
        }
        state.exchanges(Int(z), into: &exchange, touched: &flowTouched)
      }
      var best: Int32 = -1
      for r in neighbours {
        if best < 0 {
          best = r
          continue
        }
        let key = (exchange[Int(r)], shared[Int(r)])
        let bestKey = (exchange[Int(best)], shared[Int(best)])
        if key > bestKey || (key == bestKey && r < best) { best = r }
      }
      for r in neighbours {
        isNeighbour[Int(r)] = false
        shared[Int(r)] = 0
      }
      for r in flowTouched { exchange[Int(r)] = 0 }
      guard best >= 0 else {
        blocked[small] = true  // an island with no neighbour: left as it is, reported by the summary
        continue
      }
      for z in members[small] { state.move(Int(z), to: best) }
      members[Int(best)].append(contentsOf: members[small])
      members[small] = []
      alive -= 1
      notes.smallRegionsMerged += 1
    }
    label = state.label
  }
}
