import CatchmentGeometry

/// Where a feature's label goes: its pole of inaccessibility, the point inside it farthest from
/// its border (the centre of its largest inscribed circle).
///
/// A centroid can fall outside a crescent or a U, or inside but on a narrow neck (two towns
/// joined by a corridor): the pole is always inside and where the feature is widest, so a label
/// there has the most room. Found as Mapbox's polylabel does (Agafonkin 2016): cover the
/// bounding box with square cells, keep in a priority queue the cells whose centre distance
/// plus half-diagonal (the best any point of the cell can reach) could still beat the best
/// centre found by more than `precision`, and split them in four. The result is within
/// `precision` of the true largest distance. Distances are signed: negative outside (even–odd
/// over all rings, so holes count as outside and parts as inside).
enum LabelPoint {
  typealias Point = (x: Double, y: Double)

  /// Nil for a feature without a polygon. `precision` in layer units (default: 1/1000 of the
  /// feature's larger extent).
  static func of(feature f: Int, in layer: PolygonLayer, precision: Double? = nil) -> Point? {
    var rings: [[Point]] = []
    for p in layer.polygons(ofFeature: f) {
      for r in layer.rings(ofPolygon: p) { rings.append(layer.points(ofRing: r).map { (layer.xs[$0], layer.ys[$0]) }) }
    }
    return pole(of: rings, precision: precision).map { ($0.x, $0.y) }
  }

  /// The pole of closed rings (first point repeated or not), with its distance to the nearest
  /// edge; nil when there is no ring with an extent.
  static func pole(of rings: [[Point]], precision: Double? = nil) -> (x: Double, y: Double, distance: Double)? {
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    for ring in rings {
      for p in ring {
        minX = min(minX, p.x)
        maxX = max(maxX, p.x)
        minY = min(minY, p.y)
        maxY = max(maxY, p.y)
      }
    }
    guard minX < maxX, minY < maxY else { return nil }
    let size = min(maxX - minX, maxY - minY)
    let precision = precision.map { max($0, 1e-9 * max(maxX - minX, maxY - minY)) } ?? max(maxX - minX, maxY - minY) / 1000
    func cell(_ x: Double, _ y: Double, _ half: Double) -> Cell {
      let d = signedDistance((x, y), rings: rings)
      return Cell(x: x, y: y, half: half, distance: d, potential: d + half * 2.0.squareRoot())
    }
    // The start: the centroid of the largest ring (often the answer for a compact shape).
    var best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0)
    if let c = centroid(of: rings) {
      let candidate = cell(c.x, c.y, 0)
      if candidate.distance >= best.distance { best = candidate }
    }
    var queue = CellQueue()
    let half = size / 2
    var x = minX
    while x < maxX {
      var y = minY
      while y < maxY {
        queue.push(cell(x + half, y + half, half))
        y += size
      }
      x += size
    }
    // At most ~10⁵ cells: a pathological ring cannot hold the report up.
    var budget = 100_000
    while let c = queue.pop(), budget > 0 {
      budget -= 1
      if c.distance > best.distance { best = c }
      if c.potential - best.distance <= precision { continue }
      let h = c.half / 2
      for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] { queue.push(cell(c.x + dx, c.y + dy, h)) }
    }
    return (best.x, best.y, best.distance)
  }

  /// Distance from `point` to the nearest edge of `rings`, negative when outside them (even–odd).
  static func signedDistance(_ point: Point, rings: [[Point]]) -> Double {
    var inside = false
    var nearest = Double.infinity
    for ring in rings where ring.count >= 2 {
      var previous = ring[ring.count - 1]
      for p in ring {
        let (a, b) = (previous, p)
        previous = p
        if (a.y > point.y) != (b.y > point.y) && point.x < a.x + (point.y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
        nearest = min(nearest, segmentDistanceSquared(point, a, b))
      }
    }
    return (inside ? 1 : -1) * nearest.squareRoot()
  }

  /// Squared distance from `p` to the segment `a`–`b`.
  static func segmentDistanceSquared(_ p: Point, _ a: Point, _ b: Point) -> Double {
    var x = a.x, y = a.y
    let dx = b.x - a.x, dy = b.y - a.y
    if dx != 0 || dy != 0 {
      let t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)
      if t > 1 {
        x = b.x
        y = b.y
      } else if t > 0 {
        x += dx * t
        y += dy * t
      }
    }
    return (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
  }

  /// Area centroid of the ring of largest area.
  static func centroid(of rings: [[Point]]) -> Point? {
    var best: (point: Point, area: Double)?
    for ring in rings where ring.count >= 3 {
      let o = ring[0]  // relative to the first point: precision with metre coordinates
      var a = 0.0, cx = 0.0, cy = 0.0
      var previous = ring[ring.count - 1]
      for p in ring {
        let (xa, ya, xb, yb) = (previous.x - o.x, previous.y - o.y, p.x - o.x, p.y - o.y)
        previous = p
        let cross = xa * yb - xb * ya
        a += cross
        cx += (xa + xb) * cross
        cy += (ya + yb) * cross
      }
      if a != 0 && abs(a) > (best?.area ?? 0) { best = ((o.x + cx / (3 * a), o.y + cy / (3 * a)), abs(a)) }
    }
    return best?.point
  }

  struct Cell {
    var x: Double
    var y: Double
    var half: Double
    var distance: Double
    var potential: Double
  }

  /// A binary max-heap of cells by potential (ties: first pushed first, for the same result
  /// every run).
  struct CellQueue {
    var heap: [(cell: Cell, order: Int)] = []
    var pushed = 0

    static func above(_ a: (cell: Cell, order: Int), _ b: (cell: Cell, order: Int)) -> Bool {
      a.cell.potential != b.cell.potential ? a.cell.potential > b.cell.potential : a.order < b.order
    }

    mutating func push(_ cell: Cell) {
      heap.append((cell, pushed))
      pushed += 1
      var k = heap.count - 1
      while k > 0 {
        let parent = (k - 1) / 2
        guard Self.above(heap[k], heap[parent]) else { break }
        heap.swapAt(k, parent)
        k = parent
      }
    }

    mutating func pop() -> Cell? {
      guard let top = heap.first else { return nil }
      let last = heap.removeLast()
      if !heap.isEmpty {
        heap[0] = last
        var k = 0
        while true {
          let (l, r) = (2 * k + 1, 2 * k + 2)
          var m = k
          if l < heap.count && Self.above(heap[l], heap[m]) { m = l }
          if r < heap.count && Self.above(heap[r], heap[m]) { m = r }
          if m == k { break }
          heap.swapAt(k, m)
          k = m
        }
      }
      return top.cell
    }
  }
}
