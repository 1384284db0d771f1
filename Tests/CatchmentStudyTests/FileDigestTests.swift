import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// SHA-256 and size, checked against coreutils `sha256sum` and `stat`, computed independently.
@Suite struct FileDigestTests {
  /// `sha256sum FILE` → the 64 hex digits.
  func sha256sum(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data.prefix(64), as: UTF8.self)
  }

  @Test func demoFilesMatchSha256sum() throws {
    for name in ["lsoa_sicbl_icb_lad_lookup.csv", "gp_reg_pat_prac_lsoa.csv", "demo_study.toml"] {
      let path = packageRoot.appendingPathComponent("data").appendingPathComponent(name).path
      let digest = try FileDigest(ofFileAt: path)
      #expect(digest.sha256 == (try sha256sum(path)), "\(name)")
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber
      #expect(digest.size == size?.uint64Value)
    }
  }

  /// Files that end exactly on, just before and just after a chunk boundary, and across several
  /// chunks, hash as `sha256sum` says (the streaming loop must not drop or repeat a chunk).
  @Test(arguments: [0, 1, FileDigest.chunkSize - 1, FileDigest.chunkSize, FileDigest.chunkSize + 1, 2 * FileDigest.chunkSize + 12_345])
  func chunkBoundaries(_ size: Int) throws {
    var generator = SeededGenerator(seed: UInt64(size))
    let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let path = try temporaryFile(bytes, name: "random.bin")
    let digest = try FileDigest(ofFileAt: path)
    #expect(digest.size == UInt64(size))
    #expect(digest.sha256 == (try sha256sum(path)))
  }

  /// The empty file's SHA-256 is the published constant (FIPS 180-4 test vectors).
  @Test func emptyFileHasTheKnownDigest() throws {
    let digest = try FileDigest(ofFileAt: try temporaryFile([UInt8](), name: "empty"))
    #expect(digest == FileDigest(size: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
  }

  @Test func missingFileIsATypedError() {
    #expect(throws: FileDigestError.self) { try FileDigest(ofFileAt: "/nonexistent/file.csv") }
    do {
      _ = try FileDigest(ofFileAt: "/nonexistent/file.csv")
    } catch {
      #expect(error.path == "/nonexistent/file.csv")
      #expect(error.description.hasPrefix("/nonexistent/file.csv: "))
    }
  }
}
