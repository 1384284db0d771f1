import CatchmentTestSupport
import Foundation
import Testing

/// Every command states the LSOA vintage of the zone codes it reads, and a table whose vintage
/// differs from its crosswalk's is warned about with the recode that fixes it. Codes from ONS's
/// LSOA (2011) → LSOA (2021) lookup: E01000010 (split into E01034473 and E01034474) and
/// E01011973 (merged into E01035188) are retired 2011 codes; E01000001 and E01033768 were kept.
@Suite struct VintageCommandsTests {
  /// A 2011-coded LSOA → ICB lookup, 2021-coded registrations and a practice map.
  func files() throws -> (folder: URL, lookup: String, registrations: String, map: String) {
    let folder = try temporaryFolder()
    func file(_ name: String, _ text: String) throws -> String {
      let url = folder.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      return url.path
    }
    let lookup = try file("lsoa11_icb.csv", "LSOA11CD,ICB22CD\nE01000001,E54000001\nE01000010,E54000001\nE01011973,E54000002\nE01033768,E54000002\n")
    let registrations = try file(
      "registrations.csv",
      "PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nP1,E01000001,10\nP1,E01034473,5\nP2,E01035188,7\nP2,E01033768,8\n")
    let map = try file("map.csv", "PRACTICE_CODE,ICB_CODE\nP1,E54000001\nP2,E54000002\n")
    return (folder, lookup, registrations, map)
  }

  func json(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  }

  @Test func flowsWith2021RegistrationsAgainstA2011LookupWarnsNamingTheRecode() throws {
    let (folder, lookup, registrations, map) = try files()
    let report = folder.appendingPathComponent("report.json").path
    let result = try CommandRunner.run([
      "flows", "--registrations", registrations, "--lookup", lookup, "--lookup-zone", "LSOA11CD", "--lookup-footprint", "ICB22CD",
      "--practice-map", map, "--practice-footprint", "ICB_CODE", "-o", folder.appendingPathComponent("flows.csv").path, "--report", report,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let warning = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("WARNING: the registrations file") })
    #expect(warning.contains("has LSOA 2021 zone codes"))
    #expect(warning.contains("--lookup-direction reverse"))
    #expect(warning.contains("--recode lsoa21_to_lsoa11.csv"))
    #expect(warning.contains("catchment recode --table"))
    // The numbering warning (12 of 30 patients unmatched) names the same recode.
    let unmatched = try #require(result.stderr.split(separator: "\n").first { $0.contains("numbered above the crosswalk's highest code") })
    #expect(unmatched.contains("--recode lsoa21_to_lsoa11.csv"))
    #expect(result.stderr.contains("zone codes of registrations, \(registrations): LSOA 2021 (2 codes only in the 2021 set, 2 in both)"))
    #expect(result.stderr.contains("zone codes of crosswalk zones, \(lookup): LSOA 2011 (2 only in the 2011 set (retired in 2021), 2 in both)"))

    let written = try json(report)
    let vintages = try #require(written["zoneVintages"] as? [[String: Any]])
    #expect(vintages.map { $0["role"] as? String } == ["crosswalk zones", "registrations"])
    #expect(vintages.map { $0["vintage"] as? String } == ["LSOA 2011", "LSOA 2021"])
    let mismatches = try #require(written["vintageMismatches"] as? [[String: Any]])
    #expect(mismatches.first?["recodeTo"] as? String == "LSOA 2011")
    #expect(mismatches.first?["tableVintage"] as? String == "LSOA 2021")
    let warnings = try #require(written["warnings"] as? [String])
    #expect(warnings.filter { $0.contains("--recode") }.count == 2)
  }

