import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private scratch folder per process, where each input is written under a fixed name
/// (overwritten by the next input) for readers that take a path.
enum ScratchFiles {
  static let folder: String = {
    let path = NSTemporaryDirectory() + "catchment-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// Writes `bytes` to `name` in the scratch folder; its path. Plain `fopen`/`fwrite`: the
  /// fuzzer writes thousands of files a second, and Foundation's atomic writes cost a rename each.
  @discardableResult
  static func write(_ bytes: some Collection<UInt8>, as name: String) -> String {
    let path = folder + "/" + name
    guard let file = fopen(path, "wb") else { return path }
    defer { fclose(file) }
    _ = Array(bytes).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    return path
  }

  /// Removes `name` from the scratch folder, if there.
  static func remove(_ name: String) { unlink(folder + "/" + name) }
}
