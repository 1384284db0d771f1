import CatchmentTestSupport
import Foundation
import Testing

/// Practices placed by postcode and point in polygon (fixtures in `Tests/Fixtures/geo`):
/// P1 at (50, 50) in A, P2 at (150, 50) in B, P3's postcode in no directory, P4 at (150, 150)
/// in C with no registered patients. The practice map puts P1 in A, P2 in A, P3 in B, P4 in B.
@Suite struct PracticeLocationTests {
  let arguments = [
    "flows", "--registrations", fixture("geo/registrations_boxes.csv"), "--crosswalk", fixture("geo/crosswalk_boxes.csv"),
    "--practices", fixture("geo/practices_epraccur.csv"), "--postcodes", fixture("geo/postcodes_codepoint.csv"),
    "--practice-footprints", fixture("geo/footprints.geojson"), "--practice-footprint-id", "FP_CODE", "-o", "-",
  ]

  @Test func flowsFromLocatedPractices() throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    // P1: A→A 10, B→A 5; P2: B→B 20; P3 (no location): A→UNALLOCATED 1.
    #expect(result.stdout == """
      residence_footprint,registration_footprint,patients
      A,A,10
      A,UNALLOCATED,1
      B,A,5
      B,B,20

      """)
    #expect(result.stderr.contains("practices placed by postcode: 3"))
    #expect(result.stderr.contains("patients of practices with no location in a footprint"))
    #expect(result.stderr.contains("P3 (1)"))
  }

  var withMap: [String] { arguments + ["--practice-map", fixture("geo/practice_map_boxes.csv"), "--practice-footprint", "FP"] }

  /// Map first by default: P2 stays in A (its map footprint), and P3, which no postcode
  /// places, goes to B by the map instead of UNALLOCATED (issue 9).
  @Test func mapFirstThenPostcodeByDefault() throws {
    let result = try CommandRunner.run(withMap)
    #expect(result.status == 0, "\(result.stderr)")
    // P1: A→A 10, B→A 5; P2 (map A): B→A 20; P3 (map B): A→B 1.
    #expect(result.stdout == """
      residence_footprint,residence_footprint_name,registration_footprint,registration_footprint_name,patients
      A,A,A,A,10
      A,A,B,B,1
      B,B,A,A,25

      """)
    #expect(result.stderr.contains("1 practices with patients in this file are in one footprint by the practice map and another by postcode; the map is used for them (20 patients): P2 (map A, postcode B, 20 patients)"), "\(result.stderr)")
    #expect(result.stderr.contains("1 further practices are in one footprint by the practice map and another by postcode but have no patients in this file"))
  }

  /// Postcode first: P2 goes to B by its postcode, P3 (no postcode) to B by the map.
  @Test func postcodeFirstThenMap() throws {
    let result = try CommandRunner.run(withMap + ["--practice-placement", "postcode,map"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == """
      residence_footprint,residence_footprint_name,registration_footprint,registration_footprint_name,patients
      A,A,A,A,10
      A,A,B,B,1
      B,B,A,A,5
      B,B,B,B,20

      """)
    #expect(result.stderr.contains("the postcode is used for them (20 patients)"), "\(result.stderr)")
    #expect(result.stderr.contains("1 practices that the postcode placement lacks were placed by the practice map; 1 of them have patients in this file (1 patients)"), "\(result.stderr)")
  }

  /// Postcode alone is the former behaviour: P3 goes to UNALLOCATED.
  @Test func postcodeAlone() throws {
    let result = try CommandRunner.run(withMap + ["--practice-placement", "postcode"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("A,A,UNALLOCATED,,1"))
  }

  /// Every disagreement goes to the review file, with and without patients in this file.
  @Test func disagreementsAreWrittenForReview() throws {
    let output = try temporaryFolder().appendingPathComponent("placement.csv")
    let result = try CommandRunner.run(withMap + ["--practice-placement-output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(output) == """
      practice_code,footprint_by_map,footprint_by_postcode,patients_in_file,footprint_used
      P2,A,B,20,A
      P4,B,C,0,B

      """)
  }

  @Test func placementOutputNeedsBothSources() throws {
    let result = try CommandRunner.run(arguments + ["--practice-placement-output", "/dev/null"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("give both --practice-map and --practices"))
    let bad = try CommandRunner.run(withMap + ["--practice-placement", "map,map"])
    #expect(bad.status == 64)
  }
}
