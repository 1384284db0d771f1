import Testing

@testable import CatchmentRegions

@Suite struct ZoneGraphTests {
  @Test func flowsBecomeZoneToZoneRows() throws {
    let graph = try ZoneGraph(
      zoneIDs: ["A", "B", "C"], population: [10, 20, 30],
      links: [ZoneLink(a: 0, b: 1, sharedMetres: 5, kind: .edge), ZoneLink(a: 2, b: 1, sharedMetres: 0, kind: .corner)],
      units: ["U", "V"], unitZone: [0, 2],
      flows: [
        ZoneUnitFlow(zone: 1, unit: 1, flow: 3), ZoneUnitFlow(zone: 1, unit: 0, flow: 2),
        ZoneUnitFlow(zone: 0, unit: 0, flow: 4), ZoneUnitFlow(zone: 1, unit: 0, flow: 1),
      ])
    #expect(graph.residentFlow == [4, 6, 0])
    #expect(graph.inflow == [7, 0, 3])
    #expect(graph.selfFlow == [4, 0, 0])
    #expect(graph.totalFlow == 10)
    #expect(Array(graph.outZone[Int(graph.outStart[1])..<Int(graph.outStart[2])]) == [0, 2])
    #expect(Array(graph.outFlow[Int(graph.outStart[1])..<Int(graph.outStart[2])]) == [3, 3])
    #expect(graph.adjStart == [0, 1, 3, 4])
    #expect(graph.adjZone == [1, 0, 2, 1])
    #expect(graph.adjKind == [.edge, .edge, .corner, .corner])
  }
}
