import CatchmentCore
import CatchmentTables
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis

/// Input tables keyed by their own codes, read once and joined to crosswalks through a zone
/// index, give what a read against each crosswalk gives.
@Suite struct InputTableJoinTests {
  /// Two zones of footprint F1 with rows (10 and "1,000"), a zone of F2 without one, a council
  /// total, an LSOA outside the crosswalk, a Welsh zone and a blank code.
  let population = "code,pop\nE01000001,10\nE01000002,\"1,000\"\nE06000001,5000\nE01000009,7\nW01000001,3\n,2\n"

  func crosswalk(_ pairs: [(String, String)]) throws -> Crosswalk {
    var builder = CrosswalkBuilder()
    for (zone, footprint) in pairs { builder.add(zone: zone, footprint: footprint, weight: 1) }
    return try builder.build(method: "test")
  }

  /// Worked by hand: crosswalk A (E01000001, E01000002 → F1; E01000003 → F2) takes 10 and 1,000,
  /// has no row for E01000003 (a loss of one zone), and sets aside E01000009 (outside the study,
  /// 7), E06000001 (another geography, 5,000) and W01000001 (another nation, 3); the blank code
  /// (2) is lost. Crosswalk B (E01000009 → G1, E01000001 → G2) takes 7 and 10; E01000002 (1,000)
  /// is then outside the study.
  @Test func populationJoinWorkedByHand() throws {
    let table = try PopulationTable(path: try temporaryFile(population), columns: PopulationColumns(id: "code", value: "pop"))
    #expect(table.codes.codes == ["E01000001", "E01000002", "E06000001", "E01000009", "W01000001", ""])
    #expect(table.summary.rowsRead == 6)

    let a = try crosswalk([("E01000001", "F1"), ("E01000002", "F1"), ("E01000003", "F2")])
    let reportA = RunReport(command: "t")
    let joinedA = try recorded(ZonePopulation.join(table, crosswalk: a), in: reportA)
    #expect(joinedA.values == [10, 1000, 0])
    #expect(joinedA.present == [true, true, false])
    #expect(reportA.inputs.first?.rowsCounted == 2)
    #expect(reportA.inputs.first?.rowsExcluded == 3)
    #expect(reportA.inputs.first?.rowsLost == 1)
    #expect(reportA.exclusions.contains { $0.codes == [CodeAmount(code: "E01000009", rows: 1, amount: 7)] })
    #expect(reportA.exclusions.contains { $0.codes == [CodeAmount(code: "E06000001", rows: 1, amount: 5000)] })
    #expect(reportA.exclusions.contains { $0.codes == [CodeAmount(code: "W01000001", rows: 1, amount: 3)] })
    #expect(reportA.losses.contains { $0.unit == "zones" && $0.codes.map(\.code) == ["E01000003"] })
    #expect(reportA.losses.contains { $0.reason == "rows with a blank zone code" && $0.amount == 2 })

    let b = try crosswalk([("E01000009", "G1"), ("E01000001", "G2")])
    let reportB = RunReport(command: "t")
    let joinedB = try recorded(ZonePopulation.join(table, crosswalk: b), in: reportB)
    // The crosswalk lists its zones in code order: E01000001, E01000009.
    #expect(b.zones.codes == ["E01000001", "E01000009"])
    #expect(joinedB.values == [10, 7])
    #expect(reportB.exclusions.contains { $0.codes == [CodeAmount(code: "E01000002", rows: 1, amount: 1000)] })
    #expect(reportB.losses.allSatisfy { $0.unit != "zones" })
  }

