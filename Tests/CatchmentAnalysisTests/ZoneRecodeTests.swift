import CatchmentCore
import CatchmentTables
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis

/// A registrations-like table recoded through a hand-made crosswalk, every figure worked by
/// hand: a split (S), a merge (M), a many-to-many pair (X), a zone partly unallocated, and
/// codes the crosswalk does not know.
@Suite struct ZoneRecodeTests {
  /// The crosswalk (Tests/Fixtures/tiny/recode_bridge.csv): E01000001 unchanged; E01000002
  /// split in halves; E01000003 and E01000004 merged into E01000020; E01000005 and E01000006
  /// redrawn over E01000030/E01000031 (0.6/0.4, 0.25/0.75); E01000007 half unallocated.
  static let registrations = """
    PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS
    GP,01Oct2025,P1,"SURGERY, ONE",CLOSED,ALL,6
    GP,01Oct2025,P1,"SURGERY, ONE",E01000001,ALL,10
    GP,01Oct2025,P1,"SURGERY, ONE",E01000002,ALL,7
    GP,01Oct2025,P1,"SURGERY, ONE",E01000003,ALL,5
    GP,01Oct2025,P1,"SURGERY, ONE",E01000004,ALL,4
    GP,01Oct2025,P1,"SURGERY, ONE",E01000005,ALL,9
    GP,01Oct2025,P1,"SURGERY, ONE",E01000006,ALL,3
    GP,01Oct2025,P2,PRACTICE TWO,W01000001,ALL,2
    GP,01Oct2025,P2,PRACTICE TWO,E01000002,ALL,1
    GP,01Oct2025,P2,PRACTICE TWO,E01099999,ALL,3
    GP,01Oct2025,P2,PRACTICE TWO,,ALL,1
    GP,01Oct2025,P2,PRACTICE TWO,E01000007,ALL,5
    GP,01Oct2025,P2,PRACTICE TWO,EMPTY,ALL,2

    """

  /// By hand. P1: CLOSED 6 as is; 10 unchanged; 7 → 3.5 + 3.5, the tie to E01000010 (4, 3);
  /// 5 + 4 merged (9); 9 → 5.4 + 3.6 (5, 4) and 3 → 0.75 + 2.25 (1, 2) give E01000030 6 and
  /// E01000031 6. P2: 1 → 0.5 + 0.5, the tie to E01000010, E01000011 gets nothing (no row);
  /// 5 → 2.5 + 2.5, the tie to E01000040 (3), UNALLOCATED 2; W01, E01099999, blank, EMPTY as
  /// they are. Targets in byte order within each practice.
  static let expected = """
    PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS
    GP,01Oct2025,P1,"SURGERY, ONE",CLOSED,ALL,6
    GP,01Oct2025,P1,"SURGERY, ONE",E01000001,ALL,10
    GP,01Oct2025,P1,"SURGERY, ONE",E01000010,ALL,4
    GP,01Oct2025,P1,"SURGERY, ONE",E01000011,ALL,3
    GP,01Oct2025,P1,"SURGERY, ONE",E01000020,ALL,9
    GP,01Oct2025,P1,"SURGERY, ONE",E01000030,ALL,6
    GP,01Oct2025,P1,"SURGERY, ONE",E01000031,ALL,6
    GP,01Oct2025,P2,PRACTICE TWO,,ALL,1
    GP,01Oct2025,P2,PRACTICE TWO,E01000010,ALL,1
    GP,01Oct2025,P2,PRACTICE TWO,E01000040,ALL,3
    GP,01Oct2025,P2,PRACTICE TWO,E01099999,ALL,3
    GP,01Oct2025,P2,PRACTICE TWO,EMPTY,ALL,2
    GP,01Oct2025,P2,PRACTICE TWO,UNALLOCATED,ALL,2
    GP,01Oct2025,P2,PRACTICE TWO,W01000001,ALL,2

    """

  func crosswalk() throws -> Crosswalk { try Crosswalk.read(path: fixture("tiny/recode_bridge.csv")).crosswalk }

  func recode(_ table: String, _ columns: ZoneKeyedColumns) throws -> RecodedTable {
    try RecodedTable.read(path: try temporaryFile(table), columns: columns, crosswalk: try crosswalk())
  }

  static let nhs = ZoneKeyedColumns(zone: "LSOA_CODE", values: ["NUMBER_OF_PATIENTS"])

  @Test func registrationsAreSplitMergedAndPassedThroughAsWorkedByHand() throws {
    let recoded = try recode(Self.registrations, Self.nhs)
    #expect(recoded.csv().text == Self.expected)
    #expect(recoded.recode.integerColumns == [true])
    #expect(recoded.recode.totalsIn == [58] && recoded.recode.totalsOut == [58])
  }

  @Test func everyRowKeepsItsTotal() throws {
    // Per source row: its parts (written or not) add up to it; here checked per practice and
    // per file from the output (each practice's rows are one group).
    let recoded = try recode(Self.registrations, Self.nhs)
    var perGroup: [Int32: Double] = [:]
    for (r, g) in recoded.recode.rowGroup.enumerated() { perGroup[g, default: 0] += recoded.recode.values[0][r] }
    #expect(perGroup == [0: 44, 1: 14])
    #expect(recoded.recode.values[0].allSatisfy { $0 == $0.rounded() })
  }

