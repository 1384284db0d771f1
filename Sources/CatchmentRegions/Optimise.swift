import Dispatch
import Foundation

/// Exactly K contiguous regions within the population bounds, maximising overall self-containment
/// (see the DocC article <doc:OptimisedRegions>).
///
/// 1. Start: the plurality regions (``Plurality``, no minimum), contiguous by construction; when they
///    are fewer than K, every zone alone.
/// 2. ``Agglomeration`` down to K, small regions first, the maximum respected, once by tie strength
///    and once by modularity gain.
/// 3. For each of the two: ``LocalSearch`` on zones; and ``LocalSearch`` on the plurality basins first
///    (whole basins moved, hospital zone and all), then on zones. Each search repairs the bounds first.
/// 4. The best of the four (fewest regions outside the bounds, then most internal flow, then the order
///    above), improved by merge-split rounds (``mergeSplit(_:)``).
struct Optimise {
  let graph: ZoneGraph
  let nb: Neighbours
  let minPopulation: Double?
  let maxPopulation: Double?
  /// Plurality regions (no minimum): the atoms of the basin-level search.
  let basins: (label: [Int32], count: Int)
  let basinGraph: BlockGraph?
  let basinNb: Neighbours?

  init(_ graph: ZoneGraph, _ nb: Neighbours, contiguity: Contiguity, minPopulation: Double?, maxPopulation: Double?) throws(RegionError) {
    self.graph = graph
    self.nb = nb
    self.minPopulation = minPopulation
    self.maxPopulation = maxPopulation
    let p = Plurality.labels(graph, nb, minPopulation: nil)
    basins = (p.label, p.count)
    let width = String(p.count).count
    let ids = (0..<p.count).map { i -> String in
      let digits = String(i)
      return String(repeating: "0", count: width - digits.count) + digits
    }
    // Built from checked values: its checks pass again.
    let coarse = try BlockGraph(graph, ZoneBlocks(ids: ids, blockOfZone: p.label), contiguity: contiguity)
    basinGraph = coarse
    basinNb = Neighbours(coarse.graph, contiguity)
  }

  func start(regions k: Int) -> RegionState {
    if basins.count >= k { return RegionState(graph, label: basins.label, count: basins.count) }
    return RegionState(graph, label: (0..<graph.zoneCount).map { Int32($0) }, count: graph.zoneCount)
  }

  /// The best finish of one agglomerated state (step 3 and 4 of the type's comment, for one criterion).
  func finish(_ merged: RegionState) -> RegionState {
    var candidates: [RegionState] = []
    var fine = merged
    var search = LocalSearch(nb, minPopulation: minPopulation, maxPopulation: maxPopulation)
    search.repair(&fine)
    search.run(&fine)
    candidates.append(fine)
    if basins.count >= merged.size.filter({ $0 > 0 }).count, let basinGraph, let basinNb {
      // Every agglomerated region is a union of basins: its label is that of any of its zones.
      var coarseLabel = [Int32](repeating: 0, count: basins.count)
      for z in 0..<graph.zoneCount { coarseLabel[Int(basinGraph.blockOfZone[z])] = merged.label[z] }
      var coarse = RegionState(basinGraph.graph, label: coarseLabel, count: merged.count)
      var coarseSearch = LocalSearch(basinNb, minPopulation: minPopulation, maxPopulation: maxPopulation)
      coarseSearch.repair(&coarse)
      coarseSearch.run(&coarse)
      var expanded = RegionState(
        graph, label: basinGraph.blockOfZone.map { coarse.label[Int($0)] }, count: merged.count)
      search.repair(&expanded)
      search.run(&expanded)
      candidates.append(expanded)
    }
    let best = candidates.dropFirst().reduce(candidates[0]) { better($1, than: $0) ? $1 : $0 }
    return mergeSplit(best)
  }

  /// Fewer regions out of bounds, then more internal flow.
  func better(_ a: RegionState, than b: RegionState) -> Bool {
    let (oa, ob) = (outOfBounds(a), outOfBounds(b))
    if oa != ob { return oa < ob }
    return a.internalFlow.reduce(0, +) > b.internalFlow.reduce(0, +)
  }

  func outOfBounds(_ s: RegionState) -> Int {
    (0..<s.count).filter { r in
      s.size[r] > 0
        && ((minPopulation.map { s.population[r] < $0 } ?? false)
          || (maxPopulation.map { s.population[r] > $0 } ?? false))
    }.count
  }

  func labels(regions k: Int) -> (label: [Int32], count: Int) {
    var best: RegionState? = nil
    for criterion in Agglomeration.Criterion.allCases {
      var merging = Agglomeration(start(regions: k), nb, criterion: criterion)
      merging.run(downTo: k, minPopulation: minPopulation, maxPopulation: maxPopulation)
      let done = finish(merging.state)
      if best == nil || better(done, than: best!) { best = done }
    }
    return best!.compacted()
  }

  /// One agglomeration per criterion down to the smallest K, a snapshot at each K of the range, then
  /// the finish of each K on `workers` threads; results in K order, the same whatever the number of
  /// threads (each K's result depends on its snapshots only).
  func curve(regions range: ClosedRange<Int>, workers: Int) -> [(label: [Int32], count: Int)] {
    var snapshots = [[RegionState?]](
      repeating: [RegionState?](repeating: nil, count: range.count), count: Agglomeration.Criterion.allCases.count)
    for (c, criterion) in Agglomeration.Criterion.allCases.enumerated() {
      var merging = Agglomeration(start(regions: range.upperBound), nb, criterion: criterion)
      merging.run(downTo: range.lowerBound, minPopulation: minPopulation, maxPopulation: maxPopulation) { k, state in
        if range.contains(k) { snapshots[c][k - range.lowerBound] = state }
      }
    }
    let frozen = snapshots
    let results = ResultSlots<(label: [Int32], count: Int)>(count: range.count)
    let tasks = max(1, min(workers, range.count))
    DispatchQueue.concurrentPerform(iterations: tasks) { _ in
      while let i = results.take() {
        var best: RegionState? = nil
        for perCriterion in frozen {
          // Too few regions to reach K (a graph in pieces): what the agglomeration ended with.
          guard let merged = perCriterion[i] ?? perCriterion.compactMap({ $0 }).last else { continue }
          let done = finish(merged)
          if best == nil || better(done, than: best!) { best = done }
        }
        results.store(best!.compacted(), at: i)
      }
    }
    return results.values.map { $0! }
  }
}

/// Results stored by index from several threads, and a shared counter of the next index to do.
final class ResultSlots<T>: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [T?]
  private var counter = 0
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func store(_ value: T, at i: Int) { lock.withLock { values[i] = value } }
  /// The next index to do, or nil when all are taken.
  func take() -> Int? {
    lock.withLock {
      guard counter < values.count else { return nil }
      defer { counter += 1 }
      return counter
    }
  }
}
