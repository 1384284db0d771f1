import CatchmentTestSupport
import Foundation
import Testing

/// The README's picture of the demo report: `docs/images/report.png`, made by
/// `scripts/screenshot.sh`, committed, under 300 KB, and shown near the top of the README,
/// after the two opening commands.
@Suite struct ReadmeScreenshotTests {
  static let png = packageRoot.appendingPathComponent("docs/images/report.png")

  @Test func screenshotIsAPNGUnder300KB() throws {
    let data = try Data(contentsOf: Self.png)
    #expect(data.count > 10_000 && data.count < 300 * 1024, "\(data.count) bytes")
    let bytes = [UInt8](data.prefix(24))
    try #require(bytes.count == 24)
    #expect(bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
    // IHDR: width and height, big-endian: a desktop-width picture, not a thumbnail.
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect((800...1600).contains(width) && (300...2000).contains(height), "\(width) × \(height)")
  }

  @Test func readmeShowsItAfterTheOpeningCommands() throws {
    let readme = try contents(packageRoot.appendingPathComponent("README.md"))
    let image = try #require(readme.range(of: "](docs/images/report.png)"))
    let commands = try #require(readme.range(of: "bash scripts/test.sh\n```"))
    let firstSection = try #require(readme.range(of: "\n## "))
    #expect(commands.upperBound <= image.lowerBound && image.upperBound <= firstSection.lowerBound)
    #expect(readme.contains("bash\nscripts/screenshot.sh") || readme.contains("bash scripts/screenshot.sh"))
    #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("scripts/screenshot.sh").path))
  }
}