  @Test func theAccountClassesEveryCodePassedThrough() throws {
    let account = try recode(Self.registrations, Self.nhs).account
    let report = RunReport(command: "recode")
    report.record(account)
    func tally(_ list: [Tally], _ prefix: String) -> Tally? { list.first { $0.reason.hasPrefix(prefix) } }
    #expect(tally(report.exclusions, "pseudo codes")?.amount == 8)
    #expect(tally(report.exclusions, "zones of another nation")?.amount == 2)
    #expect(tally(report.losses, "zone codes the recode's crosswalk does not know")?.codes.map(\.code) == ["E01099999"])
    #expect(tally(report.losses, "rows with a blank zone code")?.amount == 1)
    let unallocated = tally(report.losses, "shares the recode's crosswalk leaves unallocated")
    #expect(unallocated?.amount == 2 && unallocated?.codes.map(\.code) == ["E01000007"])
    #expect(report.hasStrictFailures)
    #expect(report.notes.contains { $0.contains("whole-number columns") && $0.contains("NUMBER_OF_PATIENTS") })
    #expect(report.figures.contains { $0.name == "recode: NUMBER_OF_PATIENTS out" && $0.value == 58 })
  }

  @Test func fractionColumnsAreMultipliedExactly() throws {
    // 1.5 → 0.75 + 0.75; 2.5 → 1.5 + 1; 0.5 → 0.125 + 0.375. The counts beside them split
    // whole: 2 → 1 + 1; 9 → 5.4, 3.6 (5, 4); 3 → 0.75, 2.25 (1, 2).
    let table = """
      zone,people,count
      E01000002,1.5,2
      E01000005,2.5,9
      E01000006,0.5,3

      """
    let recoded = try recode(table, ZoneKeyedColumns(zone: "zone", values: ["people", "count"]))
    #expect(recoded.recode.integerColumns == [false, true])
    #expect(recoded.csv().text == "zone,people,count\nE01000010,0.75,1\nE01000011,0.75,1\nE01000030,1.625,6\nE01000031,1.375,6\n")
  }

  @Test func theLayoutIsCarriedThrough() throws {
    // BOM, CRLF, quoted fields with commas and quotes, extra columns before and after.
    let table = "\u{FEFF}note,code,\"value\",extra\r\n\"a, \"\"b\"\"\",E01000003,1,x\r\n\"a, \"\"b\"\"\",E01000004,2,x\r\nc,E01000001,4,\"y\ny\"\r\n"
    let recoded = try recode(table, ZoneKeyedColumns(zone: "code", values: ["value"]))
    #expect(recoded.csv().text == "note,code,value,extra\n\"a, \"\"b\"\"\",E01000020,3,x\nc,E01000001,4,\"y\ny\"\n")
    #expect(recoded.csv(byteOrderMark: true).bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
  }

  @Test func keptColumnsNameTheRowsAndTheOthersAreDropped() throws {
    let recoded = try recode(Self.registrations, ZoneKeyedColumns(zone: "LSOA_CODE", values: ["NUMBER_OF_PATIENTS"], keep: ["SEX"]))
    #expect(recoded.table.droppedColumns == ["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME"])
    // One group: both practices' rows summed per zone.
    let text = recoded.csv().text
    #expect(text.hasPrefix("LSOA_CODE,SEX,NUMBER_OF_PATIENTS\n,ALL,1\nCLOSED,ALL,6\nE01000001,ALL,10\nE01000010,ALL,5\n"), "\(text)")
    let report = RunReport(command: "recode")
    report.record(recoded.account)
    #expect(report.notes.contains { $0.contains("PUBLICATION, EXTRACT_DATE, PRACTICE_CODE, PRACTICE_NAME") })
  }

  @Test func aValueThatIsNotANumberNamesFileLineAndColumn() throws {
    let path = try temporaryFile("LSOA_CODE,NUMBER_OF_PATIENTS\nE01000001,3\nE01000002,*\n")
    let error = #expect(throws: TableError.self) {
      try ZoneKeyedTable(path: path, columns: ZoneKeyedColumns(zone: "LSOA_CODE", values: ["NUMBER_OF_PATIENTS"]))
    }
    #expect(error?.description == "\(path):3: NUMBER_OF_PATIENTS (column 2) is not a number: '*'")
    let empty = try temporaryFile("LSOA_CODE,NUMBER_OF_PATIENTS\nE01000001,\n")
    #expect(throws: TableError.self) { try ZoneKeyedTable(path: empty, columns: ZoneKeyedColumns(zone: "LSOA_CODE", values: ["NUMBER_OF_PATIENTS"])) }
  }

  @Test func theSameInputGivesTheSameBytes() throws {
    let first = try recode(Self.registrations, Self.nhs).csv().bytes
    let second = try recode(Self.registrations, Self.nhs).csv().bytes
    #expect(first == second)
  }

  @Test func registrationsRecodedInMemoryMatchTheRecodedFile() throws {
    let path = try temporaryFile(Self.registrations)
    let crosswalk = try crosswalk()
    let recoded = try UnitZoneTable(path: path).recoded(through: crosswalk).table
    let file = try UnitZoneTable(path: try temporaryFile(Self.expected, name: "recoded.csv"))
    #expect(recoded.zones.codes == file.zones.codes)
    #expect(recoded.rowUnit == file.rowUnit && recoded.rowZone == file.rowZone && recoded.rowCount == file.rowCount)
    #expect(recoded.total == 58)
  }
}
