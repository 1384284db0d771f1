/// Douglas–Peucker line simplification (Douglas & Peucker 1973), one arc at a time.
///
/// Keeps the end points; between two kept points keeps the point farthest from the chord
/// joining them (perpendicular distance to the infinite line, or to the point when the chord
/// has length 0) when that distance exceeds `tolerance`, and recurses on both halves. Every
/// dropped point therefore lies within `tolerance` of the kept polyline's chord over it, and
/// the area between an original stretch and its chord is at most tolerance × its length: a
/// ring's area changes by at most tolerance × its perimeter.
///
/// One exception keeps rings from collapsing: when `keepsInterior` (an arc of a ring that
/// would otherwise keep fewer than 3 points) the arc keeps the interior point farthest from its chord whatever the
/// tolerance, so that a ring of two arcs keeps 4 distinct points, and a closed arc (a ring
/// without junctions, whose chord has length 0) keeps at least 3.
enum Simplification {
  /// Indices of the kept points of `line` (in order, first and last included).
  static func douglasPeucker(_ line: [(x: Double, y: Double)], tolerance: Double, keepsInterior: Bool = true) -> [Int] {
    guard line.count > 2 else { return Array(line.indices) }
    var keep = [Bool](repeating: false, count: line.count)
    keep[0] = true
    keep[line.count - 1] = true
    var stack: [(Int, Int, Bool)] = [(0, line.count - 1, keepsInterior)]
    while let (first, last, forced) = stack.popLast() {
      guard last > first + 1 else { continue }
      var farthest = first + 1, largest = -1.0
      for k in (first + 1)..<last {
        let d = distance(line[k], from: line[first], to: line[last])
        if d > largest {
          largest = d
          farthest = k
        }
      }
      // A closed arc: the first split is forced, and so is the second (the point farthest
      // from the first chord), giving 3 points.
      let closed = line[first] == line[last]
      if largest > tolerance || forced {
        keep[farthest] = true
        stack.append((first, farthest, forced && closed))
        stack.append((farthest, last, false))
      }
    }
    return keep.indices.filter { keep[$0] }
  }

  /// Distance from `p` to the line through `a` and `b` (to `a` when they coincide).
  static func distance(_ p: (x: Double, y: Double), from a: (x: Double, y: Double), to b: (x: Double, y: Double)) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 0 else { return ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot() }
    return abs((p.x - a.x) * dy - (p.y - a.y) * dx) / length
  }
}
