import CatchmentTestSupport
import Foundation
import Testing

/// Issue 9 §4 through the command line: the messages the CLI gives for repeated population
/// rows, repeated registration rows and header-only inputs, and their `--strict` exits.
@Suite struct InputRulesCommandTests {
  func flows(registrations: String, extra: [String] = []) throws -> CommandRunner.Result {
    try CommandRunner.run([
      "flows", "--registrations", registrations, "--crosswalk", fixture("tiny/crosswalk_fractional.csv"),
      "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE", "-o", "-",
    ] + extra)
  }

  func populations(_ population: String, extra: [String] = []) throws -> CommandRunner.Result {
    try CommandRunner.run([
      "populations", "--population", population, "--population-id", "area_code", "--population-value", "all_ages",
      "--crosswalk", fixture("tiny/crosswalk_fractional.csv"), "-o", "-",
    ] + extra)
  }

  /// Before: exit 0 (with --strict too), every footprint at twice its population, a warning only.
  @Test func populationRowsPerSexNameTheFilterOption() throws {
    let path = try temporaryFile("area_code,sex,all_ages\nE01000001,Persons,10\nE01000001,Male,4\nE01000001,Female,6\nE01000002,Persons,5\nE01000002,Male,2\nE01000002,Female,3\n")
    let result = try populations(path, extra: ["--strict"])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr == "Error: \(path): 2 zones have several rows (E01000001: 3); adding them up would count people more than once. The rows differ in 'sex' (Persons, Male, Female); keep one row per zone with --population-filter sex=Persons\n")
    let filtered = try populations(path, extra: ["--population-filter", "sex=Persons", "--quiet"])
    #expect(filtered.status == 0, "\(filtered.stderr)")
    #expect(filtered.stdout == "footprint_id,footprint_name,population\nE38000001,,15\nE38000002,,0\n")
  }

  /// Every command reading populations gives the same message (overlap here; catchments,
  /// compare, nesting and flows share the reader and the CLI's mapping).
  @Test func overlapGivesTheSameMessage() throws {
    let path = try temporaryFile("area_code,sex,all_ages\nE01000001,Persons,10\nE01000001,Male,4\nE01000001,Female,6\n")
    let crosswalk = fixture("tiny/crosswalk_fractional.csv")
    let result = try CommandRunner.run([
      "overlap", "--a", crosswalk, "--b", crosswalk, "--population", path, "--population-id", "area_code", "--population-value", "all_ages", "-o", "-",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.hasSuffix("keep one row per zone with --population-filter sex=Persons\n"))
  }

  /// Before: summed silently, exit 0 under --strict.
  @Test func repeatedRegistrationRowsFailStrict() throws {
    let path = try temporaryFile("PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\nP1,E01000001,ALL,4\nP1,E01000002,ALL,3\nP1,E01000001,ALL,4\n")
    let plain = try flows(registrations: path)
    #expect(plain.status == 0)
    #expect(plain.stderr.contains("REPEATED ROWS: registration rows repeating a (practice, zone, SEX) of an earlier row of \(path) (counted again: summed with it): 1 rows, 4 patients → counted twice: P1 E01000001 ALL (4)"))
    let strict = try flows(registrations: path, extra: ["--strict"])
    #expect(strict.status == 3)
    #expect(strict.stderr.contains("  repeated rows: registration rows repeating"))
  }

  /// Before: exit 0, an empty table and "losses: none".
  @Test func headerOnlyInputsWarnAndFailStrict() throws {
    let registrations = try temporaryFile("PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\n")
    let plain = try flows(registrations: registrations)
    #expect(plain.status == 0)
    #expect(plain.stderr.hasPrefix("WARNING: the registrations file \(registrations) has no data rows (a header only)\n"))
    #expect(try flows(registrations: registrations, extra: ["--strict"]).status == 3)

    let lookup = try temporaryFile("LSOA11CD,CCG20CD\n")
    let crosswalk = try CommandRunner.run(["crosswalk", "--method", "lookup", "--lookup", lookup, "--lookup-zone", "LSOA11CD", "--lookup-footprint", "CCG20CD", "-o", "-", "--strict"])
    #expect(crosswalk.status == 3)
    #expect(crosswalk.stderr.contains("the lookup file \(lookup) has no data rows"))

    let population = try temporaryFile("area_code,all_ages\n")
    #expect(try populations(population, extra: ["--strict"]).status == 3)
  }
}
