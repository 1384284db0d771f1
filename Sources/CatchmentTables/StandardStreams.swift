import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error written with the system's `write`, checking for errors
/// (`FileHandle.write(_:)` traps when the write fails, e.g. on a full disk or a closed stream).
public enum StandardStreams {
  /// Writes `bytes` to standard output.
  ///
  /// - Throws: ``OutputError`` with path `-` when the write fails (`>/dev/full`, a closed
  ///   standard output).
  public static func writeOutput(_ bytes: [UInt8]) throws {
    let code = StagedFile.writeAll(STDOUT_FILENO, bytes)
    if code != 0 { throw OutputError(path: "-", reason: String(cString: strerror(code))) }
  }

  /// Writes `text` to standard error; a failure is ignored (there is nowhere left to say so).
  public static func writeError(_ text: String) {
    _ = StagedFile.writeAll(STDERR_FILENO, Array(text.utf8))
  }

  /// Puts `/dev/null`, opened read-only, on each of descriptors 0, 1 and 2 that is closed
  /// (`catchment … >&-`), so that no file the run opens takes its number: a write to a closed
  /// standard output then fails (and is reported) instead of landing in an output file.
  /// Call first thing in `main`.
  public static func reserveClosedDescriptors() {
    for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let null = open("/dev/null", O_RDONLY)
      if null >= 0 && null != fd {
        dup2(null, fd)
        close(null)
      }
    }
  }
}
