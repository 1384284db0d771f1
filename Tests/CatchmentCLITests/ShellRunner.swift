import CatchmentTestSupport
import Foundation

/// Runs shell text with bash, as a user who pastes it into a terminal would.
enum ShellRunner {
  struct Result {
    var status: Int32
    /// Standard output and standard error, interleaved.
    var output: String
    /// True when the process ended by a signal (a trap, a crash), not by exiting.
    var signalled: Bool
  }

  /// Runs `script` with `bash -c` in `directory`, with `environment` added to this process's.
  static func run(_ script: String, in directory: URL, environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
  }

  /// `text` quoted for the shell.
  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
