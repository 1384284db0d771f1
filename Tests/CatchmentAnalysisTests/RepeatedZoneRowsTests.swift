import CatchmentCore
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// A population table with several rows per zone (issue 9 §4): refused unless a filter picks one
/// row per zone, with the column that varies and the filter that would pick one.
@Suite struct RepeatedZoneRowsTests {
  let crosswalk: Crosswalk
  /// Laid out as Trafford's LSOA 2021 estimates: one row per zone per sex.
  let bySex: String

  init() throws {
    crosswalk = try Crosswalk.fromLookup(
      path: try temporaryFile("LSOA,ICB\nE01000001,A\nE01000002,A\nE01000003,B\n"), columns: LookupColumns(zone: "LSOA", footprint: "ICB")).crosswalk
    bySex = try temporaryFile("""
      period,area_code,sex,all_ages
      2022,E01000001,Females,6
      2022,E01000001,Males,4
      2022,E01000001,Persons,10
      2022,E01000002,Females,11
      2022,E01000002,Males,9
      2022,E01000002,Persons,20
      2022,E01000003,Persons,5
      2022,E06000001,Persons,35

      """)
  }

  func read(_ path: String, filters: [String] = [], report: RunReport = RunReport(command: "t")) throws -> ZonePopulation {
    try recorded(ZonePopulation.read(path: path, columns: PopulationColumns(id: "area_code", value: "all_ages", filters: filters), crosswalk: crosswalk), in: report)
  }

  /// Before: the zones' rows were summed (E01000001 20, twice its population) with a warning only.
  @Test func rowsPerSexWithoutAFilterAreRefused() throws {
    let error = #expect(throws: RepeatedZoneRowsError.self) { try read(bySex) }
    #expect(error?.zoneCount == 2)
    #expect(error?.example == "E01000001")
    #expect(error?.exampleRows == 3)
    #expect(error?.breakdowns == [.init(column: "sex", values: ["Females", "Males", "Persons"], keep: ["Persons"])])
    #expect(error?.suggestedFilters == ["sex=Persons"])
    // The library names no command-line option.
    #expect(error?.description == "\(bySex): 2 zones have several rows (E01000001: 3); adding them up would count people more than once. The rows differ in 'sex' (Females, Males, Persons); keep one row per zone with the filter sex=Persons")
    #expect(error?.description.contains("--") == false)
  }

  @Test func theSuggestedFilterReadsOneRowPerZone() throws {
    let report = RunReport(command: "t")
    #expect(try read(bySex, filters: ["sex=Persons"], report: report).values == [10, 20, 5])
    #expect(!report.hasStrictFailures)
  }

  /// Several values of one column ask for the parts to be added up: Males + Females.
  @Test func partsNamedByTheFilterAreAddedUp() throws {
    let report = RunReport(command: "t")
    #expect(try read(bySex, filters: ["sex=Males", "sex=Females"], report: report).values == [10, 20, 0])
    #expect(report.notes.contains { $0.contains("2 zones have one row per sex value kept by the filter") })
  }

  /// Without a total among the values, the suggestion keeps all the parts.
  @Test func withoutATotalRowThePartsAreSuggested() throws {
    let path = try temporaryFile("area_code,gender,all_ages\nE01000001,F,6\nE01000001,M,4\nE01000002,F,1\nE01000002,M,2\n")
    let error = #expect(throws: RepeatedZoneRowsError.self) { try read(path) }
    #expect(error?.suggestedFilters == ["gender=F", "gender=M"])
  }

  /// One repeated zone: a count column takes as few values as the breakdown; the label wins.
  @Test func aLabelColumnIsPreferredToACountColumn() throws {
    let path = try temporaryFile("area_code,aged_0_15,sex,all_ages\nE01000001,2,Female,6\nE01000001,1,Male,4\nE01000001,3,Persons,10\nE01000002,4,Persons,5\n")
    let error = #expect(throws: RepeatedZoneRowsError.self) { try read(path) }
    #expect(error?.suggestedFilters == ["sex=Persons"])
  }

  @Test func identicalRowsAreCalledARepeatOfTheFile() throws {
    let path = try temporaryFile("area_code,all_ages\nE01000001,6\nE01000002,4\nE01000001,6\n")
    let error = #expect(throws: RepeatedZoneRowsError.self) { try read(path) }
    #expect(error?.breakdowns == [])
    #expect(error?.description.hasSuffix("The rows are identical: the table seems to hold the same rows twice") == true)
  }

  /// Rows per age band and sex: neither column alone picks one row per zone; both are named.
  @Test func twoBreakdownsAreBothNamed() throws {
    let path = try temporaryFile("""
      area_code,age,sex,all_ages
      E01000001,0-15,Male,1
      E01000001,0-15,Female,2
      E01000001,16+,Male,3
      E01000001,16+,Female,4

      """)
    let error = #expect(throws: RepeatedZoneRowsError.self) { try read(path) }
    #expect(error?.breakdowns.map(\.column) == ["age", "sex"])
    #expect(error?.suggestedFilters == ["age=0-15", "age=16+", "sex=Male", "sex=Female"])
  }
}
