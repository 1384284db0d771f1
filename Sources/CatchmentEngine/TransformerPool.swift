import Foundation

/// Transformers for one source → target pair, one per worker, created when first needed and
/// reused by later calls: creating one asks PROJ's database for the candidate operations, tens
/// of milliseconds, as long as transforming a hundred thousand points.
///
/// Each worker has its own transformer and PROJ context (PROJ objects are not shared between
/// threads). One call at a time: the pool itself is not for concurrent use.
public final class TransformerPool {
  public let source: String
  public let target: String
  public let workers: Int
  private var transformers: [CoordinateTransformer] = []

  /// Creates the first transformer at once, so that an impossible transformation fails here.
  public init(from source: String, to target: String, workers: Int) throws(PROJError) {
    self.source = source
    self.target = target
    self.workers = max(1, workers)
    transformers.append(try CoordinateTransformer(from: source, to: target))
  }

  /// The first worker's transformer: what PROJ chose, its accuracy, whether it is a ballpark.
  public var representative: CoordinateTransformer { transformers[0] }

  /// Transforms the points in place, split into contiguous parts over the workers (one part
  /// per 100,000 points at most); the result is the same as one transformer's.
  public func transform(xs: inout [Double], ys: inout [Double]) throws {
    precondition(xs.count == ys.count, "as many x as y coordinates")
    let parts = max(1, min(workers, xs.count / 100_000 + 1))
    while transformers.count < parts { transformers.append(try CoordinateTransformer(from: source, to: target)) }
    guard parts > 1 else {
      try transformers[0].transform(xs: &xs, ys: &ys)
      return
    }
    let size = (xs.count + parts - 1) / parts
    final class Failures: @unchecked Sendable {
      var errors: [PROJError?]
      let lock = NSLock()
      init(_ n: Int) { errors = Array(repeating: nil, count: n) }
    }
    let failures = Failures(parts)
    let count = xs.count
    xs.withUnsafeMutableBufferPointer { x in
      ys.withUnsafeMutableBufferPointer { y in
        nonisolated(unsafe) let xBase = x.baseAddress!, yBase = y.baseAddress!
        nonisolated(unsafe) let owned = transformers
        DispatchQueue.concurrentPerform(iterations: parts) { k in
          let start = k * size, n = max(0, min(count, start + size) - start)
          do throws(PROJError) { try owned[k].transform(x: xBase + start, y: yBase + start, count: n) } catch {
            failures.lock.withLock { failures.errors[k] = error }
          }
        }
      }
    }
    if let error = failures.errors.compactMap({ $0 }).first { throw error }
  }
}

extension TransformerPool {
  /// Pools by source CRS into one target, so that layers sharing a CRS (CRS84 zones, footprints
  /// and centroids) share transformers. Not for concurrent use.
  public final class Cache {
    public let target: String
    public let workers: Int
    private var pools: [String: TransformerPool] = [:]

    public init(target: String, workers: Int) {
      self.target = target
      self.workers = workers
    }

    /// The pool from `source` into the target, created on first use.
    public func pool(from source: String) throws(PROJError) -> TransformerPool {
      if let pool = pools[source] { return pool }
      let pool = try TransformerPool(from: source, to: target, workers: workers)
      pools[source] = pool
      return pool
    }
  }
}
