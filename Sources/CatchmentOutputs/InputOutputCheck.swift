import CatchmentTables
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A run that would overwrite one of its own inputs, or write one file twice, found before
/// anything is read; it names the files by their callers' labels. (The CLI reports it as a
/// usage error, exit 64.)
public struct FileConflict: Error, Sendable, CustomStringConvertible {
  public let description: String
}

/// Checks a command's files before the run reads anything:
///
/// - no output names an input of the same run (compared as resolved paths, so `./x` and `x`,
///   a relative and an absolute path, a symbolic link and its target, and hard links are the
///   same file), nor a file that a folder or glob input would read (a `.geojson` written into
///   a folder of boundaries read, a Shapefile's `.dbf` beside an input `.shp`);
/// - no two outputs name the same file;
/// - every output can be written (``OutputPath/check(_:)``: not a directory, a writable folder).
public enum InputOutputCheck {
  /// - Throws: ``FileConflict`` or ``OutputError`` (a path that cannot be written).
  public static func check(inputs: [RunFiles.Input], outputs: [RunFiles.Output]) throws {
    let outputs = outputs.filter { $0.path != "-" }
    var seen: [(output: RunFiles.Output, path: String)] = []
    for output in outputs {
      let path = resolved(output.path)
      if let other = seen.first(where: { $0.path == path || sameFile($0.output.path, output.path) }) {
        throw FileConflict(description: "\(other.output.label) \(other.output.path) and \(output.label) \(output.path) name the same file; give each output its own file")
      }
      seen.append((output, path))
    }
    for output in outputs {
      for input in inputs {
        if let how = overwrites(output.path, input: input) {
          let consequence = how == "is" || how.hasPrefix("is a part") ? "the run would overwrite its own input" : "it would be read as an input the next time"
          throw FileConflict(
            description: "\(output.label) \(output.path) \(how) the input \(input.label) \(input.path): \(consequence); write the output to another file")
        }
      }
    }
    for output in outputs { try OutputPath.check(output.path) }
  }

  /// How writing `output` would overwrite what `input` reads ("is", "is read through"), or nil.
  static func overwrites(_ output: String, input: RunFiles.Input) -> String? {
    let out = resolved(output)
    let extensionOut = (out as NSString).pathExtension.lowercased()
    var info = stat()
    if stat(input.path, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        // A folder input reads every file in it with one of the kind's extensions.
        guard input.kind != .file else { return nil }
        if (out as NSString).deletingLastPathComponent == resolved(input.path) && input.kind.extensions.contains(extensionOut) {
          return "lies in the folder read as"
        }
        return nil
      }
      if out == resolved(input.path) || sameFile(output, input.path) { return "is" }
      if input.kind == .boundaries && isShapefileSidecar(out, of: resolved(input.path)) { return "is a part of the Shapefile read as" }
      return nil
    }
    // Not an existing path: a glob pattern (for the kinds that take them), matched against the
    // output as given and as an absolute path.
    guard input.kind != .file, input.kind.extensions.contains(extensionOut) else { return nil }
    let absolutePattern = input.path.hasPrefix("/") ? input.path : FileManager.default.currentDirectoryPath + "/" + input.path
    // A sidecar is read when the .shp beside it matches.
    let candidates = [output, out, absolute(output)].flatMap { path -> [String] in
      guard ["dbf", "shx", "prj", "cpg"].contains(extensionOut) else { return [path] }
      let stem = (path as NSString).deletingPathExtension
      return [stem + ".shp", stem + ".SHP"]
    }
    for candidate in candidates {
      if fnmatch(input.path, candidate, FNM_PATHNAME) == 0 || fnmatch(absolutePattern, candidate, FNM_PATHNAME) == 0 {
        return "would be read by the pattern of"
      }
    }
    return nil
  }

  /// True when `path` is the `.dbf`, `.shx`, `.prj` or `.cpg` of the Shapefile `shp`.
  static func isShapefileSidecar(_ path: String, of shp: String) -> Bool {
    guard (shp as NSString).pathExtension.lowercased() == "shp",
      ["dbf", "shx", "prj", "cpg"].contains((path as NSString).pathExtension.lowercased())
    else { return false }
    return (path as NSString).deletingPathExtension == (shp as NSString).deletingPathExtension
  }

  /// True when both paths exist and are the same file (device and inode: hard links too).
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat(), y = stat()
    guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  /// `path` made absolute, without `.`/`..` components.
  static func absolute(_ path: String) -> String {
    let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (full as NSString).standardizingPath
  }

  /// `path` absolute with every symbolic link resolved: the real path of its deepest existing
  /// part, followed by the parts that do not exist yet.
  static func resolved(_ path: String) -> String {
    var head = absolute(path)
    var tail: [String] = []
    while true {
      if let real = realpath(head, nil) {
        defer { free(real) }
        var result = String(cString: real)
        for part in tail.reversed() { result = (result as NSString).appendingPathComponent(part) }
        return result
      }
      let parent = (head as NSString).deletingLastPathComponent
      if parent == head || parent.isEmpty { return absolute(path) }
      tail.append((head as NSString).lastPathComponent)
      head = parent
    }
  }
}
