import CatchmentCore
import CatchmentTables
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Hand-worked provider catchments from activity.
///
/// Three zones, population 1,000 / 2,000 / 500. OHID-style rows for 2019 (2018 rows and
/// Elective rows must be filtered out):
///
///     zone       R1    R2    R3   total  (all providers, incl. ones outside the file)
///     E02000001  60    30    –    100    shares .6  .3   –    Σ .9
///     E02000002  40    40    20   100    shares .4  .4  .2    Σ 1
///     E02000003  –     –     –    –      no activity: all 500 UNATTRIBUTED
///
/// proportional: R1 = .6·1000 + .4·2000 = 1,400; R2 = .3·1000 + .4·2000 = 1,100;
/// R3 = .2·2000 = 400; UNATTRIBUTED = .1·1000 + 500 = 600; Σ = 3,500 = population.
@Suite struct ProviderCatchmentTests {
  let activityText = """
    year,type,msoa,trust,patients,total
    2019,All,E02000001,R1,60,100
    2019,All,E02000001,R2,30,100
    2019,All,E02000002,R1,40,100
    2019,All,E02000002,R2,40,100
    2019,All,E02000002,R3,20,100
    2018,All,E02000001,R3,99,100
    2019,Elective,E02000001,R3,50,100

    """
  let zoneCodes = ["E02000001", "E02000002", "E02000003"]
  let population = [1000.0, 2000, 500]

  func catchments(_ method: CatchmentMethod, text: String? = nil, total: String? = "total", report: RunReport = RunReport(command: "t")) throws -> ProviderCatchments {
    var zones = CodeTable()
    for code in zoneCodes { _ = zones.intern(code) }
    let table = try recorded(ActivityTable.read(
      path: try temporaryFile(text ?? activityText),
      columns: ActivityColumns(zone: "msoa", provider: "trust", measure: .count("patients"), total: total, filters: ["year=2019", "type=All"]),
      lookup: ZoneLookup(zones: zones), zoneCount: zones.count), in: report)
    let shares = recorded(ActivityShares.shares(activity: table, zones: zoneCodes, method: method), in: report)
    return ProviderCatchments(shares: shares, population: population)
  }

  func byProvider(_ c: ProviderCatchments) -> [String: Double] {
    var out: [String: Double] = [:]
    for (p, id) in c.shares.providers.enumerated() { out[id] = c.catchment[p] }
    out["UNATTRIBUTED"] = c.unattributed
    return out
  }

  @Test func proportionalWithTheGivenTotal() throws {
    let report = RunReport(command: "t")
    let c = try catchments(.proportional, report: report)
    #expect(byProvider(c) == ["R1": 1400, "R2": 1100, "R3": 400, "UNATTRIBUTED": 600])
    #expect(report.inputs.first?.rowsSkippedByRule == 2)
    #expect(c.csv().text == "provider_id,catchment_population,zones\nR1,1400,2\nR2,1100,2\nR3,400,1\nUNATTRIBUTED,600,2\n")
  }

  /// Without a total the zone's rows are the denominator: zone 1 splits 60/90 and 30/90.
  @Test func proportionalWithoutATotal() throws {
    let c = try catchments(.proportional, total: nil)
    let r = byProvider(c)
    #expect(abs(r["R1"]! - (1000.0 * 60 / 90 + 800)) < 1e-9)
    #expect(abs(r["R2"]! - (1000.0 * 30 / 90 + 800)) < 1e-9)
    #expect(r["UNATTRIBUTED"] == 500)
  }

  /// Zone 1 rescaled to .6/.9 and .3/.9.
  @Test func normalised() throws {
    let r = byProvider(try catchments(.normalised))
    #expect(abs(r["R1"]! - (1000.0 * 2 / 3 + 800)) < 1e-9)
    #expect(abs(r["R2"]! - (1000.0 / 3 + 800)) < 1e-9)
    #expect(r["R3"] == 400 && r["UNATTRIBUTED"] == 500)
  }

  /// Zone 1 to R1; zone 2 ties R1/R2 at .4 and goes to the lowest code, R1.
  @Test func firstPastThePost() throws {
    #expect(byProvider(try catchments(.firstPastThePost)) == ["R1": 3000, "R2": 0, "R3": 0, "UNATTRIBUTED": 500])
  }

