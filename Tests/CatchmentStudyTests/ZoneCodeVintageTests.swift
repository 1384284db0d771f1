import CatchmentStudy
import Testing

/// The vintage rule on hand-made code sets (the rule is in ZoneCodeVintage's documentation).
@Suite struct ZoneCodeVintageTests {
  @Test func codesAboveTheLast2011CodeAre2021() {
    #expect(ZoneCodeVintage.detect(["E01000001", "E01033769"]) == .lsoa2021)
    #expect(ZoneCodeVintage.detect(["E01035000"]) == .lsoa2021)
  }

  @Test func codesUpToTheLast2011CodeCannotBeTold() {
    #expect(ZoneCodeVintage.detect(["E01000001", "E01033768"]) == .lsoa2011Or2021)
    #expect(ZoneCodeVintage.detect(["W01000001", "W01001958"]) == .lsoa2011Or2021)
  }

  @Test func welshCodesAboveTheLastWelsh2011CodeAre2021() {
    #expect(ZoneCodeVintage.detect(["W01001958", "W01001959"]) == .lsoa2021)
    #expect(ZoneCodeVintage.detect(["E01000001", "W01002040"]) == .lsoa2021)
  }

  @Test func retiredCodesFromONSTableDecide2011AndMixed() {
    let retired: Set<String> = ["E01000005"]
    #expect(ZoneCodeVintage.detect(["E01000001", "E01000005"], retired2011: retired) == .lsoa2011)
    #expect(ZoneCodeVintage.detect(["E01000005", "E01034000"], retired2011: retired) == .mixed)
    #expect(ZoneCodeVintage.detect(["E01000001", "E01034000"], retired2011: retired) == .lsoa2021)
  }

  @Test func nonLSOACodesAreNotCounted() {
    #expect(ZoneCodeVintage.detect(["E02000001", "CLOSED", "S01006506", "E0103377", "E010337689", "E01O33769"]) == .unknown)
    #expect(ZoneCodeVintage.detect([String]()) == .unknown)
    // Pseudo and other codes beside LSOA codes leave the decision to the LSOA codes.
    #expect(ZoneCodeVintage.detect(["CLOSED", "E01033768", "E02999999"]) == .lsoa2011Or2021)
  }

  /// The demo region's fictional codes (E01100001…) are above E01033768, so "LSOA 2021".
  @Test func demoCodesRead2021() {
    #expect(ZoneCodeVintage.detect((1...363).map { "E011\(String(format: "%05d", $0))" }) == .lsoa2021)
  }

  @Test func rawValuesAreTheManifestWords() {
    #expect(ZoneCodeVintage.allCases.map(\.rawValue) == ["LSOA 2011", "LSOA 2021", "mixed", "LSOA 2011 or 2021", "unknown"])
  }
}
