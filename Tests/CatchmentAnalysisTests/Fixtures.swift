import Foundation

/// Path of a file under `Tests/Fixtures`.
func fixture(_ relative: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}
