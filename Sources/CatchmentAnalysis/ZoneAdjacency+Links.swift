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
        if let nearest = nearestOutside(root, group: group, grid: grid) { candidates.append(nearest) }
      }
      candidates.sort { ($0.gapMetres, $0.a, $0.b) < ($1.gapMetres, $1.a, $1.b) }
      for pair in candidates where sets.find(Int(pair.a)) != sets.find(Int(pair.b)) {
        sets.union(Int(pair.a), Int(pair.b))
        links.append(pair)
      }
    }
    return links
  }

  /// The nearest pair of a zone of group `root` and a zone of another group, as a link: for
  /// each segment of the group, rings of cells searched outwards until they lie farther than
  /// the nearest found.
  static func nearestOutside(_ root: Int, group: [Int], grid: SegmentGrid) -> Pair? {
    var best = Double.infinity, bestInside = Int32.max, bestOutside = Int32.max
    for s in 0..<grid.count where group[Int(grid.zone[s])] == root {
      let (ax, ay, bx, by) = grid.ends(s)
      let lowCell = grid.cell(x: min(ax, bx), y: min(ay, by)), highCell = grid.cell(x: max(ax, bx), y: max(ay, by))
      let c0 = lowCell % grid.columns, r0 = lowCell / grid.columns, c1 = highCell % grid.columns, r1 = highCell / grid.columns
      var ring = 0
      // Ring k lies at least (k − 1) cell sides from the segment.
      while Double(ring - 1) * grid.side <= best {
        let cl = c0 - ring, cr = c1 + ring, rl = r0 - ring, rh = r1 + ring
        if cl < 0 && rl < 0 && cr >= grid.columns && rh >= grid.rows { break }
        for r in max(0, rl)...min(grid.rows - 1, rh) {
          // Whole rows at the ring's top and bottom, only its two ends in between.
          let whole = r == rl || r == rh
          var c = max(0, cl)
          if !whole && cl < 0 { c = cr }
          while c <= min(grid.columns - 1, cr) {
            let cell = r * grid.columns + c
            for k in Int(grid.cellStart[cell])..<Int(grid.cellStart[cell + 1]) {
              let t = Int(grid.cellSegments[k])
              let outside = grid.zone[t]
              let other = group[Int(outside)]
              guard other != root, other >= 0 else { continue }
              let (cx, cy, dx, dy) = grid.ends(t)
              let d = SegmentContact.distance(ax, ay, bx, by, cx, cy, dx, dy)
              let inside = grid.zone[s]
              if d < best || (d == best && (inside, outside) < (bestInside, bestOutside)) {
                (best, bestInside, bestOutside) = (d, inside, outside)
              }
            }
            c = whole || c == cr ? c + 1 : cr
          }
        }
        ring += 1
      }
    }
    guard best < .infinity else { return nil }
    return Pair(a: min(bestInside, bestOutside), b: max(bestInside, bestOutside), sharedMetres: 0, kind: .link, gapMetres: best)
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
