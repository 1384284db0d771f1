import CatchmentCore
import CatchmentInputs
import CatchmentRegions
import CatchmentTestSupport
import Foundation
import Testing

/// The zone graph of `regions` built from files, every flow accounted for (hand-worked).
@Suite struct RegionInputsTests {
  static let adjacency = "zone_a,zone_b,shared_m,kind\nE01000002,E01000001,120.5,edge\nE01000002,E01000003,0,corner\n"
  static let population = "code,people\nE01000001,1000\nE01000002,500\nE01000003,200\nE01000007,50\n"
  static let units = "unit,zone\nU1,E01000001\nU2,E01000003\nU3,E01000007\n"

  func inputs(flows: String, measure: ActivityColumns.Measure) throws -> RegionInputs {
    let folder = try temporaryFolder()
    for (name, text) in [("flows.csv", flows), ("adj.csv", Self.adjacency), ("pop.csv", Self.population), ("units.csv", Self.units)] {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let path = { folder.appendingPathComponent($0).path }
    return RegionInputs(
      flows: .init(path: path("flows.csv"), zoneColumn: "zone", unitColumn: "unit", measure: measure),
      units: .table(.init(path: path("units.csv"), unitColumn: "unit", zoneColumn: "zone")), adjacency: path("adj.csv"),
      population: .init(path: path("pop.csv"), columns: PopulationColumns(id: "code", value: "people")), zones: nil, workingCRS: .epsg(27700),
      workers: 1)
  }

  func tally(_ account: RunAccount, _ prefix: String, loss: Bool = true) -> Tally? {
    for entry in account.entries {
      switch entry {
      case .loss(let t) where loss && t.reason.hasPrefix(prefix): return t
      case .exclusion(let t) where !loss && t.reason.hasPrefix(prefix): return t
      default: continue
      }
    }
    return nil
  }

  /// Shares × population: zone 1 sends 0.5 × 1000 to U1 and 0.3 × 1000 to U2, the other 200
  /// people unattributed; zone 2 sends 0.6 × 500 to U2 and 0.4 × 500 to U3, whose zone is not
  /// in the adjacency (lost); zone 3's shares (1.0 to U2) leave nobody out; zone 9 is unknown.
  @Test func sharesTimesPopulationWithTheRemainderExcluded() throws {
    let flows = "zone,unit,share\nE01000001,U1,0.5\nE01000001,U2,0.3\nE01000002,U2,0.6\nE01000002,U3,0.4\nE01000003,U2,1\nE01000009,U1,0.25\n"
    let (graph, account) = try inputs(flows: flows, measure: .share("share")).load()
    #expect(graph.zoneIDs == ["E01000001", "E01000002", "E01000003"])
    #expect(graph.units == ["U1", "U2"])
    #expect(graph.unitZone == [0, 2])
    #expect(graph.population == [1000, 500, 200])
    #expect(graph.totalFlow == 500 + 300 + 300 + 200)
    #expect(tally(account, "flows to units located in zones not in the adjacency")?.amount == 200)
    #expect(tally(account, "flows from zones not in the adjacency")?.amount == 0.25)
    let remainder = try #require(tally(account, "population of zones whose shares sum below 1", loss: false))
    #expect(remainder.codes.map(\.code) == ["E01000001"])
    #expect(abs(remainder.amount - 200) < 1e-9)
  }

  /// Counts: read = graph + losses; the adjacency's corner kept as a corner.
  @Test func countsReadEqualGraphPlusLosses() throws {
    let flows = "zone,unit,n\nE01000001,U1,10\nE01000002,U9,4\nE01000002,U2,6\nE01000003,,2\nE01000001,U1,1\n"
    let (graph, account) = try inputs(flows: flows, measure: .count("n")).load()
    #expect(graph.totalFlow == 17)
    let lost = ["flows to units with no location", "flows with a blank unit code"].compactMap { tally(account, $0)?.amount }
    #expect(lost == [4, 2])
    #expect(account.entries.contains(.figure("flow read", 23)))
  }

  @Test func adjacencyRowsAreCheckedAndRenumberedInByteOrder() throws {
    let path = try temporaryFile(Self.adjacency, name: "adj.csv")
    let file = try AdjacencyFile(path: path)
    #expect(file.zoneIDs == ["E01000001", "E01000002", "E01000003"])
    #expect(file.links == [ZoneLink(a: 0, b: 1, sharedMetres: 120.5, kind: .edge), ZoneLink(a: 1, b: 2, sharedMetres: 0, kind: .corner)])
    for (text, message) in [
      ("zone_a,zone_b,shared_m,kind\nA,A,1,edge\n", "zone A is paired with itself"),
      ("zone_a,zone_b,shared_m,kind\nA,B,-1,edge\n", "shared_m is -1: not a length in metres"),
      ("zone_a,zone_b,shared_m,kind\nA,,1,edge\n", "a zone code is blank"),
      ("zone_a,zone_b,shared_m,kind\nA,B,x,edge\n", "shared_m is not a number"),
    ] {
      let bad = try temporaryFile(text, name: "bad.csv")
      #expect {
        try AdjacencyFile(path: bad)
      } throws: { error in
        guard let error = error as? TableError else { return false }
        return error.line == 2 && error.reason.hasPrefix(message) && error.file == bad
      }
    }
  }

  /// A zone split over blocks goes whole to its largest; a zone in none is a block of its own.
  @Test func blocksTakeTheLargestWeight() throws {
    let path = try temporaryFile("zone_id,footprint_id,weight\nE01000001,P,1\nE01000002,P,0.3\nE01000002,Q,0.7\n", name: "blocks.csv")
    let (blocks, account) = try RegionCrosswalks.blocks(path: path, zoneIDs: ["E01000001", "E01000002", "E01000003"])
    #expect(blocks.ids == ["E01000003", "P", "Q"])
    #expect(blocks.blockOfZone == [1, 2, 0])
    #expect(tally(account, "zones the blocks crosswalk does not place")?.codes.map(\.code) == ["E01000003"])
    let (footprints, _) = try RegionCrosswalks.footprints(path: path, zoneIDs: ["E01000001", "E01000002", "E01000003"])
    #expect(footprints == ["P", "Q", nil])
  }
}
