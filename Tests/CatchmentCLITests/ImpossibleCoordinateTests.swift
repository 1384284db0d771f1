import CatchmentTestSupport
import Foundation
import Testing

/// A boundary file with a coordinate of 1e300 (finite, so the readers take it) used to trap
/// (exit 132) converting it to an index; now every geometry command stops with exit 1 and a
/// message naming the file and the feature.
@Suite struct ImpossibleCoordinateTests {
  /// The demo LSOA boundaries with the second vertex of feature 4 (E01100004) at x = 1e300.
  static func zonesWithAHugeCoordinate() throws -> String {
    let text = try String(contentsOfFile: packageRoot.appendingPathComponent("data/lsoa_boundaries.geojson").path, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let k = try #require(lines.firstIndex { $0.contains("\"E01100004\"") })
    let range = try #require(lines[k].range(of: "\"coordinates\":[[["))
    let rest = lines[k][range.upperBound...]
    let second = try #require(rest.range(of: "],[")).upperBound
    let comma = try #require(rest[second...].firstIndex(of: ","))
    lines[k].replaceSubrange(second..<comma, with: "1e300")
    return try temporaryFile(lines.joined(separator: "\n"), name: "zones.geojson")
  }

  @Test(arguments: ["best-fit", "area"]) func crosswalkNamesTheFeature(method: String) throws {
    let zones = try Self.zonesWithAHugeCoordinate()
    let result = try CommandRunner.run([
      "crosswalk", "--method", method, "--zones", zones, "--zone-id", "LSOA21CD",
      "--footprints", packageRoot.appendingPathComponent("data/icb_boundaries.shp").path, "--footprint-id", "ICB23CD", "-o", "-",
    ])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("zones.geojson#4 (E01100004)"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
