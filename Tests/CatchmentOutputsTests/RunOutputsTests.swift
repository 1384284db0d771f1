import CatchmentOutputs
import CatchmentTestSupport
import Foundation
import Testing

/// A run's outputs are put in place all or nothing (``RunOutputs``): nothing is visible before
/// ``RunOutputs/commit()``, and ``RunOutputs/discard()`` leaves no file and no folder behind.
@Suite struct RunOutputsTests {
  /// Files under `folder`, relative, sorted (temporary files included).
  func listing(_ folder: URL) -> [String] {
    ((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []).sorted()
  }

  @Test func nothingIsInPlaceBeforeCommit() throws {
    let folder = try temporaryFolder()
    let target = folder.appendingPathComponent("out/table.csv")
    let outputs = RunOutputs()
    var table = CSVWriter(header: ["a", "b"])
    table.append(["1", "2"])
    try outputs.stage(table, to: target.path)
    try outputs.stage(Array("{}\n".utf8), to: folder.appendingPathComponent("tree.json").path)
    #expect(!FileManager.default.fileExists(atPath: target.path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tree.json").path))
    try outputs.commit()
    #expect(try String(contentsOf: target, encoding: .utf8) == "a,b\n1,2\n")
    #expect(try String(contentsOf: folder.appendingPathComponent("tree.json"), encoding: .utf8) == "{}\n")
    #expect(listing(folder) == ["out", "out/table.csv", "tree.json"])
  }

  @Test func discardLeavesNothingBehind() throws {
    let folder = try temporaryFolder()
    let kept = folder.appendingPathComponent("kept.csv")
    try "old\n".write(to: kept, atomically: false, encoding: .utf8)
    let outputs = RunOutputs()
    try outputs.stage(Array("new\n".utf8), to: kept.path)
    try outputs.stage(Array("x\n".utf8), to: folder.appendingPathComponent("new/deeper/x.csv").path)
    #expect(listing(folder).contains { $0.contains(".catchment-") })
    outputs.discard()
    #expect(listing(folder) == ["kept.csv"])
    #expect(try String(contentsOf: kept, encoding: .utf8) == "old\n")
    // A discarded run commits nothing afterwards.
    try outputs.commit()
    #expect(listing(folder) == ["kept.csv"])
  }
}
