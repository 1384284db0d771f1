import CatchmentCore
import CatchmentGeometry
import CatchmentTables
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// One meaning of expected exclusion and loss, step by step (issue 9 §5). Every figure is worked
/// by hand from the few rows written in each test.
@Suite struct LossClassTests {
  func crosswalk(_ links: [(String, String?, Double)]) throws -> Crosswalk {
    var builder = CrosswalkBuilder()
    for (z, f, w) in links { builder.add(zone: z, footprint: f, weight: w) }
    return try builder.build(method: "test")
  }

  func reasons(_ tallies: [Tally]) -> [String: Tally] { Dictionary(tallies.map { ($0.reason, $0) }, uniquingKeysWith: { a, _ in a }) }

  /// A crosswalk of one region read with a national file: the zones it does not list are outside
  /// the study (expected, with their count and total); its own zone without a row is the loss.
  ///
  ///     crosswalk: E01000001 → A, E01000002 → A, E01000003 → B
  ///     population: E01000001 100, E01000002 200, E01000009 50, E01000010 25 (outside), E06000001 999
  ///     → A 300, B 0; outside 2 rows 75; missing E01000003 (1 zone): a loss.
  @Test func zonesOutsideTheCrosswalkAreExcludedAndZonesWithoutARowLost() throws {
    let report = RunReport(command: "t")
    let cw = try crosswalk([("E01000001", "A", 1), ("E01000002", "A", 1), ("E01000003", "B", 1)])
    let path = try temporaryFile("code,pop\nE01000001,100\nE01000002,200\nE01000009,50\nE01000010,25\nE06000001,999\n")
    let pop = try recorded(ZonePopulation.read(path: path, columns: PopulationColumns(id: "code", value: "pop"), crosswalk: cw), in: report)
    #expect(ResidentPopulation(population: pop, crosswalk: cw).byFootprint == [300, 0])
    let outside = reasons(report.exclusions).first { $0.key.contains("outside the study") }?.value
    #expect(outside?.rows == 2)
    #expect(outside?.amount == 75)
    #expect(outside?.codes.map(\.code) == ["E01000009", "E01000010"])
    #expect(report.losses.count == 1)
    #expect(report.losses.first?.codes.map(\.code) == ["E01000003"])
    #expect(report.losses.first?.unit == "zones")
    #expect(report.hasStrictFailures)
  }

  /// A crosswalk that lists zones of another nation (an England and Wales lookup) read with an
  /// England-only file: the Welsh zone without a row is an expected exclusion, not a loss.
  @Test func otherNationZonesOfTheCrosswalkWithoutARowAreExcluded() throws {
    let report = RunReport(command: "t")
    let cw = try crosswalk([("E01000001", "A", 1), ("E01000002", "A", 1), ("W01000001", "W", 1)])
    let path = try temporaryFile("code,pop\nE01000001,100\nE01000002,200\n")
    _ = try recorded(ZonePopulation.read(path: path, columns: PopulationColumns(id: "code", value: "pop"), crosswalk: cw), in: report)
    #expect(report.losses.isEmpty)
    #expect(report.exclusions.map { $0.codes.map(\.code) } == [["W01000001"]])
  }

  /// Overlap: zones of A that B lacks are a loss when they are of B's own nation, an expected
  /// exclusion when B covers one nation only (the 3,125,165 Welsh people of issue 9).
  ///
  ///     A: E01000001 → a, E01000002 → a, W01000001 → w;  B: E01000001 → b
  ///     pop 100, 200, 300 → loss E01000002 (200); excluded W01000001 (300); M[a][b] = 100.
  @Test func overlapExcludesOtherNationsAndLosesItsOwn() throws {
    let a = try crosswalk([("E01000001", "a", 1), ("E01000002", "a", 1), ("W01000001", "w", 1)])
    let b = try crosswalk([("E01000001", "b", 1)])
    let report = RunReport(command: "t")
    let pop = try recorded(ZonePopulation.read(
      path: try temporaryFile("code,pop\nE01000001,100\nE01000002,200\nW01000001,300\n"), columns: PopulationColumns(id: "code", value: "pop"),
      crosswalk: a), in: report)
    let overlap = try recorded(FootprintOverlap(a: a, b: b, population: pop), in: report)
    #expect(overlap.population(0, 0) == 100)
    #expect(report.losses.map { $0.codes } == [[CodeAmount(code: "E01000002", rows: 1, amount: 200)]])
    #expect(report.exclusions.map { $0.codes } == [[CodeAmount(code: "W01000001", rows: 1, amount: 300)]])
  }