  /// A value that is no number in a row outside the study is no error (a note in a total row);
  /// in a row of a study zone it is, with the message and line of a direct read.
  @Test func populationJoinThrowsWhereAReadThrows() throws {
    let path = try temporaryFile("code,pop\nE06000001,n/a\nE01000001,x\n")
    let table = try PopulationTable(path: path, columns: PopulationColumns(id: "code", value: "pop"))
    let outside = try crosswalk([("E01000002", "F1")])
    #expect(try ZonePopulation.join(table, crosswalk: outside).population.values == [0])
    let inside = try crosswalk([("E01000001", "F1")])
    let direct = #expect(throws: TableError.self) {
      try ZonePopulation.read(
        path: path, columns: PopulationColumns(id: "code", value: "pop"), crosswalk: inside).population
    }
    let joined = #expect(throws: TableError.self) { try ZonePopulation.join(table, crosswalk: inside).population }
    #expect(direct?.description == joined?.description)
    #expect(joined?.line == 3)
  }

  /// One table joined to two crosswalks equals two direct reads: values, report (as JSON), and for
  /// registrations the rows, unknown zones and repeated rows.
  @Test func oneTableTwoCrosswalksEqualsTwoReads() throws {
    let populationPath = try temporaryFile(population)
    let columns = PopulationColumns(id: "code", value: "pop")
    let registrations = try temporaryFile(
      "PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\nP1,E01000001,ALL,5\nP1,E01000009,ALL,4\nP2,E01000002,ALL,3\nP2,NO2011,ALL,2\n"
        + "P2,E01000001,ALL,1\nP1,E01000009,ALL,4\n")
    let table = try PopulationTable(path: populationPath, columns: columns)
    let counts = try UnitZoneTable(path: registrations)
    for cw in [
      try crosswalk([("E01000001", "F1"), ("E01000002", "F1"), ("E01000003", "F2")]),
      try crosswalk([("E01000009", "G1"), ("E01000001", "G2")]),
    ] {
      let joinedReport = RunReport(command: "t"), directReport = RunReport(command: "t")
      let joined = try recorded(ZonePopulation.join(table, crosswalk: cw), in: joinedReport)
      let direct = try recorded(ZonePopulation.read(path: populationPath, columns: columns, crosswalk: cw), in: directReport)
      #expect(joined.values == direct.values)
      #expect(joined.present == direct.present)
      #expect(try joinedReport.jsonData() == directReport.jsonData())

      let joinedCounts = UnitZoneCounts(table: counts, crosswalk: cw)
      let directCounts = try UnitZoneCounts(path: registrations, crosswalk: cw)
      #expect(joinedCounts.rowZone == directCounts.rowZone)
      #expect(joinedCounts.rowUnit == directCounts.rowUnit)
      #expect(joinedCounts.unknownZones.codes == directCounts.unknownZones.codes)
      #expect(joinedCounts.repeatedRows == directCounts.repeatedRows)
      #expect(joinedCounts.summary == directCounts.summary)
    }
    // Hand-worked: in B, E01000001 is zone 0, E01000009 zone 1 (code order), and E01000002,
    // NO2011 are unknown codes 0 and 1 (−1, −2) in file order.
    let b = UnitZoneCounts(table: counts, crosswalk: try crosswalk([("E01000009", "G1"), ("E01000001", "G2")]))
    #expect(b.rowZone == [0, 1, -1, -2, 0, 1])
    #expect(b.unknownZones.codes == ["E01000002", "NO2011"])
    #expect(b.repeatedRows.rows == 1 && b.repeatedRows.amount == 4)
  }

  /// Activity rows joined to the zones of a crosswalk equal a direct read against them.
  @Test func activityJoinEqualsARead() throws {
    let path = try temporaryFile("zone,trust,n,total\nE01000001,RA,5,8\nE01000001,RB,3,8\nE01000002,,2,2\nE01000009,RA,1,1\nW01000001,RB,4,4\n")
    let columns = ActivityColumns(zone: "zone", provider: "trust", measure: .count("n"), total: "total")
    let cw = try crosswalk([("E01000001", "F1"), ("E01000002", "F1")])
    let rows = try ActivityRows(path: path, columns: columns)
    let joinedReport = RunReport(command: "t"), directReport = RunReport(command: "t")
    let joined = try recorded(ActivityTable.join(rows, lookup: cw.zoneLookup, zoneCount: cw.zones.count), in: joinedReport)
    let direct = try recorded(ActivityTable.read(path: path, columns: columns, lookup: cw.zoneLookup, zoneCount: cw.zones.count), in: directReport)
    #expect(joined.providers.codes == ["RA", "RB"])
    #expect(joined.rows[0].map(\.value) == [5, 3])
    #expect(joined.rows.map { $0.map(\.value) } == direct.rows.map { $0.map(\.value) })
    #expect(try joinedReport.jsonData() == directReport.jsonData())
  }

  /// The maps of two footprint columns read in one pass equal two reads: units, footprints,
  /// account; a column that is missing fails only its own set.
  @Test func practiceMapColumnsInOnePassEqualSeparateReads() throws {
    let path = fixture("tiny/practice_map.csv")
    let sets = [UnitMapColumns(footprint: "ONS_CCG_CODE"), UnitMapColumns(footprint: "PCN_CODE"), UnitMapColumns(footprint: "NO_SUCH")]
    let together = try UnitFootprintMap.read(path: path, columns: sets)
    for k in 0..<2 {
      let alone = try UnitFootprintMap.read(path: path, columns: sets[k])
      let (map, account) = try together[k].get()
      #expect(map.units.codes == alone.map.units.codes)
      #expect(map.footprints.codes == alone.map.footprints.codes)
      #expect(map.unitFootprint == alone.map.unitFootprint)
      #expect(map.footprintNames == alone.map.footprintNames)
      #expect(account == alone.account)
    }
    #expect(throws: TableError.self) { try together[2].get() }
  }

  /// Several layers of one lookup read in one pass equal a read per layer: the crosswalk's CSV
  /// and the report.
  @Test func lookupLayersInOnePassEqualSeparateReads() throws {
    let path = fixture("tiny/lookup.csv")
    let sets = [
      LookupColumns(zone: "LSOA11CD", footprint: "CCG20CD", name: "CCG20NM"), LookupColumns(zone: "LSOA11CD", footprint: "LSOA11NM"),
    ]
    let together = try Crosswalk.fromLookup(path: path, columns: sets)
    for k in sets.indices {
      let aloneReport = RunReport(command: "t"), togetherReport = RunReport(command: "t")
      let alone = try recorded(Crosswalk.fromLookup(path: path, columns: sets[k]), in: aloneReport)
      let (crosswalk, account) = try together[k].get()
      account.record(into: togetherReport)
      #expect(crosswalk.csv().text == alone.csv().text)
      #expect(try togetherReport.jsonData() == aloneReport.jsonData())
    }
  }
}
