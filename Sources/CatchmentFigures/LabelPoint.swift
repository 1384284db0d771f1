import CatchmentGeometry

/// Where a feature's label goes: a point inside it.
///
/// The centroid of the feature's largest polygon (area of its exterior less its holes) when
/// that centroid lies inside the polygon; otherwise (a crescent, a ring-shaped polygon) the
/// middle of the widest inside stretch of a horizontal line through the polygon's middle
/// (scanline point-on-surface, crossings counted with the half-open rule so a vertex on the
/// line is counted once).
enum LabelPoint {
  /// Nil for a feature without a polygon.
  static func of(feature f: Int, in layer: PolygonLayer) -> (x: Double, y: Double)? {
    var best: (polygon: Int, area: Double)?
    for p in layer.polygons(ofFeature: f) {
      let rings = layer.rings(ofPolygon: p)
      guard let outer = rings.first else { continue }
      var area = abs(layer.signedDoubleArea(ofRing: outer))
      for hole in rings.dropFirst() { area -= abs(layer.signedDoubleArea(ofRing: hole)) }
      if area > (best?.area ?? -Double.infinity) { best = (p, area) }
    }
    guard let p = best?.polygon, let outer = layer.rings(ofPolygon: p).first else { return nil }
    let range = layer.points(ofRing: outer)
    guard let first = range.first else { return nil }
    // Centroid of the exterior, relative to its first point (precision with metre coordinates).
    let x0 = layer.xs[first], y0 = layer.ys[first]
    var a = 0.0, cx = 0.0, cy = 0.0
    for i in range.lowerBound..<(range.upperBound - 1) {
      let xa = layer.xs[i] - x0, ya = layer.ys[i] - y0, xb = layer.xs[i + 1] - x0, yb = layer.ys[i + 1] - y0
      let cross = xa * yb - xb * ya
      a += cross
      cx += (xa + xb) * cross
      cy += (ya + yb) * cross
    }
    if a != 0 {
      let centroid = (x: x0 + cx / (3 * a), y: y0 + cy / (3 * a))
      if contains(centroid, polygon: p, in: layer) { return centroid }
    }
    let ys = range.map { layer.ys[$0] }
    let middle = ((ys.min() ?? y0) + (ys.max() ?? y0)) / 2
    return scanline(y: middle, polygon: p, in: layer) ?? (x0, y0)
  }

  /// Whether `point` is inside polygon `p` (even–odd over all its rings).
  static func contains(_ point: (x: Double, y: Double), polygon p: Int, in layer: PolygonLayer) -> Bool {
    var inside = false
    for r in layer.rings(ofPolygon: p) {
      let range = layer.points(ofRing: r)
      for i in range.lowerBound..<max(range.upperBound - 1, range.lowerBound) {
        let (xa, ya, xb, yb) = (layer.xs[i], layer.ys[i], layer.xs[i + 1], layer.ys[i + 1])
        if (ya > point.y) != (yb > point.y) && point.x < xa + (point.y - ya) * (xb - xa) / (yb - ya) { inside.toggle() }
      }
    }
    return inside
  }

  /// The middle of the widest stretch of the line at `y` inside polygon `p`.
  static func scanline(y: Double, polygon p: Int, in layer: PolygonLayer) -> (x: Double, y: Double)? {
    var crossings: [Double] = []
    for r in layer.rings(ofPolygon: p) {
      let range = layer.points(ofRing: r)
      for i in range.lowerBound..<max(range.upperBound - 1, range.lowerBound) {
        let (xa, ya, xb, yb) = (layer.xs[i], layer.ys[i], layer.xs[i + 1], layer.ys[i + 1])
        if (ya > y) != (yb > y) { crossings.append(xa + (y - ya) * (xb - xa) / (yb - ya)) }
      }
    }
    crossings.sort()
    var best: (x: Double, width: Double)?
    for k in stride(from: 0, to: crossings.count - 1, by: 2) where crossings[k + 1] - crossings[k] > (best?.width ?? -Double.infinity) {
      best = ((crossings[k] + crossings[k + 1]) / 2, crossings[k + 1] - crossings[k])
    }
    return best.map { ($0.x, y) }
  }
}