  /// Catchments over a crosswalk that lists a Welsh zone: its people are excluded (reported),
  /// not UNATTRIBUTED, so `membership` accounts for the same people as `catchments` does from
  /// the population table alone.
  @Test func catchmentZonesOfAnotherNationAreExcludedNotUnattributed() throws {
    var zones = CodeTable()
    for code in ["E02000001", "E02000002", "W02000001"] { _ = zones.intern(code) }
    let report = RunReport(command: "t")
    let pop = recorded(try recorded(ZonePopulation.read(
      path: try temporaryFile("code,pop\nE02000001,1000\nE02000002,500\nW02000001,300\n"), columns: PopulationColumns(id: "code", value: "pop"),
      zones: zones, lookup: ZoneLookup(zones: zones), of: "the crosswalk"), in: report)
      .excludingOtherNations(zones: zones, classifier: ZoneCodeClassifier(entity: "E02"), owner: "the crosswalk"), in: report)
    #expect(pop.values == [1000, 500, 0])
    #expect(report.exclusions.map { $0.codes } == [[CodeAmount(code: "W02000001", rows: 1, amount: 300)]])
    // R1 takes all of E02000001 and half of E02000002: UNATTRIBUTED 250, without Wales's 300.
    let table = try recorded(ActivityTable.read(
      path: try temporaryFile("msoa,trust,proportion\nE02000001,R1,1\nE02000002,R1,0.5\n"),
      columns: ActivityColumns(zone: "msoa", provider: "trust", measure: .share("proportion")), lookup: ZoneLookup(zones: zones),
      zoneCount: zones.count), in: report)
    let shares = recorded(ActivityShares.shares(activity: table, zones: zones.codes, method: .proportional), in: report)
    #expect(ProviderCatchments(shares: shares, population: pop.values).unattributed == 250)
  }

  /// Activity rows of another nation or with a pseudo code are excluded like everywhere else;
  /// an unknown zone of the zones' own kind stays a loss.
  @Test func activityOfOtherNationsIsExcluded() throws {
    var zones = CodeTable()
    _ = zones.intern("E02000001")
    let report = RunReport(command: "t")
    _ = try recorded(ActivityTable.read(
      path: try temporaryFile("msoa,trust,patients\nE02000001,R1,10\nW02000001,R1,4\nS02001236,R1,2\nEMPTY,R1,1\nE02000099,R1,3\n"),
      columns: ActivityColumns(zone: "msoa", provider: "trust", measure: .count("patients")), lookup: ZoneLookup(zones: zones),
      zoneCount: zones.count), in: report)
    #expect(report.exclusions.map(\.amount) == [7])
    #expect(report.exclusions.first?.rows == 3)
    #expect(report.losses.map(\.amount) == [3])
  }

  /// Registrations: a Northern Ireland super data zone is a zone of another nation (NHS files
  /// give N21000109 for a Belfast postcode), not a pseudo code.
  @Test func northernIrelandResidenceIsAnotherNation() throws {
    let report = RunReport(command: "t")
    let cw = try crosswalk([("E01000001", "E38000001", 1)])
    let counts = try UnitZoneCounts(
      path: try temporaryFile("PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\nP1,E01000001,ALL,10\nP1,N21000109,ALL,2\nP1,95AA01S1,ALL,1\nP1,N99999999,ALL,4\n"),
      crosswalk: cw)
    let map = try recorded(UnitFootprintMap.read(
      path: try temporaryFile("PRACTICE_CODE,ONS_CCG_CODE\nP1,E38000001\n"), columns: UnitMapColumns(footprint: "ONS_CCG_CODE")), in: report)
    _ = recorded(FlowMatrix(counts: counts, crosswalk: cw, map: map), in: report)
    let exclusions = reasons(report.exclusions)
    #expect(exclusions["patients living in another nation"]?.codes.map(\.code) == ["N21000109", "95AA01S1"])
    #expect(exclusions["patients with a pseudo residence code"]?.codes.map(\.code) == ["N99999999"])
    #expect(report.losses.isEmpty)
  }
}

/// The run report: complete lists in the JSON, one tally per finding, every step's losses.
@Suite struct RunReportListTests {
  let codes = (1...12).map { String(format: "E0100%04d", $0) }

