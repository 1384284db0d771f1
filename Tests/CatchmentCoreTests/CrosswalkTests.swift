import CatchmentTestSupport
import CatchmentTables
import Testing

@testable import CatchmentCore


@Suite struct CrosswalkBuilderTests {
  @Test func remainderGoesToUnallocatedAndWeightsSumToOne() throws {
    var builder = CrosswalkBuilder()
    builder.add(zone: "Z2", footprint: "B", weight: 0.5)
    builder.add(zone: "Z1", footprint: "A", weight: 1)
    builder.add(zone: "Z2", footprint: "A", weight: 0.25)
    builder.add(zone: "Z3", footprint: nil, weight: 0)
    let crosswalk = try builder.build(method: "test")
    #expect(crosswalk.weightsByZone() == ["Z1": ["A": 1], "Z2": ["A": 0.25, "B": 0.5, "UNALLOCATED": 0.25], "Z3": ["UNALLOCATED": 1]])
    #expect(crosswalk.zones.codes == ["Z1", "Z2", "Z3"])
    #expect(crosswalk.footprints.codes == ["A", "B", "UNALLOCATED"])
    for z in 0..<crosswalk.zones.count {
      let total = crosswalk.entries(ofZone: Int32(z)).reduce(0.0) { $0 + crosswalk.entryWeight[$1] }
      #expect(abs(total - 1) < 1e-12)
    }
  }

  @Test func repeatedLinksAreMerged() throws {
    var builder = CrosswalkBuilder()
    builder.add(zone: "Z", footprint: "A", weight: 0.5)
    builder.add(zone: "Z", footprint: "A", weight: 0.5)
    #expect(try builder.build(method: "t").weightsByZone() == ["Z": ["A": 1]])
  }

  @Test func weightsOverOneAreRefused() {
    var builder = CrosswalkBuilder(source: "f.csv")
    builder.add(zone: "Z", footprint: "A", weight: 0.7, line: 2)
    builder.add(zone: "Z", footprint: "B", weight: 0.7, line: 3)
    let error = #expect(throws: CrosswalkError.self) { try builder.build(method: "t") }
    #expect(error?.description.hasPrefix("f.csv:2: zone Z has weights summing to 1.4") == true)
  }

  @Test func snappedDistancesAreWrittenInCentimetres() throws {
    var builder = CrosswalkBuilder()
    builder.add(zone: "Z1", footprint: "A", weight: 1)
    builder.add(zone: "Z2", footprint: "B", weight: 1)
    builder.setDistance(zone: "Z2", metres: 12.3456)
    builder.add(zone: "Z3", footprint: nil, weight: 0)
    let crosswalk = try builder.build(method: "best-fit")
    #expect(crosswalk.csv().text == "zone_id,footprint_id,weight,method,distance_m\nZ1,A,1,best-fit,\nZ2,B,1,best-fit,12.35\nZ3,UNALLOCATED,1,best-fit,\n")
  }

  @Test func roundingWithinToleranceIsOne() throws {
    var builder = CrosswalkBuilder()
    builder.add(zone: "Z", footprint: "A", weight: 1.0 / 3)
    builder.add(zone: "Z", footprint: "B", weight: 1.0 / 3)
    builder.add(zone: "Z", footprint: "C", weight: 1.0 / 3)
    let crosswalk = try builder.build(method: "t")
    #expect(crosswalk.unallocatedID == nil)
  }
}

@Suite struct LookupCrosswalkTests {
  let lookup = """
    FID,LSOA11CD,LSOA11NM,CCG20CD,CCG20NM\r
    1,E01000002,A 001B,E38000001,"NHS Alpha, North CCG"\r
    2,E01000001,A 001A,E38000001,"NHS Alpha, North CCG"\r
    3,E01000003,B 001A,E38000002,NHS Beta CCG\r
    4,E01000003,B 001A,E38000002,NHS Beta CCG\r
    5,W01000001,Wales 1,,\r
    6,,,E38000002,NHS Beta CCG\r

    """