  @Test func populationsStatesTheTableAndCrosswalkVintages() throws {
    let (folder, lookup, _, _) = try files()
    let population = folder.appendingPathComponent("population.csv").path
    try Data("LSOA11CD,POP\nE01000001,100\nE01000010,50\nE01011973,70\nE01033768,80\n".utf8).write(to: URL(fileURLWithPath: population))
    let report = folder.appendingPathComponent("report.json").path
    let result = try CommandRunner.run([
      "populations", "--population", population, "--population-id", "LSOA11CD", "--population-value", "POP", "--lookup", lookup,
      "--lookup-zone", "LSOA11CD", "--lookup-footprint", "ICB22CD", "-o", folder.appendingPathComponent("p.csv").path, "--report", report,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("WARNING"))
    let vintages = try #require(try json(report)["zoneVintages"] as? [[String: Any]])
    #expect(vintages.map { $0["role"] as? String } == ["crosswalk zones", "population"])
    #expect(vintages.map { $0["vintage"] as? String } == ["LSOA 2011", "LSOA 2011"])
  }

  @Test func aBridgeLookupStatesBothColumns() throws {
    let folder = try temporaryFolder()
    let bridge = folder.appendingPathComponent("bridge.csv").path
    try Data("LSOA11CD,LSOA21CD\nE01000001,E01000001\nE01011973,E01035188\nE01011976,E01035188\n".utf8).write(to: URL(fileURLWithPath: bridge))
    let result = try CommandRunner.run([
      "crosswalk", "--lookup", bridge, "--lookup-zone", "LSOA11CD", "--lookup-footprint", "LSOA21CD", "-o", folder.appendingPathComponent("x.csv").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("zone codes of crosswalk zones, \(bridge): LSOA 2011 (2 only in the 2011 set (retired in 2021), 1 in both)"))
    #expect(result.stderr.contains("zone codes of crosswalk footprints, \(bridge): LSOA 2021 (1 codes only in the 2021 set, 1 in both)"))
  }

  @Test func demoCodesAreNotCalledAnyVintage() throws {
    let data = packageRoot.appendingPathComponent("data")
    let folder = try temporaryFolder()
    let result = try CommandRunner.run([
      "crosswalk", "--lookup", data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path, "--lookup-zone", "LSOA21CD",
      "--lookup-footprint", "ICB23CD", "-o", folder.appendingPathComponent("x.csv").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("lsoa_sicbl_icb_lad_lookup.csv: not ONS LSOA 2011/2021 codes ("))
    #expect(!result.stderr.contains("LSOA 2021"))
  }

  /// catchments: the activity table (LSOA 2021) against the zones of the population table
  /// (LSOA 2011) is a mismatch, and the advice names this command's `--recode`.
  @Test func catchmentsWarnsOnActivityOfTheOtherVintage() throws {
    let folder = try temporaryFolder()
    func write(_ name: String, _ text: String) throws -> String {
      let url = folder.appendingPathComponent(name)
      try text.write(to: url, atomically: false, encoding: .utf8)
      return url.path
    }
    let population = try write("population.csv", "Area Codes,All Ages\nE01000001,1000\nE01000010,500\nE01033768,400\n")
    let activity = try write("activity.csv", "lsoa,trust,patients\nE01000001,R1,10\nE01034473,R1,5\nE01033768,R2,4\n")
    let result = try CommandRunner.run([
      "catchments", "--population", population, "--population-id", "Area Codes", "--population-value", "All Ages",
      "--activity", activity, "--activity-zone", "lsoa", "--activity-provider", "trust", "--activity-count", "patients",
      "-o", folder.appendingPathComponent("c.csv").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let warning = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("WARNING: the activity file") })
    #expect(warning.contains("but the population table \(population) has LSOA 2011 codes"))
    #expect(warning.contains("--lookup-direction reverse"))
    #expect(warning.contains("run this command again with `--recode lsoa21_to_lsoa11.csv`"))
    #expect(result.stderr.contains("zone codes of population, \(population): LSOA 2011 (1 only in the 2011 set (retired in 2021), 2 in both)"))
  }
}
