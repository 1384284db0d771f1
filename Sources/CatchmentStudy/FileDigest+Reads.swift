import Foundation

extension FileDigest {
  /// How many times this process has read the file at `path` for its digest
  /// (``init(ofFileAt:)``, the path as given). Tests use it to check that a manifest digests each
  /// file once, however many inputs name it.
  public static func fileReads(_ path: String) -> Int { DigestReads.shared.count(path) }

  /// Counts one digest read of `path`.
  static func countRead(_ path: String) { DigestReads.shared.add(path) }
}

/// Digest reads by path, shared by every thread.
private final class DigestReads: @unchecked Sendable {
  static let shared = DigestReads()
  private var counts: [String: Int] = [:]
  private let lock = NSLock()

  func add(_ path: String) { lock.withLock { counts[path, default: 0] += 1 } }
  func count(_ path: String) -> Int { lock.withLock { counts[path] ?? 0 } }
}
