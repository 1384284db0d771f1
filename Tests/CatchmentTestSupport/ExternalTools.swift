import Foundation

/// Running the programs the tests check against (GDAL's `ogrinfo` from Debian's gdal-bin).

/// The path of `name` on PATH, or nil.
public func executable(_ name: String) -> String? {
  let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
  return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A program that exited with a non-zero status, with what it printed.
public struct ProcessFailure: Error, CustomStringConvertible {
  public let status: Int32
  public let output: String
  public var description: String { "exit \(status): \(output)" }
}

/// Runs `path` with `arguments`; its standard output and error, or ``ProcessFailure`` for a
/// non-zero exit.
@discardableResult
public func runTool(_ path: String, _ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let output = String(decoding: data, as: UTF8.self)
  guard process.terminationStatus == 0 else { throw ProcessFailure(status: process.terminationStatus, output: output) }
  return output
}
