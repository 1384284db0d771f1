import Foundation

extension CSVReader {
  /// How many readers of the whole of `path` (no byte range: pieces of a parallel read are
  /// not counted apart) this process has opened. Tests use it to check that a run parses each
  /// input file once, whatever steps use it.
  public static func wholeFileOpens(_ path: String) -> Int { OpenCounts.shared.count(path) }

  /// Counts one whole-file open of `path`.
  static func countOpen(_ path: String) { OpenCounts.shared.add(path) }
}

/// Whole-file opens by path, shared by every thread.
private final class OpenCounts: @unchecked Sendable {
  static let shared = OpenCounts()
  private var counts: [String: Int] = [:]
  private let lock = NSLock()

  func add(_ path: String) { lock.withLock { counts[path, default: 0] += 1 } }
  func count(_ path: String) -> Int { lock.withLock { counts[path] ?? 0 } }
}
