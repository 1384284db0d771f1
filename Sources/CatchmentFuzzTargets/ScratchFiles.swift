import Foundation

/// A private scratch folder per process, where each input is written under a fixed name
/// (overwritten by the next input) for readers that take a path.
enum ScratchFiles {
  static let folder: String = {
    let path = NSTemporaryDirectory() + "catchment-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// Writes `bytes` to `name` in the scratch folder; its path.
  @discardableResult
  static func write(_ bytes: some Collection<UInt8>, as name: String) -> String {
    let path = folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  /// Removes `name` from the scratch folder, if there.
  static func remove(_ name: String) { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
}
