@testable import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The manifest's `tool.revision`, on throw-away git checkouts: the commit when the build is
/// newer than the sources, `-dirty` with local changes, unknown when the sources moved on or
/// there is no checkout. Commits are read back with git itself.
@Suite struct SourceRevisionTests {
  @discardableResult
  func git(_ arguments: [String], in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder.path, "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments)")
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func setModified(_ url: URL, _ seconds: TimeInterval) throws {
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: url.path)
  }

  /// A checkout with Package.swift and Sources/A/a.swift committed, every file dated 1_000_000_000,
  /// and an "executable" outside it dated 2_000_000_000.
  func checkout() throws -> (folder: URL, executable: URL, source: URL, head: String) {
    let folder = try temporaryFolder().appendingPathComponent("package")
    let source = folder.appendingPathComponent("Sources/A/a.swift")
    try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("let a = 1\n".utf8).write(to: source)
    try Data("// swift-tools-version: 6.1\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
    try git(["init", "-q"], in: folder)
    try git(["add", "-A"], in: folder)
    try git(["commit", "-q", "-m", "first"], in: folder)
    for url in [source, folder.appendingPathComponent("Package.swift")] { try setModified(url, 1_000_000_000) }
    let executable = folder.deletingLastPathComponent().appendingPathComponent("catchment")
    try Data("binary".utf8).write(to: executable)
    try setModified(executable, 2_000_000_000)
    return (folder, executable, source, try git(["rev-parse", "HEAD"], in: folder))
  }

  @Test func builtFromTheCommit() throws {
    let c = try checkout()
    #expect(c.head.count == 40)
    #expect(SourceRevision.revision(packageFolder: c.folder, executable: c.executable) == c.head)
  }

  @Test func localChangesBuiltAreDirty() throws {
    let c = try checkout()
    try Data("let a = 2\n".utf8).write(to: c.source)
    try setModified(c.source, 1_500_000_000)
    #expect(SourceRevision.revision(packageFolder: c.folder, executable: c.executable) == c.head + "-dirty")
  }

  /// A source newer than the executable (a pull or an edit not rebuilt): the commit is not the
  /// build's.
  @Test func sourcesNewerThanTheBuildAreUnknown() throws {
    let c = try checkout()
    try setModified(c.source, 2_500_000_000)
    #expect(SourceRevision.revision(packageFolder: c.folder, executable: c.executable) == SourceRevision.unknown)
  }

  @Test func noCheckoutIsUnknown() throws {
    let folder = try temporaryFolder()
    #expect(SourceRevision.revision(packageFolder: folder, executable: nil) == SourceRevision.unknown)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("Sources"), withIntermediateDirectories: true)
    #expect(SourceRevision.revision(packageFolder: folder, executable: nil) == SourceRevision.unknown)
  }

  /// This package: the folder this test binary's sources were compiled in.
  @Test func thisPackagesFolder() {
    #expect(SourceRevision.packageFolder.standardizedFileURL == packageRoot.standardizedFileURL)
  }
}
