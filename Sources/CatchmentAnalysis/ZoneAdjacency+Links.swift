/// Components of the zone graph and the links that join them.
extension ZoneAdjacency {
  /// Connected components of `pairs` over `zones` zones: zone indices in order, the largest
  /// first (ties: the smaller first zone).
  static func components(zones: Int, pairs: [Pair]) -> [[Int32]] {
    var sets = DisjointSets(zones)
    for pair in pairs { sets.union(Int(pair.a), Int(pair.b)) }
    var members: [Int: [Int32]] = [:]
    var order: [Int] = []
    for z in 0..<zones {
      let root = sets.find(z)
      if members[root] == nil { order.append(root) }
      members[root, default: []].append(Int32(z))
    }
    // `order` is by first zone; a stable sort by size keeps it among equals.
    return order.map { members[$0]! }.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
  }

  /// Links joining `components` into one: in rounds, every group of components but the largest
  /// finds the nearest pair (its zone, a zone of another group), the pairs are taken shortest
  /// first (ties: zone order) when they still join two groups, until one group is left
  /// (Borůvka's rounds of Kruskal's rule: the links form a minimum spanning forest of the gaps).
  /// Zones without geometry stay apart.
  static func link(_ grid: SegmentGrid, components: [[Int32]], hasGeometry: [Bool]) -> [Pair] {
    var sets = DisjointSets(hasGeometry.count)
    for component in components { for z in component.dropFirst() { sets.union(Int(component[0]), Int(z)) } }
    var links: [Pair] = []
    while true {
      // Groups with geometry, by root, with their zone counts; the largest (ties: smaller root) stays.
      var size: [Int: Int] = [:]
      for z in 0..<hasGeometry.count where hasGeometry[z] { size[sets.find(z), default: 0] += 1 }
      guard size.count > 1 else { break }
      let largest = size.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
      var group = [Int](repeating: -1, count: hasGeometry.count)
      for z in 0..<hasGeometry.count where hasGeometry[z] { group[z] = sets.find(z) }
      var candidates: [Pair] = []
      for root in size.keys.sorted() where root != largest {
        if let nearest = GapSearch(grid: grid, group: group, root: root).nearest() { candidates.append(nearest) }
      }
      candidates.sort { ($0.gapMetres, $0.a, $0.b) < ($1.gapMetres, $1.a, $1.b) }
      for pair in candidates where sets.find(Int(pair.a)) != sets.find(Int(pair.b)) {
        sets.union(Int(pair.a), Int(pair.b))
        links.append(pair)
      }
    }
    return links
  }
}

/// Union–find over `0..<n` with path halving and union by size.
struct DisjointSets {
  private var parent: [Int32]
  private var size: [Int32]

  init(_ n: Int) {
    parent = (0..<n).map(Int32.init)
    size = [Int32](repeating: 1, count: n)
  }

  mutating func find(_ x: Int) -> Int {
    var x = x
    while Int(parent[x]) != x {
      parent[x] = parent[Int(parent[x])]
      x = Int(parent[x])
    }
    return x
  }

  mutating func union(_ x: Int, _ y: Int) {
    var a = find(x), b = find(y)
    guard a != b else { return }
    if size[a] < size[b] || (size[a] == size[b] && b < a) { swap(&a, &b) }
    parent[b] = Int32(a)
    size[a] += size[b]
  }
}
