import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentDemoData

/// The demo's LSOA 2011 vintage (data/README.md, "Boundary vintages"): the bridge lookup in
/// ONS's layout, the 2011 population table and the 2011 polygons, checked by the rules of ONS's
/// change codes rather than against their own bytes.
@Suite struct VintageBridgeTests {
  static let data = DemoDataTests.committedData

  /// The bridge's (2011 code, 2021 code, change code) rows, indexed both ways.
  struct Bridge {
    var rows: [(old: String, new: String, change: String)]
    var byOld: [String: [Int]] = [:]
    var byNew: [String: [Int]] = [:]

    init(_ rows: [(old: String, new: String, change: String)]) {
      self.rows = rows
      for (i, row) in rows.enumerated() {
        byOld[row.old, default: []].append(i)
        byNew[row.new, default: []].append(i)
      }
    }

    init(_ csv: SimpleCSV) {
      let (old, new, change) = (csv.column("LSOA11CD"), csv.column("LSOA21CD"), csv.column("CHGIND"))
      self.init(csv.rows.map { ($0[old], $0[new], $0[change]) })
    }

    /// The rows connected to row `i` through shared 2011 or 2021 codes.
    func component(of i: Int) -> Set<Int> {
      var seen: Set<Int> = [i], queue = [i]
      while let r = queue.popLast() {
        for next in byOld[rows[r].old]! + byNew[rows[r].new]! where seen.insert(next).inserted {
          queue.append(next)
        }
      }
      return seen
    }
  }

  static func committedBridge() throws -> (SimpleCSV, Bridge) {
    let csv = try DemoDataTests.read(data, .bridgeLookup)
    return (csv, Bridge(csv))
  }

  /// The national bridge, drawn from the national geography without writing the 80 MB files.
  static func nationalBridge(seed: UInt64 = DemoDataGenerator.defaultSeed) -> (DemoGeography, VintageBridge) {
    var rng = SplitMix64(seed: seed, stream: 1)
    let geo = GeographyBuilder.build(NationalBlueprint.make(rng: &rng), rng: &rng)
    var vintageRNG = SplitMix64(seed: seed, stream: 7)
    let bridge = VintageBridge.draw(
      geo, layout: BoundaryFileWriter.layout(geo), tuning: .forScale(.national), rng: &vintageRNG)
    return (geo, bridge)
  }

  /// Each change code's pairing rule: U the same code on both sides and one row each; S one
  /// 2011 zone to two or more 2021 zones that have no other source; M two or more 2011 zones,
  /// with no other target, into one 2021 zone; X a group with several zones on both sides and
  /// at least one zone with several partners on each side. Returns the groups per code.
  static func expectPairingRules(_ bridge: Bridge) -> [String: Int] {
    var groups: [String: Int] = [:]
    var done: Set<Int> = []
    for i in bridge.rows.indices where !done.contains(i) {
      let group = bridge.component(of: i)
      done.formUnion(group)
      let rows = group.map { bridge.rows[$0] }
      let old = Set(rows.map(\.old)), new = Set(rows.map(\.new))
      let change = rows[0].change
      #expect(rows.allSatisfy { $0.change == change }, "mixed change codes around \(rows[0])")
      groups[change, default: 0] += 1
      switch change {
      case "U": #expect(rows.count == 1 && rows[0].old == rows[0].new, "\(rows)")
      case "S": #expect(old.count == 1 && new.count >= 2 && rows.count == new.count, "\(rows)")
      case "M": #expect(new.count == 1 && old.count >= 2 && rows.count == old.count, "\(rows)")
      case "X":
        #expect(old.count >= 2 && new.count >= 2, "\(rows)")
        #expect(old.contains { bridge.byOld[$0]!.count >= 2 } && new.contains { bridge.byNew[$0]!.count >= 2 })
      default: Issue.record("unknown change code \(change)")
      }
      // A retired 2011 code is never a 2021 code.
      if change != "U" { #expect(old.allSatisfy { bridge.byNew[$0] == nil }, "\(rows)") }
    }
    return groups
  }

  @Test func layoutIsONSsBridgeLookup() throws {
    let (csv, _) = try Self.committedBridge()
    #expect(csv.hasBOM && csv.crlf)
    #expect(
      csv.header == [
        "LSOA11CD", "LSOA11NM", "LSOA21CD", "LSOA21NM", "CHGIND", "LAD22CD", "LAD22NM", "LAD22NMW",
        "ObjectId",
      ])
    #expect(csv.rows.allSatisfy { $0.count == 9 && $0[7].isEmpty })
    #expect(csv.rows.map { $0[8] } == csv.rows.indices.map { String($0 + 1) })
    // Each row's 2021 name and district are those of its zone in the main lookup.
    let lookup = try DemoDataTests.read(Self.data, .lookup)
    var zone: [String: [String]] = [:]
    for row in lookup.rows { zone[row[0]] = [row[1], row[8], row[9]] }
    #expect(csv.rows.allSatisfy { zone[$0[2]] == [$0[3], $0[5], $0[6]] })
  }

