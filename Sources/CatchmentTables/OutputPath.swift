import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks and resolution of output paths, with messages that say what is wrong ("it is a
/// directory", "the folder out is read-only") rather than a system error number.
public enum OutputPath {
  /// Throws ``OutputError`` when `path` cannot be written: it is a directory, a file on the way
  /// to it is not a folder, or its folder (or the nearest existing folder above it) is not
  /// writable. Writes nothing; `-` (standard output) always passes.
  public static func check(_ path: String) throws {
    guard path != "-" else { return }
    guard !path.isEmpty else { throw OutputError(path: path, reason: "the path is empty") }
    var info = stat()
    if stat(path, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR { throw OutputError(path: path, reason: "it is a directory") }
      if (info.st_mode & S_IFMT) == S_IFREG && access(path, W_OK) != 0 {
        throw OutputError(path: path, reason: errno == EROFS ? "it is on a read-only file system" : "the file is read-only (\(String(cString: strerror(errno))))")
      }
    } else if path.hasSuffix("/") {
      throw OutputError(path: path, reason: "the path ends with '/', which names a folder, not a file")
    }
    // The nearest existing folder above the file must be a folder, and writable.
    var folder = folder(of: destination(of: path))
    while true {
      if stat(folder, &info) == 0 {
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(path: path, reason: "\(folder) is a file, not a folder") }
        if access(folder, W_OK | X_OK) != 0 {
          throw OutputError(path: path, reason: reason(errno, folder: folder))
        }
        return
      }
      guard errno == ENOENT else { throw OutputError(path: path, reason: "\(folder): \(String(cString: strerror(errno)))") }
      let up = Self.folder(of: folder)
      if up == folder { return }
      folder = up
    }
  }

  /// A message for a failure to create or replace a file in `folder`.
  static func reason(_ code: Int32, folder: String) -> String {
    switch code {
    case EACCES, EPERM: return "the folder \(folder) is not writable (permission denied)"
    case EROFS: return "the folder \(folder) is on a read-only file system"
    case ENOSPC: return "no space left on the device"
    case EDQUOT: return "disk quota exceeded"
    case EISDIR: return "it is a directory"
    case ENOTDIR: return "a part of the path is a file, not a folder"
    default: return String(cString: strerror(code))
    }
  }

  /// The folder holding `path` (`.` for a bare file name).
  static func folder(of path: String) -> String {
    if path == "/" { return "/" }
    var trimmed = path
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    return String(trimmed[..<slash])
  }

  /// `path` with a symbolic link at its end followed (so that the file it points to is
  /// replaced, not the link); `path` itself otherwise.
  static func destination(of path: String) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  /// Creates `folder` and the folders above it that are missing, appending each one created to
  /// `created`, outermost first.
  static func createFolders(_ folder: String, for path: String, created: inout [String]) throws {
    var missing: [String] = []
    var current = folder
    var info = stat()
    while stat(current, &info) != 0 {
      missing.append(current)
      let up = Self.folder(of: current)
      if up == current { break }
      current = up
    }
    for f in missing.reversed() {
      if mkdir(f, 0o777) != 0 && errno != EEXIST {
        throw OutputError(path: path, reason: "cannot create the folder \(f): \(reason(errno, folder: Self.folder(of: f)))")
      }
      created.append(f)
    }
  }

  /// Removes the folders in `created` (outermost first, as ``createFolders(_:for:created:)``
  /// records them) that are empty, innermost first.
  public static func removeFolders(_ created: [String]) {
    for f in created.reversed() { rmdir(f) }
  }
}
