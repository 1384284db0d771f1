import CatchmentCore
import CatchmentTestSupport
import Testing

/// The vintage rule on hand-made code lists. Codes picked from ONS's LSOA (2011) → LSOA (2021)
/// lookup: E01000010 (split, S), E01011973 (merged, M), W01000001 and W01001316 (merged and
/// split) are 2011 codes retired in 2021; E01033770, E01035762, W01001959 and W01002040 are new
/// in 2021; E01000001, E01033768 and W01001958 were kept (U).
@Suite struct ZoneCodeVintageTests {
  @Test func a2011TableWithARetiredCodeIs2011() {
    #expect(ZoneCodeVintage.detect(["E01000001", "E01000010"]) == .lsoa2011)
    #expect(ZoneCodeVintage.detect(["E01011973", "E01033768", "CLOSED"]) == .lsoa2011)
  }

  @Test func a2021TableWithANewCodeIs2021() {
    #expect(ZoneCodeVintage.detect(["E01000001", "E01033770"]) == .lsoa2021)
    #expect(ZoneCodeVintage.detect(["E01035762"]) == .lsoa2021)
  }

  @Test func retiredAndNewCodesTogetherAreMixed() {
    #expect(ZoneCodeVintage.detect(["E01000010", "E01033770"]) == .mixed)
    #expect(ZoneCodeVintage.detect(["W01000001", "E01035762", "E01000001"]) == .mixed)
  }

  @Test func onlyKeptCodesCannotBeTold() {
    #expect(ZoneCodeVintage.detect(["E01000001", "E01033768"]) == .lsoa2011Or2021)
    #expect(ZoneCodeVintage.detect(["W01001958"]) == .lsoa2011Or2021)
  }

  @Test func welshCodesDecideToo() {
    #expect(ZoneCodeVintage.detect(["W01001958", "W01001959"]) == .lsoa2021)
    #expect(ZoneCodeVintage.detect(["W01002040"]) == .lsoa2021)
    #expect(ZoneCodeVintage.detect(["W01001316", "W01001958"]) == .lsoa2011)
  }

  @Test func codesONSNeverIssuedAreCountedApartAndNeverDecide() {
    // E01000004 has no LSOA in 2011 or 2021; E01034163 lies between new 2021 codes; E01035763
    // is above the last; the demo data's codes (E011…) are fictional.
    let census = ZoneCodeCensus(["E01000004", "E01034163", "E01035763", "W01002041", "E01100001"])
    #expect(census == { var c = ZoneCodeCensus(); c.notONS = 5; return c }())
    #expect(census.vintage == .unknown)
    #expect(ZoneCodeVintage.detect((1...363).map { "E011\(String(format: "%05d", $0))" }) == .unknown)
    #expect(ZoneCodeVintage.detect(["E01100001", "E01033770"]) == .lsoa2021)
  }

  @Test func nonLSOACodesAreNotCounted() {
    #expect(ZoneCodeVintage.detect(["E02000001", "CLOSED", "S01006506", "E0103377", "E010337689", "E01O33769"]) == .unknown)
    #expect(ZoneCodeVintage.detect([String]()) == .unknown)
    #expect(ZoneCodeVintage.detect(["CLOSED", "E01033768", "E02999999"]) == .lsoa2011Or2021)
  }

  @Test func theCensusSaysWhatDecided() {
    let census = ZoneCodeCensus(["E01000001", "E01033770", "W01001959", "E01100001", "E02000001"])
    #expect(census.description == "LSOA 2021 (2 codes only in the 2021 set, 1 in both, 1 E01/W01 codes in neither)")
    #expect(ZoneCodeCensus(["E02000001"]).description == "not ONS LSOA 2011/2021 codes")
  }

  @Test func rawValuesAreTheManifestWords() {
    #expect(ZoneCodeVintage.allCases.map(\.rawValue) == ["LSOA 2011", "LSOA 2021", "mixed", "LSOA 2011 or 2021", "not ONS LSOA 2011/2021 codes"])
  }
}

