import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentDemoData

/// The tables of the demo's LSOA 2011 vintage beside the bridge: the mid-2020 population keyed
/// by 2011 codes and the 2011 polygons, each consistent with the 2021 files through the bridge.
@Suite struct Vintage2011TablesTests {
  static let data = DemoDataTests.committedData

  /// The E01 rows of a SAPE-layout table: code → count.
  static func zoneCounts(_ csv: SimpleCSV) -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in csv.rows where row[0].hasPrefix("E01") {
      #expect(counts.updateValue(DemoDataTests.sapeValue(row[2]), forKey: row[0]) == nil, "\(row[0]) twice")
    }
    return counts
  }

  @Test func populationTableIsKeyedByTheBridgesOldCodes() throws {
    let table = try DemoDataTests.read(Self.data, .population2011)
    #expect(table.crlf && !table.hasBOM)
    #expect(table.header == ["Area Codes", "Area Names", "All Ages"])
    DemoDataTests.expectSAPETotals(table)
    let (_, bridge) = try VintageBridgeTests.committedBridge()
    let codes = Set(Self.zoneCounts(table).keys)
    #expect(codes.isSubset(of: Set(bridge.byOld.keys)))
    // The zone missing from the 2021 table is unchanged and missing here too.
    #expect(Set(bridge.byOld.keys).subtracting(codes) == ["E01100151"])
    #expect(bridge.byOld["E01100151"].map { bridge.rows[$0[0]].change } == "U")
  }

  /// Within every group of the bridge, the 2011 residents are the 2021 residents times the
  /// documented drift (0.960–1.010 per 2011 zone, each rounded to whole people); the tables'
  /// totals too.
  @Test func populationsFollowThe2021TableWithinTheDocumentedDrift() throws {
    let old = Self.zoneCounts(try DemoDataTests.read(Self.data, .population2011))
    let new = Self.zoneCounts(try DemoDataTests.read(Self.data, .population))
    let (_, bridge) = try VintageBridgeTests.committedBridge()
    let drift = Population2011Model.driftPermille
    #expect(drift == 960...1_010)
    var done: Set<Int> = []
    var groups = 0
    for i in bridge.rows.indices where !done.contains(i) && bridge.rows[i].old != "E01100151" {
      let group = bridge.component(of: i)
      done.formUnion(group)
      let olds = Set(group.map { bridge.rows[$0].old }), news = Set(group.map { bridge.rows[$0].new })
      let before = olds.reduce(0) { $0 + old[$1]! }, after = news.reduce(0) { $0 + new[$1]! }
      // Each 2011 zone's count is rounded half up: at most half a person each way per zone.
      let slack = 500 * olds.count
      #expect(
        drift.lowerBound * after - slack <= 1_000 * before
          && 1_000 * before <= drift.upperBound * after + slack,
        "\(olds.sorted()) \(before) against \(news.sorted()) \(after)")
      groups += 1
    }
    #expect(groups > 350)
    let before = old.values.reduce(0, +), after = new.values.reduce(0, +)
    #expect(drift.lowerBound * after <= 1_000 * before && 1_000 * before <= drift.upperBound * after)
  }

  /// Rectangles by code from one of the generator's GeoJSON files (every polygon is an
  /// axis-aligned rectangle: a closed ring of five corners).
  static func rectangles(_ file: DemoFile, id: String) throws -> [String: (Int, Int, Int, Int)] {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent(file.rawValue)))
    let features = try #require((json as? [String: Any])?["features"] as? [[String: Any]])
    var boxes: [String: (Int, Int, Int, Int)] = [:]
    for feature in features {
      let code = try #require((feature["properties"] as? [String: String])?[id])
      let geometry = try #require(feature["geometry"] as? [String: Any])
      let ring = try #require((geometry["coordinates"] as? [[[Int]]])?.first)
      let xs = Set(ring.map { $0[0] }), ys = Set(ring.map { $0[1] })
      #expect(ring.count == 5 && ring.first == ring.last && xs.count == 2 && ys.count == 2, "\(code)")
      boxes[code] = (xs.min()!, ys.min()!, xs.max()!, ys.max()!)
    }
    #expect(boxes.count == features.count, "a code is drawn twice in \(file.rawValue)")
    return boxes
  }

  static func overlap(_ a: (Int, Int, Int, Int), _ b: (Int, Int, Int, Int)) -> Int {
    max(0, min(a.2, b.2) - max(a.0, b.0)) * max(0, min(a.3, b.3) - max(a.1, b.1))
  }

  static func area(_ a: (Int, Int, Int, Int)) -> Int { (a.2 - a.0) * (a.3 - a.1) }

  /// The 2011 polygons overlap exactly the 2021 polygons the bridge pairs them with, and each
  /// zone of either vintage is covered by its partners: the bridge is the overlay of the two.
  @Test func polygonsOverlapExactlyWhereTheBridgePairs() throws {
    let old = try Self.rectangles(.zoneBoundaries2011, id: "LSOA11CD")
    let new = try Self.rectangles(.zoneBoundaries, id: "LSOA21CD")
    let (_, bridge) = try VintageBridgeTests.committedBridge()
    #expect(Set(old.keys) == Set(bridge.byOld.keys))
    let pairs = Set(bridge.rows.map { $0.old + "|" + $0.new })
    var overlapping: Set<String> = []
    var coveredOld: [String: Int] = [:], coveredNew: [String: Int] = [:]
    for (a, boxA) in old {
      for (b, boxB) in new {
        let shared = Self.overlap(boxA, boxB)
        guard shared > 0 else { continue }
        overlapping.insert(a + "|" + b)
        coveredOld[a, default: 0] += shared
        coveredNew[b, default: 0] += shared
      }
    }
    #expect(overlapping == pairs)
    #expect(old.allSatisfy { coveredOld[$0.key] == Self.area($0.value) })
    #expect(new.allSatisfy { coveredNew[$0.key] == Self.area($0.value) })
    // Unchanged zones keep their polygon.
    #expect(bridge.rows.filter { $0.change == "U" }.allSatisfy { old[$0.old]! == new[$0.new]! })
  }
}
