import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentTables

/// Outputs staged beside their targets: nothing is replaced before the commit, a discard
/// leaves no trace, and a failure says what is wrong with the path.
@Suite struct StagedFileTests {
  func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func targetIsReplacedOnlyOnCommit() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("out.csv")
    try "old\n".write(to: target, atomically: false, encoding: .utf8)
    var created: [String] = []
    let staged = try StagedFile.stage(Array("new\n".utf8), for: target.path, createdFolders: &created)
    #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
    #expect(try names(in: folder).count == 2)
    try staged.commit()
    #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
    #expect(try names(in: folder) == ["out.csv"])
  }

  @Test func discardLeavesTheTargetAndRemovesCreatedFolders() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("a/b/out.csv")
    var created: [String] = []
    let staged = try StagedFile.stage(Array("new\n".utf8), for: target.path, createdFolders: &created)
    #expect(created == [folder.appendingPathComponent("a").path, folder.appendingPathComponent("a/b").path])
    staged.discard()
    OutputPath.removeFolders(created)
    #expect(try names(in: folder).isEmpty)
  }

  /// Writing through a symbolic link replaces the file it points to and keeps the link.
  @Test func symbolicLinkIsFollowed() throws {
    let folder = try temporaryFolder()
    let real = folder.appendingPathComponent("real.csv"), link = folder.appendingPathComponent("link.csv")
    try "old\n".write(to: real, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.csv")
    try CSVWriter.writeBytes(Array("new\n".utf8), to: link.path)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.csv")
    #expect(try String(contentsOf: real, encoding: .utf8) == "new\n")
  }

  @Test func aDirectoryIsNamedAsSuch() throws {
    let folder = try temporaryFolder()
    let error = #expect(throws: OutputError.self) { try CSVWriter.writeBytes([0x41], to: folder.path) }
    #expect(error?.description == "cannot write \(folder.path): it is a directory")
  }
}
