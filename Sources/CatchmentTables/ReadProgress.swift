import Foundation

/// How many bytes of each file the CSV readers have read so far in this process, for a
/// progress bar of long reads (``CSVReader`` reads with `pread`, which leaves no file position
/// to look at). Off until ``enable()``: a reader then adds each block it reads, one locked
/// addition per block (4 MiB by default). Parallel readers of parts of one file add to the
/// same count, so the count over the file's size is how far the whole file has been read.
public final class ReadProgress: @unchecked Sendable {
  public static let shared = ReadProgress()

  private let lock = NSLock()
  private var enabled = false
  private var bytes: [String: Int] = [:]

  /// Starts counting (a progress display calls it before the run).
  public func enable() {
    lock.lock()
    enabled = true
    lock.unlock()
  }

  /// Counts `count` bytes read from `path`.
  func add(_ count: Int, path: String) {
    lock.lock()
    if enabled { bytes[path, default: 0] += count }
    lock.unlock()
  }

  /// The bytes read from `path` so far (the path as the reader was given it).
  public func bytesRead(_ path: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    return bytes[path] ?? 0
  }
}
