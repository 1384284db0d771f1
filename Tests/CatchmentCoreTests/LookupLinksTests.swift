import CatchmentCore
import CatchmentTestSupport
import Testing

/// ``CatchmentTestSupport/BridgeFixture`` read both ways: forward (2011 → 2021) E01000002 (S)
/// and E01000005 (X) have several targets; in reverse, E01100004 (M) and E01100006 (X).
@Suite struct LookupLinksTests {
  static let bridge = BridgeFixture.csv

  static let forward = LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", name: "LSOA21NM")
  static let reverse = LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", name: "LSOA11NM", direction: .reverse)

  static func figures(_ account: RunAccount) -> [String: Double] {
    var out: [String: Double] = [:]
    for case .figure(let name, let value) in account.entries { out[name] = value }
    return out
  }

  @Test func forwardLinksAndChangeCodes() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.forward)
    #expect(links.zones == ["E01000001", "E01000002", "E01000003", "E01000004", "E01000005", "E01000006"])
    #expect(links.zoneChange == ["U", "S", "M", "M", "X", "X"])
    #expect(links.splitZones.map { links.zones[$0] } == ["E01000002", "E01000005"])
    #expect(Array(links.targets(ofZone: 1)) == ["E01100002", "E01100003"])
    #expect(Array(links.targets(ofZone: 4)) == ["E01100005", "E01100006"])
    #expect(links.changeColumn == "CHGIND")
    #expect(links.changeColumnFound)
  }

  @Test func reverseLinks() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.reverse)
    #expect(links.zones == ["E01100001", "E01100002", "E01100003", "E01100004", "E01100005", "E01100006"])
    #expect(links.zoneChange == ["U", "S", "S", "M", "X", "X"])
    #expect(links.splitZones.map { links.zones[$0] } == ["E01100004", "E01100006"])
    #expect(Array(links.targets(ofZone: 3)) == ["E01000003", "E01000004"])
    #expect(Array(links.targets(ofZone: 5)) == ["E01000005", "E01000006"])
  }

  /// Without a split the refusal counts the zones with several targets and names the first.
  @Test func noSplitIsRefusedNamingTheZones() throws {
    let path = try temporaryFile(Self.bridge)
    for (columns, expected) in [(Self.forward, "2 zones map to several footprints (E01000002, E01000005)"), (Self.reverse, "2 zones map to several footprints (E01100004, E01100006)")] {
      let error = #expect(throws: CrosswalkError.self) { try Crosswalk.fromLookup(path: path, columns: columns) }
      #expect(error?.description.hasPrefix("\(path): \(expected) and the lookup has no weight column") == true, "\(String(describing: error))")
    }
  }

  /// A split's weights go where its closure says, single targets keep 1, and the account
  /// counts the zones of each change code by method.
  @Test func splitWeightsAndCountsByChangeCode() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.reverse)
    let (crosswalk, account) = try links.crosswalk { z in
      links.zones[z] == "E01100004" ? ([0.25, 0.75], "split by test") : ([0.5, 0.5], "split equally")
    }
    let weights = crosswalk.weightsByZone()
    #expect(weights["E01100001"] == ["E01000001": 1])
    #expect(weights["E01100002"] == ["E01000002": 1])
    #expect(weights["E01100003"] == ["E01000002": 1])
    #expect(weights["E01100004"] == ["E01000003": 0.25, "E01000004": 0.75])
    #expect(weights["E01100005"] == ["E01000005": 1])
    #expect(weights["E01100006"] == ["E01000005": 0.5, "E01000006": 0.5])
    #expect(crosswalk.footprintNames == ["one", "two", "three", "four", "five", "six"])
    let figures = Self.figures(account)
    #expect(figures["lookup zones with change code U: one target (weight 1)"] == 1)
    #expect(figures["lookup zones with change code S: one target (weight 1)"] == 2)
    #expect(figures["lookup zones with change code M: split by test"] == 1)
    #expect(figures["lookup zones with change code X: one target (weight 1)"] == 1)
    #expect(figures["lookup zones with change code X: split equally"] == 1)
    #expect(figures["zones in crosswalk"] == 6)
    #expect(account.entries.contains(.note("\(links.path): change codes read from its column CHGIND", codes: [], maxCodes: 0)))
  }

  /// Without a change column (and under another name, given) the zones are counted by structure.
  @Test func changeColumnGivenOrAbsent() throws {
    let renamed = Self.bridge.replacingOccurrences(of: "CHGIND", with: "how")
    let path = try temporaryFile(renamed)
    let plain = try LookupLinks.read(path: path, columns: Self.reverse)
    #expect(plain.changeColumn == nil)
    #expect(plain.zoneChange.allSatisfy { $0.isEmpty })
    let (_, account) = try plain.crosswalk { _ in ([0.5, 0.5], "split equally") }
    #expect(Self.figures(account)["lookup zones: one target (weight 1)"] == 4)
    #expect(Self.figures(account)["lookup zones: split equally"] == 2)
    var named = Self.reverse
    named.change = "how"
    let given = try LookupLinks.read(path: path, columns: named)
    #expect(given.zoneChange == ["U", "S", "S", "M", "X", "X"])
    #expect(!given.changeColumnFound)
    let snake = try LookupLinks.read(path: try temporaryFile(Self.bridge.replacingOccurrences(of: "CHGIND", with: "change_code")), columns: Self.reverse)
    #expect(snake.changeColumn == "change_code")
  }

  /// A lookup that is one-to-one read in its direction needs no split: read in reverse, a
  /// bridge of splits alone gives each 2021 zone its one 2011 zone.
  @Test func reverseOfSplitsNeedsNoSplit() throws {
    let path = try temporaryFile("LSOA11CD,LSOA21CD,CHGIND\nE01000001,E01100001,U\nE01000002,E01100002,S\nE01000002,E01100003,S\nE01000002,E01100003,S\n")
    let (crosswalk, account) = try Crosswalk.fromLookup(path: path, columns: LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", direction: .reverse))
    #expect(crosswalk.weightsByZone() == ["E01100001": ["E01000001": 1], "E01100002": ["E01000002": 1], "E01100003": ["E01000002": 1]])
    #expect(account.entries.contains(.note("\(path): 1 rows repeat a zone–footprint pair already read and were merged", codes: [], maxCodes: 0)))
  }

  @Test func aSplitOfAWeightedLookupIsRefused() throws {
    let path = try temporaryFile("Z,F,w\nA,B,1\n")
    #expect(throws: CrosswalkError.self) { try LookupLinks.read(path: path, columns: LookupColumns(zone: "Z", footprint: "F", weight: "w")) }
  }
}
