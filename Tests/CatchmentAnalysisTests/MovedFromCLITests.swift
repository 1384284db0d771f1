import CatchmentCore
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Analyses that lived in the CLI's commands until issue 10: compare's placement of practices
/// by the zone of most patients, and membership's count of multi-system providers.
@Suite struct MovedFromCLITests {
  /// The hand-worked memberships of ``MembershipTests`` at threshold 0.15: R1 is a member of A
  /// only (its share in B, 1/7, is below), R2 of A and B (2/11 in B), R3 of A and B (.25 in B).
  @Test func multiSystemProvidersAreMembersOfTwoOrMoreFootprints() throws {
    #expect(try MembershipTests().membership(threshold: 0.15).multiSystemProviders == ["R2", "R3"])
    // At 0.5 each provider is a member of A alone.
    #expect(try MembershipTests().membership(threshold: 0.5).multiSystemProviders == [])
  }

  /// tiny/crosswalk_fractional.csv: E01000001 → E38000001; E01000003 → E38000001 ¼,
  /// E38000002 ¾; E01000004 → E38000002.
  ///
  ///     P1: 10 in E01000001, 30 in E01000003 → E01000003 → its larger share, E38000002
  ///     P2: 5 in E01000001, 5 in E01000004 → a tie: the zone read first, E01000001 → E38000001
  ///     P3: 9 in E01000009 (not in the crosswalk) only → no footprint
  @Test func practicesGoWithTheZoneOfMostPatients() throws {
    let crosswalk = try Crosswalk.read(path: fixture("tiny/crosswalk_fractional.csv")).crosswalk
    let path = try temporaryFile(
      "PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\nP1,E01000001,ALL,10\nP1,E01000003,ALL,30\nP2,E01000001,ALL,5\nP2,E01000004,ALL,5\nP3,E01000009,ALL,9\n")
    let counts = try UnitZoneCounts(path: path, crosswalk: crosswalk)
    let map = UnitFootprintMap.byMostPatients(counts: counts, crosswalk: crosswalk)
    func footprint(_ practice: String) -> String? {
      guard let u = map.units.find(practice) else { return "absent" }
      let f = map.unitFootprint[Int(u)]
      return f < 0 ? nil : map.footprints.code(f)
    }
    #expect(footprint("P1") == "E38000002")
    #expect(footprint("P2") == "E38000001")
    #expect(footprint("P3") == nil)
    #expect(map.footprints.find("E38000001") != nil && map.footprints.find("E38000002") != nil)
  }
}
