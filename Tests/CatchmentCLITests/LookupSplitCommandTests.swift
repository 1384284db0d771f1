import CatchmentTestSupport
import Foundation
import Testing

/// `catchment crosswalk --method lookup` across boundary vintages: the bridge of
/// ``LookupSplitTests`` in the ONS layout (LSOA11CD, LSOA21CD, CHGIND), read both ways.
@Suite struct LookupSplitCommandTests {
  static let bridge = """
    LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND
    E01000001,one,E01100001,one,U
    E01000002,two,E01100002,two a,S
    E01000002,two,E01100003,two b,S
    E01000003,three,E01100004,three-four,M
    E01000004,four,E01100004,three-four,M
    E01000005,five,E01100005,five,X
    E01000005,five,E01100006,five-six,X
    E01000006,six,E01100006,five-six,X

    """
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
}
