import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an output could not be written, naming the path and what is wrong with it:
/// `cannot write out/: it is a directory`.
public struct OutputError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The path as the user gave it; `-` for standard output.
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    path == "-" ? "cannot write to standard output: \(reason)" : "cannot write \(path): \(reason)"
  }
}

/// An output written under a temporary name beside its target and renamed onto the target only
/// when committed, so that the target is either left as it was or replaced whole (a rename in
/// one folder is atomic), never half written.
///
/// Targets that are not regular files (`/dev/null`, a named pipe) cannot be renamed onto: their
/// bytes are kept and written straight to them on commit.
public struct StagedFile: Sendable {
  /// The path as the user gave it, for messages.
  public let target: String
  /// Where the bytes go: the target with a symbolic link at its end followed, so that writing
  /// through a link replaces the file it points to, not the link.
  let destination: String
  /// The temporary file beside `destination`, or nil for a target that is not a regular file.
  public let temporary: String?
  /// The bytes for a target that is not a regular file.
  let direct: [UInt8]

  /// Writes `bytes` for `path` to a temporary file in the target's folder, creating missing
  /// folders (appended to `createdFolders`, outermost first, so that a failed run can remove
  /// them). Nothing is replaced until ``commit()``.
  public static func stage(_ bytes: [UInt8], for path: String, createdFolders: inout [String]) throws -> StagedFile {
    try OutputPath.check(path)
    let destination = OutputPath.destination(of: path)
    var info = stat()
    let exists = stat(destination, &info) == 0
    if exists && (info.st_mode & S_IFMT) != S_IFREG {
      return StagedFile(target: path, destination: destination, temporary: nil, direct: bytes)
    }
    let folder = OutputPath.folder(of: destination)
    try OutputPath.createFolders(folder, for: path, created: &createdFolders)
    let name = (destination as NSString).lastPathComponent
    var temporary = ""
    var fd: Int32 = -1
    for attempt in 0..<100 {
      temporary = (folder as NSString).appendingPathComponent(".\(name).catchment-\(getpid())-\(attempt).tmp")
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw OutputError(path: path, reason: OutputPath.reason(errno, folder: folder)) }
    // A replaced file keeps its permissions (a new one gets the umask's).
    if exists { _ = fchmod(fd, info.st_mode & 0o7777) }
    let written = writeAll(fd, bytes)
    let closed = close(fd) == 0 ? 0 : errno
    if written != 0 || closed != 0 {
      unlink(temporary)
      throw OutputError(path: path, reason: OutputPath.reason(written != 0 ? written : closed, folder: folder))
    }
    return StagedFile(target: path, destination: destination, temporary: temporary, direct: [])
  }

  /// Puts the output in place: renames the temporary file onto the target (or writes the bytes
  /// to a target that is not a regular file).
  public func commit() throws {
    guard let temporary else {
      let fd = open(destination, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
      let written = Self.writeAll(fd, direct)
      close(fd)
      if written != 0 { throw OutputError(path: target, reason: String(cString: strerror(written))) }
      return
    }
    guard rename(temporary, destination) == 0 else {
      let code = errno
      unlink(temporary)
      throw OutputError(path: target, reason: OutputPath.reason(code, folder: OutputPath.folder(of: destination)))
    }
  }

  /// Removes the temporary file (the target is left as it was).
  public func discard() {
    if let temporary { unlink(temporary) }
  }

  /// Writes every byte to `fd`, retrying after interruptions; 0, or the `errno` of the failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { buffer -> Int32 in
      var offset = 0
      while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += n
      }
      return 0
    }
  }
}
