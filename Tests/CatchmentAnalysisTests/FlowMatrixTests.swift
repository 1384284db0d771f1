import CatchmentTestSupport
import CatchmentCore
import CatchmentTables
import Testing

@testable import CatchmentAnalysis

/// Hand-worked flows over `Tests/Fixtures/tiny`.
///
/// Residence (lookup): E01000001, E01000002 → E38000001; E01000003, E01000004 → E38000002;
/// E01000005 has a blank CCG → UNALLOCATED. Registration (map): P1 → E38000001,
/// P2 → E38000002, P3 missing → UNALLOCATED. SEX rule: ALL rows exist, so the two
/// MALE/FEMALE rows (48 + 52) are skipped.
///
///     P1: E01000001 100 → (E38000001, E38000001); E01000003 20 → (E38000002, E38000001);
///         NO2011 3 → (UNALLOCATED, E38000001)
///     P2: E01000003 1000 + E01000004 50 → (E38000002, E38000002) 1050;
///         W01000001 7 + E01000005 10 → (UNALLOCATED, E38000002) 17
///     P3: E01000002 30 → (E38000001, UNALLOCATED); E01099999 2 → (UNALLOCATED, UNALLOCATED)
///     patients counted: 100 + 20 + 3 + 1000 + 50 + 7 + 10 + 30 + 2 = 1222
struct TinyRun {
  let report = RunReport(command: "test")
  let crosswalk: Crosswalk
  let counts: UnitZoneCounts
  let map: UnitFootprintMap
  let matrix: FlowMatrix

  init(registrations: String = "tiny/registrations.csv", crosswalkFile: String? = nil) throws {
    if let crosswalkFile {
      crosswalk = try recorded(Crosswalk.read(path: fixture(crosswalkFile)), in: report)
    } else {
      crosswalk = try recorded(Crosswalk.fromLookup(
        path: fixture("tiny/lookup.csv"), columns: LookupColumns(zone: "LSOA11CD", footprint: "CCG20CD", name: "CCG20NM")), in: report)
    }
    counts = try UnitZoneCounts(path: fixture(registrations), crosswalk: crosswalk)
    map = try recorded(UnitFootprintMap.read(path: fixture("tiny/practice_map.csv"), columns: UnitMapColumns(footprint: "ONS_CCG_CODE")), in: report)
    matrix = recorded(FlowMatrix(counts: counts, crosswalk: crosswalk, map: map, keepUnitBreakdown: true), in: report)
  }

  func flow(_ a: String, _ b: String) -> Double {
    guard let i = matrix.residenceCodes.firstIndex(of: a), let j = matrix.registrationCodes.firstIndex(of: b) else { return 0 }
    return matrix.flow(i, j)
  }
}

@Suite struct FlowMatrixTests {
  @Test func handWorkedCells() throws {
    let run = try TinyRun()
    #expect(run.counts.total == 1222)
    #expect(run.counts.summary.rowsRead == 11)
    #expect(run.counts.summary.rowsCounted == 9)
    #expect(run.counts.summary.rowsSkippedByRule == 2)
    #expect(run.counts.extractDates == ["01APR2020"])
    let expected: [String: Double] = [
      "E38000001>E38000001": 100, "E38000001>UNALLOCATED": 30, "E38000002>E38000001": 20,
      "E38000002>E38000002": 1050, "UNALLOCATED>E38000001": 3, "UNALLOCATED>E38000002": 17,
      "UNALLOCATED>UNALLOCATED": 2,
    ]
    var actual: [String: Double] = [:]
    for (key, value) in run.matrix.cells {
      actual[run.matrix.residenceCodes[Int(key >> 32)] + ">" + run.matrix.registrationCodes[Int(key & 0xFFFF_FFFF)]] = value
    }
    #expect(actual == expected)
  }

