import CatchmentCore
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Reading a file in pieces on several cores must give exactly what one pass gives.
@Suite struct ParallelReadTests {
  /// A registrations-like file: 3,000 rows over 40 practices and 60 zones (some unknown),
  /// ALL and MALE/FEMALE rows, with names quoted, and optionally multi-line quoted names.
  func makeFile(multiLineNames: Bool, seed: UInt64) throws -> String {
    var generator = SeededGenerator(seed: seed)
    var text = "PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS,EXTRACT_DATE\n"
    for _ in 0..<3000 {
      let p = Int(generator.next() % 40), z = Int(generator.next() % 60)
      let name = multiLineNames && p % 3 == 0 ? "\"Practice \(p)\nBranch, \"\"site\"\"\"" : "\"PRACTICE \(p)\""
      let sex = ["ALL", "MALE", "FEMALE"][Int(generator.next() % 3)]
      let date = generator.next() % 50 == 0 ? "01JAN2020" : "01APR2020"
      text += "P\(p),\(name),E0100000\(z),\(sex),\"\(1 + generator.next() % 1500)\",\(date)\n"
    }
    return try temporaryFile(text)
  }

  func crosswalk() throws -> Crosswalk {
    var builder = CrosswalkBuilder()
    for z in 0..<30 { builder.add(zone: "E0100000\(z)", footprint: "F\(z % 4)", weight: 1) }
    return try builder.build(method: "test")
  }

  @Test(arguments: [(false, 2), (false, 3), (true, 2), (true, 5)])
  func piecesEqualOnePass(multiLineNames: Bool, workers: Int) throws {
    let path = try makeFile(multiLineNames: multiLineNames, seed: UInt64(workers))
    let crosswalk = try crosswalk()
    let one = try UnitZoneCounts(path: path, crosswalk: crosswalk, workers: 1)
    let many = try UnitZoneCounts(path: path, crosswalk: crosswalk, workers: workers, parallelAbove: 0)
    #expect(many.units.codes == one.units.codes)
    #expect(many.unitNames == one.unitNames)
    #expect(many.unknownZones.codes == one.unknownZones.codes)
    #expect(many.rowUnit == one.rowUnit)
    #expect(many.rowZone == one.rowZone)
    #expect(many.rowCount == one.rowCount)
    #expect(many.extractDates == one.extractDates)
    #expect(many.summary.rowsRead == 3000)
    #expect(many.summary.rowsSkippedByRule == one.summary.rowsSkippedByRule)
    #expect(many.total == one.total)
    #expect(one.piecesRead == 1)
    if !multiLineNames { #expect(many.piecesRead == workers) }
  }

  /// The zone-keyed reader of `catchment recode`: zones, groups (kept fields), rows and values
  /// as one pass reads them, and so the same recoded bytes.
  @Test(arguments: [(false, 2), (true, 3)])
  func zoneKeyedPiecesEqualOnePass(multiLineNames: Bool, workers: Int) throws {
    let path = try makeFile(multiLineNames: multiLineNames, seed: 10 + UInt64(workers))
    let columns = ZoneKeyedColumns(zone: "LSOA_CODE", values: ["NUMBER_OF_PATIENTS"])
    let one = try ZoneKeyedTable(path: path, columns: columns, workers: 1)
    let many = try ZoneKeyedTable(path: path, columns: columns, workers: workers, parallelAbove: 0)
    #expect(many.zones.codes == one.zones.codes)
    #expect(many.groups.codes == one.groups.codes)
    #expect(many.rowZone == one.rowZone)
    #expect(many.rowGroup == one.rowGroup)
    #expect(many.values == one.values)
    #expect(many.summary.rowsRead == 3000 && one.summary.rowsRead == 3000)
    #expect(one.piecesRead == 1)
    if !multiLineNames { #expect(many.piecesRead == workers) }
    let crosswalk = try crosswalk()
    #expect(RecodedTable(table: many, crosswalk: crosswalk).csv().bytes == RecodedTable(table: one, crosswalk: crosswalk).csv().bytes)
  }

  @Test func errorsInALaterPieceKeepTheirLineNumber() throws {
    var text = "PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\n"
    for i in 0..<2000 { text += "P1,E01000001,\(i)\n" }
    text += "P1,E01000001,oops\n"
    let path = try temporaryFile(text)
    let error = #expect(throws: Error.self) {
      try UnitZoneCounts(path: path, crosswalk: try crosswalk(), workers: 2, parallelAbove: 0)
    }
    #expect("\(error!)" == "\(path):2002: NUMBER_OF_PATIENTS is not a number: 'oops'")
  }
}