/// The carried code sets against the figures the generator documents (make_lsoa_vintages.py,
/// counted from ONS's lookup): 32,844 English and 1,909 Welsh 2011 codes; 1,106 retired (1,034
/// English E01000010–E01033766, 72 Welsh W01000001–W01001957); 2,025 new (1,945 English
/// E01033769–E01035762, 80 Welsh W01001959–W01002040).
@Suite struct LSOACodeSetsTests {
  /// Every code of `prefix` up to `last`, with its census.
  func census(_ prefix: String, through last: Int) -> (all: ZoneCodeCensus, codes: [String]) {
    let codes = (0...last).map { prefix + String(repeating: "0", count: 6 - String($0).count) + String($0) }
    return (ZoneCodeCensus(codes), codes)
  }

  @Test func englishSetsHaveTheDocumentedCounts() {
    let (all, codes) = census("E01", through: 40_000)
    #expect(all.kept + all.only2011 == 32_844)
    #expect(all.only2011 == 1_034)
    #expect(all.only2021 == 1_945)
    #expect(all.kept + all.only2021 == 33_755)
    let retired = codes.filter { ZoneCodeVintage.detect([$0]) == .lsoa2011 }
    #expect(retired.first == "E01000010" && retired.last == "E01033766")
    let new = codes.filter { ZoneCodeVintage.detect([$0]) == .lsoa2021 }
    #expect(new.first == "E01033769" && new.last == "E01035762")
    let in2011 = codes.filter { [.lsoa2011, .lsoa2011Or2021].contains(ZoneCodeVintage.detect([$0])) }
    #expect(in2011.first == "E01000001" && in2011.last == "E01033768")
  }

  @Test func welshSetsHaveTheDocumentedCounts() {
    let (all, codes) = census("W01", through: 3_000)
    #expect(all.kept + all.only2011 == 1_909)
    #expect(all.only2011 == 72)
    #expect(all.only2021 == 80)
    let retired = codes.filter { ZoneCodeVintage.detect([$0]) == .lsoa2011 }
    #expect(retired.first == "W01000001" && retired.last == "W01001957")
    let new = codes.filter { ZoneCodeVintage.detect([$0]) == .lsoa2021 }
    #expect(new.first == "W01001959" && new.last == "W01002040")
  }

  @Test func retiredCodesInAllAre1106() {
    let retired = census("E01", through: 40_000).all.only2011 + census("W01", through: 3_000).all.only2011
    #expect(retired == 1_106)
  }
}

/// Table against crosswalk: which pairs are a mismatch, and which way to recode.
@Suite struct VintageCheckTests {
  let lsoa2011 = ZoneCodeCensus(["E01000001", "E01000010", "E01011973"])
  let lsoa2021 = ZoneCodeCensus(["E01000001", "E01033770"])
  let kept = ZoneCodeCensus(["E01000001", "E01033768"])
  let mixed = ZoneCodeCensus(["E01000010", "E01033770"])
  let demo = ZoneCodeCensus(["E01100001", "E01100002"])

  func mismatch(_ table: ZoneCodeCensus, _ crosswalk: ZoneCodeCensus) -> VintageMismatch? {
    VintageCheck.mismatch(table: table, role: "registrations", file: "reg.csv", against: crosswalk, crosswalkFile: "xw.csv")
  }

  @Test func a2021TableAgainstA2011CrosswalkIsRecodedTo2011() throws {
    let found = try #require(mismatch(lsoa2021, lsoa2011))
    #expect(found.tableVintage == .lsoa2021 && found.crosswalkVintage == .lsoa2011 && found.recodeTo == .lsoa2011)
    #expect(found.message.hasPrefix("the registrations file reg.csv has LSOA 2021 zone codes (1 codes only in the 2021 set, 1 in both) but the crosswalk xw.csv has LSOA 2011 codes"))
    #expect(found.message.hasSuffix("Recode the registrations to LSOA 2011 through ONS's LSOA (2011) to LSOA (2021) lookup, read from LSOA 2021 to LSOA 2011."))
    #expect(!found.message.contains("--"))
  }

  @Test func a2011TableAgainstA2021CrosswalkIsRecodedTo2021() {
    #expect(mismatch(lsoa2011, lsoa2021)?.recodeTo == .lsoa2021)
  }

