import Testing

@testable import CatchmentRegions

/// Plurality against a direct computation, the summary's measures by hand, the TTWA validity by hand,
/// and an existing layer evaluated.
@Suite struct PluralityAndSummaryTests {
  /// Each zone's plurality seed computed directly from the raw flows (the seed zone receiving the most,
  /// ties to the lower zone code); on a noisy grid whose plurality areas happen to be in one piece this is
  /// the whole method.
  @Test func pluralityEqualsADirectComputation() throws {
    let grid = GridFixture(rows: 4, columns: 5, unitCells: [0, 9, 12, 19], noise: 8)
    let graph = try grid.graph()
    let regions = try Regionalisation.regions(graph, RegionSettings(method: .plurality))
    let summary = RegionSummary(graph, regions)
    try #require(summary.inPieces.isEmpty)
    #expect(regions.notes.piecesJoined == 0)
    var received = [[Double]](repeating: [Double](repeating: 0, count: 20), count: 20)
    for f in grid.flows { received[Int(f.zone)][grid.unitCells[Int(f.unit)]] += f.flow }
    for z in 0..<20 {
      let seed = grid.unitCells.contains(z)
        ? z : grid.unitCells.sorted().max { received[z][$0] < received[z][$1] || (received[z][$0] == received[z][$1] && $0 > $1) }!
      let unit = grid.units[grid.unitCells.firstIndex(of: seed)!]
      #expect(regions.ids[Int(regions.regionOfZone[z])] == unit, "zone \(z)")
    }
  }

  /// A strip A B C D E (C also touches E, 50 m), units in A and E. D sends most to A but lies beyond C
  /// (E's): its piece of A's area joins E's region, the only neighbour (C–D 300 m, D–E 100 m). F, which
  /// sends nothing, joins A (its only neighbour). With a minimum of 25 people, E's region (C, D, E: 15),
  /// smaller than A's (A, B, F: 20), merges into it; the merged region is named after UA, which receives
  /// 12 of its residents' flow against UE's 11.
  @Test func detachedPiecesAndEmptyZonesJoinByBoundary() throws {
    let graph = try ZoneGraph(
      zoneIDs: ["A", "B", "C", "D", "E", "F"], population: [5, 5, 5, 5, 5, 10],
      links: [
        ZoneLink(a: 0, b: 1, sharedMetres: 100, kind: .edge), ZoneLink(a: 1, b: 2, sharedMetres: 100, kind: .edge),
        ZoneLink(a: 2, b: 3, sharedMetres: 300, kind: .edge), ZoneLink(a: 3, b: 4, sharedMetres: 100, kind: .edge),
        ZoneLink(a: 2, b: 4, sharedMetres: 50, kind: .edge), ZoneLink(a: 5, b: 0, sharedMetres: 0, kind: .link),
      ],
      units: ["UA", "UE"], unitZone: [0, 4],
      flows: [
        ZoneUnitFlow(zone: 0, unit: 0, flow: 5), ZoneUnitFlow(zone: 1, unit: 0, flow: 4),
        ZoneUnitFlow(zone: 1, unit: 1, flow: 1), ZoneUnitFlow(zone: 2, unit: 1, flow: 3),
        ZoneUnitFlow(zone: 3, unit: 0, flow: 3), ZoneUnitFlow(zone: 3, unit: 1, flow: 2),
        ZoneUnitFlow(zone: 4, unit: 1, flow: 5),
      ])
    let regions = try Regionalisation.regions(graph, RegionSettings(method: .plurality))
    #expect(regions.ids == ["UA", "UE"])
    #expect(regions.regionOfZone == [0, 0, 1, 1, 1, 0])
    #expect(regions.notes.piecesJoined == 1)
    #expect(regions.notes.zonesWithoutFlow == 1)
    let merged = try Regionalisation.regions(graph, RegionSettings(method: .plurality, minPopulation: 25))
    #expect(merged.ids == ["UA"])
    #expect(merged.notes.smallRegionsMerged == 1)
  }