  /// At .3: zone 1 counts for R1 and R2, zone 2 for R1 and R2 (R3 at .2 does not): overlap,
  /// warned. At .5: zone 1 for R1 only, zone 2 for nobody.
  @Test func threshold() throws {
    let report = RunReport(command: "t")
    #expect(byProvider(try catchments(.threshold(0.3), report: report)) == ["R1": 3000, "R2": 3000, "R3": 0, "UNATTRIBUTED": 500])
    #expect(report.warnings.contains { $0.contains("2 zones reach the threshold for more than one provider") })
    #expect(byProvider(try catchments(.threshold(0.5))) == ["R1": 1000, "R2": 0, "R3": 0, "UNATTRIBUTED": 2500])
  }

  /// At .35: zone 1 keeps R1 (.6), rescaled to its total .9 → .9; zone 2 keeps R1 and R2 (.4
  /// each), rescaled to 1 → .5 each.
  @Test func minimumShare() throws {
    let r = byProvider(try catchments(.minimumShare(0.35)))
    #expect(abs(r["R1"]! - (900 + 1000)) < 1e-9)
    #expect(abs(r["R2"]! - 1000) < 1e-9)
    #expect(r["R3"] == 0)
    #expect(abs(r["UNATTRIBUTED"]! - 600) < 1e-9)
  }

  @Test(arguments: [CatchmentMethod.proportional, .normalised, .firstPastThePost, .threshold(0.5), .minimumShare(0.05), .minimumShare(0.5)])
  func populationIsConserved(method: CatchmentMethod) throws {
    let c = try catchments(method)
    #expect(abs(c.catchment.reduce(0, +) + c.unattributed - population.reduce(0, +)) < 1e-9)
  }

  @Test func lossesAreReported() throws {
    let text = """
      year,type,msoa,trust,patients,total
      2019,All,E02000001,R1,80,100
      2019,All,E02000001,R2,40,100
      2019,All,E02999999,R1,7,100
      2019,All,E02000002,R1,-3,100
      2019,All,E02000002,,5,100
      2019,All,E02000003,R3,5,0

      """
    let report = RunReport(command: "t")
    let c = try catchments(.proportional, text: text, report: report)
    // Zone 3's total of 0 beside 5 patients: a loss, its shares from its rows (R3 all 500).
    #expect(byProvider(c)["R3"] == 500)
    #expect(report.losses.first { $0.reason.hasPrefix("zones whose activity shares") }?.codes.map(\.code).sorted() == ["E02000001", "E02000003"])
    // Zone 1 adds up to 1.2: a loss, scaled down to 1 (R1 2/3, R2 1/3).
    #expect(abs(byProvider(c)["R1"]! - 1000.0 * 2 / 3) < 1e-9)
    let reasons = report.losses.map(\.reason)
    #expect(reasons.contains { $0.hasPrefix("zones whose activity shares add up to more than 1") })
    #expect(report.losses.first { $0.reason.hasPrefix("activity rows whose zone is not") }?.codes.first?.code == "E02999999 (unknown zone)")
    #expect(reasons.contains { $0.hasPrefix("activity rows with a negative value") })
    #expect(reasons.contains { $0.hasPrefix("activity rows with a blank provider") })
    #expect(report.hasStrictFailures)
  }

  /// Shares as given (OHID `proportion`), with the zone × provider table.
  @Test func sharesAsGivenAndTheZoneTable() throws {
    var zones = CodeTable()
    for code in zoneCodes { _ = zones.intern(code) }
    let report = RunReport(command: "t")
    let table = try recorded(ActivityTable.read(
      path: try temporaryFile("msoa,trust,proportion\nE02000001,R2,0.25\nE02000001,R1,0.5\n"),
      columns: ActivityColumns(zone: "msoa", provider: "trust", measure: .share("proportion")), lookup: ZoneLookup(zones: zones),
      zoneCount: zones.count), in: report)
    let c = ProviderCatchments(shares: recorded(ActivityShares.shares(activity: table, zones: zoneCodes, method: .proportional), in: report), population: population)
    #expect(
      c.zoneCSV().text == """
        zone_id,provider_id,share,catchment_population
        E02000001,R1,0.5,500
        E02000001,R2,0.25,250
        E02000001,UNATTRIBUTED,0.25,250
        E02000002,UNATTRIBUTED,1,2000
        E02000003,UNATTRIBUTED,1,500

        """)
  }
}

