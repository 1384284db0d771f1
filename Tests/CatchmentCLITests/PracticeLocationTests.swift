import CatchmentTestSupport
import Foundation
import Testing

/// Practices placed by postcode and point in polygon (fixtures in `Tests/Fixtures/geo`):
/// P1 at (50, 50) in A, P2 at (150, 50) in B, P3's postcode in no directory.
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
    #expect(result.stderr.contains("practices placed by postcode: 2"))
    #expect(result.stderr.contains("patients of practices with no location in a footprint"))
    #expect(result.stderr.contains("P3 (1)"))
  }

  @Test func disagreementsWithThePracticeMapAreReported() throws {
    let result = try CommandRunner.run(arguments + ["--practice-map", fixture("geo/practice_map_boxes.csv"), "--practice-footprint", "FP"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("1 practices are in one footprint by the practice map and another by their location (locations used): P2 (map A, location B)"))
  }
}
