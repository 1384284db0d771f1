/// The nearest pair of zones across the gap between one group of zones (a component being
/// linked) and the others, searched in the cells of a ``SegmentGrid``.
///
/// Rings of cells around the group's box are searched outwards; ring k lies at least (k − 1)
/// cell sides from the box, so the search stops once that exceeds the nearest distance found.
/// Each outside segment met is measured against the group: against each of its segments when
/// the group is small (an island: few segments, perhaps far from the rest, where a search from
/// each segment would sweep the same empty sea again and again), else by a ring search from
/// the outside segment among the group's (a large component, whose box holds many outside
/// segments near its own). Distances are between segments (``SegmentContact/distance``); ties
/// go to the smaller (inside zone, outside zone).
struct GapSearch {
  let grid: SegmentGrid
  /// The group (component root) of each zone; -1 for zones without geometry.
  let group: [Int]
  let root: Int
  /// The group's segments.
  let inside: [Int]
  /// The box of the group's segments.
  let minX: Double, minY: Double, maxX: Double, maxY: Double
  /// Largest group measured segment by segment.
  static let bruteForceLimit = 4096

  init(grid: SegmentGrid, group: [Int], root: Int) {
    self.grid = grid
    self.group = group
    self.root = root
    var inside: [Int] = []
    var box = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
    for s in 0..<grid.count where group[Int(grid.zone[s])] == root {
      inside.append(s)
      let (ax, ay, bx, by) = grid.ends(s)
      box = (min(box.0, ax, bx), min(box.1, ay, by), max(box.2, ax, bx), max(box.3, ay, by))
    }
    self.inside = inside
    (minX, minY, maxX, maxY) = box
  }

  /// The nearest (inside zone, outside zone) pair as a link, or nil when the group has no
  /// segment or nothing lies outside it.
  func nearest() -> ZoneAdjacency.Pair? {
    guard !inside.isEmpty else { return nil }
    var best = Double.infinity, bestInside = Int32.max, bestOutside = Int32.max
    var seen = Set<Int>()
    let low = grid.cell(x: minX, y: minY), high = grid.cell(x: maxX, y: maxY)
    var ring = 0
    while Double(ring - 1) * grid.side <= best {
      let met = forEachCell(inRing: ring, low: low, high: high) { cell in
        for k in Int(grid.cellStart[cell])..<Int(grid.cellStart[cell + 1]) {
          let t = Int(grid.cellSegments[k])
          let other = group[Int(grid.zone[t])]
          guard other != root, other >= 0, seen.insert(t).inserted else { continue }
          let (cx, cy, dx, dy) = grid.ends(t)
          // Farther from the group's box than the nearest found: cannot be nearer.
          let gapX = max(0, minX - max(cx, dx), min(cx, dx) - maxX), gapY = max(0, minY - max(cy, dy), min(cy, dy) - maxY)
          guard (gapX * gapX + gapY * gapY).squareRoot() <= best else { continue }
          guard let (d, zone) = nearestInside(to: t, within: best) else { continue }
          let outside = grid.zone[t]
          if d < best || (d == best && (zone, outside) < (bestInside, bestOutside)) { (best, bestInside, bestOutside) = (d, zone, outside) }
        }
      }
      if !met { break }
      ring += 1
    }
    guard best < .infinity else { return nil }
    return ZoneAdjacency.Pair(a: min(bestInside, bestOutside), b: max(bestInside, bestOutside), sharedMetres: 0, kind: .link, gapMetres: best)
  }

  /// The distance from outside segment `t` to the nearest segment of the group and that
  /// segment's zone (ties: the smaller zone), when within `bound`.
  func nearestInside(to t: Int, within bound: Double) -> (Double, Int32)? {
    let (cx, cy, dx, dy) = grid.ends(t)
    var best = bound, zone = Int32.max, found = false
    func consider(_ s: Int) {
      let (ax, ay, bx, by) = grid.ends(s)
      let d = SegmentContact.distance(ax, ay, bx, by, cx, cy, dx, dy)
      if d < best || (d == best && grid.zone[s] < zone) { (best, zone, found) = (d, grid.zone[s], true) }
    }
    if inside.count <= Self.bruteForceLimit {
      for s in inside { consider(s) }
    } else {
      let low = grid.cell(x: min(cx, dx), y: min(cy, dy)), high = grid.cell(x: max(cx, dx), y: max(cy, dy))
      var ring = 0
      while Double(ring - 1) * grid.side <= best {
        let met = forEachCell(inRing: ring, low: low, high: high) { cell in
          for k in Int(grid.cellStart[cell])..<Int(grid.cellStart[cell + 1]) where group[Int(grid.zone[Int(grid.cellSegments[k])])] == root {
            consider(Int(grid.cellSegments[k]))
          }
        }
        if !met { break }
        ring += 1
      }
    }
    return found ? (best, zone) : nil
  }

  /// Calls `body` with each cell of ring `ring` around the rectangle of cells from `low` to
  /// `high` (ring 0: the rectangle), within the grid; false when the ring lies wholly outside it.
  func forEachCell(inRing ring: Int, low: Int, high: Int, _ body: (Int) -> Void) -> Bool {
    let columns = grid.columns, rows = grid.rows
    let left = low % columns - ring, right = high % columns + ring, bottom = low / columns - ring, top = high / columns + ring
    if left < 0 && bottom < 0 && right >= columns && top >= rows { return false }
    for r in max(0, bottom)...min(rows - 1, top) {
      // Whole rows at the ring's bottom and top, only its two ends in between.
      let whole = r == bottom || r == top
      var c = whole || left >= 0 ? max(0, left) : right
      while c <= min(columns - 1, right) {
        body(r * columns + c)
        c = whole || c == right ? c + 1 : right
      }
    }
    return true
  }
}
