import CatchmentTestSupport
import Foundation
import Testing

/// `catchment crosswalk --method lookup` across boundary vintages: ``BridgeFixture`` (ONS
/// layout: LSOA11CD, LSOA21CD, CHGIND), read both ways, with the weights of ``LookupSplitTests``.
@Suite struct LookupSplitCommandTests {
  static let bridge = BridgeFixture.csv
  /// 2011 populations (SAPE layout, a total row first): E01000003 100, E01000004 300 → ¼, ¾;
  /// E01000005 50, E01000006 150 → ¼, ¾.
  static let population2011 = """
    Area Codes,Area Names,All Ages
    E92000001,England,"1,000"
    E01000001,one,10
    E01000002,two,20
    E01000003,three,100
    E01000004,four,300
    E01000005,five,50
    E01000006,six,150

    """

  func files() throws -> (lookup: String, population: String) {
    let folder = try temporaryFolder()
    let lookup = folder.appendingPathComponent("bridge.csv"), population = folder.appendingPathComponent("pop11.csv")
    try Self.bridge.write(to: lookup, atomically: false, encoding: .utf8)
    try Self.population2011.write(to: population, atomically: false, encoding: .utf8)
    return (lookup.path, population.path)
  }

  func reverse(_ lookup: String) -> [String] {
    ["crosswalk", "--method", "lookup", "--lookup", lookup, "--lookup-zone", "LSOA11CD", "--lookup-footprint", "LSOA21CD", "--lookup-direction", "reverse"]
  }

  @Test func reverseWithPopulationSplit() throws {
    let (lookup, population) = try files()
    let result = try CommandRunner.run(
      reverse(lookup) + [
        "--lookup-name", "LSOA11NM", "--split-by", "population", "--split-population", population, "--split-population-id", "Area Codes",
        "--split-population-value", "All Ages", "-o", "-",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        zone_id,footprint_id,weight,footprint_name,method
        E01100001,E01000001,1,one,lookup
        E01100002,E01000002,1,two,lookup
        E01100003,E01000002,1,two,lookup
        E01100004,E01000003,0.25,three,lookup
        E01100004,E01000004,0.75,four,lookup
        E01100005,E01000005,1,five,lookup
        E01100006,E01000005,0.25,five,lookup
        E01100006,E01000006,0.75,six,lookup

        """)
    #expect(result.stderr.contains("lookup zones with change code M: split by population"), "\(result.stderr)")
    #expect(result.stderr.contains("complex (X) zones were split by the targets' population, not by area"), "\(result.stderr)")
    #expect(result.stderr.contains("E01100006"))
  }

  @Test func forwardWithEqualSplit() throws {
    let (lookup, _) = try files()
    let result = try CommandRunner.run([
      "crosswalk", "--method", "lookup", "--lookup", lookup, "--lookup-zone", "LSOA11CD", "--lookup-footprint", "LSOA21CD", "--split-by", "equal", "-o", "-",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("E01000002,E01100002,0.5,lookup\nE01000002,E01100003,0.5,lookup\n"), "\(result.stdout)")
    #expect(result.stdout.contains("E01000003,E01100004,1,lookup\nE01000004,E01100004,1,lookup\n"))
    #expect(result.stderr.contains("an assumption"), "\(result.stderr)")
  }

  /// Without --split-by the run is refused, counting and naming the zones.
  @Test func refusalNamesTheZonesAndTheOption() throws {
    let (lookup, _) = try files()
    let result = try CommandRunner.run(reverse(lookup) + ["-o", "-"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("2 zones map to several footprints (E01100004, E01100006) and the lookup has no weight column; give --lookup-weight, or choose --split-by population|area|equal"), "\(result.stderr)")
  }

  @Test(arguments: [
    (["--split-by", "population"], "--split-by population needs --split-population"),
    (["--split-population", "P", "--split-population-id", "a", "--split-population-value", "b"], "add --split-by"),
    (["--split-population-id", "a"], "need --split-population FILE"),
    (["--split-by", "area"], "--split-by area needs --zones"),
    (["--split-by", "equal", "--lookup-weight", "w"], "--split-by and --split-population are for lookups without one"),
    (["--footprints", "f.geojson", "--footprint-id", "id"], "add --split-by"),
    (["--lookup-direction", "sideways"], "sideways"),
  ])
  func inconsistentOptionsAreRefused(extra: [String], message: String) throws {
    let (lookup, _) = try files()
    let result = try CommandRunner.run(reverse(lookup) + extra + ["-o", "-"])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  /// Commands reading a lookup inline take the split: 2011 populations carried forward to 2021
  /// zones, equal shares (E01000002's 20 → 10 + 10; E01000005's 50 → 25 + 25, E01100006 25 +
  /// 150), the total of 630 kept.
  @Test func populationsTakesTheSplit() throws {
    let (lookup, population) = try files()
    let result = try CommandRunner.run([
      "populations", "--population", population, "--population-id", "Area Codes", "--population-value", "All Ages", "--lookup", lookup,
      "--lookup-zone", "LSOA11CD", "--lookup-footprint", "LSOA21CD", "--split-by", "equal", "-o", "-",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        footprint_id,footprint_name,population
        E01100001,,10
        E01100002,,10
        E01100003,,10
        E01100004,,400
        E01100005,,25
        E01100006,,175

        """)
    #expect(result.stderr.contains("population counted: 630"), "\(result.stderr)")
  }

  /// Commands reading a lookup inline take the split; an area split is for 'crosswalk' alone.
  @Test func flowsTakesTheSplitButNotByArea() throws {
    let (lookup, _) = try files()
    let result = try CommandRunner.run([
      "flows", "--registrations", fixture("tiny/registrations.csv"), "--lookup", lookup, "--lookup-zone", "LSOA11CD", "--lookup-footprint", "LSOA21CD",
      "--split-by", "area", "-o", "-",
    ])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("--split-by area needs the polygons of 'catchment crosswalk --method lookup'"), "\(result.stderr)")
  }

