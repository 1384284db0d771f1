import CatchmentCore
import CatchmentTestSupport
import Testing

/// A small bridge between two vintages in the ONS layout, hand-made with every change code:
///
///     A1 → B1        U  unchanged
///     A2 → B2, B3    S  A2 split in two
///     A3, A4 → B4    M  two merged into B4
///     A5 → B5, B6    X  redrawn: A5 split, and B6 takes part of A5 and all of A6
///     A6 → B6        X
///
/// Read forward (2011 → 2021), A2 and A5 have several targets; in reverse, B4 and B6.
@Suite struct LookupLinksTests {
  static let bridge = """
    LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND
    A1,one,B1,one,U
    A2,two,B2,two a,S
    A2,two,B3,two b,S
    A3,three,B4,three-four,M
    A4,four,B4,three-four,M
    A5,five,B5,five,X
    A5,five,B6,five-six,X
    A6,six,B6,five-six,X

    """

  static let forward = LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", name: "LSOA21NM")
  static let reverse = LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", name: "LSOA11NM", direction: .reverse)

  static func figures(_ account: RunAccount) -> [String: Double] {
    var out: [String: Double] = [:]
    for case .figure(let name, let value) in account.entries { out[name] = value }
    return out
  }

  @Test func forwardLinksAndChangeCodes() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.forward)
    #expect(links.zones == ["A1", "A2", "A3", "A4", "A5", "A6"])
    #expect(links.zoneChange == ["U", "S", "M", "M", "X", "X"])
    #expect(links.splitZones.map { links.zones[$0] } == ["A2", "A5"])
    #expect(Array(links.targets(ofZone: 1)) == ["B2", "B3"])
    #expect(Array(links.targets(ofZone: 4)) == ["B5", "B6"])
    #expect(links.changeColumn == "CHGIND")
    #expect(links.changeColumnFound)
  }

  @Test func reverseLinks() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.reverse)
    #expect(links.zones == ["B1", "B2", "B3", "B4", "B5", "B6"])
    #expect(links.zoneChange == ["U", "S", "S", "M", "X", "X"])
    #expect(links.splitZones.map { links.zones[$0] } == ["B4", "B6"])
    #expect(Array(links.targets(ofZone: 3)) == ["A3", "A4"])
    #expect(Array(links.targets(ofZone: 5)) == ["A5", "A6"])
  }

  /// Without a split the refusal counts the zones with several targets and names the first.
  @Test func noSplitIsRefusedNamingTheZones() throws {
    let path = try temporaryFile(Self.bridge)
    for (columns, expected) in [(Self.forward, "2 zones map to several footprints (A2, A5)"), (Self.reverse, "2 zones map to several footprints (B4, B6)")] {
      let error = #expect(throws: CrosswalkError.self) { try Crosswalk.fromLookup(path: path, columns: columns) }
      #expect(error?.description.hasPrefix("\(path): \(expected) and the lookup has no weight column") == true, "\(String(describing: error))")
    }
  }

  /// A split's weights go where its closure says, single targets keep 1, and the account
  /// counts the zones of each change code by method.
  @Test func splitWeightsAndCountsByChangeCode() throws {
    let links = try LookupLinks.read(path: try temporaryFile(Self.bridge), columns: Self.reverse)
    let (crosswalk, account) = try links.crosswalk { z in
      links.zones[z] == "B4" ? ([0.25, 0.75], "split by test") : ([0.5, 0.5], "split equally")
    }
    let weights = crosswalk.weightsByZone()
    #expect(weights["B1"] == ["A1": 1])
    #expect(weights["B2"] == ["A2": 1])
    #expect(weights["B3"] == ["A2": 1])
    #expect(weights["B4"] == ["A3": 0.25, "A4": 0.75])
    #expect(weights["B5"] == ["A5": 1])
    #expect(weights["B6"] == ["A5": 0.5, "A6": 0.5])
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
    let path = try temporaryFile("LSOA11CD,LSOA21CD,CHGIND\nA1,B1,U\nA2,B2,S\nA2,B3,S\nA2,B3,S\n")
    let (crosswalk, account) = try Crosswalk.fromLookup(path: path, columns: LookupColumns(zone: "LSOA11CD", footprint: "LSOA21CD", direction: .reverse))
    #expect(crosswalk.weightsByZone() == ["B1": ["A1": 1], "B2": ["A2": 1], "B3": ["A2": 1]])
    #expect(account.entries.contains(.note("\(path): 1 rows repeat a zone–footprint pair already read and were merged", codes: [], maxCodes: 0)))
  }

  @Test func aSplitOfAWeightedLookupIsRefused() throws {
    let path = try temporaryFile("Z,F,w\nA,B,1\n")
    #expect(throws: CrosswalkError.self) { try LookupLinks.read(path: path, columns: LookupColumns(zone: "Z", footprint: "F", weight: "w")) }
  }
}
