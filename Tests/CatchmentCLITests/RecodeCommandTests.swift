import CatchmentTestSupport
import Foundation
import Testing

/// `catchment recode` and `--recode`: a file recoded then read gives the outputs of the file
/// read with `--recode`, byte for byte; codes the crosswalk does not know fail `--strict`.
@Suite struct RecodeCommandTests {
  /// The 2011-like zones in two footprints.
  static let footprints = """
    zone_id,footprint_id,weight,footprint_name,method
    E01000001,F1,1,North,lookup
    E01000010,F1,1,North,lookup
    E01000011,F2,1,South,lookup
    E01000020,F2,1,South,lookup
    E01000030,F1,1,North,lookup
    E01000031,F2,1,South,lookup

    """

  /// MALE and FEMALE rows beside ALL ones (the SEX rule keeps ALL), a Welsh zone and a pseudo code.
  static let registrations = """
    PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS
    GP,01Oct2025,P1,ONE,CLOSED,ALL,6
    GP,01Oct2025,P1,ONE,E01000001,ALL,10
    GP,01Oct2025,P1,ONE,E01000002,ALL,7
    GP,01Oct2025,P1,ONE,E01000002,MALE,3
    GP,01Oct2025,P1,ONE,E01000002,FEMALE,4
    GP,01Oct2025,P1,ONE,E01000003,ALL,5
    GP,01Oct2025,P1,ONE,E01000004,ALL,4
    GP,01Oct2025,P2,TWO,E01000005,ALL,9
    GP,01Oct2025,P2,TWO,E01000006,ALL,3
    GP,01Oct2025,P2,TWO,W01000001,ALL,2
    GP,01Oct2025,P2,TWO,E01000002,ALL,1

    """

  static let practiceMap = "PRACTICE_CODE,ONS_ICB_CODE\nP1,F1\nP2,F2\n"

  static let population = "Area Codes,All Ages\nE06000001,\"1,000\"\nE01000001,100\nE01000002,51\nE01000003,40\nE01000004,30\nE01000005,77\nE01000006,13\nW01000001,20\n"

  static let activity = "lsoa21cd,trust_code,patients\nE01000001,R1,10\nE01000002,R1,6\nE01000002,R2,3\nE01000003,R2,5\nE01000004,R1,2\nE01000005,R1,9\nE01000006,R2,3\nW01000001,R1,4\n"