  /// 2 × 2 grid of 1 km squares; regions {r0c0, r0c1} (unit U0 in r0c0) and {r1c0, r1c1} (U1 in r1c1).
  /// Flows: r0c0→U0 10, r0c1→U0 6, r0c1→U1 4, r1c0→U1 5, r1c0→U0 5, r1c1→U1 10.
  /// Region U0: residents' flow 20, internal 16, self-containment 0.8, inflow 21 → market share 16/21.
  /// Region U1: residents' flow 20, internal 15, 0.75, inflow 19 → 15/19. Overall 31/40.
  /// Area 2 km², perimeter 4 + 4 − 2·1 = 6 km, compactness 6 / (2·√(2π)).
  @Test func summaryMeasuresByHand() throws {
    let graph = try ZoneGraph(
      zoneIDs: ["r0c0", "r0c1", "r1c0", "r1c1"], population: [100, 200, 300, 400],
      links: GridFixture(rows: 2, columns: 2, unitCells: []).links, units: ["U0", "U1"], unitZone: [0, 3],
      flows: [
        ZoneUnitFlow(zone: 0, unit: 0, flow: 10), ZoneUnitFlow(zone: 1, unit: 0, flow: 6),
        ZoneUnitFlow(zone: 1, unit: 1, flow: 4), ZoneUnitFlow(zone: 2, unit: 1, flow: 5),
        ZoneUnitFlow(zone: 2, unit: 0, flow: 5), ZoneUnitFlow(zone: 3, unit: 1, flow: 10),
      ], zoneArea: [1e6, 1e6, 1e6, 1e6], zonePerimeter: [4000, 4000, 4000, 4000])
    let regions = Regionalisation.evaluate(graph, footprintOfZone: ["U0", "U0", "U1", "U1"])
    let summary = RegionSummary(graph, regions, minPopulation: 350, maxPopulation: 1_000)
    let u0 = summary.rows[0], u1 = summary.rows[1]
    #expect(u0.regionID == "U0" && u1.regionID == "U1")
    #expect(u0.population == 300 && u1.population == 700)
    #expect(u0.zones == 2 && u0.units == 1 && u0.parts == 1)
    #expect(u0.residentFlow == 20 && u0.internalFlow == 16 && u0.selfContainment == 0.8)
    #expect(u0.marketShare == 16.0 / 21)
    #expect(u1.internalFlow == 15 && u1.selfContainment == 0.75 && u1.marketShare == 15.0 / 19)
    #expect(u0.areaKm2 == 2 && u0.perimeterKm == 6)
    #expect(abs(u0.compactness! - 6 / (2 * (2 * Double.pi).squareRoot())) < 1e-12)
    #expect(summary.overallSelfContainment == 31.0 / 40)
    #expect(summary.minSelfContainment == 0.75)
    #expect(summary.populationRange == 300...700)
    #expect(summary.outOfBounds == ["U0"])
    // Regions in two pieces on rook (diagonal), one on queen.
    let diagonal = Regionalisation.evaluate(graph, footprintOfZone: ["X", "Y", "Y", "X"])
    #expect(RegionSummary(graph, diagonal).inPieces == ["X", "Y"])
    #expect(RegionSummary(graph, diagonal, contiguity: .queen).inPieces.isEmpty)
  }

  @Test func zonesOutsideTheLayerFormRegionEmpty() throws {
    let graph = try GridFixture(rows: 1, columns: 3, unitCells: [0]).graph()
    let regions = Regionalisation.evaluate(graph, footprintOfZone: ["E54", nil, "E54"])
    #expect(regions.ids == ["", "E54"])
    #expect(regions.regionOfZone == [1, 0, 1])
    #expect(regions.notes.zonesOutsideLayer == 1)
  }

  /// Validity by hand with the ONS parameters (0.75 at 3,500, 0.667 at 25,000): a region of 14,250
  /// (halfway) needs 0.7085; with self-containment 0.7085 it is exactly valid.
  @Test func ttwaValidityByHand() throws {
    let graph = try ZoneGraph(
      zoneIDs: ["a", "b"], population: [14_250, 1_750], links: [ZoneLink(a: 0, b: 1, sharedMetres: 1, kind: .edge)],
      units: ["u", "v"], unitZone: [0, 1],
      flows: [ZoneUnitFlow(zone: 0, unit: 0, flow: 70.85), ZoneUnitFlow(zone: 0, unit: 1, flow: 29.15),
              ZoneUnitFlow(zone: 1, unit: 1, flow: 10)])
    let state = RegionState(graph, label: [0, 1], count: 2)
    let p = TTWAParameters()
    // Region a: supply 70.85/100, demand 70.85/70.85 → 0.7085; required 0.75 − 0.083·0.5 = 0.7085.
    #expect(abs(TTWA.validity(state, 0, p) - 1) < 1e-12)
    // Region b: supply 1, demand 10/39.15; half the minimum size.
    #expect(abs(TTWA.validity(state, 1, p) - (10 / 39.15) / 0.75 * 0.5) < 1e-12)
  }
}
