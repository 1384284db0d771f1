import Foundation

/// The git commit the running `catchment` was built from, for the manifest's `tool.revision`.
///
/// How it is obtained, without network and without a build step of its own: `#filePath` fixes at
/// compile time the folder the sources were compiled in (the package's folder, a git clone);
/// at run time `git rev-parse HEAD` in that folder gives its commit. The commit is the build's
/// only when the sources have not changed since the build, so it is checked:
/// - tracked files under `Sources/` and `Package.swift` changed since that commit
///   (`git status` of tracked files): the commit gets `-dirty`, git's own
///   suffix (built from that commit with local changes);
/// - any of those files newer than the running executable: the checkout has moved on since the
///   build (a pull, a checkout, an edit not rebuilt), so the commit is not the build's:
///   ``unknown``.
///
/// ``unknown`` too when the folder is gone (the binary was copied elsewhere or installed from an
/// archive), git is missing, or the folder is not a git checkout. Never fails the run.
public enum SourceRevision {
  /// What the manifest records when the revision cannot be told.
  public static let unknown = "unknown"

  /// The package's folder as it was when this file was compiled
  /// (`Sources/CatchmentStudy/SourceRevision.swift` → its grandparent's parent).
  public static let packageFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The revision of the running executable (see the type's description).
  public static func current() -> String {
    revision(packageFolder: packageFolder, executable: Bundle.main.executableURL)
  }

  /// The revision of a build of the package at `packageFolder` whose executable is
  /// `executable` (nil: not checked against the sources' times).
  public static func revision(packageFolder: URL, executable: URL?) -> String {
    let sources = packageFolder.appendingPathComponent("Sources")
    guard FileManager.default.fileExists(atPath: sources.path) else { return unknown }
    guard let head = git(["rev-parse", "HEAD^{commit}"], in: packageFolder), isCommitHash(head) else { return unknown }
    // Short status of tracked files only (-s -uno): empty when they match the commit.
    guard let status = git(["status", "-s", "-uno", "--", "Sources", "Package.swift"], in: packageFolder) else { return unknown }
    if let executable, let built = modified(executable) {
      let newest = newestModification(under: sources, also: packageFolder.appendingPathComponent("Package.swift"))
      if let newest, newest > built { return unknown }
    }
    return status.isEmpty ? head : head + "-dirty"
  }

  /// 40 (SHA-1) or 64 (SHA-256) lowercase hexadecimal digits.
  static func isCommitHash(_ text: String) -> Bool {
    (text.count == 40 || text.count == 64) && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
  }

  /// The output of `git ARGUMENTS` run in `folder`, trimmed; nil when git is missing or fails.
  /// Optional locks are off, so a read-only checkout works and the index is never written.
  static func git(_ arguments: [String], in folder: URL) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder.path, "-c", "color.ui=false"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_OPTIONAL_LOCKS"] = "0"
    environment["LC_ALL"] = "C"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func modified(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.modificationDate] as? Date
  }

  /// The latest modification time of the regular files under `folder` and of `also`.
  static func newestModification(under folder: URL, also: URL) -> Date? {
    var newest = modified(also)
    let keys: Set<URLResourceKey> = [.contentModificationDateKey, .isRegularFileKey]
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: Array(keys))
    while let file = files?.nextObject() as? URL {
      guard let values = try? file.resourceValues(forKeys: keys), values.isRegularFile == true,
        let date = values.contentModificationDate
      else { continue }
      if newest.map({ date > $0 }) ?? true { newest = date }
    }
    return newest
  }
}
