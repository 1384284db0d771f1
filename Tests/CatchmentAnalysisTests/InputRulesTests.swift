import CatchmentCore
import CatchmentTables
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Issue 9 §3–4 in the readers: counts, populations and activity as the formats allow them,
/// columns named twice, short rows, rows counted twice and inputs without data rows.
@Suite struct InputRulesTests {
  let crosswalk: Crosswalk

  init() throws {
    crosswalk = try Crosswalk.read(path: fixture("tiny/crosswalk_fractional.csv")).crosswalk
  }

  func registrations(_ rows: String, header: String = "PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS") throws -> String {
    try temporaryFile(header + "\n" + rows)
  }

  // MARK: §3 counts

  /// Before: 1e30 was a count (the report said "patients counted: 1e+30" and the other patients
  /// vanished in rounding); 2.5 and 1e22 were counts too, and -3 was refused as "negative".
  @Test(arguments: ["1e30", "9999999999999999999999", "2.5", "-3"])
  func patientCountsMustBeWholeNumbersBelow2To53(value: String) throws {
    let path = try registrations("P1,E01000001,ALL,4\nP1,E01000002,ALL,\(value)\n")
    let error = #expect(throws: TableError.self) { try UnitZoneCounts(path: path, crosswalk: crosswalk) }
    #expect(error?.description == "\(path):3: NUMBER_OF_PATIENTS (column 4) is '\(value)': a count must be a whole number from 0 to 9007199254740991 (2^53 - 1)")
  }

  /// The R re-export: leading index column, `Number.of.Patients`; separators still read.
  @Test func rExportCountsAreCheckedInTheirOwnColumn() throws {
    let good = try temporaryFile("\"\",\"PRACTICE_CODE\",\"LSOA_CODE\",\"SEX\",\"Number.of.Patients\"\n\"1\",\"P1\",\"E01000001\",\"ALL\",\"1,632\"\n")
    #expect(try UnitZoneCounts(path: good, crosswalk: crosswalk).total == 1632)
    let bad = try temporaryFile("\"\",\"PRACTICE_CODE\",\"LSOA_CODE\",\"SEX\",\"Number.of.Patients\"\n\"1\",\"P1\",\"E01000001\",\"ALL\",0.5\n")
    let error = #expect(throws: TableError.self) { try UnitZoneCounts(path: bad, crosswalk: crosswalk) }
    #expect(error?.reason.hasPrefix("Number.of.Patients (column 5) is '0.5'") == true)
  }

  /// A bad count in a later piece of a file read in parallel is found with its line.
  @Test func countsAreCheckedInParallelPiecesToo() throws {
    var rows = ""
    for k in 0..<3_000 { rows += "P\(k % 7),E0100000\(k % 5 + 1),ALL,\(k == 2_500 ? "1e30" : "\(k)")\n" }
    let path = try registrations(rows)
    let error = #expect(throws: TableError.self) { try UnitZoneCounts(path: path, crosswalk: crosswalk, workers: 2, parallelAbove: 0) }
    #expect(error?.line == 2_502)
  }

  @Test func populationsMayBeFractionalButNotHugeOrNegative() throws {
    let report = RunReport(command: "t")
    let columns = PopulationColumns(id: "code", value: "pop")
    let fine = try temporaryFile("code,pop\nE01000001,1523.25\nE01000002,\"1,632\"\n")
    #expect(try recorded(ZonePopulation.read(path: fine, columns: columns, crosswalk: crosswalk), in: report).values.prefix(2) == [1523.25, 1632])
    for value in ["1e30", "-1"] {
      let path = try temporaryFile("code,pop\nE01000001,10\nE01000002,\(value)\n")
      let error = #expect(throws: TableError.self) { try recorded(ZonePopulation.read(path: path, columns: columns, crosswalk: crosswalk), in: report) }
      #expect(error?.description == "\(path):3: pop (column 2) is '\(value)': an amount must be a number from 0 to 10000000000 (1e10)")
    }
    // A total row (not a zone) of 1e30 is no number either.
    let total = try temporaryFile("code,pop\nE01000001,10\nE06000001,1e30\n")
    #expect(throws: TableError.self) { try recorded(ZonePopulation.read(path: total, columns: columns, crosswalk: crosswalk), in: report) }
  }

