import Dispatch
import Foundation

/// Per-item work spread over several tasks, results in item order.
///
/// Each task builds its own state once (for the geometry methods: a GEOS context holding its
/// own copy of the footprints, since GEOS objects are not shared between threads) and then takes
/// chunks of items one after another from a shared counter. Zones that straddle boundaries
/// cluster (coastal and rural authorities come together in ONS files), so fixed halves leave one
/// core idle for a third of the run; small chunks taken on demand keep both busy. Results are
/// stored by chunk and joined in chunk order, so output never depends on scheduling; after a
/// failure the remaining chunks are still done, and the error of the first failing item is
/// thrown, the same one whatever the scheduling.
enum ParallelChunks {
  /// `work(state, item)` for every item of `0..<count`, in item order.
  ///
  /// - Parameters:
  ///   - workers: tasks to run at once (at least 1).
  ///   - makeState: builds one task's state; called once per task that finds work.
  static func map<State, T, Failure: Error>(
    count: Int, workers: Int, makeState: @escaping @Sendable () throws(Failure) -> State,
    _ work: @escaping @Sendable (inout State, Int) throws(Failure) -> T
  ) throws(Failure) -> [T] {
    guard count > 0 else { return [] }
    let tasks = max(1, min(workers, count))
    // About 32 chunks per task, at least 16 items each.
    let size = max(16, (count + tasks * 32 - 1) / (tasks * 32))
    let chunks = (count + size - 1) / size
    let shared = Shared<T, Failure>(chunks: chunks)
    DispatchQueue.concurrentPerform(iterations: tasks) { _ in
      var state: State
      do throws(Failure) { state = try makeState() } catch {
        shared.failToStart(error)
        return
      }
      while let c = shared.nextChunk() {
        let range = (c * size)..<min(count, (c + 1) * size)
        shared.store(
          Result { () throws(Failure) -> [T] in
            var out: [T] = []
            out.reserveCapacity(range.count)
            for item in range { out.append(try work(&state, item)) }
            return out
          }, at: c)
      }
    }
    if let error = shared.startError { throw error }
    var all: [T] = []
    all.reserveCapacity(count)
    for result in shared.results { all.append(contentsOf: try result!.get()) }
    return all
  }

  /// The chunk counter and the results, under one lock.
  private final class Shared<T, Failure: Error>: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var results: [Result<[T], Failure>?]
    /// A task could not build its state (the same failure for every task); no chunk is done.
    var startError: Failure?
    init(chunks: Int) { results = Array(repeating: nil, count: chunks) }

    /// The next chunk to do, or nil when all are taken.
    func nextChunk() -> Int? {
      lock.withLock {
        guard startError == nil, next < results.count else { return nil }
        defer { next += 1 }
        return next
      }
    }
    func store(_ result: Result<[T], Failure>, at c: Int) { lock.withLock { results[c] = result } }
    func failToStart(_ e: Failure) { lock.withLock { if startError == nil { startError = e } } }
  }
}
