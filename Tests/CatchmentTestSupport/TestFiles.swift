import Foundation

/// Helpers shared by the test targets: temporary files and the committed fixtures.

/// Path of a file under `Tests/Fixtures`.
public func fixture(_ relative: String) -> String {
  packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
}

/// The package's root folder (found from this source file's location).
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder.
public func temporaryFolder() throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catchment-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Writes `bytes` to a fresh temporary file and returns its path.
public func temporaryFile(_ bytes: [UInt8], name: String = "table.csv") throws -> String {
  let url = try temporaryFolder().appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

/// Writes `text` (UTF-8) to a fresh temporary file and returns its path.
public func temporaryFile(_ text: String, name: String = "table.csv") throws -> String {
  try temporaryFile(Array(text.utf8), name: name)
}

/// A seeded generator (SplitMix64, Steele, Lea & Flood 2014) so that randomised tests repeat
/// exactly.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
