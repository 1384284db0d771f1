/// The graph of blocks (e.g. upper-tier councils) made from a zone graph, so that regions drawn on it
/// are unions of whole blocks.
///
/// A block's population, flows and units are those of its zones; two blocks are adjacent when any of
/// their zones are, sharing the sum of those zones' shared lengths, with the strongest kind among them
/// (edge, then link, then corner). Blocks holding no zone are left out. A block whose zones are not in
/// one piece under the contiguity is still one node (its ids are listed in ``blocksInPieces``): regions
/// are then contiguous on the block graph, not necessarily on the zones.
struct BlockGraph {
  let graph: ZoneGraph
  /// For each zone, its block's index in `graph` (blocks holding zones only, in byte order).
  let blockOfZone: [Int32]
  let blocksInPieces: [String]

  init(_ zones: ZoneGraph, _ blocks: ZoneBlocks, contiguity: Contiguity) throws(RegionError) {
    var used = [Bool](repeating: false, count: blocks.ids.count)
    for b in blocks.blockOfZone { used[Int(b)] = true }
    let kept = (0..<blocks.ids.count).filter { used[$0] }.sorted { blocks.ids[$0].bytePrecedes(blocks.ids[$1]) }
    var position = [Int32](repeating: -1, count: blocks.ids.count)
    for (i, b) in kept.enumerated() { position[b] = Int32(i) }
    let blockOfZone = blocks.blockOfZone.map { position[Int($0)] }
    let m = kept.count
    var population = [Double](repeating: 0, count: m)
    for z in 0..<zones.zoneCount { population[Int(blockOfZone[z])] += zones.population[z] }
    var pairs: [Int64: (shared: Double, kind: ZoneLinkKind)] = [:]
    for z in 0..<zones.zoneCount {
      let a = blockOfZone[z]
      for k in Int(zones.adjStart[z])..<Int(zones.adjStart[z + 1]) {
        let b = blockOfZone[Int(zones.adjZone[k])]
        // Each zone pair once (from its lower zone), each block pair keyed low → high.
        guard Int(zones.adjZone[k]) > z, a != b else { continue }
        let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
        let kind = zones.adjKind[k]
        if let old = pairs[key] {
          pairs[key] = (old.shared + zones.adjShared[k], Self.stronger(old.kind, kind))
        } else {
          pairs[key] = (zones.adjShared[k], kind)
        }
      }
    }
    let links = pairs.keys.sorted().map { key in
      ZoneLink(a: Int32(key >> 32), b: Int32(key & 0xFFFF_FFFF), sharedMetres: pairs[key]!.shared, kind: pairs[key]!.kind)
    }
    var flows: [ZoneUnitFlow] = []
    flows.reserveCapacity(zones.unitFlowUnit.count)
    for z in 0..<zones.zoneCount {
      for k in Int(zones.unitFlowStart[z])..<Int(zones.unitFlowStart[z + 1]) {
        flows.append(ZoneUnitFlow(zone: blockOfZone[z], unit: zones.unitFlowUnit[k], flow: zones.unitFlowValue[k]))
      }
    }
    graph = try ZoneGraph(
      zoneIDs: kept.map { blocks.ids[$0] }, population: population, links: links, units: zones.units,
      unitZone: zones.unitZone.map { blockOfZone[Int($0)] }, flows: flows)
    self.blockOfZone = blockOfZone
    let parts = Neighbours(zones, contiguity).partsPerRegion(blockOfZone, regions: m)
    blocksInPieces = (0..<m).filter { parts[$0] > 1 }.map { blocks.ids[kept[$0]] }
  }

  private static func stronger(_ a: ZoneLinkKind, _ b: ZoneLinkKind) -> ZoneLinkKind {
    if a == .edge || b == .edge { return .edge }
    if a == .link || b == .link { return .link }
    return .corner
  }
}
