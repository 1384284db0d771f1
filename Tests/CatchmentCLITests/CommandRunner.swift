import CatchmentTestSupport
import Foundation

/// Runs the built `catchment` executable and captures what it prints.
struct CommandRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `catchment` binary built beside the test bundle.
  static let executable: URL = {
    var candidates: [URL] = []
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("catchment"))
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("catchment"))
    for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("catchment")) }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/catchment"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
  }()

  /// Runs `catchment` with `arguments` in `directory`.
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so that a full pipe cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
  }
}

/// The text of a file.
func contents(_ url: URL) throws -> String {
  try String(contentsOf: url, encoding: .utf8)
}
