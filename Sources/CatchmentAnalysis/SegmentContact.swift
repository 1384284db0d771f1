/// How two segments meet: the length of line they share and a point where they meet.
///
/// Two segments share a line when both ends of the shorter lie within the tolerance of the
/// longer one's line; the shared length is the overlap of the shorter one's projection onto
/// the longer with the longer itself. So a boundary drawn with a vertex in the middle of the
/// other zone's segment (a T-junction, no common vertex) is shared over its whole length.
/// Otherwise they touch when their distance is within the tolerance: at a common vertex, a
/// vertex on the other's segment, or crossing.
///
/// Coordinates are taken relative to the longer segment's first end, so projected coordinates
/// of 10⁵–10⁶ m keep sub-millimetre precision.
struct SegmentContact {
  /// Shared length in metres (0 when they only touch).
  var shared: Double
  /// A point within the tolerance of both segments (on the longer one for a shared line).
  var x: Double, y: Double

  /// The contact of segments (ax, ay)–(bx, by) and (cx, cy)–(dx, dy), or nil when they are
  /// farther apart than `tolerance` metres.
  @inline(__always)
  static func between(
    _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double, _ dx: Double, _ dy: Double, tolerance: Double
  ) -> SegmentContact? {
    // The longer segment first (ties: the first given): the shorter is tested against its line.
    let first = (bx - ax) * (bx - ax) + (by - ay) * (by - ay), second = (dx - cx) * (dx - cx) + (dy - cy) * (dy - cy)
    if second > first { return between(cx, cy, dx, dy, ax, ay, bx, by, tolerance: tolerance) }
    let ux = bx - ax, uy = by - ay
    let length = first.squareRoot()
    guard length > 0 else { return nil }
    // The shorter segment's ends in the longer's frame: along (t, metres from a) and across (signed offset).
    let pcx = cx - ax, pcy = cy - ay, pdx = dx - ax, pdy = dy - ay
    let tc = (pcx * ux + pcy * uy) / length, td = (pdx * ux + pdy * uy) / length
    let oc = (ux * pcy - uy * pcx) / length, od = (ux * pdy - uy * pdx) / length
    if abs(oc) <= tolerance && abs(od) <= tolerance {
      let low = max(0, min(tc, td)), high = min(length, max(tc, td))
      if high > low {
        let f = low / length
        return SegmentContact(shared: high - low, x: ax + ux * f, y: ay + uy * f)
      }
    }
    // Crossing: the ends of each on opposite sides of the other (offsets beyond the tolerance,
    // else an end is within it of the other segment and found below).
    if (oc > tolerance && od < -tolerance) || (oc < -tolerance && od > tolerance) {
      let s = oc / (oc - od)
      let t = tc + (td - tc) * s
      if t >= 0 && t <= length {
        let f = t / length
        return SegmentContact(shared: 0, x: ax + ux * f, y: ay + uy * f)
      }
    }
    // Nearest ends: each end of one against the other segment.
    var best = Double.infinity, bestX = 0.0, bestY = 0.0
    func consider(_ px: Double, _ py: Double, _ sx: Double, _ sy: Double, _ ex: Double, _ ey: Double) {
      let d = squaredDistance(px, py, toSegment: sx, sy, ex, ey)
      if d < best {
        best = d
        bestX = px
        bestY = py
      }
    }
    consider(cx, cy, ax, ay, bx, by)
    consider(dx, dy, ax, ay, bx, by)
    consider(ax, ay, cx, cy, dx, dy)
    consider(bx, by, cx, cy, dx, dy)
    guard best <= tolerance * tolerance else { return nil }
    return SegmentContact(shared: 0, x: bestX, y: bestY)
  }

  /// The distance between segments (ax, ay)–(bx, by) and (cx, cy)–(dx, dy): 0 when they cross,
  /// else the least distance of an end of one to the other.
  static func distance(
    _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double, _ dx: Double, _ dy: Double
  ) -> Double {
    func side(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double, _ rx: Double, _ ry: Double) -> Double {
      (qx - px) * (ry - py) - (qy - py) * (rx - px)
    }
    let s1 = side(ax, ay, bx, by, cx, cy), s2 = side(ax, ay, bx, by, dx, dy)
    let s3 = side(cx, cy, dx, dy, ax, ay), s4 = side(cx, cy, dx, dy, bx, by)
    if ((s1 > 0 && s2 < 0) || (s1 < 0 && s2 > 0)) && ((s3 > 0 && s4 < 0) || (s3 < 0 && s4 > 0)) { return 0 }
    return min(
      min(squaredDistance(cx, cy, toSegment: ax, ay, bx, by), squaredDistance(dx, dy, toSegment: ax, ay, bx, by)),
      min(squaredDistance(ax, ay, toSegment: cx, cy, dx, dy), squaredDistance(bx, by, toSegment: cx, cy, dx, dy))
    ).squareRoot()
  }

  /// The squared distance of point (px, py) to segment (sx, sy)–(ex, ey).
  @inline(__always)
  static func squaredDistance(_ px: Double, _ py: Double, toSegment sx: Double, _ sy: Double, _ ex: Double, _ ey: Double) -> Double {
    let vx = ex - sx, vy = ey - sy, wx = px - sx, wy = py - sy
    let squared = vx * vx + vy * vy
    let t = squared > 0 ? min(1, max(0, (wx * vx + wy * vy) / squared)) : 0
    let qx = wx - vx * t, qy = wy - vy * t
    return qx * qx + qy * qy
  }
}
