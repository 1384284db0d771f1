import CatchmentTestSupport
import Foundation
import Testing

/// `catchment regions` end to end on four zones in a row, A–B–C–D (E01000001…E01000004), with a
/// unit at each end: U1 in A, U2 in D. Every figure below is worked by hand.
///
///     flows   U1   U2  | resident
///     A       90   10  |  100
///     B       60   40  |  100
///     C       30   70  |  100
///     D        0  100  |  100
///     into   180  220  |  400
///
/// Plurality: A, B → U1; C, D → U2. Region U1: internal 150 of 200 (0.75), market share
/// 150/180; U2: internal 170 of 200 (0.85), market share 170/220; overall 320/400 = 0.8.
/// Optimise at K = 2 over the three cuts of the row: {A}{BCD} 300, {AB}{CD} 320, {ABC}{D} 280:
/// the middle cut is the optimum. Blocks {A,B,C} and {D} leave only the last: the price of
/// coterminosity is 0.8 − 0.7 = 0.1. The lost rows (E01000009 is not in the adjacency, U9 has no
/// location, one row has no unit) add 7 + 5 + 3 = 15 to the 400 read.
@Suite struct RegionsCommandTests {
  static let flows = """
    zone,unit,patients,year
    E01000001,U1,90,2022
    E01000001,U2,10,2022
    E01000002,U1,60,2022
    E01000002,U2,40,2022
    E01000003,U1,30,2022
    E01000003,U2,70,2022
    E01000004,U2,100,2022
    E01000004,U1,0,2022
    E01000009,U1,7,2022
    E01000002,U9,5,2022
    E01000003,,3,2022
    E01000001,U1,1000,2021

    """
  static let adjacency = """
    zone_a,zone_b,shared_m,kind
    E01000001,E01000002,100.00,edge
    E01000002,E01000003,100.00,edge
    E01000003,E01000004,100.00,edge

    """
  static let units = "unit,zone\nU1,E01000001\nU2,E01000004\n"
  static let population = "code,people\nE06000001,4000\nE01000001,1000\nE01000002,1000\nE01000003,1000\nE01000004,1000\n"
  static let icbs = "zone_id,footprint_id,weight\nE01000001,X,1\nE01000002,X,1\nE01000003,X,1\nE01000004,Y,1\n"
  /// C split 0.6 / 0.4: it goes whole to its largest block (P), reported.
  static let blocks = "zone_id,footprint_id,weight\nE01000001,P,1\nE01000002,P,1\nE01000003,P,0.6\nE01000003,Q,0.4\nE01000004,Q,1\n"

