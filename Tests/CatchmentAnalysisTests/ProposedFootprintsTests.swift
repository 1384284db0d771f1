import CatchmentCore
import CatchmentEngine
import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// What-if layers by hand. Base: zones z1, z2 in council C1; z3 in C2; z4 half C2, half C3.
/// Proposal: C1 → F1, C2 → F2, C3 left out (a gap).
///
///     z1 → F1 1; z2 → F1 1; z3 → F2 1; z4 → F2 ½ + UNALLOCATED ½.
@Suite struct ProposedFootprintsTests {
  func base() throws -> Crosswalk {
    var builder = CrosswalkBuilder()
    for (z, c, w) in [("z1", "C1", 1.0), ("z2", "C1", 1), ("z3", "C2", 1), ("z4", "C2", 0.5), ("z4", "C3", 0.5)] {
      builder.add(zone: z, footprint: c, weight: w)
    }
    return try builder.build(method: "t")
  }

  @Test func crosswalkFromBuildingBlocks() throws {
    let mapping = try BlockMapping.read(path: try temporaryFile("council,footprint,name\nC1,F1,First\nC2,F2,Second\nC9,F2,Second\n"), block: "council", footprint: "footprint", name: "name")
    let report = RunReport(command: "t")
    let crosswalk = recorded(try mapping.crosswalk(base: try base()), in: report)
    #expect(crosswalk.weightsByZone() == ["z1": ["F1": 1], "z2": ["F1": 1], "z3": ["F2": 1], "z4": ["F2": 0.5, "UNALLOCATED": 0.5]])
    #expect(report.losses.first?.codes.map(\.code) == ["C3"])
    #expect(report.warnings.contains { $0.contains("1 blocks of the proposal are not in the base crosswalk: C9") })
    #expect(crosswalk.footprintNames[Int(crosswalk.footprints.find("F1")!)] == "First")
  }

  @Test func sharedBlocksNeedWeights() throws {
    #expect { _ = try BlockMapping.read(path: try temporaryFile("b,f\nC1,F1\nC1,F2\n"), block: "b", footprint: "f") } throws: {
      "\($0)".contains("block C1 is mapped to F1 and to F2")
    }
    #expect { _ = try BlockMapping.read(path: try temporaryFile("b,f,w\nC1,F1,0.5\nC1,F2,0.4\n"), block: "b", footprint: "f", weight: "w") } throws: {
      "\($0)".contains("the weights of block C1 add up to 0.9")
    }
    let shared = try BlockMapping.read(path: try temporaryFile("b,f,w\nz1,F1,0.25\nz1,F2,0.75\nz2,F2,1\n"), block: "b", footprint: "f", weight: "w")
    let crosswalk = recorded(try shared.crosswalk(base: nil), in: RunReport(command: "t"))
    #expect(crosswalk.weightsByZone() == ["z1": ["F1": 0.25, "F2": 0.75], "z2": ["F2": 1]])
  }

  /// Three unit squares in a row, z1 z2 → F1 and z3 → F2: F1 is one 2 × 1 polygon by coverage
  /// union; z4 overlapping z3 by half makes F2 a non-coverage (general union, area 1.5).
  @Test func dissolvedFootprints() throws {
    var zones = PolygonLayer(crs: .epsg(27700))
    for (id, x0, x1) in [("z1", 0.0, 1.0), ("z2", 1, 2), ("z3", 2, 3), ("z4", 2.5, 3.5)] {
      for (x, y) in [(x0, 0.0), (x1, 0), (x1, 1), (x0, 1)] { zones.addPoint(x: x, y: y) }
      zones.endRing()
      zones.endPolygon()
      zones.endFeature(id: id)
    }
    var builder = CrosswalkBuilder()
    for (z, f) in [("z1", "F1"), ("z2", "F1"), ("z3", "F2"), ("z4", "F2")] { builder.add(zone: z, footprint: f, weight: 1) }
    let report = RunReport(command: "t")
    let drawn = recorded(try Dissolve.footprints(zones: zones, crosswalk: try builder.build(method: "t"), workers: 2), in: report)
    #expect(drawn.map(\.id) == ["F1", "F2"] && drawn.map(\.zones) == [2, 2])
    #expect(report.notes.contains { $0.contains("1 footprints' zones do not form a clean coverage") && $0.hasSuffix("F2") })
    // Read the geometries back through GEOS: areas 2 and 1.5, F1 a single polygon.
    let context = GEOSContext()
    let f1 = try Dissolve.union(of: [0, 1], in: zones, context: context)
    #expect(try f1.geometry.area() == 2 && f1.method == .coverage)
    #expect(drawn[0].geoJSON.hasPrefix("{\"type\":\"Polygon\""))
    let f2 = try Dissolve.union(of: [2, 3], in: zones, context: context)
    #expect(try f2.geometry.area() == 1.5 && f2.method == .general)
    let refused = try Dissolve.coverageUnion(of: [2, 3], in: zones, context: context)
    #expect(refused == nil)
  }
}
