import CatchmentFuzzTargets
import CatchmentTestSupport
import Foundation
import Testing

/// Replays every seed and every crash the fuzzers ever found (`Tests/Fixtures/fuzz/<target>/`)
/// through its target: a trap anywhere fails the run. The search itself runs in
/// `scripts/fuzz.sh`, not here.
@Suite struct FuzzCorpusReplayTests {
  /// The corpus files of `target`, sorted.
  static func corpus(_ target: FuzzTarget) throws -> [URL] {
    let folder = URL(fileURLWithPath: fixture("fuzz/\(target.rawValue)"))
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test(arguments: FuzzTarget.allCases)
  func corpusReplaysWithoutATrap(target: FuzzTarget) throws {
    let files = try Self.corpus(target)
    // Each target has seeds: an empty corpus would make this test pass vacuously.
    #expect(files.count >= 3, "\(target.rawValue) has \(files.count) corpus files")
    for file in files { target.run([UInt8](try Data(contentsOf: file))) }
  }

  @Test func shapefileInputsSplitAsTheyWereJoined() {
    let joined = ShapefileFuzz.join(shp: [1, 2, 3], shx: [4], dbf: [5, 6])
    let parts = ShapefileFuzz.split(joined)
    #expect(Array(parts.shp) == [1, 2, 3] && Array(parts.shx) == [4] && Array(parts.dbf) == [5, 6])
    // Lengths past the end are clamped.
    let short = ShapefileFuzz.split([255, 255, 0, 0, 9, 0, 0, 0, 7])
    #expect(Array(short.shp) == [7] && short.shx.isEmpty && short.dbf.isEmpty)
  }
}