  @Test func readsOneFootprintPerZone() throws {
    let path = try temporaryFile(lookup)
    let report = RunReport(command: "test")
    let (crosswalk, account) = try Crosswalk.fromLookup(
      path: path, columns: LookupColumns(zone: "lsoa11cd", footprint: "CCG20CD", name: "CCG20NM"))
    report.record(account)
    #expect(crosswalk.weightsByZone() == [
      "E01000001": ["E38000001": 1], "E01000002": ["E38000001": 1], "E01000003": ["E38000002": 1],
      "W01000001": ["UNALLOCATED": 1],
    ])
    #expect(crosswalk.footprintNames == ["NHS Alpha, North CCG", "NHS Beta CCG", ""])
    // The blank zone row is a loss; the blank footprint an expected exclusion; the repeat a note.
    #expect(report.losses.map(\.rows) == [1])
    #expect(report.exclusions.first?.codes.map(\.code) == ["W01000001"])
    #expect(report.notes.count == 1)
    #expect(report.inputs.first?.rowsRead == 6)
  }

  @Test func csvFollowsTheContract() throws {
    let path = try temporaryFile(lookup)
    let crosswalk = try Crosswalk.fromLookup(
      path: path, columns: LookupColumns(zone: "LSOA11CD", footprint: "CCG20CD", name: "CCG20NM")).crosswalk
    #expect(crosswalk.csv().text == """
      zone_id,footprint_id,weight,footprint_name,method
      E01000001,E38000001,1,"NHS Alpha, North CCG",lookup
      E01000002,E38000001,1,"NHS Alpha, North CCG",lookup
      E01000003,E38000002,1,NHS Beta CCG,lookup
      W01000001,UNALLOCATED,1,,lookup

      """)
  }

  @Test func crosswalkFileRoundTrips() throws {
    let path = try temporaryFile("LSOA,ICB,share\nE1,A,0.25\nE1,B,0.5\nE2,B,1\n")
    let crosswalk = try Crosswalk.fromLookup(path: path, columns: LookupColumns(zone: "LSOA", footprint: "ICB", weight: "share")).crosswalk
    let written = crosswalk.csv().text
    #expect(written == "zone_id,footprint_id,weight,method\nE1,A,0.25,lookup\nE1,B,0.5,lookup\nE1,UNALLOCATED,0.25,lookup\nE2,B,1,lookup\n")
    let again = try Crosswalk.read(path: try temporaryFile(written)).crosswalk
    #expect(again.weightsByZone() == crosswalk.weightsByZone())
    #expect(again.method == "lookup")
  }

  @Test func zonesWithSeveralFootprintsWithoutWeightsNeedASplit() throws {
    let path = try temporaryFile("LSOA,ICB\nE1,A\nE1,B\nE2,C\nE3,D\nE3,C\n")
    let error = #expect(throws: CrosswalkError.self) {
      try Crosswalk.fromLookup(path: path, columns: LookupColumns(zone: "LSOA", footprint: "ICB")).crosswalk
    }
    #expect(error?.description.hasPrefix("\(path): 2 zones map to several footprints (E1, E3) and the lookup has no weight column") == true)
  }

  @Test func badWeightNamesTheLine() throws {
    let path = try temporaryFile("LSOA,ICB,w\nE1,A,0.5\nE2,A,half\n")
    let error = #expect(throws: TableError.self) {
      try Crosswalk.fromLookup(path: path, columns: LookupColumns(zone: "LSOA", footprint: "ICB", weight: "w")).crosswalk
    }
    #expect(error?.description == "\(path):3: w is not a number: 'half'")
  }
}

@Suite struct ZoneCodeClassifierTests {
  @Test func classifiesAgainstTheZonesEntity() {
    let classifier = ZoneCodeClassifier(zoneCodes: ["E01000001", "E01000002", "W01000001"])
    #expect(classifier.entity == "E01")
    #expect(classifier.classify("E01999999") == .sameEntity)
    #expect(classifier.classify("W01000123") == .otherNation)
    #expect(classifier.classify("S01012345") == .otherNation)
    #expect(classifier.classify("E06000047") == .otherEntity)
    #expect(classifier.classify("E92000001") == .otherEntity)
    for pseudo in ["NO2011", "CLOSED", "EMPTY", "L99999999", "M99999999"] {
      #expect(classifier.classify(pseudo) == .pseudo)
    }
    #expect(classifier.classify("") == .blank)
    #expect(classifier.classify("ABC") == .unrecognised)
  }

  /// Welsh, Scottish and Northern Ireland small areas are "other nation" against English zones
  /// of any small-area kind; the postcode directories' letter-and-eight-nines codes are pseudo.
  @Test func otherNationsAreOneClass() {
    for entity in ["E01", "E02"] {
      let classifier = ZoneCodeClassifier(entity: entity)
      for code in ["W01000001", "W02000001", "S01006506", "S02001236", "N00000001", "N20000001", "N21000109", "95AA01S1", "95ZZ16"] {
        #expect(classifier.classify(code) == .otherNation, "\(code) against \(entity)")
      }
      for code in ["N99999999", "E99999999", "W99999999", "S99999999", "L99999999", "M99999999", "NO2021"] {
        #expect(classifier.classify(code) == .pseudo, "\(code) against \(entity)")
      }
    }
    // Council totals of another nation stay "another geography" against LSOAs; against
    // English councils, a Welsh council is the same entity in another nation.
    #expect(ZoneCodeClassifier(entity: "E01").classify("W06000001") == .otherEntity)
    #expect(ZoneCodeClassifier(entity: "E06").classify("W06000001") == .otherNation)
    #expect(ZoneCodeClassifier(entity: "E01").classify("E02000001") == .otherEntity)
    // A Welsh study sees English zones as another nation.
    #expect(ZoneCodeClassifier(entity: "W01").classify("E01000001") == .otherNation)
  }
}