  /// The terminal shows the first 8 codes; the JSON report keeps all 12.
  @Test func jsonKeepsEveryCodeTheTextAbbreviates() throws {
    let report = RunReport(command: "t")
    report.warn("12 zones of B are not in A and are left out", codes: codes)
    let text = report.text()
    #expect(text.contains("E01000008, … 4 more"))
    #expect(!text.contains("E01000009"))
    let json = String(decoding: try report.jsonData(), as: UTF8.self)
    for code in codes { #expect(json.contains("\"\(code)\"")) }
  }

  /// Overlap names the zones of B missing from A: every one reaches the JSON report.
  @Test func overlapListsEveryZoneOfBMissingFromA() throws {
    var a = CrosswalkBuilder(), b = CrosswalkBuilder()
    a.add(zone: "E01000001", footprint: "a", weight: 1)
    b.add(zone: "E01000001", footprint: "b", weight: 1)
    for code in codes.dropFirst() { b.add(zone: code, footprint: "b", weight: 1) }
    let (ca, cb) = (try a.build(method: "t"), try b.build(method: "t"))
    let report = RunReport(command: "t")
    let pop = try recorded(ZonePopulation.read(
      path: try temporaryFile("code,pop\nE01000001,1\n"), columns: PopulationColumns(id: "code", value: "pop"), crosswalk: ca), in: report)
    _ = try recorded(FootprintOverlap(a: ca, b: cb, population: pop), in: report)
    let json = String(decoding: try report.jsonData(), as: UTF8.self)
    for code in codes.dropFirst() { #expect(json.contains("\"\(code)\"")) }
  }

  /// Zones split by both crosswalks are refused; the error names the first ones, its account
  /// (recorded in the report of a run that records it) every one.
  @Test func refusalKeepsEveryZoneInTheReport() throws {
    var a = CrosswalkBuilder(), b = CrosswalkBuilder()
    for code in codes {
      a.add(zone: code, footprint: "a1", weight: 0.5)
      a.add(zone: code, footprint: "a2", weight: 0.5)
      b.add(zone: code, footprint: "b1", weight: 0.5)
      b.add(zone: code, footprint: "b2", weight: 0.5)
    }
    let (ca, cb) = (try a.build(method: "t"), try b.build(method: "t"))
    let report = RunReport(command: "t")
    let pop = try recorded(ZonePopulation.read(
      path: try temporaryFile("code,pop\n" + codes.map { "\($0),1\n" }.joined()), columns: PopulationColumns(id: "code", value: "pop"),
      crosswalk: ca), in: report)
    let refusal = #expect(throws: FootprintOverlap.Refusal.self) { try FootprintOverlap(a: ca, b: cb, population: pop) }
    // The refusal's account names every zone (the message only the first few).
    report.record(refusal?.account ?? RunAccount())
    let json = String(decoding: try report.jsonData(), as: UTF8.self)
    for code in codes { #expect(json.contains("\"\(code)\"")) }
  }

  /// The same file read twice in one run (compare reads the population for each side) gives
  /// one tally, not two; a step merged in with a label keeps its own findings, labelled.
  @Test func repeatedTalliesOnceAndMergedStepsLabelled() throws {
    let report = RunReport(command: "t")
    var t = Tally(reason: "zones outside", unit: "population")
    t.rows = 1
    t.amount = 5
    report.exclude(t)
    report.exclude(t)
    #expect(report.exclusions.count == 1)
    let side = RunReport(command: "t")
    side.exclude(t)
    var lost = Tally(reason: "population in the unallocated part of crosswalk zones", unit: "population")
    lost.amount = 2259
    side.lose(lost)
    report.merge(side, label: "proposal")
    #expect(report.exclusions.count == 1)
    #expect(report.losses.map(\.reason) == ["proposal: population in the unallocated part of crosswalk zones"])
    #expect(report.hasStrictFailures)
  }
}

/// Dissolving a proposal over a boundary set wider than its crosswalk: the polygons outside it
/// are outside the study (and Welsh ones another nation), not lost; a crosswalk zone with no
/// polygon still is.
@Suite struct DissolveLossClassTests {
  @Test func polygonsOutsideTheCrosswalkAreExcluded() throws {
    var zones = PolygonLayer(crs: .epsg(27700))
    for (k, id) in ["E01000001", "E01000002", "E01000003", "W01000001"].enumerated() {
      let x0 = Double(k)
      for (x, y) in [(x0, 0.0), (x0 + 1, 0), (x0 + 1, 1), (x0, 1)] { zones.addPoint(x: x, y: y) }
      zones.endRing()
      zones.endPolygon()
      zones.endFeature(id: id)
    }
    var builder = CrosswalkBuilder()
    for (z, f) in [("E01000001", "F1"), ("E01000002", "F1"), ("E01000009", "F2")] { builder.add(zone: z, footprint: f, weight: 1) }
    let report = RunReport(command: "t")
    let drawn = recorded(try Dissolve.footprints(zones: zones, crosswalk: try builder.build(method: "t"), workers: 1), in: report)
    #expect(drawn.map(\.zones) == [2])
    #expect(report.exclusions.map { $0.codes.map(\.code) } == [["E01000003"], ["W01000001"]])
    #expect(report.losses.map { $0.codes.map(\.code) } == [["E01000009"]])
  }
}