  @Test func aMixedTableIsAMismatchAgainstAnyLSOACrosswalk() {
    #expect(mismatch(mixed, lsoa2011)?.recodeTo == .lsoa2011)
    #expect(mismatch(mixed, lsoa2021)?.recodeTo == .lsoa2021)
    let againstKept = mismatch(mixed, kept)
    #expect(againstKept != nil && againstKept?.recodeTo == nil)
    #expect(againstKept?.message.contains("mixes LSOA 2011 and LSOA 2021 zone codes") == true)
  }

  @Test func undecidedOrNonONSCodesAreNeverAMismatch() {
    for (table, crosswalk) in [(kept, lsoa2011), (kept, lsoa2021), (lsoa2021, kept), (lsoa2011, kept), (demo, lsoa2011), (lsoa2021, demo), (mixed, demo), (lsoa2021, lsoa2021)] {
      #expect(mismatch(table, crosswalk) == nil)
    }
  }

  @Test func theAccountStatesTheTableAndRecordsTheMismatchAsAWarning() {
    let report = RunReport(command: "t")
    report.record(VintageCheck.account(table: lsoa2021, role: "registrations", file: "reg.csv", against: lsoa2011))
    #expect(report.zoneVintages.map(\.line) == ["registrations, reg.csv: LSOA 2021 (1 codes only in the 2021 set, 1 in both)"])
    #expect(report.vintageMismatches.count == 1)
    #expect(report.warnings == [report.vintageMismatches[0].message])
    #expect(report.text().contains("  zone codes of registrations, reg.csv: LSOA 2021"))
    // A front end's wording replaces the library's, in place.
    report.reword { "advice for the \($0.role)" }
    #expect(report.warnings == ["advice for the registrations"])
  }

  @Test func aLabelledMergeKeepsOneWarningPerMismatch() {
    let side = RunReport(command: "t")
    side.record(VintageCheck.account(table: lsoa2021, role: "registrations", file: "reg.csv", against: lsoa2011))
    let report = RunReport(command: "t")
    report.merge(side, label: "proposal")
    #expect(report.warnings.count == 1)
    #expect(report.vintageMismatches.map(\.role) == ["proposal registrations"])
    #expect(report.warnings == report.vintageMismatches.map(\.message))
    #expect(report.zoneVintages.map(\.role) == ["proposal: registrations"])
  }
}

/// A table about to be recoded: the crosswalk's zones must be the table's vintage.
@Suite struct RecodeVintageCheckTests {
  /// A bridge crosswalk LSOA 2011 → LSOA 2021 (E01000010 split in two, E01011973 merged).
  func forwardBridge() throws -> Crosswalk {
    let path = try temporaryFile(
      "zone_id,footprint_id,weight,method\nE01000001,E01000001,1,lookup\nE01000010,E01034473,0.5,lookup\nE01000010,E01034474,0.5,lookup\nE01011973,E01035188,1,lookup\n")
    return try Crosswalk.read(path: path).crosswalk
  }

  @Test func a2021TableThroughA2011To2021CrosswalkIsTheWrongWayRound() throws {
    let table = ZoneCodeCensus(["E01000001", "E01034473", "E01035188"])
    let account = VintageCheck.recodeAccount(table: table, role: "registrations", file: "reg.csv", crosswalk: try forwardBridge(), crosswalkFile: "bridge.csv")
    let report = RunReport(command: "recode")
    report.record(account)
    #expect(report.zoneVintages.map(\.role) == ["crosswalk zones", "crosswalk footprints", "registrations as read"])
    #expect(report.zoneVintages.map(\.vintage) == [.lsoa2011, .lsoa2021, .lsoa2021])
    let found = try #require(report.vintageMismatches.first)
    #expect(found.evidence == .recodeDirection && found.recodeTo == .lsoa2011)
    #expect(found.message.hasSuffix("Build the recode crosswalk with the registrations file's codes as its zones: ONS's LSOA (2011) to LSOA (2021) lookup, read from LSOA 2021 to LSOA 2011."))
  }

  @Test func a2011TableThroughTheSameCrosswalkIsFine() throws {
    let table = ZoneCodeCensus(["E01000001", "E01000010"])
    let account = VintageCheck.recodeAccount(table: table, role: "population", file: "pop.csv", crosswalk: try forwardBridge(), crosswalkFile: "bridge.csv")
    #expect(!account.entries.contains { if case .vintageMismatch = $0 { true } else { false } })
  }
}
