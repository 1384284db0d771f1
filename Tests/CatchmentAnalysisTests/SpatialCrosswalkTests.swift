import CatchmentCore
import CatchmentEngine
import CatchmentGeometry
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Hand-worked geometry crosswalks on boxes in British National Grid metres.
///
///     y
///     200 ┌───────────────C───────────────┐      C: (0,100)–(200,200), hole (40,140)–(60,160)
///         │    z5 in the hole             │
///     100 ├──────────A──────┬──────B──────┤      A: (0,0)–(100,100)   B: (100,0)–(200,100)
///         │  z1             │ z2 on A|B   │ z7 half outside B
///       0 └─────────────────┴─────────────┘            z4 far east: (300,0)–(310,10)
///         0                100           200
///
/// z3 (80,80)–(120,120) meets A 20×20 = 400 m², B 400 m², C 40×20 = 800 m²: weights ¼, ¼, ½.
/// z6 is a multipolygon: (10,110)–(20,120) in C and (150,50)–(160,60) in B, 100 m² each.
@Suite struct SpatialCrosswalkTests {
  typealias Box = (Double, Double, Double, Double)

  static func layer(_ features: [(String, [Box], [Box])]) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (id, boxes, holes) in features {
      for (k, b) in boxes.enumerated() {
        for (x, y) in [(b.0, b.1), (b.2, b.1), (b.2, b.3), (b.0, b.3)] { layer.addPoint(x: x, y: y) }
        layer.endRing()
        if k == 0 {
          for h in holes {
            for (x, y) in [(h.0, h.1), (h.0, h.3), (h.2, h.3), (h.2, h.1)] { layer.addPoint(x: x, y: y) }
            layer.endRing()
          }
        }
        layer.endPolygon()
      }
      layer.endFeature(id: id, name: "name of \(id)")
    }
    return layer
  }

  let footprints = layer([
    ("A", [(0, 0, 100, 100)], []), ("B", [(100, 0, 200, 100)], []), ("C", [(0, 100, 200, 200)], [(40, 140, 60, 160)]),
  ])
  let zones = layer([
    ("z1", [(10, 10, 30, 30)], []), ("z2", [(90, 40, 110, 60)], []), ("z3", [(80, 80, 120, 120)], []),
    ("z4", [(300, 0, 310, 10)], []), ("z5", [(45, 145, 55, 155)], []), ("z6", [(10, 110, 20, 120), (150, 50, 160, 60)], []),
    ("z7", [(190, 40, 210, 60)], []),
  ])

  /// Centroids: the middle of each box, except z6 (left without, so placed by a point inside).
  var centroids: PointLayer {
    var points = PointLayer(crs: .epsg(27700))
    for (id, x, y) in [("z1", 20.0, 20.0), ("z2", 100, 50), ("z3", 100, 100), ("z4", 305, 5), ("z5", 50, 150), ("z7", 200, 50)] {
      points.append(id: id, x: x, y: y)
    }
    return points
  }


  @Test(arguments: [1, 2, 3])
  func bestFit(workers: Int) throws {
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.bestFit(
      zones: zones, centroids: centroids, footprints: footprints, snapDistance: 1000, workers: workers), in: report)
    let w = crosswalk.weightsByZone()
    #expect(w["z1"] == ["A": 1])
    #expect(w["z2"] == ["A": 1])  // (100, 50) is on the A|B edge: the lowest id wins
    #expect(w["z3"] == ["A": 1])  // (100, 100) is on A, B and C: A again
    #expect(w["z4"] == ["B": 1])  // outside every footprint; 105 m from B's edge at x = 200
    #expect(w["z5"] == ["C": 1])  // in C's hole; the hole's edge is 10 m away
    #expect(w["z7"] == ["B": 1])  // (200, 50) on B's outer edge
    #expect(w["z6"]?.count == 1 && w["z6"]!.values.first == 1)  // a point inside one of its parts
    let z4 = Int(crosswalk.zones.find("z4")!), z5 = Int(crosswalk.zones.find("z5")!)
    #expect(abs(crosswalk.zoneDistance![z4] - 105) < 1e-9)
    #expect(abs(crosswalk.zoneDistance![z5] - 10) < 1e-9)
    #expect(crosswalk.zoneDistance![0].isNaN)
    #expect(crosswalk.footprintNames == ["name of A", "name of B", "name of C"])
    #expect(report.notes.contains { $0.contains("1 zones have no centroid") })
    // Snapped zones are placements (a count and the farthest distance), not exclusions whose
    // "amount" would be a meaningless sum of metres.
    #expect(report.exclusions.isEmpty && report.losses.isEmpty)
    let snapped = try #require(report.placements.first)
    #expect(snapped.count == 2 && snapped.largest == 105 && snapped.unit == "metres")
    #expect(snapped.codes.map(\.code) == ["z4", "z5"] && snapped.codes.map(\.amount) == [105, 10])
    #expect(report.text().contains("the farthest 105 metres: z4 (105), z5 (10)"))
    let json = String(decoding: try report.jsonData(), as: UTF8.self)
    #expect(json.contains("\"placements\"") && json.contains("\"largest\" : 105"))
  }

  @Test func bestFitBeyondTheSnapDistanceIsUnallocated() throws {
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.bestFit(
      zones: zones, centroids: centroids, footprints: footprints, snapDistance: 50, workers: 2), in: report)
    #expect(crosswalk.weightsByZone()["z4"] == ["UNALLOCATED": 1])
    #expect(crosswalk.weightsByZone()["z5"] == ["C": 1])  // 10 m: within 50
    #expect(report.losses.first?.codes.map(\.code) == ["z4"])
  }

  @Test(arguments: [1, 2])
  func areaCovered(workers: Int) throws {
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.area(zones: zones, footprints: footprints, basis: .covered, minWeight: nil, workers: workers), in: report)
    let w = crosswalk.weightsByZone()
    #expect(w["z1"] == ["A": 1])
    #expect(w["z2"] == ["A": 0.5, "B": 0.5])
    #expect(w["z3"] == ["A": 0.25, "B": 0.25, "C": 0.5])
    #expect(w["z4"] == ["UNALLOCATED": 1])  // outside everything
    #expect(w["z5"] == ["UNALLOCATED": 1])  // in the hole
    #expect(w["z6"] == ["B": 0.5, "C": 0.5])
    #expect(w["z7"] == ["B": 1])  // covered basis: the half outside is not counted
    #expect(report.losses.first?.codes.map(\.code).sorted() == ["z4", "z5"])
    // Invariant: every zone's weights sum to 1.
    for (_, byFootprint) in w { #expect(abs(byFootprint.values.reduce(0, +) - 1) < 1e-12) }
  }

  @Test func areaZoneBasisKeepsTheUncoveredPart() throws {
    let crosswalk = recorded(try SpatialCrosswalk.area(
      zones: zones, footprints: footprints, basis: .zone, minWeight: nil, workers: 2), in: RunReport(command: "t"))
    #expect(crosswalk.weightsByZone()["z7"] == ["B": 0.5, "UNALLOCATED": 0.5])
    #expect(crosswalk.weightsByZone()["z3"] == ["A": 0.25, "B": 0.25, "C": 0.5])
  }

  @Test func minWeightDropsSliversAndRenormalises() throws {
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.area(zones: zones, footprints: footprints, basis: .covered, minWeight: 0.3, workers: 1), in: report)
    #expect(crosswalk.weightsByZone()["z3"] == ["C": 1])
    #expect(crosswalk.weightsByZone()["z2"] == ["A": 0.5, "B": 0.5])
    #expect(report.notes.contains { $0.contains("dropped 2 sliver links") })
  }

  @Test func overlappingFootprintsAreReported() throws {
    let overlapping = Self.layer([("A", [(0, 0, 100, 100)], []), ("D", [(0, 0, 50, 50)], [])])
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.area(
      zones: Self.layer([("z1", [(10, 10, 30, 30)], [])]), footprints: overlapping, basis: .covered, minWeight: nil, workers: 1), in: report)
    #expect(crosswalk.weightsByZone()["z1"] == ["A": 0.5, "D": 0.5])
    #expect(report.warnings.contains { $0.contains("footprints overlap each other: 1 zones") })
  }

  @Test func populationIsConservedThroughAnAreaCrosswalk() throws {
    let crosswalk = recorded(try SpatialCrosswalk.area(
      zones: zones, footprints: footprints, basis: .zone, minWeight: nil, workers: 2), in: RunReport(command: "t"))
    let pop = ZonePopulation(values: (0..<crosswalk.zones.count).map { Double($0 + 1) * 1000 }, present: Array(repeating: true, count: crosswalk.zones.count))
    let result = ResidentPopulation(population: pop, crosswalk: crosswalk)
    #expect(abs(result.byFootprint.reduce(0, +) - pop.values.reduce(0, +)) < 1e-6)
  }

  /// A bow tie (a self-intersecting ring) as a one-zone layer.
  static func bowTie(_ id: String, _ corners: [(Double, Double)]) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (x, y) in corners + [corners[0]] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: id)
    return layer
  }

  @Test func invalidZonesAreRepairedAndCounted() throws {
    // Across the A|B edge at x = 100: repaired into two triangles, (90,10)–(100,20)–(90,30) in
    // A and its mirror image in B, 100 m² each.
    let straddling = Self.bowTie("bow", [(90, 10), (110, 30), (110, 10), (90, 30)])
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.area(zones: straddling, footprints: footprints, basis: .zone, minWeight: nil, workers: 1), in: report)
    #expect(crosswalk.weightsByZone()["bow"] == ["A": 0.5, "B": 0.5])
    #expect(report.notes.contains { $0.hasPrefix("1 zones had invalid geometry, repaired with GEOS MakeValid") && $0.hasSuffix(": bow") })
  }

  @Test func zonesInsideOneFootprintByTheirBoxNeedNoRepair() throws {
    // Wholly inside A, box and all: weight 1 whatever its shape, so it is neither measured
    // nor repaired (any repair would leave it in A).
    let inside = Self.bowTie("bow", [(10, 10), (30, 30), (30, 10), (10, 30)])
    let report = RunReport(command: "t")
    let crosswalk = recorded(try SpatialCrosswalk.area(zones: inside, footprints: footprints, basis: .zone, minWeight: nil, workers: 1), in: report)
    #expect(crosswalk.weightsByZone()["bow"] == ["A": 1])
    #expect(!report.notes.contains { $0.contains("invalid geometry") })
    #expect(report.figures.contains { $0.name.hasPrefix("zones placed wholly in one footprint by their box") && $0.value == 1 })
  }

  /// The same zones, footprints and weights (to 10⁻¹²) in both crosswalks.
  func expectSameWeights(_ a: Crosswalk, _ b: Crosswalk, sourceLocation: SourceLocation = #_sourceLocation) {
    let x = a.weightsByZone(), y = b.weightsByZone()
    #expect(x.keys.sorted() == y.keys.sorted(), sourceLocation: sourceLocation)
    for (zone, weights) in y {
      #expect(x[zone]?.keys.sorted() == weights.keys.sorted(), sourceLocation: sourceLocation)
      for (footprint, w) in weights { #expect(abs((x[zone]?[footprint] ?? .nan) - w) < 1e-12, sourceLocation: sourceLocation) }
    }
  }

  /// Zones held in kilometres and brought to metres by `projectZones`, as the command does
  /// with PROJ: the same weights as zones given in metres, whether placed by their box or
  /// measured.
  @Test func zonesInAnotherCRSGiveTheSameWeights() throws {
    var kilometres = zones
    kilometres.xs = zones.xs.map { $0 / 1000 }
    kilometres.ys = zones.ys.map { $0 / 1000 }
    let report = RunReport(command: "t")
    let lazily = recorded(try SpatialCrosswalk.area(
      zones: kilometres, projectZones: { xs, ys in
        for i in xs.indices {
          xs[i] *= 1000
          ys[i] *= 1000
        }
        return RunAccount()
      }, footprints: footprints, basis: .zone, minWeight: nil, workers: 2), in: report)
    let direct = recorded(try SpatialCrosswalk.area(zones: zones, footprints: footprints, basis: .zone, minWeight: nil, workers: 2), in: RunReport(command: "t"))
    expectSameWeights(lazily, direct)
    // Only z1 lies in one footprint, box and all (z5's box meets C, which does not cover it).
    #expect(report.figures.contains { $0.name.hasPrefix("zones placed wholly in one footprint by their box") && $0.value == 1 })
  }

  /// A, B and C as a true coverage: C's lower edge has a vertex at (100,100) where A and B
  /// meet, so every edge is shared vertex for vertex (the drawn layer, without it, is not one).
  var tiled: PolygonLayer {
    var layer = Self.layer([("A", [(0, 0, 100, 100)], []), ("B", [(100, 0, 200, 100)], [])])
    for (x, y) in [(0.0, 100.0), (100, 100), (200, 100), (200, 200), (0, 200)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    for (x, y) in [(40.0, 140.0), (40, 160), (60, 160), (60, 140)] { layer.addPoint(x: x, y: y) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: "C")
    return layer
  }

  @Test func footprintsThatTileFormACoverage() throws {
    let context = GEOSContext()
    func geometries(_ layer: PolygonLayer) throws -> [Geometry] {
      try (0..<layer.count).map { try #require(try Geometry.polygonal(feature: $0, of: layer, in: context)) }
    }
    #expect(FootprintCoverage.prepared(of: try geometries(tiled), in: context) != nil)
    // Edges not shared vertex for vertex, or footprints overlapping: no coverage, and every
    // piece is measured.
    #expect(FootprintCoverage.prepared(of: try geometries(footprints), in: context) == nil)
    let overlapping = Self.layer([("A", [(0, 0, 100, 100)], []), ("D", [(50, 0, 150, 100)], [])])
    #expect(FootprintCoverage.prepared(of: try geometries(overlapping), in: context) == nil)
  }

  /// The hand-worked weights again over the coverage, where the last piece of each straddling
  /// zone is what the others leave (z3: 1,600 − 400 − 400 = 800 m² in C).
  @Test func piecesLeftOverInACoverageMatchTheHandWorkedWeights() throws {
    for basis in AreaBasis.allCases {
      let viaCoverage = recorded(try SpatialCrosswalk.area(zones: zones, footprints: tiled, basis: basis, minWeight: nil, workers: 2), in: RunReport(command: "t"))
      let measured = recorded(try SpatialCrosswalk.area(zones: zones, footprints: footprints, basis: basis, minWeight: nil, workers: 2), in: RunReport(command: "t"))
      #expect(viaCoverage.weightsByZone()["z3"] == ["A": 0.25, "B": 0.25, "C": 0.5])
      expectSameWeights(viaCoverage, measured)
    }
  }

  @Test func zonesWithoutGeometryAreCountedNotLost() throws {
    var layer = zones
    layer.endFeature(id: "empty")  // a feature with no polygon (a null geometry in its file)
    let bestFitReport = RunReport(command: "t"), areaReport = RunReport(command: "t")
    let bestFit = recorded(try SpatialCrosswalk.bestFit(zones: layer, centroids: centroids, footprints: footprints, snapDistance: 1000, workers: 2), in: bestFitReport)
    let area = recorded(try SpatialCrosswalk.area(zones: layer, footprints: footprints, basis: .covered, minWeight: nil, workers: 2), in: areaReport)
    #expect(bestFit.weightsByZone()["empty"] == ["UNALLOCATED": 1])
    #expect(area.weightsByZone()["empty"] == ["UNALLOCATED": 1])
    #expect(bestFitReport.losses.contains { $0.reason == "zones with neither a geometry nor a centroid" && $0.codes.map(\.code) == ["empty"] })
    #expect(areaReport.losses.contains { $0.reason == "zones with no geometry or no area" && $0.codes.map(\.code) == ["empty"] })
  }
}
