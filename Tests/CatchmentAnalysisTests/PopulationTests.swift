import CatchmentTestSupport
import CatchmentCore
import Testing

@testable import CatchmentAnalysis

@Suite struct PopulationTests {
  /// Population fixture: E01000001 1,000 + E01000002 500 → E38000001 = 1500;
  /// E01000003 600 + E01000004 400 → E38000002 = 1000; E01000005 has no row (0).
  /// Excluded: council total E06000001 (2,500), Welsh W01000001 (300), E01099999 (50), a zone
  /// outside the crosswalk (outside the study), and E01000005, a zone with no row that the
  /// lookup puts in no footprint (a zone of a footprint without a row would be a loss).
  @Test func handWorkedPopulations() throws {
    let report = RunReport(command: "t")
    let crosswalk = try recorded(Crosswalk.fromLookup(
      path: fixture("tiny/lookup.csv"), columns: LookupColumns(zone: "LSOA11CD", footprint: "CCG20CD", name: "CCG20NM")), in: report)
    let zones = try recorded(ZonePopulation.read(
      path: fixture("tiny/population.csv"), columns: PopulationColumns(id: "area codes", value: "ALL AGES"), crosswalk: crosswalk), in: report)
    let result = ResidentPopulation(population: zones, crosswalk: crosswalk)
    #expect(result.csv().text == "footprint_id,footprint_name,population\nE38000001,\"NHS Alpha, North CCG\",1500\nE38000002,NHS Beta CCG,1000\n")
    #expect(report.exclusions.contains { $0.codes == [CodeAmount(code: "E06000001", rows: 1, amount: 2500)] })
    #expect(report.exclusions.contains { $0.codes == [CodeAmount(code: "W01000001", rows: 1, amount: 300)] })
    #expect(report.exclusions.contains { $0.codes == [CodeAmount(code: "E01099999", rows: 1, amount: 50)] })
    #expect(report.exclusions.contains { $0.unit == "zones" && $0.codes.map(\.code) == ["E01000005"] })
    #expect(report.losses.isEmpty)
  }

  @Test func populationIsConservedUnderFractionalWeights() throws {
    let report = RunReport(command: "t")
    let crosswalk = try recorded(Crosswalk.read(path: fixture("tiny/crosswalk_fractional.csv")), in: report)
    let zones = try recorded(ZonePopulation.read(
      path: fixture("tiny/population.csv"), columns: PopulationColumns(id: "Area Codes", value: "All Ages"), crosswalk: crosswalk), in: report)
    let result = ResidentPopulation(population: zones, crosswalk: crosswalk)
    // 0.25 × 600 = 150 moves from E38000002 to E38000001.
    #expect(result.population(of: "E38000001") == 1650)
    #expect(result.population(of: "E38000002") == 850)
    #expect(result.byFootprint.reduce(0, +) == zones.values.reduce(0, +))
    // 1000 + 500 + 600 + 400 read (E01000005 has no row).
    #expect(result.counted == 2500)
  }

  @Test func unallocatedRowAppearsLastWhenNonZero() throws {
    let report = RunReport(command: "t")
    let crosswalk = try recorded(Crosswalk.fromLookup(
      path: try temporaryFile("LSOA,ICB\nE1,B\nE2,\nE3,A\n"), columns: LookupColumns(zone: "LSOA", footprint: "ICB")), in: report)
    let zones = try recorded(ZonePopulation.read(
      path: try temporaryFile("code,pop\nE1,10\nE2,5\nE3,1\n"), columns: PopulationColumns(id: "code", value: "pop"), crosswalk: crosswalk), in: report)
    let result = ResidentPopulation(population: zones, crosswalk: crosswalk)
    #expect(result.csv().text == "footprint_id,footprint_name,population\nA,,1\nB,,10\nUNALLOCATED,,5\n")
  }

  @Test func filterKeepsOneBreakdown() throws {
    let report = RunReport(command: "t")
    let crosswalk = try recorded(Crosswalk.fromLookup(
      path: try temporaryFile("LSOA,ICB\nE1,A\n"), columns: LookupColumns(zone: "LSOA", footprint: "ICB")), in: report)
    let file = try temporaryFile("area_code,sex,all_ages\nE1,Females,6\nE1,Males,4\nE1,Persons,10\n")
    let zones = try recorded(ZonePopulation.read(path: file, columns: PopulationColumns(id: "area_code", value: "all_ages", filters: ["sex=persons"]), crosswalk: crosswalk), in: report)
    #expect(zones.values == [10])
    #expect(report.inputs.last?.rowsSkippedByRule == 2)
  }
}
