import CatchmentTestSupport
import Foundation
import Testing

/// `--strict` fails on losses and never on expected exclusions, with one meaning of each in every
/// command (issue 9 §5). Inputs are a few hand-written rows; the expected figures are worked by
/// hand beside each test.
@Suite struct LossClassCommandsTests {
  /// Zones E01000001–E01000004 in two footprints; population 1,000, 500, 600, 400.
  func files(crosswalk: String, population: String = "Area Codes,All Ages\nE01000001,1000\nE01000002,500\nE01000003,600\nE01000004,400\n") throws
    -> (folder: URL, crosswalk: String, population: String)
  {
    let folder = try temporaryFolder()
    let cw = folder.appendingPathComponent("crosswalk.csv"), pop = folder.appendingPathComponent("population.csv")
    try crosswalk.write(to: cw, atomically: false, encoding: .utf8)
    try population.write(to: pop, atomically: false, encoding: .utf8)
    return (folder, cw.path, pop.path)
  }
  let twoFootprints = "zone_id,footprint_id,weight\nE01000001,A,1\nE01000002,A,1\nE01000003,B,1\nE01000004,B,1\n"
  func population(_ path: String) -> [String] { ["--population", path, "--population-id", "Area Codes", "--population-value", "All Ages"] }

  /// A study of one region with a national population file: the zones outside it are reported
  /// (count and total) and `--strict` passes.
  @Test func regionalStudyPassesStrict() throws {
    let f = try files(
      crosswalk: twoFootprints,
      population: "Area Codes,All Ages\nE01000001,1000\nE01000002,500\nE01000003,600\nE01000004,400\nE01000500,70\nE01000501,30\nW01000001,300\n")
    let result = try CommandRunner.run(["populations", "--crosswalk", f.crosswalk] + population(f.population) + ["-o", "-", "--strict"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "footprint_id,footprint_name,population\nA,,1500\nB,,1000\n")
    #expect(result.stderr.contains("E01 zones outside the crosswalk (outside the study area): 2 rows, 100 population"))
    #expect(result.stderr.contains("zones of another nation: 1 rows, 300 population"))
  }

  /// A zone of the crosswalk with no population row is the real loss: `--strict` fails naming it.
  @Test func crosswalkZoneWithoutAPopulationRowFailsStrict() throws {
    let f = try files(crosswalk: twoFootprints + "E01000006,B,1\n")
    let result = try CommandRunner.run(["populations", "--crosswalk", f.crosswalk] + population(f.population) + ["-o", "-", "--strict"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("loss: zones of the crosswalk with no row in \(f.population) (population unknown, counted as 0): 1 rows, 1 zones"))
    #expect(result.stderr.contains("→ population 0: E01000006"))
  }

  /// Membership over a crosswalk that lists a Welsh MSOA accounts for the same people as
  /// catchments from the population table: the Welsh 300 are an expected exclusion in both, not
  /// UNATTRIBUTED in one. R1 takes all of E02000001 (1,000) and half of E02000002 (500):
  /// UNATTRIBUTED 250.
  @Test func membershipAndCatchmentsAgreeOnOtherNations() throws {
    let folder = try temporaryFolder()
    func write(_ name: String, _ text: String) throws -> String {
      let url = folder.appendingPathComponent(name)
      try text.write(to: url, atomically: false, encoding: .utf8)
      return url.path
    }
    let pop = try write("population.csv", "Area Codes,All Ages\nE02000001,1000\nE02000002,500\nW02000001,300\n")
    let activity = try write("activity.csv", "msoa,trust,proportion\nE02000001,R1,1\nE02000002,R1,0.5\n")
    let crosswalk = try write("crosswalk.csv", "zone_id,footprint_id,weight\nE02000001,I1,1\nE02000002,I1,1\nW02000001,UNALLOCATED,1\n")
    let common = population(pop) + ["--activity", activity, "--activity-zone", "msoa", "--activity-provider", "trust", "--activity-share", "proportion", "--strict"]
    let catchments = try CommandRunner.run(["catchments"] + common + ["-o", "-"])
    #expect(catchments.status == 0, "\(catchments.stderr)")
    #expect(catchments.stdout.contains("\nUNATTRIBUTED,250,"))
    let membership = try CommandRunner.run(["membership", "--crosswalk", crosswalk] + common + ["-o", "-"])
    #expect(membership.status == 0, "\(membership.stderr)")
    let unattributed = membership.stdout.split(separator: "\n").filter { $0.hasPrefix("UNATTRIBUTED,") }.map { Double($0.split(separator: ",")[2])! }
    #expect(unattributed.reduce(0, +) == 250)
    #expect(membership.stderr.contains("zones of another nation in the crosswalk (outside the catchment study): 1 rows, 300 population"))
  }

  /// The proposal leaves E01000002 (500 people) UNALLOCATED: `populations --strict` fails on it,
  /// and so must `compare --strict`, naming the proposal.
  @Test func compareStrictFailsOnTheProposalsLosses() throws {
    let f = try files(crosswalk: twoFootprints)
    let proposal = f.folder.appendingPathComponent("proposal.csv")
    try "zone_id,footprint_id,weight\nE01000001,X,1\nE01000002,UNALLOCATED,1\nE01000003,Y,1\nE01000004,Y,1\n".write(to: proposal, atomically: false, encoding: .utf8)
    let populations = try CommandRunner.run(["populations", "--crosswalk", proposal.path] + population(f.population) + ["-o", "-", "--strict"])
    #expect(populations.status == 3)
    let out = f.folder.appendingPathComponent("compare.csv")
    let result = try CommandRunner.run(["compare", "--baseline", f.crosswalk, "--proposal", proposal.path] + population(f.population) + ["-o", out.path, "--strict"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("loss: proposal: population in the unallocated part of crosswalk zones: 0 rows, 500 population"))
    // The population file is read once per side but reported once.
    #expect(result.stderr.components(separatedBy: "population \(f.population):").count == 2)
  }
}
