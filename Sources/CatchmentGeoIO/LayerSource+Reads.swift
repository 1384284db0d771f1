import Foundation

extension LayerSource {
  /// How many times this process has parsed the boundary file `path` (as the layer reader was
  /// given it, after expanding folders and globs). Tests use it to check that a run reads each
  /// boundary file once, whatever steps use it.
  public static func fileReads(_ path: String) -> Int { BoundaryFileReads.shared.count(path) }

  /// Counts one parse of `path`.
  static func countRead(_ path: String) { BoundaryFileReads.shared.add(path) }
}

/// Boundary file parses by path, shared by every thread.
private final class BoundaryFileReads: @unchecked Sendable {
  static let shared = BoundaryFileReads()
  private var counts: [String: Int] = [:]
  private let lock = NSLock()

  func add(_ path: String) { lock.withLock { counts[path, default: 0] += 1 } }
  func count(_ path: String) -> Int { lock.withLock { counts[path] ?? 0 } }
}