  @Test func longTableIsSortedWithUnallocatedLast() throws {
    let run = try TinyRun()
    #expect(run.matrix.longCSV().text == """
      residence_footprint,residence_footprint_name,registration_footprint,registration_footprint_name,patients
      E38000001,"NHS Alpha, North CCG",E38000001,"NHS Alpha, North CCG",100
      E38000001,"NHS Alpha, North CCG",UNALLOCATED,,30
      E38000002,NHS Beta CCG,E38000001,"NHS Alpha, North CCG",20
      E38000002,NHS Beta CCG,E38000002,NHS Beta CCG,1050
      UNALLOCATED,,E38000001,"NHS Alpha, North CCG",3
      UNALLOCATED,,E38000002,NHS Beta CCG,17
      UNALLOCATED,,UNALLOCATED,,2

      """)
  }

  @Test func matrixHasTotals() throws {
    let run = try TinyRun()
    #expect(run.matrix.matrixCSV().text == """
      residence_footprint,residence_footprint_name,E38000001,E38000002,UNALLOCATED,total
      E38000001,"NHS Alpha, North CCG",100,0,30,130
      E38000002,NHS Beta CCG,20,1050,0,1070
      UNALLOCATED,,3,17,2,22
      total,,123,1067,32,1222

      """)
  }

  @Test func everyPatientIsReported() throws {
    let run = try TinyRun()
    let exclusions = Dictionary(uniqueKeysWithValues: run.report.exclusions.map { ($0.reason, $0) })
    let losses = Dictionary(uniqueKeysWithValues: run.report.losses.map { ($0.reason, $0) })
    #expect(exclusions["patients with a pseudo residence code"]?.codes == [CodeAmount(code: "NO2011", rows: 1, amount: 3)])
    #expect(exclusions["patients living in another nation"]?.codes == [CodeAmount(code: "W01000001", rows: 1, amount: 7)])
    #expect(losses["patients in E01 codes the crosswalk does not know"]?.codes == [CodeAmount(code: "E01099999", rows: 1, amount: 2)])
    #expect(losses["patients in the unallocated part of crosswalk zones (1 zones)"]?.amount == 10)
    #expect(losses["patients of practices missing from the practice map (closed or merged?)"]?.codes == [CodeAmount(code: "P3", rows: 2, amount: 32)])
    // The lookup's blank-footprint zone is an exclusion of the crosswalk itself.
    #expect(exclusions["zones with a blank footprint code"]?.rows == 1)
    // Every residence-side amount sent to UNALLOCATED adds up to its row total: 3 + 7 + 2 + 10.
    #expect(run.matrix.rowTotals[run.matrix.residenceCodes.firstIndex(of: "UNALLOCATED")!] == 22)
    #expect(run.report.hasStrictFailures)
  }

  @Test func summaryMeasures() throws {
    let run = try TinyRun()
    let summary = FlowSummary(matrix: run.matrix)
    #expect(summary.rows.map(\.footprint) == ["E38000001", "E38000002", "UNALLOCATED"])
    let a = summary.rows[0], b = summary.rows[1], u = summary.rows[2]
    #expect((a.residentRegistered, a.registeredList, a.retained) == (130, 123, 100))
    #expect(a.retention == 100.0 / 130 && a.capture == 100.0 / 123)
    #expect((a.inflow, a.outflow, a.net) == (23, 30, -7))
    #expect((b.residentRegistered, b.registeredList, b.retained) == (1070, 1067, 1050))
    #expect((b.inflow, b.outflow, b.net) == (17, 20, -3))
    #expect((u.residentRegistered, u.registeredList, u.retained) == (22, 32, 2))
    #expect((u.inflow, u.outflow, u.net) == (30, 20, 10))
    // 100/130 = 0.769230769230…, 100/123 = 0.813008130081… to 10 significant digits.
    #expect(
      summary.csv().text.hasPrefix(
        "footprint_id,footprint_name,resident_registered,registered_list,retained,retention,capture,inflow,outflow,net,practices_in_file,practices_in_map\nE38000001,\"NHS Alpha, North CCG\",130,123,100,0.7692307692,0.8130081301,23,30,-7,1,1\n"))
  }

  /// practices_in_file / practices_in_map: the map puts P1 in E38000001 and P2, P9 in
  /// E38000002; the file holds P1, P2 (and P3, which the map lacks). UNALLOCATED: empty.
  @Test func summaryCountsPracticesInTheFileAndInTheMap() throws {
    let run = try TinyRun()
    let summary = FlowSummary(matrix: run.matrix)
    #expect(summary.rows.map(\.practicesInFile) == [1, 1, nil])
    #expect(summary.rows.map(\.practicesInMap) == [1, 2, nil])
    #expect(summary.csv().text.hasSuffix(",30,20,10,,\n"))
    // Half of E38000002's practices are in the file: not "mostly absent".
    let report = RunReport(command: "test")
    report.record(summary.partialFootprintsWarning())
    #expect(report.warnings.isEmpty)
  }

  /// A practice-side extract: with P7 and P8 also mapped to E38000002, only 1 of its 4
  /// practices is in the file; one warning names how many footprints and which.
  @Test func footprintsWithMostPracticesAbsentAreWarnedOnce() throws {
    let run = try TinyRun()
    let map = UnitFootprintMap(
      placements: [("P1", "E38000001"), ("P2", "E38000002"), ("P7", "E38000002"), ("P8", "E38000002"), ("P9", "E38000002")],
      footprints: ["E38000001", "E38000002"], footprintNames: [:], source: "test map")
    let report = RunReport(command: "test")
    let summary = FlowSummary(matrix: recorded(FlowMatrix(counts: run.counts, crosswalk: run.crosswalk, map: map), in: report))
    #expect(summary.rows.map(\.isPartlySeen) == [false, true, false])
    report.record(summary.partialFootprintsWarning())
    report.record(summary.partialFootprintsWarning())
    let warnings = report.warnings.filter { $0.contains("only partly seen") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.hasPrefix("1 of 2 footprints in the summary are only partly seen by the registrations file (1 have fewer than half of the practices the map puts there in the file; E38000002: 1 of 4 practices)") == true, "\(warnings)")
  }

  /// With a population, a footprint whose registered residents are fewer than half its
  /// residents is partly seen too: E38000001 has 130 registered residents for 1,500 people
  /// (list_inflation 0.0867), E38000002 1,070 for 1,000.
  @Test func footprintsWithFewRegisteredResidentsAreWarned() throws {
    let run = try TinyRun()
    let population = try recorded(ZonePopulation.read(
      path: fixture("tiny/population.csv"), columns: PopulationColumns(id: "Area Codes", value: "All Ages"), crosswalk: run.crosswalk), in: run.report)
    let summary = FlowSummary(matrix: run.matrix, population: ResidentPopulation(population: population, crosswalk: run.crosswalk))
    #expect(summary.rows.map(\.isPartlySeen) == [true, false, false])
    let report = RunReport(command: "test")
    report.record(summary.partialFootprintsWarning())
    #expect(report.warnings == [
      "1 of 2 footprints in the summary are only partly seen by the registrations file (0 have fewer than half of the practices the map puts there in the file; 1 have fewer registered residents than half their population (list_inflation below 0.5); E38000001: 1 of 1 practices, list_inflation 0.0867): the file holds only some practices' patients (a practice-side extract?), so for those footprints registered_list and capture count only the practices present, and resident_registered and list_inflation miss the residents registered with the others (columns practices_in_file, practices_in_map)"
    ])
  }

  @Test func invariantsHold() throws {
    let run = try TinyRun()
    let rows = run.matrix.rowTotals.reduce(0, +), columns = run.matrix.columnTotals.reduce(0, +)
    #expect(rows == run.counts.total)
    #expect(columns == run.counts.total)
    #expect(run.matrix.tableTotal == run.counts.total)
    let summary = FlowSummary(matrix: run.matrix)
    #expect(summary.rows.map(\.inflow).reduce(0, +) == summary.rows.map(\.outflow).reduce(0, +))
  }

  @Test func sexRuleSumsMaleAndFemaleWhenNoAllRows() throws {
    let run = try TinyRun(registrations: "tiny/registrations_sex_split.csv")
    // MALE 48 + FEMALE 52 at P1/E01000001, FEMALE 9 at P2/E01000003: all counted.
    #expect(run.counts.total == 109)
    #expect(run.counts.summary.rowsSkippedByRule == 0)
    #expect(run.flow("E38000001", "E38000001") == 100)
    #expect(run.flow("E38000002", "E38000002") == 9)
  }

  @Test func fractionalWeightsSplitPatients() throws {
    // E01000003 is split 0.25 / 0.75; E01000005 is not in this crosswalk (unknown code).
    let run = try TinyRun(crosswalkFile: "tiny/crosswalk_fractional.csv")
    #expect(run.flow("E38000001", "E38000002") == 250)  // 0.25 × 1000 from P2
    #expect(run.flow("E38000002", "E38000002") == 800)  // 0.75 × 1000 + 50
    #expect(run.flow("E38000001", "E38000001") == 105)  // 100 + 0.25 × 20
    #expect(run.flow("E38000002", "E38000001") == 15)  // 0.75 × 20
    #expect(run.flow("UNALLOCATED", "E38000002") == 17)  // W01000001 7 + E01000005 10
    let total = run.matrix.cells.values.reduce(0, +)
    #expect(abs(total - run.counts.total) <= 1e-9 * run.counts.total)
  }

  @Test func practiceBreakdownSharesSumToOne() throws {
    let run = try TinyRun()
    // Shares of the list to 10 significant digits: 100/123 = 0.813008130081…, 20/123 = 0.16260162601…,
    // 3/123 = 0.024390243902…, 1050/1067 = 0.98406747891…, 17/1067 = 0.015932521087…, 30/32, 2/32.
    let text = run.matrix.unitCSV().text
    #expect(text == """
      practice_code,practice_name,registration_footprint,registration_footprint_name,residence_footprint,residence_footprint_name,patients,share
      P1,PRACTICE ONE,E38000001,"NHS Alpha, North CCG",E38000001,"NHS Alpha, North CCG",100,0.8130081301
      P1,PRACTICE ONE,E38000001,"NHS Alpha, North CCG",E38000002,NHS Beta CCG,20,0.162601626
      P1,PRACTICE ONE,E38000001,"NHS Alpha, North CCG",UNALLOCATED,,3,0.0243902439
      P2,PRACTICE TWO,E38000002,NHS Beta CCG,E38000002,NHS Beta CCG,1050,0.9840674789
      P2,PRACTICE TWO,E38000002,NHS Beta CCG,UNALLOCATED,,17,0.01593252109
      P3,PRACTICE THREE,UNALLOCATED,,E38000001,"NHS Alpha, North CCG",30,0.9375
      P3,PRACTICE THREE,UNALLOCATED,,UNALLOCATED,,2,0.0625

      """)
  }

  @Test func badCountNamesFileLineAndValue() throws {
    let path = try temporaryFile("PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nP1,E01000001,5\nP1,E01000002,n/a\n")
    let crosswalk = try Crosswalk.read(path: fixture("tiny/crosswalk_fractional.csv")).crosswalk
    let error = #expect(throws: TableError.self) { try UnitZoneCounts(path: path, crosswalk: crosswalk) }
    #expect(error?.description == "\(path):3: NUMBER_OF_PATIENTS is not a number: 'n/a'")
  }

  @Test func vintageMismatchIsWarnedAbove1Percent() throws {
    // Two of three patients live in codes numbered above the crosswalk's highest code.
    let path = try temporaryFile("PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nP1,E01000001,1\nP1,E01035000,1\nP1,E01035001,1\n")
    let report = RunReport(command: "t")
    let crosswalk = try recorded(Crosswalk.read(path: fixture("tiny/crosswalk_fractional.csv")), in: report)
    let counts = try UnitZoneCounts(path: path, crosswalk: crosswalk)
    let map = try recorded(UnitFootprintMap.read(path: fixture("tiny/practice_map.csv"), columns: UnitMapColumns(footprint: "ONS_CCG_CODE")), in: report)
    _ = recorded(FlowMatrix(counts: counts, crosswalk: crosswalk, map: map), in: report)
    #expect(report.warnings.count == 1)
    #expect(report.warnings[0].contains("vintage mismatch"))
    #expect(report.warnings[0].contains("numbered above the crosswalk's highest code E01000004"))
  }

  @Test func oneSidedCodesAreReported() throws {
    let report = RunReport(command: "t")
    let crosswalk = try recorded(Crosswalk.read(path: fixture("tiny/crosswalk_fractional.csv")), in: report)
    let map = try recorded(UnitFootprintMap.read(path: fixture("tiny/practice_map.csv"), columns: UnitMapColumns(footprint: "CCG_CODE")), in: report)
    let counts = try UnitZoneCounts(path: fixture("tiny/registrations.csv"), crosswalk: crosswalk)
    _ = recorded(FlowMatrix(counts: counts, crosswalk: crosswalk, map: map), in: report)
    #expect(report.oneSidedCodes.first?.onlyFirst == ["E38000001", "E38000002"])
    #expect(report.oneSidedCodes.first?.onlySecond == ["01A", "02B"])
    #expect(report.warnings.contains { $0.contains("share no footprint code") })
    #expect(map.footprintNames == ["NHS Alpha, North CCG", "NHS Beta CCG"])
  }
}
