import CatchmentTestSupport
import Foundation
import Testing

/// `catchment adjacency` as run: the demo zones, zones split across files, the report, and
/// errors named by their option.
@Suite struct AdjacencyCommandTests {
  /// A GeoJSON FeatureCollection in British National Grid of squares (id, x0, y0, side).
  static func squares(_ squares: [(String, Double, Double, Double)]) -> String {
    let features = squares.map { id, x, y, side in
      "{\"type\":\"Feature\",\"properties\":{\"code\":\"\(id)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(x),\(y)],[\(x + side),\(y)],[\(x + side),\(y + side)],[\(x),\(y + side)],[\(x),\(y)]]]}}"
    }
    return "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},\"features\":[\(features.joined(separator: ","))]}"
  }

  @Test func demoZonesWriteTheContractCSVAndReport() throws {
    let folder = try temporaryFolder()
    let output = folder.appendingPathComponent("adjacency.csv"), report = folder.appendingPathComponent("report.json")
    let run = try CommandRunner.run([
      "adjacency", "--zones", packageRoot.appendingPathComponent("data/lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD",
      "--output", output.path, "--report", report.path,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let text = try contents(output)
    #expect(text.hasPrefix("zone_a,zone_b,shared_m,kind\nE01100001,E01100002,1000,edge\n"))
    #expect(run.stderr.contains("edge pairs"))
    #expect(try contents(report).contains("\"components before linking\""))
    // Same bytes on one worker.
    let one = folder.appendingPathComponent("one.csv")
    #expect(try CommandRunner.run(["adjacency", "--zones", packageRoot.appendingPathComponent("data/lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD", "--output", one.path, "--workers", "1", "--quiet"]).status == 0)
    #expect(try contents(one) == text)
  }

  /// A national set split by council: B in its own file still borders A and C; an island file
  /// is linked, the gap in the report, unless --no-links (then a loss, failing --strict).
  @Test func zonesInSeparateFilesAreAdjacentAndIslandsLinked() throws {
    let folder = try temporaryFolder()
    try Self.squares([("A", 0, 0, 100), ("C", 200, 0, 100)]).write(to: folder.appendingPathComponent("one.geojson"), atomically: true, encoding: .utf8)
    try Self.squares([("B", 100, 0, 100), ("Z", 1000, 0, 100)]).write(to: folder.appendingPathComponent("two.geojson"), atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("adjacency.csv")
    let run = try CommandRunner.run(["adjacency", "--zones", folder.path, "--zone-id", "code", "--output", output.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try contents(output) == "zone_a,zone_b,shared_m,kind\nA,B,100,edge\nB,C,100,edge\nC,Z,0,link\n")
    #expect(run.stderr.contains("link C–Z: 700 m apart"))
    let strict = try CommandRunner.run(["adjacency", "--zones", folder.path, "--zone-id", "code", "--output", output.path, "--no-links", "--strict"])
    #expect(strict.status == 3)
    #expect(strict.stderr.contains("zone in no pair"))
  }

  @Test func badOptionsAreNamed() throws {
    let zones = packageRoot.appendingPathComponent("data/lsoa_boundaries.geojson").path
    let output = try temporaryFolder().appendingPathComponent("a.csv").path
    let latLon = try CommandRunner.run(["adjacency", "--zones", zones, "--zone-id", "LSOA21CD", "--crs", "EPSG:4326", "--output", output])
    #expect(latLon.status == 64)
    #expect(latLon.stderr.contains("--crs EPSG:4326 is not a projected CRS"))
    let negative = try CommandRunner.run(["adjacency", "--zones", zones, "--zone-id", "LSOA21CD", "--min-shared", "-1", "--output", output])
    #expect(negative.status == 64)
    #expect(negative.stderr.contains("--min-shared"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
