import CatchmentCore
import CatchmentGeometry
import CatchmentTables
import CatchmentTestSupport
import Testing

@testable import CatchmentAnalysis

/// Overlaps by hand. Zones z1..z4 with 100, 200, 300, 400 people.
///
///     A: z1 → a1, z2 → a1, z3 → a2, z4 → a2 ½ + a1 ½ (split)
///     B: z1 → b1, z2 → b2, z3 → b2, z4 → b2           (whole)
///
/// M[a1][b1] = 100, M[a1][b2] = 200 + 200 = 400, M[a2][b2] = 300 + 200 = 500.
/// P(a1) = 500, P(a2) = 500, P(b1) = 100, P(b2) = 900.
@Suite struct FootprintOverlapTests {
  func crosswalk(_ links: [(String, String?, Double)]) throws -> Crosswalk {
    var builder = CrosswalkBuilder()
    for (z, f, w) in links { builder.add(zone: z, footprint: f, weight: w) }
    return try builder.build(method: "test")
  }
  var a: Crosswalk { get throws { try crosswalk([("z1", "a1", 1), ("z2", "a1", 1), ("z3", "a2", 1), ("z4", "a2", 0.5), ("z4", "a1", 0.5)]) } }
  var b: Crosswalk { get throws { try crosswalk([("z1", "b1", 1), ("z2", "b2", 1), ("z3", "b2", 1), ("z4", "b2", 1)]) } }
  func population(_ over: Crosswalk) throws -> ZonePopulation {
    try ZonePopulation.read(
      path: try temporaryFile("zone,pop\nz1,100\nz2,200\nz3,300\nz4,400\n"), columns: PopulationColumns(id: "zone", value: "pop"), crosswalk: over).population
  }