/// Membership and system overlap, by hand.
///
/// Zones E02000001 (1,000) in footprint A; E02000002 (2,000) split 3/4 A, 1/4 B (a fractional
/// crosswalk); E02000003 (500) in B. Proportional catchments as above: R1 (.6, .4, –),
/// R2 (.3, .4, –), R3 (–, .2, –).
///
///     CP(R1,A) = 600 + .4·2000·¾ = 1,200   CP(R1,B) = .4·2000·¼ = 200     CP(R1) = 1,400
///     CP(R2,A) = 300 + 600 = 900           CP(R2,B) = 200                 CP(R2) = 1,100
///     CP(R3,A) = .2·2000·¾ = 300           CP(R3,B) = 100                 CP(R3) = 400
///     UNATTRIBUTED: A 100, B 500.           P(A) = 2,500, P(B) = 1,000.
/// At threshold 0.15: R1 in A (6/7) and B (1/7 ≈ .143: no); R2 in A (9/11) and B (2/11 ≈ .18:
/// yes); R3 in A (.75) and B (.25: yes).
@Suite struct MembershipTests {
  func membership(threshold: Double) throws -> Membership {
    var builder = CrosswalkBuilder()
    builder.add(zone: "E02000001", footprint: "A", weight: 1)
    builder.add(zone: "E02000002", footprint: "A", weight: 0.75)
    builder.add(zone: "E02000002", footprint: "B", weight: 0.25)
    builder.add(zone: "E02000003", footprint: "B", weight: 1)
    let crosswalk = try builder.build(method: "lookup")
    let c = try ProviderCatchmentTests().catchments(.proportional)
    return Membership(catchments: c, crosswalk: crosswalk, threshold: threshold)
  }

  @Test func handWorkedRows() throws {
    let m = try membership(threshold: 0.15)
    // Shares to 10 significant digits: 1200/1400 = 0.857142857142…, 200/1400 = 0.142857142857…,
    // 900/1100 = 0.818181818181…, 200/1100 = 0.181818181818…, 100/600 = 0.1666…, 500/600 = 0.8333….
    #expect(
      m.csv().text == """
        provider_id,footprint_id,catchment_population,share,footprint_share,member
        R1,A,1200,0.8571428571,0.48,true
        R1,B,200,0.1428571429,0.2,false
        R2,A,900,0.8181818182,0.36,true
        R2,B,200,0.1818181818,0.2,true
        R3,A,300,0.75,0.12,true
        R3,B,100,0.25,0.1,true
        UNATTRIBUTED,A,100,0.1666666667,0.04,false
        UNATTRIBUTED,B,500,0.8333333333,0.5,false

        """)
    #expect(m.summaryCSV().text == "provider_id,systems,footprint_ids\nR2,2,A;B\nR3,2,A;B\n")
    // Every footprint's population is whole.
    for f in ["A", "B"] {
      #expect(abs(m.rows.filter { $0.footprint == f }.reduce(0) { $0 + $1.catchment } - m.footprintPopulation[f]!) < 1e-9)
    }
  }

  /// shared: A has members R1, R2, R3; B has R2, R3; both: R2, R3.
  /// served[A][B] = CP(R2,A) + CP(R3,A) = 1,200; served[B][A] = CP(R1,B) + CP(R2,B) + CP(R3,B)
  /// = 500; served[A][A] = 2,400; served[B][B] = 300.
  @Test func systemOverlap() throws {
    let m = try membership(threshold: 0.15)
    let overlap = SystemOverlap(rows: m.rows.map { ($0.provider, $0.footprint, $0.catchment, $0.member) })
    #expect(overlap.systems == ["A", "B"])
    #expect(overlap.shared == [3, 2, 2, 2])
    #expect(overlap.served == [2400, 1200, 500, 300])
    #expect(overlap.csv().text == "system_a,system_b,shared_members,population_a_served_by_b\nA,A,3,2400\nA,B,2,1200\nB,A,2,500\nB,B,2,300\n")
    #expect(overlap.servedMatrixCSV().text == "system,A,B\nA,2400,1200\nB,500,300\n")
    // Read back from the membership CSV: the same matrices.
    let report = RunReport(command: "t")
    let read = try recorded(SystemOverlap.read(path: try temporaryFile(m.csv().text)), in: report)
    #expect(read.shared == overlap.shared && read.served == overlap.served)
  }
}