  @Test func activityOf1e30IsRefused() throws {
    var zones = CodeTable()
    zones.intern("E02000001")
    let path = try temporaryFile("msoa,trust,patients\nE02000001,R1,5\nE02000001,R2,1e30\n")
    let error = #expect(throws: TableError.self) {
      try ActivityTable.read(
        path: path, columns: ActivityColumns(zone: "msoa", provider: "trust", measure: .count("patients")), lookup: ZoneLookup(zones: zones),
        zoneCount: 1).table
    }
    #expect(error?.line == 3)
  }

  // MARK: §3 columns

  @Test func aCountColumnNamedTwiceIsRefused() throws {
    let path = try registrations("P1,E01000001,ALL,4,5\n", header: "PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS,NUMBER_OF_PATIENTS")
    let error = #expect(throws: TableError.self) { try UnitZoneCounts(path: path, crosswalk: crosswalk) }
    #expect(error?.description == "\(path):1: the header has 'NUMBER_OF_PATIENTS' twice, in columns 4 and 5; rename or remove all but one")
  }

  @Test func aSexColumnNamedTwiceIsRefused() throws {
    let path = try registrations("P1,E01000001,ALL,4,MALE\n", header: "PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS,sex")
    #expect(throws: TableError.self) { try UnitZoneCounts(path: path, crosswalk: crosswalk) }
  }

  @Test func populationColumnsNamedTwiceAreRefused() throws {
    let path = try temporaryFile("code,pop,code\nE01000001,10,E01000002\n")
    let error = #expect(throws: TableError.self) {
      try ZonePopulation.read(path: path, columns: PopulationColumns(id: "code", value: "pop"), crosswalk: crosswalk).population
    }
    #expect(error?.reason.contains("columns 1 and 3") == true)
  }

  /// Before: "SEX is ''; expected ALL, MALE or FEMALE".
  @Test func aShortRegistrationRowIsToldByItsFieldCount() throws {
    let header = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS,NOTE"
    let path = try registrations("X,D,P1,ONE,E01000001,ALL,4,n\nX,D,P1\n", header: header)
    let error = #expect(throws: TableError.self) { try UnitZoneCounts(path: path, crosswalk: crosswalk) }
    #expect(error?.description == "\(path):3: line 3 has 3 fields; the header has 8")
  }

  // MARK: §4 registrations counted twice

  @Test func repeatedRegistrationRowsAreReported() throws {
    // P1 E01000001 ALL twice (4 + 4), P2 E01000003 ALL twice (the second 6), P2's MALE and
    // FEMALE rows are skipped by the SEX rule and are no repeat.
    let path = try registrations("""
      P1,E01000001,ALL,4
      P1,E01000002,ALL,3
      P1,E01000001,ALL,4
      P2,E01000003,ALL,1
      P2,E01000003,MALE,1
      P2,E01000003,FEMALE,0
      P2,E01000003,ALL,6

      """)
    let counts = try UnitZoneCounts(path: path, crosswalk: crosswalk)
    #expect(counts.total == 18)  // still counted, as before
    #expect(counts.repeatedRows.rows == 2)
    #expect(counts.repeatedRows.amount == 10)
    #expect(counts.repeatedRows.codes == [CodeAmount(code: "P2 E01000003 ALL", rows: 1, amount: 6), CodeAmount(code: "P1 E01000001 ALL", rows: 1, amount: 4)])
    let report = RunReport(command: "flows")
    report.repeated(counts.repeatedRows)
    #expect(report.hasStrictFailures)
    #expect(report.text().contains("REPEATED ROWS: "))
  }

  @Test func repeatsAreFoundWhenPracticesAreNotContiguousAndUnknownZonesRepeat() throws {
    let path = try registrations("""
      P1,E01000001,ALL,4
      P2,NO2011,ALL,3
      P1,E01000001,ALL,5
      P2,NO2011,ALL,2
      P1,E01000002,ALL,1

      """)
    let counts = try UnitZoneCounts(path: path, crosswalk: crosswalk)
    #expect(counts.repeatedRows.codes == [CodeAmount(code: "P1 E01000001 ALL", rows: 1, amount: 5), CodeAmount(code: "P2 NO2011 ALL", rows: 1, amount: 2)])
  }

  @Test func maleAndFemaleRowsOfOneZoneAreNoRepeat() throws {
    let counts = try UnitZoneCounts(path: fixture("tiny/registrations_sex_split.csv"), crosswalk: crosswalk)
    #expect(counts.repeatedRows.isEmpty)
    #expect(try UnitZoneCounts(path: fixture("tiny/registrations.csv"), crosswalk: crosswalk).repeatedRows.isEmpty)
  }

  // MARK: §4 inputs without data rows

  @Test func headerOnlyInputsAreWarnedAndFailStrict() throws {
    var zones = CodeTable()
    zones.intern("E01000001")
    let readers: [(String, (RunReport) throws -> Void)] = [
      ("registrations", { report in report.add(try UnitZoneCounts(path: try self.registrations(""), crosswalk: self.crosswalk).summary) }),
      ("lookup", { report in _ = try recorded(Crosswalk.fromLookup(path: try temporaryFile("LSOA,ICB\n"), columns: LookupColumns(zone: "LSOA", footprint: "ICB")), in: report) }),
      ("crosswalk", { report in _ = try recorded(Crosswalk.read(path: try temporaryFile("zone_id,footprint_id,weight\n")), in: report) }),
      ("population", { report in _ = try recorded(ZonePopulation.read(path: try temporaryFile("code,pop\n"), columns: PopulationColumns(id: "code", value: "pop"), crosswalk: self.crosswalk), in: report) }),
      ("activity", { report in
        _ = try recorded(ActivityTable.read(
          path: try temporaryFile("msoa,trust,patients\r\n"), columns: ActivityColumns(zone: "msoa", provider: "trust", measure: .count("patients")),
          lookup: ZoneLookup(zones: zones), zoneCount: 1), in: report)
      }),
    ]
    for (role, read) in readers {
      let report = RunReport(command: "t")
      try read(report)
      #expect(report.warnings.contains { $0.hasPrefix("the \(role) file ") && $0.hasSuffix(" has no data rows (a header only)") }, "\(role): \(report.warnings)")
      #expect(report.hasStrictFailures, "\(role)")
      #expect(report.strictFailureReasons.contains { $0.hasPrefix("no data rows: the \(role) file") }, "\(role)")
    }
  }
}
