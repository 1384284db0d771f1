import Dispatch
import Foundation

/// Exactly K contiguous regions within the population bounds, maximising overall self-containment
/// (see the DocC article *Optimised regions*).
///
/// 1. Start: the plurality regions (``Plurality``, no minimum), contiguous by construction; when they
///    are fewer than K, every zone alone.
/// 2. ``Agglomeration`` down to K by tie strength, small regions first, the maximum respected.
/// 3. ``LocalSearch``: boundary zones moved while internal flow grows, contiguity and bounds held.
enum Optimise {
  static func start(_ graph: ZoneGraph, _ nb: Neighbours, regions k: Int) -> RegionState {
    let plurality = Plurality.labels(graph, nb, minPopulation: nil)
    if plurality.count >= k { return RegionState(graph, label: plurality.label, count: plurality.count) }
    return RegionState(graph, label: (0..<graph.zoneCount).map { Int32($0) }, count: graph.zoneCount)
  }

  static func labels(
    _ graph: ZoneGraph, _ nb: Neighbours, regions k: Int, minPopulation: Double?, maxPopulation: Double?
  ) -> (label: [Int32], count: Int) {
    var merging = Agglomeration(start(graph, nb, regions: k), nb)
    merging.run(downTo: k, minPopulation: minPopulation, maxPopulation: maxPopulation)
    var state = merging.state
    var search = LocalSearch(nb, minPopulation: minPopulation, maxPopulation: maxPopulation)
    search.run(&state)
    return state.compacted()
  }

  /// One agglomeration down to the smallest K, a snapshot at each K of the range, then the local search
  /// of each K on `workers` threads; results in K order, the same whatever the number of threads.
  static func curve(
    _ graph: ZoneGraph, _ nb: Neighbours, regions range: ClosedRange<Int>, minPopulation: Double?,
    maxPopulation: Double?, workers: Int
  ) -> [(label: [Int32], count: Int)] {
    var merging = Agglomeration(start(graph, nb, regions: range.upperBound), nb)
    var snapshots = [RegionState?](repeating: nil, count: range.count)
    merging.run(downTo: range.lowerBound, minPopulation: minPopulation, maxPopulation: maxPopulation) { k, state in
      if range.contains(k) { snapshots[k - range.lowerBound] = state }
    }
    let frozen = snapshots
    let results = ResultSlots<(label: [Int32], count: Int)>(count: range.count)
    let tasks = max(1, min(workers, range.count))
    let next = ResultSlots<Int>(count: 1)
    DispatchQueue.concurrentPerform(iterations: tasks) { _ in
      while let i = next.take(limit: range.count) {
        // Too few regions to reach K (a graph in pieces): what the agglomeration ended with.
        guard var state = frozen[i] ?? frozen.compactMap({ $0 }).last else { continue }
        var search = LocalSearch(nb, minPopulation: minPopulation, maxPopulation: maxPopulation)
        search.run(&state)
        results.store(state.compacted(), at: i)
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
  func take(limit: Int) -> Int? {
    lock.withLock {
      guard counter < limit else { return nil }
      defer { counter += 1 }
      return counter
    }
  }
}
