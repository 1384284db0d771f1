import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis

/// Footprints dissolved from their own zones, as `catchment propose` draws them (GEOS union,
/// written as GeoJSON, read back): every boundary vertex of a footprint is a vertex of its
/// zones. Each zone lies wholly in the footprint it was dissolved into, so every geometry
/// crosswalk must give it weight 1 there and nothing elsewhere (to 10⁻⁹): the membership is the
/// independent answer.
@Suite struct DissolvedFootprintTests {
  /// Dissolves `tessellation`'s zones by its membership and reads the footprints back from the
  /// GeoJSON that `propose --dissolve-output` would write.
  static func dissolved(_ tessellation: SharedEdgeTessellation) throws -> PolygonLayer {
    var builder = CrosswalkBuilder(source: "membership")
    for (zone, footprint) in tessellation.membership.sorted(by: { $0.key < $1.key }) { builder.add(zone: zone, footprint: footprint, weight: 1) }
    let report = RunReport(command: "t")
    let drawn = recorded(try Dissolve.footprints(zones: tessellation.zones, crosswalk: try builder.build(method: "lookup"), workers: 2), in: report)
    #expect(report.losses.isEmpty)
    let features = drawn.map { GeoJSONWriter.Feature(properties: [("FOOTPRINT_ID", $0.id)], geometry: $0.geoJSON) }
    let path = try temporaryFile(GeoJSONWriter.featureCollection(features, crs: .epsg(27700)), name: "dissolved.geojson")
    return try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "FOOTPRINT_ID")).0
  }

  /// Each zone's weights are {its footprint: 1}, to 10⁻⁹.
  static func expectMembership(_ crosswalk: Crosswalk, _ membership: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
    let weights = crosswalk.weightsByZone()
    #expect(weights.count == membership.count, sourceLocation: sourceLocation)
    var wrong: [String] = []
    for (zone, footprint) in membership {
      let w = weights[zone] ?? [:]
      if abs((w[footprint] ?? 0) - 1) > 1e-9 || w.contains(where: { $0.key != footprint && $0.value > 1e-9 }) {
        wrong.append("\(zone) in \(footprint): \(w)")
      }
    }
    #expect(wrong.isEmpty, "\(wrong.count) zones with weights other than their membership: \(wrong.sorted().prefix(5))", sourceLocation: sourceLocation)
  }

  static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

  @Test(arguments: seeds) func areaWeightsEqualTheDissolvesMembership(seed: UInt64) throws {
    let tessellation = SharedEdgeTessellation(seed: seed)
    let footprints = try Self.dissolved(tessellation)
    for basis in AreaBasis.allCases {
      let report = RunReport(command: "t")
      let crosswalk = recorded(try SpatialCrosswalk.area(zones: tessellation.zones, footprints: footprints, basis: basis, minWeight: nil, workers: 2), in: report)
      Self.expectMembership(crosswalk, tessellation.membership)
      #expect(report.losses.isEmpty)
      // Footprints dissolved from one tessellation never overlap: no such warning.
      #expect(!report.warnings.contains { $0.contains("overlap") })
    }
  }

  @Test(arguments: seeds) func bestFitByAPointInsideEachZoneEqualsTheMembership(seed: UInt64) throws {
    let tessellation = SharedEdgeTessellation(seed: seed)
    let footprints = try Self.dissolved(tessellation)
    let crosswalk = recorded(try SpatialCrosswalk.bestFit(
      zones: tessellation.zones, centroids: nil, footprints: footprints, snapDistance: 0, workers: 2), in: RunReport(command: "t"))
    Self.expectMembership(crosswalk, tessellation.membership)
  }

  /// Zones against two layers dissolved from them by different groupings: each zone is one
  /// piece, wholly in its footprint of each layer.
  @Test(arguments: seeds) func piecesOfZonesInTwoDissolvedLayersAreWhole(seed: UInt64) throws {
    let a = SharedEdgeTessellation(groups: 5, seed: seed), b = SharedEdgeTessellation(groups: 3, seed: seed)
    #expect(a.zones.xs == b.zones.xs)
    let shares = try PieceSplit.shares(
      zoneIDs: a.zones.ids, zones: a.zones, a: try Self.dissolved(a), b: try Self.dissolved(b))
    var wrong: [String] = []
    for id in a.zones.ids {
      let pieces: [(a: String, b: String, share: Double)] = shares[id] ?? []
      let inA = a.membership[id] ?? "", inB = b.membership[id] ?? ""
      let whole: Double = pieces.first { $0.a == inA && $0.b == inB }?.share ?? 0
      if abs(whole - 1) > 1e-9 { wrong.append("\(id): \(pieces)") }
    }
    #expect(wrong.isEmpty, "\(wrong.count) zones split into pieces that are not there: \(wrong.sorted().prefix(5))")
  }
}
