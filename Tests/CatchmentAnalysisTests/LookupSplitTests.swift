import CatchmentCore
import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Splits of ``CatchmentTestSupport/BridgeFixture`` read in reverse (2021 zones Bk = E0110000k →
/// 2011 zones Ak = E0100000k), where B4
/// (M: A3 + A4) and B6 (X: part of A5, all of A6) have two targets each, worked by hand.
///
/// Populations of the targets (2011): A3 100, A4 300 → B4: ¼, ¾; A5 50, A6 150 → B6: ¼, ¾.
///
/// Polygons (metres, British National Grid), y from 0 to 2 unless said:
///
///     B4 (0,0)–(2,2)       A3 (0,0)–(0.5,2): a∩ = 1 m²    A4 (0.5,0)–(3,2): a∩ = 3 m²  → ¼, ¾
///     B6 (10,0)–(14,1)     A5 (9,0)–(11,1):  a∩ = 1 m²    A6 (11,0)–(13,2): a∩ = 2 m²  → ⅓, ⅔
///                          A2 (13,0)–(15,1): a∩ = 1 m², but A2 is not B6's target: left out.
@Suite struct LookupSplitTests {
  static let bridge = BridgeFixture.csv
  static let reverse = LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", direction: .reverse)

  func links() throws -> LookupLinks { try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.reverse) }

  func population(_ rows: [(String, String)]) throws -> PopulationTable {
    let text = "Area Codes,All Ages\nE92000001,\"99,999\"\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()
    return try PopulationTable(path: try temporaryFile(text, name: "pop.csv"), columns: PopulationColumns(id: "Area Codes", value: "All Ages"))
  }

  static let populations = [("E01000001", "10"), ("E01000002", "20"), ("E01000003", "100"), ("E01000004", "300"), ("E01000005", "50"), ("E01000006", "150")]

  typealias Box = (Double, Double, Double, Double)
  static func layer(_ features: [(String, Box)]) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (id, b) in features {
      for (x, y) in [(b.0, b.1), (b.2, b.1), (b.2, b.3), (b.0, b.3)] { layer.addPoint(x: x, y: y) }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: id)
    }
    return layer
  }

  static let zonePolygons = layer([("E01100004", (0, 0, 2, 2)), ("E01100006", (10, 0, 14, 1))])
  static let targetPolygons = layer([("E01000003", (0, 0, 0.5, 2)), ("E01000004", (0.5, 0, 3, 2)), ("E01000005", (9, 0, 11, 1)), ("E01000006", (11, 0, 13, 2)), ("E01000002", (13, 0, 15, 1))])
  static var polygons: SplitPolygons { SplitPolygons(zones: zonePolygons, projectZones: nil, targets: targetPolygons, workers: 2) }

  static func figures(_ account: RunAccount) -> [String: Double] {
    var out: [String: Double] = [:]
    for case .figure(let name, let value) in account.entries { out[name] = value }
    return out
  }

  static func warnings(_ account: RunAccount) -> [(String, [String])] {
    account.entries.compactMap { if case .warning(let text, let codes, _) = $0 { (text, codes) } else { nil } }
  }

  /// Every zone's weights sum to 1, nothing is UNALLOCATED, and every zone of the bridge is there.
  static func expectWhole(_ crosswalk: Crosswalk) {
    #expect(crosswalk.zones.codes == ["E01100001", "E01100002", "E01100003", "E01100004", "E01100005", "E01100006"])
    #expect(crosswalk.unallocatedID == nil)
    for (zone, weights) in crosswalk.weightsByZone() {
      #expect(abs(weights.values.reduce(0, +) - 1) < 1e-12, "\(zone)")
    }
  }

  static func near(_ a: [String: Double]?, _ b: [String: Double]) -> Bool {
    guard let a, Set(a.keys) == Set(b.keys) else { return false }
    return a.allSatisfy { abs($0.value - b[$0.key]!) < 1e-9 }
  }

  /// Population: B4 ¼, ¾; B6 (X, no polygons) by population too, with a warning naming it.
  @Test func populationSplit() throws {
    let (crosswalk, account) = try LookupSplit(method: .population, population: try population(Self.populations)).crosswalk(try links())
    Self.expectWhole(crosswalk)
    let weights = crosswalk.weightsByZone()
    #expect(weights["E01100004"] == ["E01000003": 0.25, "E01000004": 0.75])
    #expect(weights["E01100006"] == ["E01000005": 0.25, "E01000006": 0.75])
    #expect(weights["E01100002"] == ["E01000002": 1])
    let figures = Self.figures(account)
    #expect(figures["lookup zones with change code U: one target (weight 1)"] == 1)
    #expect(figures["lookup zones with change code S: one target (weight 1)"] == 2)
    #expect(figures["lookup zones with change code M: split by population"] == 1)
    #expect(figures["lookup zones with change code X: one target (weight 1)"] == 1)
    #expect(figures["lookup zones with change code X: split by population"] == 1)
    let warnings = Self.warnings(account)
    #expect(warnings.count == 1)
    #expect(warnings.first?.0 == "1 complex (X) zones were split by the targets' population, not by area: no polygons were given")
    #expect(warnings.first?.1 == ["E01100006"])
  }

  /// A target with population 0 (A4) or none (A6) splits its zone equally, named.
  @Test func zeroOrMissingPopulationFallsBackToEqualShares() throws {
    let rows = Self.populations.filter { $0.0 != "E01000006" }.map { $0.0 == "E01000004" ? ("E01000004", "0") : $0 }
    let (crosswalk, account) = try LookupSplit(method: .population, population: try population(rows)).crosswalk(try links())
    Self.expectWhole(crosswalk)
    #expect(crosswalk.weightsByZone()["E01100004"] == ["E01000003": 0.5, "E01000004": 0.5])
    #expect(crosswalk.weightsByZone()["E01100006"] == ["E01000005": 0.5, "E01000006": 0.5])
    let fallback = Self.warnings(account).first { $0.0.contains("population 0 or missing") }
    #expect(fallback?.1 == ["E01100004", "E01100006"])
    #expect(Self.figures(account)["lookup zones with change code M: split equally"] == 1)
  }

  /// Equal shares: ½ each, named as an assumption; X without polygons or population too.
  @Test func equalSplitIsAnAssumption() throws {
    let (crosswalk, account) = try LookupSplit(method: .equal).crosswalk(try links())
    Self.expectWhole(crosswalk)
    #expect(crosswalk.weightsByZone()["E01100004"] == ["E01000003": 0.5, "E01000004": 0.5])
    #expect(crosswalk.weightsByZone()["E01100006"] == ["E01000005": 0.5, "E01000006": 0.5])
    let assumption = Self.warnings(account).first { $0.0.contains("an assumption") }
    #expect(assumption?.0.hasPrefix("2 zones were split equally") == true)
    #expect(assumption?.1 == ["E01100004", "E01100006"])
    #expect(Self.warnings(account).contains { $0.0.hasPrefix("1 complex (X) zones were split equally, not by area") })
  }

  /// Area: B4 ¼, ¾ and B6 ⅓, ⅔ (A2 meets B6 but is not its target).
  @Test func areaSplit() throws {
    let (crosswalk, account) = try LookupSplit(method: .area, polygons: Self.polygons).crosswalk(try links())
    Self.expectWhole(crosswalk)
    let weights = crosswalk.weightsByZone()
    #expect(Self.near(weights["E01100004"], ["E01000003": 0.25, "E01000004": 0.75]), "\(String(describing: weights["E01100004"]))")
    #expect(Self.near(weights["E01100006"], ["E01000005": 1.0 / 3, "E01000006": 2.0 / 3]), "\(String(describing: weights["E01100006"]))")
    #expect(Self.figures(account)["lookup zones with change code M: split by area"] == 1)
    #expect(Self.figures(account)["lookup zones with change code X: split by area"] == 1)
    #expect(Self.warnings(account).isEmpty)
  }

  /// The X rule: with polygons, complex zones are split by area even under a population split;
  /// the others by population.
  @Test func complexZonesTakeAreaWhenPolygonsAreGiven() throws {
    let split = LookupSplit(method: .population, population: try population(Self.populations), polygons: Self.polygons)
    let (crosswalk, account) = try split.crosswalk(try links())
    Self.expectWhole(crosswalk)
    let weights = crosswalk.weightsByZone()
    #expect(weights["E01100004"] == ["E01000003": 0.25, "E01000004": 0.75])
    #expect(Self.near(weights["E01100006"], ["E01000005": 1.0 / 3, "E01000006": 2.0 / 3]))
    #expect(Self.figures(account)["lookup zones with change code M: split by population"] == 1)
    #expect(Self.figures(account)["lookup zones with change code X: split by area"] == 1)
    #expect(Self.warnings(account).isEmpty)
  }

  /// A zone with no polygon (B4 here) falls back to equal shares, or to population when given.
  @Test func areaWithoutOverlapFallsBack() throws {
    let zones = Self.layer([("E01100006", (10, 0, 14, 1))])
    let polygons = SplitPolygons(zones: zones, projectZones: nil, targets: Self.targetPolygons, workers: 1)
    let (equal, account) = try LookupSplit(method: .area, polygons: polygons).crosswalk(try links())
    Self.expectWhole(equal)
    #expect(equal.weightsByZone()["E01100004"] == ["E01000003": 0.5, "E01000004": 0.5])
    #expect(Self.warnings(account).first { $0.0.contains("meet none of their targets' polygons") }?.1 == ["E01100004"])
    let (byPopulation, _) = try LookupSplit(method: .area, population: try population(Self.populations), polygons: polygons).crosswalk(try links())
    #expect(byPopulation.weightsByZone()["E01100004"] == ["E01000003": 0.25, "E01000004": 0.75])
  }

  @Test func aSplitWithoutItsSourceIsRefused() throws {
    #expect(throws: LookupSplitError.self) { try LookupSplit(method: .population).crosswalk(try links()) }
    #expect(throws: LookupSplitError.self) { try LookupSplit(method: .area).crosswalk(try links()) }
  }

  /// Forward (2011 → 2021), the S zone A2 and the X zone A5 are split; by population of the
  /// 2021 targets B2 40, B3 60 → ⅖, ⅗.
  @Test func forwardPopulationSplit() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD"))
    let table = try population([("E01100001", "1"), ("E01100002", "40"), ("E01100003", "60"), ("E01100004", "1"), ("E01100005", "30"), ("E01100006", "10")])
    let (crosswalk, account) = try LookupSplit(method: .population, population: table).crosswalk(links)
    let weights = crosswalk.weightsByZone()
    #expect(weights["E01000002"] == ["E01100002": 0.4, "E01100003": 0.6])
    #expect(weights["E01000005"] == ["E01100005": 0.75, "E01100006": 0.25])
    #expect(weights["E01000003"] == ["E01100004": 1])
    #expect(weights["E01000004"] == ["E01100004": 1])
    #expect(Self.figures(account)["lookup zones with change code S: split by population"] == 1)
    #expect(Self.figures(account)["lookup zones with change code M: one target (weight 1)"] == 2)
  }
}