  @Test func everyLookupZoneIsReachedAndEveryChangeCodePresent() throws {
    let (_, bridge) = try Self.committedBridge()
    let lookup = try DemoDataTests.read(Self.data, .lookup)
    #expect(Set(bridge.byNew.keys) == Set(lookup.rows.map { $0[0] }))
    let groups = Self.expectPairingRules(bridge)
    // Several splits (one of three zones), a few merges (one of three), one redrawn group.
    #expect(groups["S", default: 0] >= 3 && groups["M", default: 0] >= 2 && groups["X"] == 1)
    #expect(groups["U", default: 0] > 300)
    #expect(bridge.byOld.values.contains { $0.count == 3 && bridge.rows[$0[0]].change == "S" })
    #expect(bridge.byNew.values.contains { $0.count == 3 && bridge.rows[$0[0]].change == "M" })
    // Retired codes: the documented block E01090001 upward, numbered without gaps.
    let retired = Set(bridge.rows.filter { $0.change != "U" }.map(\.old)).sorted()
    let block: [String] = (0..<retired.count).map { (k: Int) -> String in "E01" + String(90_001 + k).leftPadded(to: 6) }
    #expect(retired == block)
  }

  @Test func nationalBridgeHasONSsProportionsAndRules() {
    let (geo, drawn) = Self.nationalBridge()
    let bridge = Bridge(
      drawn.pairs.map { (drawn.zones[$0.zone].code, geo.lsoas[$0.lsoa].code, $0.change.rawValue) })
    #expect(Set(bridge.byNew.keys).count == geo.lsoas.count)
    let groups = Self.expectPairingRules(bridge)
    #expect(groups["X"] == 1)
    // ONS, England and Wales: U 33,647, S 1,900, M 239 and X 9 of 35,795 rows.
    let rows = drawn.rowsByChange
    #expect(rows.reduce(0, +) == bridge.rows.count)
    #expect((1_500...2_400).contains(rows[1]) && (150...350).contains(rows[2]), "\(rows)")
    #expect(rows[0] > 30_000)
    // Deterministic: the same seed draws the same bridge, another seed another one.
    let (_, again) = Self.nationalBridge()
    #expect(again.pairs.map(\.weight) == drawn.pairs.map(\.weight))
    #expect(again.zones.map(\.code) == drawn.zones.map(\.code))
    let (_, other) = Self.nationalBridge(seed: 7)
    #expect(other.pairs.map(\.lsoa) != drawn.pairs.map(\.lsoa))
  }

  @Test func summaryCountsTheBridgeRows() throws {
    let (folder, summary) = try DemoDataTests.generateDemo()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (csv, bridge) = try Self.committedBridge()
    #expect(
      summary.bridgeRowsByChange == ["U", "S", "M", "X"].map { c in csv.rows.filter { $0[4] == c }.count })
    #expect(summary.lsoas2011 == bridge.byOld.count)
  }
}