  func folder() throws -> URL {
    let folder = try temporaryFolder()
    for (name, text) in [
      ("flows.csv", Self.flows), ("adj.csv", Self.adjacency), ("units.csv", Self.units), ("pop.csv", Self.population), ("icb.csv", Self.icbs),
      ("blocks.csv", Self.blocks),
    ] {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder
  }

  static let inputs = [
    "--flows", "flows.csv", "--flow-zone", "zone", "--flow-unit", "unit", "--flow-count", "patients", "--flow-where", "year=2022",
    "--unit-locations", "units.csv", "--unit-location-unit", "unit", "--unit-location-zone", "zone", "--adjacency", "adj.csv",
    "--population", "pop.csv", "--population-id", "code", "--population-value", "people",
  ]

  func run(_ arguments: [String], in folder: URL, status: Int32 = 0) throws -> CommandRunner.Result {
    let result = try CommandRunner.run(["regions"] + Self.inputs + arguments, in: folder)
    #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stderr)")
    return result
  }

  func report(_ folder: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as! [String: Any]
  }

  func figure(_ report: [String: Any], _ name: String) -> Double? {
    (report["figures"] as? [[String: Any]])?.first { $0["name"] as? String == name }?["value"] as? Double
  }

  @Test func pluralityWritesTheHandWorkedRegions() throws {
    let folder = try folder()
    _ = try run(["--method", "plurality", "--output", "xw.csv", "--summary-output", "sum.csv", "--report", "report.json"], in: folder)
    let crosswalk = try contents(folder.appendingPathComponent("xw.csv"))
    #expect(crosswalk == "zone_id,footprint_id,weight\nE01000001,U1,1\nE01000002,U1,1\nE01000003,U2,1\nE01000004,U2,1\n")
    let summary = try SimpleCSV(contentsOf: folder.appendingPathComponent("sum.csv"))
    #expect(
      summary.header == [
        "region_id", "population", "zones", "units", "resident_flow", "internal_flow", "self_containment", "market_share", "parts", "area_km2",
        "perimeter_km", "compactness",
      ])
    #expect(summary.rows == [
      ["U1", "2000", "2", "1", "200", "150", "0.75", "0.8333333333", "1", "", "", ""],
      ["U2", "2000", "2", "1", "200", "170", "0.85", "0.7727272727", "1", "", "", ""],
    ])
    let json = try report(folder)
    #expect(figure(json, "overall self-containment") == 0.8)
  }

  /// Σ flow read = Σ flow in the graph + Σ losses, each loss with its amount.
  @Test func everyFlowReadIsInTheGraphOrALoss() throws {
    let folder = try folder()
    _ = try run(["--method", "plurality", "--output", "xw.csv", "--report", "report.json"], in: folder)
    let json = try report(folder)
    #expect(figure(json, "flow read") == 415)
    #expect(figure(json, "flow in the regions' graph") == 400)
    let losses = json["losses"] as! [[String: Any]]
    func amount(_ reason: String) -> Double? { losses.first { ($0["reason"] as! String).hasPrefix(reason) }?["amount"] as? Double }
    #expect(amount("flows from zones not in the adjacency") == 7)
    #expect(amount("flows to units with no location") == 5)
    #expect(amount("flows with a blank unit code") == 3)
    let flowLosses = losses.filter { ($0["reason"] as! String).hasPrefix("flows") }.map { $0["amount"] as! Double }
    #expect(flowLosses.reduce(0, +) + 400 == 415)
    // The 2021 row is set aside by the filter, as a rule.
    let inputs = json["inputs"] as! [[String: Any]]
    #expect(inputs.contains { $0["role"] as? String == "flows" && $0["rowsSkippedByRule"] as? Int == 1 })
    // Losses fail --strict (exit 3) and then nothing is written.
    let strict = try run(["--method", "plurality", "--output", "strict.csv", "--strict"], in: folder, status: 3)
    #expect(strict.stderr.contains("flows to units with no location"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict.csv").path))
  }

  /// The ICBs measured on the same flows: X = {A,B,C} keeps 180 of 300, Y = {D} all of its 100.
  @Test func evaluateMeasuresAnExistingLayer() throws {
    let folder = try folder()
    _ = try run(["--evaluate", "icb.csv", "--summary-output", "icb_sum.csv", "--report", "report.json"], in: folder)
    let summary = try SimpleCSV(contentsOf: folder.appendingPathComponent("icb_sum.csv"))
    #expect(summary.rows.map { Array($0.prefix(9)) } == [
      ["X", "3000", "3", "1", "300", "180", "0.6", "1", "1"],
      ["Y", "1000", "1", "1", "100", "100", "1", "0.4545454545", "1"],
    ])
    #expect(figure(try report(folder), "overall self-containment") == 0.7)
  }

  @Test func blocksCostTheHandWorkedSelfContainment() throws {
    let folder = try folder()
    _ = try run(
      ["--method", "optimise", "--regions", "2", "--blocks", "blocks.csv", "--output", "xw.csv", "--report", "report.json"], in: folder)
    let crosswalk = try contents(folder.appendingPathComponent("xw.csv"))
    #expect(crosswalk == "zone_id,footprint_id,weight\nE01000001,U1,1\nE01000002,U1,1\nE01000003,U1,1\nE01000004,U2,1\n")
    let json = try report(folder)
    #expect(figure(json, "overall self-containment") == 0.7)
    #expect(figure(json, "overall self-containment without blocks") == 0.8)
    let price = try #require(figure(json, "self-containment lost to the blocks (price of coterminosity)"))
    #expect(abs(price - 0.1) < 1e-12)
    let notes = json["notes"] as? [String] ?? []
    #expect(notes.contains { $0.contains("1 zones are split over several footprints of the blocks") }, "\(notes)")
  }

  @Test func theCurveHasOneRowPerRegionCount() throws {
    let folder = try folder()
    _ = try run(["--method", "optimise", "--regions", "2", "--output", "xw.csv", "--curve", "1:3", "--curve-output", "curve.csv"], in: folder)
    let curve = try SimpleCSV(contentsOf: folder.appendingPathComponent("curve.csv"))
    #expect(curve.header == ["regions", "self_containment", "min_self_containment", "mean_self_containment", "min_population", "max_population"])
    #expect(curve.rows.map { $0[0] } == ["1", "2", "3"])
    // K = 1: everything internal; K = 2: the middle cut.
    #expect(curve.rows[0][1] == "1")
    #expect(curve.rows[1][1] == "0.8")
  }

  @Test func aBadAdjacencyRowIsNamedByFileAndLine() throws {
    let folder = try folder()
    try "zone_a,zone_b,shared_m,kind\nE01000001,E01000002,100,edge\nE01000002,E01000003,12,side\n".write(
      to: folder.appendingPathComponent("adj.csv"), atomically: true, encoding: .utf8)
    let result = try run(["--method", "plurality", "--output", "xw.csv"], in: folder, status: 1)
    #expect(result.stderr.contains("adj.csv:3: kind is 'side'; expected edge, corner or link"), "\(result.stderr)")
    try "zone_a,zone_b,shared_m,kind\nE01000001,E01000002,100,edge\nE01000002,E01000001,12,edge\n".write(
      to: folder.appendingPathComponent("adj.csv"), atomically: true, encoding: .utf8)
    let repeated = try run(["--method", "plurality", "--output", "xw.csv"], in: folder, status: 1)
    #expect(repeated.stderr.contains("adj.csv:3: the pair E01000002–E01000001 is already on line 2"), "\(repeated.stderr)")
  }

  @Test func aMissingFlowColumnNamesItsOption() throws {
    let folder = try folder()
    let result = try CommandRunner.run(
      ["regions", "--method", "plurality", "--output", "xw.csv"] + Self.inputs.map { $0 == "patients" ? "count" : $0 }, in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("(--flow-count)"), "\(result.stderr)")
  }

  @Test func aUnitPlacedInTwoZonesIsNamedByLine() throws {
    let folder = try folder()
    try "unit,zone\nU1,E01000001\nU2,E01000004\nU1,E01000002\n".write(to: folder.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
    let result = try run(["--method", "plurality", "--output", "xw.csv"], in: folder, status: 1)
    #expect(result.stderr.contains("units.csv:4: unit U1 is placed in E01000002 here and in E01000001 on line 2"), "\(result.stderr)")
  }

  /// The four zones as 1 km squares in a row (EPSG:27700), for units placed from points and the
  /// regions' shapes: {A, B} has area 2 km², perimeter 4 + 4 − 2 × 1 = 6 km, compactness
  /// 6 / (2·√(2π)) = 1.196826841.
  static func squares() -> String {
    let features = (0..<4).map { k in
      let x0 = 400_000 + 1000 * k, x1 = x0 + 1000
      return #"{"type":"Feature","properties":{"code":"E0100000\#(k + 1)"},"geometry":{"type":"Polygon","coordinates":[[[\#(x0),300000],[\#(x1),300000],[\#(x1),301000],[\#(x0),301000],[\#(x0),300000]]]}}"#
    }
    return #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":["#
      + features.joined(separator: ",") + "]}"
  }

  /// U1's first site is in A (its second, in C, is not used); U2 is in D; U3 lies outside every zone.
  @Test func unitsPlacedFromPointsInTheZonePolygons() throws {
    let folder = try folder()
    try Self.squares().write(to: folder.appendingPathComponent("zones.geojson"), atomically: true, encoding: .utf8)
    try "site,unit,x,y\nS1,U1,400500,300500\nS2,U1,402500,300500\nS3,U2,403500,300500\nS4,U3,500000,500000\n".write(
      to: folder.appendingPathComponent("sites.csv"), atomically: true, encoding: .utf8)
    let adjacency = Self.adjacency.replacingOccurrences(of: "100.00", with: "1000.00")
    try adjacency.write(to: folder.appendingPathComponent("adj.csv"), atomically: true, encoding: .utf8)
    var arguments = ["regions", "--method", "plurality", "--output", "xw.csv", "--summary-output", "sum.csv", "--report", "report.json"]
    let table = Self.inputs.firstIndex(of: "--unit-locations")!
    arguments += Self.inputs[..<table] + Self.inputs[(table + 6)...]
    arguments += ["--unit-points", "sites.csv", "--unit-point-id", "unit", "--unit-point-x", "x", "--unit-point-y", "y", "--zones", "zones.geojson", "--zone-id", "code"]
    let result = try CommandRunner.run(arguments, in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(folder.appendingPathComponent("xw.csv")) == "zone_id,footprint_id,weight\nE01000001,U1,1\nE01000002,U1,1\nE01000003,U2,1\nE01000004,U2,1\n")
    let summary = try SimpleCSV(contentsOf: folder.appendingPathComponent("sum.csv"))
    #expect(summary.rows.map { Array($0.suffix(3)) } == [["2", "6", "1.196826841"], ["2", "6", "1.196826841"]])
    #expect(result.stderr.contains("unit points outside every zone polygon: 1 rows"), "\(result.stderr)")
  }

  /// ttwa with its parameters: every zone in one region, every region in one piece, the
  /// summary's flows adding up to the 400 in the graph.
  @Test func ttwaTakesItsParameters() throws {
    let folder = try folder()
    _ = try run(
      [
        "--method", "ttwa", "--self-containment", "0.8", "--min-self-containment", "0.7", "--target-size", "2000", "--min-size", "1000",
        "--output", "xw.csv", "--summary-output", "sum.csv",
      ], in: folder)
    let crosswalk = try SimpleCSV(contentsOf: folder.appendingPathComponent("xw.csv"))
    #expect(crosswalk.rows.map { $0[0] } == ["E01000001", "E01000002", "E01000003", "E01000004"])
    let summary = try SimpleCSV(contentsOf: folder.appendingPathComponent("sum.csv"))
    #expect(summary.rows.allSatisfy { $0[8] == "1" })
    #expect(summary.rows.map { Double($0[4])! }.reduce(0, +) == 400)
    let refused = try run(["--method", "ttwa", "--self-containment", "1.5", "--output", "xw.csv"], in: folder, status: 64)
    #expect(refused.stderr.contains("--self-containment must be in (0, 1]"))
  }

  /// The library's typed errors in the options' words.
  @Test func tooManyRegionsNamesTheOption() throws {
    let folder = try folder()
    let result = try run(["--method", "optimise", "--regions", "9", "--output", "xw.csv"], in: folder, status: 1)
    #expect(result.stderr.contains("--regions 9 is out of range: there are 4 zones"), "\(result.stderr)")
  }
}