  func folder() throws -> URL {
    let folder = try temporaryFolder()
    for (name, text) in [
      ("footprints.csv", Self.footprints), ("reg.csv", Self.registrations), ("map.csv", Self.practiceMap),
      ("pop.csv", Self.population), ("act.csv", Self.activity),
    ] {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    // 2021-like → 2011-like zones: E01000001 unchanged, E01000002 split in halves, E01000003
    // and E01000004 merged, E01000005/E01000006 redrawn over E01000030/E01000031.
    try FileManager.default.copyItem(atPath: fixture("tiny/recode_bridge.csv"), toPath: folder.appendingPathComponent("bridge.csv").path)
    return folder
  }

  func run(_ arguments: [String], in folder: URL, status: Int32 = 0) throws -> CommandRunner.Result {
    let result = try CommandRunner.run(arguments, in: folder)
    #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stderr)")
    return result
  }

  func read(_ name: String, in folder: URL) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

  @Test func flowsOfTheRecodedFileAreFlowsWithRecode() throws {
    let folder = try folder()
    _ = try run(
      ["recode", "--table", "reg.csv", "--zone-column", "LSOA_CODE", "--value-column", "NUMBER_OF_PATIENTS", "--crosswalk", "bridge.csv", "--output", "reg11.csv", "--quiet"],
      in: folder)
    let flows = ["flows", "--crosswalk", "footprints.csv", "--practice-map", "map.csv", "--practice-footprint", "ONS_ICB_CODE", "--quiet"]
    let outputs = ["--summary-output", "summary.csv", "--matrix-output", "matrix.csv", "--practice-output", "practices.csv"]
    _ = try run(flows + ["--registrations", "reg11.csv", "--output", "a.csv"] + outputs.map { $0.hasSuffix(".csv") ? "a_" + $0 : $0 }, in: folder)
    _ = try run(
      flows + ["--registrations", "reg.csv", "--recode", "bridge.csv", "--output", "b.csv", "--report", "b.json"]
        + outputs.map { $0.hasSuffix(".csv") ? "b_" + $0 : $0 }, in: folder)
    for name in ["", "_summary.csv", "_matrix.csv", "_practices.csv"] {
      let a = name.isEmpty ? "a.csv" : "a" + name, b = name.isEmpty ? "b.csv" : "b" + name
      #expect(try read(a, in: folder) == read(b, in: folder), "\(a) against \(b)")
    }
    // By hand (ALL rows). P1 (F1): 10 + 4 (E01000010 of 7 → 3.5 + 3.5, the tie to the lower
    // code) live in F1. P2 (F2): 5 (E01000030 of 9 → 5.4, 3.6) + 1 (of 3 → 0.75, 2.25) + 1
    // (E01000010 of 1) live in F1.
    let flowsText = String(decoding: try read("b.csv", in: folder), as: UTF8.self)
    #expect(flowsText.contains("F1,North,F1,North,14\n") && flowsText.contains("F1,North,F2,South,7\n"), "\(flowsText)")
    let report = String(decoding: try read("b.json", in: folder), as: UTF8.self)
    #expect(report.contains("recode: patients in") && report.contains("zones of another nation (not recoded)"))
  }

  @Test func populationsOfTheRecodedFileArePopulationsWithRecode() throws {
    let folder = try folder()
    _ = try run(
      ["recode", "--table", "pop.csv", "--zone-column", "Area Codes", "--value-column", "All Ages", "--crosswalk", "bridge.csv", "--output", "pop11.csv", "--quiet"],
      in: folder)
    let populations = ["populations", "--crosswalk", "footprints.csv", "--population-id", "Area Codes", "--population-value", "All Ages", "--quiet"]
    _ = try run(populations + ["--population", "pop11.csv", "--output", "a.csv"], in: folder)
    _ = try run(populations + ["--population", "pop.csv", "--recode", "bridge.csv", "--output", "b.csv"], in: folder)
    #expect(try read("a.csv", in: folder) == read("b.csv", in: folder))
    // By hand: F1 100 + 26 (51 → 25.5 + 25.5, the tie to E01000010) + E01000030 (77 → 46.2 → 46,
    // 13 → 3.25 → 3): 175; F2 25 + 70 + 31 + 10 = 136.
    #expect(String(decoding: try read("b.csv", in: folder), as: UTF8.self) == "footprint_id,footprint_name,population\nF1,North,175\nF2,South,136\n")
  }

  @Test func catchmentsOfTheRecodedFilesAreCatchmentsWithRecode() throws {
    let folder = try folder()
    let recode = ["recode", "--crosswalk", "bridge.csv", "--quiet"]
    _ = try run(recode + ["--table", "pop.csv", "--zone-column", "Area Codes", "--value-column", "All Ages", "--output", "pop11.csv"], in: folder)
    _ = try run(recode + ["--table", "act.csv", "--zone-column", "lsoa21cd", "--value-column", "patients", "--output", "act11.csv"], in: folder)
    let catchments = [
      "catchments", "--method", "proportional", "--population-id", "Area Codes", "--population-value", "All Ages", "--activity-zone", "lsoa21cd",
      "--activity-provider", "trust_code", "--activity-count", "patients", "--quiet",
    ]
    _ = try run(catchments + ["--population", "pop11.csv", "--activity", "act11.csv", "--output", "a.csv", "--zone-output", "a_zones.csv"], in: folder)
    _ = try run(
      catchments + ["--population", "pop.csv", "--activity", "act.csv", "--recode", "bridge.csv", "--output", "b.csv", "--zone-output", "b_zones.csv"],
      in: folder)
    #expect(try read("a.csv", in: folder) == read("b.csv", in: folder))
    #expect(try read("a_zones.csv", in: folder) == read("b_zones.csv", in: folder))
    // Shares do not split with their zones: refused, naming the counts option.
    try "lsoa21cd,trust_code,proportion\nE01000001,R1,1\n".write(to: folder.appendingPathComponent("shares.csv"), atomically: true, encoding: .utf8)
    let shares = try run(
      ["catchments", "--population", "pop.csv", "--population-id", "Area Codes", "--population-value", "All Ages", "--activity", "shares.csv",
       "--activity-zone", "lsoa21cd", "--activity-provider", "trust_code", "--activity-share", "proportion", "--recode", "bridge.csv", "-o", "c.csv"],
      in: folder, status: 64)
    #expect(shares.stderr.contains("--activity-count"), "\(shares.stderr)")
  }

  @Test func unknownCodesPassThroughAndFailStrict() throws {
    let folder = try folder()
    try "LSOA_CODE,N\nE01000001,1\nE01099999,2\nEMPTY,3\n".write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let arguments = ["recode", "--table", "t.csv", "--zone-column", "LSOA_CODE", "--value-column", "N", "--crosswalk", "bridge.csv", "--output", "out.csv"]
    let strict = try run(arguments + ["--strict"], in: folder, status: 3)
    #expect(strict.stderr.contains("zone codes the recode's crosswalk does not know"), "\(strict.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    _ = try run(arguments + ["--quiet"], in: folder)
    #expect(String(decoding: try read("out.csv", in: folder), as: UTF8.self) == "LSOA_CODE,N\nE01000001,1\nE01099999,2\nEMPTY,3\n")
  }

  @Test func aMissingColumnNamesTheOption() throws {
    let folder = try folder()
    let result = try run(
      ["recode", "--table", "reg.csv", "--zone-column", "LSOA", "--value-column", "NUMBER_OF_PATIENTS", "--crosswalk", "bridge.csv", "--output", "o.csv"],
      in: folder, status: 1)
    #expect(result.stderr.contains("(--zone-column)"), "\(result.stderr)")
  }
}
