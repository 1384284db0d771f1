import CatchmentCore
import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Splits of the bridge of ``bridge`` read in reverse (2021 zones B → 2011 zones A), where B4
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
  static let bridge = """
    LSOA11CD,LSOA21CD,CHGIND
    A1,B1,U
    A2,B2,S
    A2,B3,S
    A3,B4,M
    A4,B4,M
    A5,B5,X
    A5,B6,X
    A6,B6,X

    """
  static let reverse = LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", direction: .reverse)

  func links() throws -> LookupLinks { try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.reverse) }

  func population(_ rows: [(String, String)]) throws -> PopulationTable {
    let text = "Area Codes,All Ages\nE92000001,\"99,999\"\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()
    return try PopulationTable(path: try temporaryFile(text, name: "pop.csv"), columns: PopulationColumns(id: "Area Codes", value: "All Ages"))
  }

  static let populations = [("A1", "10"), ("A2", "20"), ("A3", "100"), ("A4", "300"), ("A5", "50"), ("A6", "150")]

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

  static let zonePolygons = layer([("B4", (0, 0, 2, 2)), ("B6", (10, 0, 14, 1))])
  static let targetPolygons = layer([("A3", (0, 0, 0.5, 2)), ("A4", (0.5, 0, 3, 2)), ("A5", (9, 0, 11, 1)), ("A6", (11, 0, 13, 2)), ("A2", (13, 0, 15, 1))])
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
    #expect(crosswalk.zones.codes == ["B1", "B2", "B3", "B4", "B5", "B6"])
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
    #expect(weights["B4"] == ["A3": 0.25, "A4": 0.75])
    #expect(weights["B6"] == ["A5": 0.25, "A6": 0.75])
    #expect(weights["B2"] == ["A2": 1])
    let figures = Self.figures(account)
    #expect(figures["lookup zones with change code U: one target (weight 1)"] == 1)
    #expect(figures["lookup zones with change code S: one target (weight 1)"] == 2)
    #expect(figures["lookup zones with change code M: split by population"] == 1)
    #expect(figures["lookup zones with change code X: one target (weight 1)"] == 1)
    #expect(figures["lookup zones with change code X: split by population"] == 1)
    let warnings = Self.warnings(account)
    #expect(warnings.count == 1)
    #expect(warnings.first?.0 == "1 complex (X) zones were split by the targets' population, not by area: no polygons were given")
    #expect(warnings.first?.1 == ["B6"])
  }

  /// A target with population 0 (A4) or none (A6) splits its zone equally, named.
  @Test func zeroOrMissingPopulationFallsBackToEqualShares() throws {
    let rows = Self.populations.filter { $0.0 != "A6" }.map { $0.0 == "A4" ? ("A4", "0") : $0 }
    let (crosswalk, account) = try LookupSplit(method: .population, population: try population(rows)).crosswalk(try links())
    Self.expectWhole(crosswalk)
    #expect(crosswalk.weightsByZone()["B4"] == ["A3": 0.5, "A4": 0.5])
    #expect(crosswalk.weightsByZone()["B6"] == ["A5": 0.5, "A6": 0.5])
    let fallback = Self.warnings(account).first { $0.0.contains("population 0 or missing") }
    #expect(fallback?.1 == ["B4", "B6"])
    #expect(Self.figures(account)["lookup zones with change code M: split equally"] == 1)
  }

  /// Equal shares: ½ each, named as an assumption; X without polygons or population too.
  @Test func equalSplitIsAnAssumption() throws {
    let (crosswalk, account) = try LookupSplit(method: .equal).crosswalk(try links())
    Self.expectWhole(crosswalk)
    #expect(crosswalk.weightsByZone()["B4"] == ["A3": 0.5, "A4": 0.5])
    #expect(crosswalk.weightsByZone()["B6"] == ["A5": 0.5, "A6": 0.5])
    let assumption = Self.warnings(account).first { $0.0.contains("an assumption") }
    #expect(assumption?.0.hasPrefix("2 zones were split equally") == true)
    #expect(assumption?.1 == ["B4", "B6"])
    #expect(Self.warnings(account).contains { $0.0.hasPrefix("1 complex (X) zones were split equally, not by area") })
  }

  /// Area: B4 ¼, ¾ and B6 ⅓, ⅔ (A2 meets B6 but is not its target).
  @Test func areaSplit() throws {
    let (crosswalk, account) = try LookupSplit(method: .area, polygons: Self.polygons).crosswalk(try links())
    Self.expectWhole(crosswalk)
    let weights = crosswalk.weightsByZone()
    #expect(Self.near(weights["B4"], ["A3": 0.25, "A4": 0.75]), "\(String(describing: weights["B4"]))")
    #expect(Self.near(weights["B6"], ["A5": 1.0 / 3, "A6": 2.0 / 3]), "\(String(describing: weights["B6"]))")
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
    #expect(weights["B4"] == ["A3": 0.25, "A4": 0.75])
    #expect(Self.near(weights["B6"], ["A5": 1.0 / 3, "A6": 2.0 / 3]))
    #expect(Self.figures(account)["lookup zones with change code M: split by population"] == 1)
    #expect(Self.figures(account)["lookup zones with change code X: split by area"] == 1)
    #expect(Self.warnings(account).isEmpty)
  }

  /// A zone with no polygon (B4 here) falls back to equal shares, or to population when given.
  @Test func areaWithoutOverlapFallsBack() throws {
    let zones = Self.layer([("B6", (10, 0, 14, 1))])
    let polygons = SplitPolygons(zones: zones, projectZones: nil, targets: Self.targetPolygons, workers: 1)
    let (equal, account) = try LookupSplit(method: .area, polygons: polygons).crosswalk(try links())
    Self.expectWhole(equal)
    #expect(equal.weightsByZone()["B4"] == ["A3": 0.5, "A4": 0.5])
    #expect(Self.warnings(account).first { $0.0.contains("meet none of their targets' polygons") }?.1 == ["B4"])
    let (byPopulation, _) = try LookupSplit(method: .area, population: try population(Self.populations), polygons: polygons).crosswalk(try links())
    #expect(byPopulation.weightsByZone()["B4"] == ["A3": 0.25, "A4": 0.75])
  }

  @Test func aSplitWithoutItsSourceIsRefused() throws {
    #expect(throws: LookupSplitError.self) { try LookupSplit(method: .population).crosswalk(try links()) }
    #expect(throws: LookupSplitError.self) { try LookupSplit(method: .area).crosswalk(try links()) }
  }

  /// Forward (2011 → 2021), the S zone A2 and the X zone A5 are split; by population of the
  /// 2021 targets B2 40, B3 60 → ⅖, ⅗.
  @Test func forwardPopulationSplit() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD"))
    let table = try population([("B1", "1"), ("B2", "40"), ("B3", "60"), ("B4", "1"), ("B5", "30"), ("B6", "10")])
    let (crosswalk, account) = try LookupSplit(method: .population, population: table).crosswalk(links)
    let weights = crosswalk.weightsByZone()
    #expect(weights["A2"] == ["B2": 0.4, "B3": 0.6])
    #expect(weights["A5"] == ["B5": 0.75, "B6": 0.25])
    #expect(weights["A3"] == ["B4": 1])
    #expect(weights["A4"] == ["B4": 1])
    #expect(Self.figures(account)["lookup zones with change code S: split by population"] == 1)
    #expect(Self.figures(account)["lookup zones with change code M: one target (weight 1)"] == 2)
  }
}
