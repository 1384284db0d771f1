extension String {
  /// Byte order of the UTF-8 encodings (the order every output of the project sorts by).
  @inline(__always) func bytePrecedes(_ other: String) -> Bool {
    utf8.lexicographicallyPrecedes(other.utf8)
  }
}

extension ZoneGraph {
  /// The same graph with zones and units in byte order of their codes, so that every tie broken by index
  /// is broken by code, and `order[i]` = the original index of canonical zone i. Returns nil when the
  /// graph is already in that order.
  func canonical() throws(RegionError) -> (graph: ZoneGraph, order: [Int32])? {
    let zoneSorted = zip(zoneIDs, zoneIDs.dropFirst()).allSatisfy { $0.bytePrecedes($1) }
    let unitSorted = zip(units, units.dropFirst()).allSatisfy { $0.bytePrecedes($1) }
    if zoneSorted && unitSorted { return nil }
    let order = (0..<zoneCount).sorted { zoneIDs[$0].bytePrecedes(zoneIDs[$1]) }
    var position = [Int32](repeating: 0, count: zoneCount)
    for (i, z) in order.enumerated() { position[z] = Int32(i) }
    let unitOrder = (0..<units.count).sorted { units[$0].bytePrecedes(units[$1]) }
    var unitPosition = [Int32](repeating: 0, count: units.count)
    for (i, u) in unitOrder.enumerated() { unitPosition[u] = Int32(i) }
    var links: [ZoneLink] = []
    for z in 0..<zoneCount {
      for k in Int(adjStart[z])..<Int(adjStart[z + 1]) where Int(adjZone[k]) > z {
        links.append(ZoneLink(a: position[z], b: position[Int(adjZone[k])], sharedMetres: adjShared[k], kind: adjKind[k]))
      }
    }
    var flows: [ZoneUnitFlow] = []
    flows.reserveCapacity(unitFlowUnit.count)
    for z in 0..<zoneCount {
      for k in Int(unitFlowStart[z])..<Int(unitFlowStart[z + 1]) {
        flows.append(ZoneUnitFlow(zone: position[z], unit: unitPosition[Int(unitFlowUnit[k])], flow: unitFlowValue[k]))
      }
    }
    // The values were checked when self was built: the rebuild's checks pass again.
    let graph = try ZoneGraph(
      zoneIDs: order.map { zoneIDs[$0] }, population: order.map { population[$0] }, links: links,
      units: unitOrder.map { units[$0] }, unitZone: unitOrder.map { position[Int(unitZone[$0])] }, flows: flows,
      zoneArea: zoneArea.map { a in order.map { a[$0] } }, zonePerimeter: zonePerimeter.map { p in order.map { p[$0] } })
    return (graph, order.map { Int32($0) })
  }
}