  /// A GeoJSON layer of boxes in British National Grid metres, ids in `field`.
  static func boxes(_ features: [(String, (Double, Double, Double, Double))], field: String) -> String {
    let items = features.map { id, b in
      let ring = [(b.0, b.1), (b.2, b.1), (b.2, b.3), (b.0, b.3), (b.0, b.1)].map { "[\($0.0), \($0.1)]" }.joined(separator: ", ")
      return "{\"type\": \"Feature\", \"properties\": {\"\(field)\": \"\(id)\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[\(ring)]]}}"
    }
    return """
      {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
       "features": [\(items.joined(separator: ",\n"))]}
      """
  }

  /// The polygons of ``LookupSplitTests`` ×100 m: B4 meets E01000003 1 part in 4 and
  /// E01000004 3; B6 meets E01000005 1 part, E01000006 2 and E01000002 (not its target) 1.
  func polygonArguments() throws -> [String] {
    let folder = try temporaryFolder()
    let zones = folder.appendingPathComponent("lsoa21.geojson"), targets = folder.appendingPathComponent("lsoa11.geojson")
    try Self.boxes([("E01100004", (0, 0, 200, 200)), ("E01100006", (1000, 0, 1400, 100))], field: "LSOA21CD").write(to: zones, atomically: false, encoding: .utf8)
    try Self.boxes(
      [
        ("E01000003", (0, 0, 50, 200)), ("E01000004", (50, 0, 300, 200)), ("E01000005", (900, 0, 1100, 100)), ("E01000006", (1100, 0, 1300, 200)),
        ("E01000002", (1300, 0, 1500, 100)),
      ], field: "LSOA11CD"
    ).write(to: targets, atomically: false, encoding: .utf8)
    return ["--zones", zones.path, "--zone-id", "LSOA21CD", "--footprints", targets.path, "--footprint-id", "LSOA11CD"]
  }

  /// The weights of a crosswalk CSV on standard output, by zone and footprint.
  static func weights(_ csv: String) -> [String: [String: Double]] {
    var out: [String: [String: Double]] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      out[fields[0], default: [:]][fields[1]] = Double(fields[2])
    }
    return out
  }

  @Test func reverseWithAreaSplit() throws {
    let (lookup, _) = try files()
    let result = try CommandRunner.run(reverse(lookup) + ["--split-by", "area"] + (try polygonArguments()) + ["-o", "-", "--full-precision"])
    #expect(result.status == 0, "\(result.stderr)")
    let weights = Self.weights(result.stdout)
    #expect(abs(weights["E01100004"]!["E01000003"]! - 0.25) < 1e-9 && abs(weights["E01100004"]!["E01000004"]! - 0.75) < 1e-9, "\(result.stdout)")
    #expect(abs(weights["E01100006"]!["E01000005"]! - 1.0 / 3) < 1e-9 && abs(weights["E01100006"]!["E01000006"]! - 2.0 / 3) < 1e-9, "\(result.stdout)")
    #expect(weights["E01100006"]!.count == 2)
    #expect(weights["E01100002"] == ["E01000002": 1])
    #expect(result.stderr.contains("lookup zones with change code M: split by area"), "\(result.stderr)")
  }

  /// With polygons, a population split still weighs the complex zone by area.
  @Test func complexZonesTakeAreaWithPolygons() throws {
    let (lookup, population) = try files()
    let result = try CommandRunner.run(
      reverse(lookup) + [
        "--split-by", "population", "--split-population", population, "--split-population-id", "Area Codes", "--split-population-value", "All Ages",
      ] + (try polygonArguments()) + ["-o", "-"])
    #expect(result.status == 0, "\(result.stderr)")
    let weights = Self.weights(result.stdout)
    #expect(weights["E01100004"] == ["E01000003": 0.25, "E01000004": 0.75])
    #expect(abs(weights["E01100006"]!["E01000005"]! - 1.0 / 3) < 1e-6, "\(result.stdout)")
    #expect(result.stderr.contains("lookup zones with change code X: split by area"), "\(result.stderr)")
    #expect(!result.stderr.contains("WARNING"), "\(result.stderr)")
  }
}