  @Test func handWorked() throws {
    let overlap = try FootprintOverlap(a: try a, b: try b, population: try population(try a))
    // Ratios to 10 significant digits: 400/900 = 0.444…, 500/900 = 0.555….
    #expect(
      overlap.csv().text == """
        a_id,b_id,population,cov_a_to_b,cov_b_to_a,jaccard
        a1,b1,100,0.2,1,0.2
        a1,b2,400,0.8,0.4444444444,0.4
        a2,b2,500,1,0.5555555556,0.5555555556

        """)
    #expect(overlap.matrixCSV().text == "a_id,b1,b2,total\na1,100,400,500\na2,0,500,500\ntotal,100,900,1000\n")
    // a1: best b2 (0.8), two b at ≥ 1%; a2 lies wholly in b2 but b2 is not wholly a2.
    #expect(
      overlap.summaryCSV(minCoverage: 0.01, coterminous: 0.95).text
        == "a_id,population,best_b_id,cov_a_to_b,cov_b_to_a,b_over_min_coverage,coterminous\na1,500,b2,0.8,0.4444444444,2,false\na2,500,b2,1,0.5555555556,1,false\n")
    let derived = try overlap.crosswalk().crosswalk.weightsByZone()
    #expect(derived == ["a1": ["b1": 0.2, "b2": 0.8], "a2": ["b2": 1]])
  }

  /// Totals are summed exactly, then rounded: three cells of 0.004 people are each written 0,
  /// their total 0.012 is written 0.01 (and 0.004 + 0.004 + 0.004 exactly with --full-precision).
  @Test func totalsAreSummedBeforeRounding() throws {
    let a = try crosswalk([("z1", "a1", 1), ("z2", "a2", 1), ("z3", "a3", 1)])
    let b = try crosswalk([("z1", "b1", 1), ("z2", "b1", 1), ("z3", "b1", 1)])
    let population = try ZonePopulation.read(
      path: try temporaryFile("zone,pop\nz1,0.004\nz2,0.004\nz3,0.004\n"), columns: PopulationColumns(id: "zone", value: "pop"), crosswalk: a).population
    let overlap = try FootprintOverlap(a: a, b: b, population: population)
    #expect(overlap.matrixCSV().text == "a_id,b1,total\na1,0,0\na2,0,0\na3,0,0\ntotal,0.01,0.01\n")
    #expect(overlap.matrixCSV(numbers: .full).text == "a_id,b1,total\na1,0.004,0.004\na2,0.004,0.004\na3,0.004,0.004\ntotal,0.012,0.012\n")
  }

  /// A layer with a gap (z1 in no footprint of A: UNALLOCATED) and one whose footprints overlap
  /// (z4 weighted ½ to each of two footprints of B that both cover it): the gap is kept as its own
  /// row, UNALLOCATED last, and every person is still counted once.
  @Test func gapsAreKeptAsUnallocated() throws {
    let gappy = try crosswalk([("z1", nil, 0), ("z2", "a1", 1), ("z3", "a2", 1), ("z4", "a2", 1)])
    let overlapping = try crosswalk([("z1", "b1", 1), ("z2", "b1", 1), ("z3", "b2", 1), ("z4", "b1", 0.5), ("z4", "b2", 0.5)])
    let overlap = try FootprintOverlap(a: gappy, b: overlapping, population: try population(gappy))
    #expect(overlap.aIDs == ["a1", "a2", "UNALLOCATED"])
    #expect(overlap.matrixCSV().text == "a_id,b1,b2,total\na1,200,0,200\na2,200,500,700\nUNALLOCATED,100,0,100\ntotal,500,500,1000\n")
  }

  /// Swapping A and B transposes M.
  @Test func symmetry() throws {
    let ab = try FootprintOverlap(a: try a, b: try b, population: try population(try a))
    let ba = try FootprintOverlap(a: try b, b: try a, population: try population(try b))
    for i in ab.aIDs.indices {
      for j in ab.bIDs.indices { #expect(ab.population(i, j) == ba.population(j, i)) }
    }
  }

  /// z4 split by both: refused, named, unless its pieces are given.
  @Test func twoFractionalWeightsAreRefused() throws {
    let split = try crosswalk([("z1", "b1", 1), ("z2", "b2", 1), ("z3", "b2", 1), ("z4", "b1", 0.25), ("z4", "b2", 0.75)])
    #expect(throws: FootprintOverlap.Refusal.self) {
      _ = try FootprintOverlap(a: try a, b: split, population: try population(try a))
    }
    do {
      _ = try FootprintOverlap(a: try a, b: split, population: try population(try a))
    } catch let refusal as FootprintOverlap.Refusal {
      #expect(refusal.zones == ["z4"])
    }
    // Pieces from geometry: z4 is a1∩b1 ¼, a2∩b2 ¾ (not the product of the weights).
    let overlap = try FootprintOverlap(
      a: try a, b: split, population: try population(try a), splits: ["z4": [("a1", "b1", 0.25), ("a2", "b2", 0.75)]])
    #expect(overlap.matrixCSV().text == "a_id,b1,b2,total\na1,200,200,400\na2,0,600,600\ntotal,200,800,1000\n")
  }

  /// A square zone (0,0)–(100,100) against A = left half / right half and B = bottom quarter /
  /// the rest: pieces a1∩b1 = 50×25, a1∩b2 = 50×75, a2∩b1 = 50×25, a2∩b2 = 50×75 → ⅛, ⅜, ⅛, ⅜.
  @Test func piecesByArea() throws {
    func layer(_ boxes: [(String, Double, Double, Double, Double)]) -> PolygonLayer {
      var layer = PolygonLayer(crs: .epsg(27700))
      for (id, x0, y0, x1, y1) in boxes {
        for (x, y) in [(x0, y0), (x1, y0), (x1, y1), (x0, y1)] { layer.addPoint(x: x, y: y) }
        layer.endRing()
        layer.endPolygon()
        layer.endFeature(id: id)
      }
      return layer
    }
    let shares = try PieceSplit.shares(
      zoneIDs: ["z", "missing"], zones: layer([("z", 0, 0, 100, 100)]), a: layer([("a1", -10, -10, 50, 110), ("a2", 50, -10, 110, 110)]),
      b: layer([("b1", -10, -10, 110, 25), ("b2", -10, 25, 110, 110)]))
    #expect(shares.keys.sorted() == ["z"])
    let byPair = Dictionary(uniqueKeysWithValues: shares["z"]!.map { ("\($0.a)\($0.b)", $0.share) })
    #expect(byPair == ["a1b1": 0.125, "a1b2": 0.375, "a2b1": 0.125, "a2b2": 0.375])
  }
}
