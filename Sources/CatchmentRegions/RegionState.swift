/// A grouping of zones under change, with each region's population, residents' flow, inflow and
/// internal flow kept up to date as zones move (labels 0..<count; a label may become empty).
struct RegionState {
  let graph: ZoneGraph
  var label: [Int32]
  var population: [Double]
  var resident: [Double]
  var inflow: [Double]
  var internalFlow: [Double]
  var size: [Int32]
  /// Zones holding units that receive flow, per region: a region's last one never leaves it, so that
  /// no region is left serving nobody.
  var anchors: [Int32]

  init(_ graph: ZoneGraph, label: [Int32], count: Int) {
    self.graph = graph
    self.label = label
    population = [Double](repeating: 0, count: count)
    resident = population
    inflow = population
    internalFlow = population
    size = [Int32](repeating: 0, count: count)
    anchors = size
    for z in 0..<graph.zoneCount {
      let r = Int(label[z])
      population[r] += graph.population[z]
      resident[r] += graph.residentFlow[z]
      inflow[r] += graph.inflow[z]
      size[r] += 1
      if graph.inflow[z] > 0 { anchors[r] += 1 }
      for k in Int(graph.outStart[z])..<Int(graph.outStart[z + 1]) where label[Int(graph.outZone[k])] == r {
        internalFlow[r] += graph.outFlow[k]
      }
    }
  }

  var count: Int { population.count }

  /// Flow between zone z and the other zones of region r, both ways (z's own flow excluded).
  func exchange(_ z: Int, _ r: Int32) -> Double {
    var f = 0.0
    for k in Int(graph.outStart[z])..<Int(graph.outStart[z + 1]) {
      let w = Int(graph.outZone[k])
      if w != z, label[w] == r { f += graph.outFlow[k] }
    }
    for k in Int(graph.inStart[z])..<Int(graph.inStart[z + 1]) {
      let w = Int(graph.inZone[k])
      if w != z, label[w] == r { f += graph.inFlow[k] }
    }
    return f
  }

  /// Adds the flow between z and every other zone to `acc[label]` (both ways, z's own flow excluded),
  /// recording each label touched once in `touched`.
  func exchanges(_ z: Int, into acc: inout [Double], touched: inout [Int32]) {
    for k in Int(graph.outStart[z])..<Int(graph.outStart[z + 1]) {
      let w = Int(graph.outZone[k])
      if w == z { continue }
      let r = Int(label[w])
      if acc[r] == 0 { touched.append(Int32(r)) }
      acc[r] += graph.outFlow[k]
    }
    for k in Int(graph.inStart[z])..<Int(graph.inStart[z + 1]) {
      let w = Int(graph.inZone[k])
      if w == z { continue }
      let r = Int(label[w])
      if acc[r] == 0 { touched.append(Int32(r)) }
      acc[r] += graph.inFlow[k]
    }
  }

  /// Whether z may leave its region: it is not the region's last zone, nor its last anchor.
  func mayLeave(_ z: Int) -> Bool {
    let a = Int(label[z])
    return size[a] > 1 && (graph.inflow[z] == 0 || anchors[a] > 1)
  }

  /// Moves zone z to region b, keeping the measures.
  mutating func move(_ z: Int, to b: Int32) {
    let a = label[z]
    if a == b { return }
    let fromA = exchange(z, a)
    let toB = exchange(z, b)
    let own = graph.selfFlow[z]
    internalFlow[Int(a)] -= fromA + own
    internalFlow[Int(b)] += toB + own
    population[Int(a)] -= graph.population[z]
    population[Int(b)] += graph.population[z]
    resident[Int(a)] -= graph.residentFlow[z]
    resident[Int(b)] += graph.residentFlow[z]
    inflow[Int(a)] -= graph.inflow[z]
    inflow[Int(b)] += graph.inflow[z]
    size[Int(a)] -= 1
    size[Int(b)] += 1
    if graph.inflow[z] > 0 {
      anchors[Int(a)] -= 1
      anchors[Int(b)] += 1
    }
    label[z] = b
  }

  /// Labels of the non-empty regions renumbered 0..<m in order of their first zone.
  func compacted() -> (label: [Int32], count: Int) {
    var map = [Int32](repeating: -1, count: count)
    var next: Int32 = 0
    var out = label
    for z in 0..<label.count {
      let r = Int(label[z])
      if map[r] < 0 {
        map[r] = next
        next += 1
      }
      out[z] = map[r]
    }
    return (out, Int(next))
  }
}
