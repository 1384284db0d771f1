/// Region ids for a grouping of zones.
///
/// A region is named after the unit located in it that receives the most flow from the region's own
/// residents (ties: the unit code first in byte order); a region holding no unit (or whose units receive
/// nothing from its residents and hold no tie-breaker) takes the code of its first zone in byte order.
/// Should two regions end up with the same name (a zone code equal to a unit code), the later in byte
/// order of their first zone gets `~2`, `~3`, … appended, so ids stay unique.
enum RegionNaming {
  /// `label[z]` in 0..<count for every zone → ``Regions`` with ids in byte order.
  static func regions(_ graph: ZoneGraph, label: [Int32], count: Int, notes: RegionNotes = RegionNotes()) -> Regions {
    var bestUnit = [Int32](repeating: -1, count: count)
    var bestFlow = [Double](repeating: -1, count: count)
    // Flow from the region's residents to each unit located in the region.
    var unitFlow = [Double](repeating: 0, count: graph.units.count)
    for z in 0..<graph.zoneCount {
      let r = label[z]
      for k in Int(graph.unitFlowStart[z])..<Int(graph.unitFlowStart[z + 1]) {
        let u = Int(graph.unitFlowUnit[k])
        if label[Int(graph.unitZone[u])] == r { unitFlow[u] += graph.unitFlowValue[k] }
      }
    }
    for u in 0..<graph.units.count {
      let r = Int(label[Int(graph.unitZone[u])])
      let f = unitFlow[u]
      if bestUnit[r] < 0 || f > bestFlow[r]
        || (f == bestFlow[r] && graph.units[u].bytePrecedes(graph.units[Int(bestUnit[r])]))
      {
        bestUnit[r] = Int32(u)
        bestFlow[r] = f
      }
    }
    var firstZone = [Int32](repeating: -1, count: count)
    for z in 0..<graph.zoneCount {
      let r = Int(label[z])
      if firstZone[r] < 0 || graph.zoneIDs[z].bytePrecedes(graph.zoneIDs[Int(firstZone[r])]) { firstZone[r] = Int32(z) }
    }
    var names = (0..<count).map { r in
      bestUnit[r] >= 0 ? graph.units[Int(bestUnit[r])] : graph.zoneIDs[Int(firstZone[r])]
    }
    let byFirst = (0..<count).filter { firstZone[$0] >= 0 }.sorted {
      graph.zoneIDs[Int(firstZone[$0])].bytePrecedes(graph.zoneIDs[Int(firstZone[$1])])
    }
    var used = Set<String>()
    for r in byFirst {
      var name = names[r]
      var n = 2
      while used.contains(name) {
        name = names[r] + "~\(n)"
        n += 1
      }
      used.insert(name)
      names[r] = name
    }
    let order = byFirst.sorted { names[$0].bytePrecedes(names[$1]) }
    var newLabel = [Int32](repeating: -1, count: count)
    for (i, r) in order.enumerated() { newLabel[r] = Int32(i) }
    return Regions(ids: order.map { names[$0] }, regionOfZone: label.map { newLabel[Int($0)] }, notes: notes)
  }
}
