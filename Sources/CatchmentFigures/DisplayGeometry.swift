import CatchmentGeometry

/// A polygon layer ready to draw: in a ``MapFrame``, simplified for the drawn scale with every
/// shared border simplified once, one SVG path per feature, and a label point per feature.
///
/// The rings are cut into arcs (``ArcTopology``), each arc is simplified once by
/// Douglas–Peucker with a tolerance in drawn pixels, projected, rounded to the written
/// precision, and every ring is rebuilt from its arcs: two neighbours draw exactly the same
/// points along their common border, so the drawing has no gap or overlap between them.
/// A ring's area moves by at most tolerance × perimeter (``Simplification``). Holes thinner than
/// half a pixel that no other feature fills (dissolve slivers) are left out (`isSliver(_:)`).
public struct DisplayGeometry: Sendable {
  public let frame: MapFrame
  /// Feature ids, in layer order.
  public let ids: [String]
  /// Feature names, in layer order.
  public let names: [String]
  /// Each feature's rings in drawing coordinates, simplified, closed (first point repeated).
  public let rings: [[[(x: Double, y: Double)]]]
  /// Whether each of those rings is a hole (not the first ring of its polygon).
  public let ringIsHole: [[Bool]]
  /// Each feature's label point in drawing coordinates: its pole of inaccessibility (the point
  /// of its drawn polygons farthest from their border, `LabelPoint`); nil when it has no polygon.
  public let labels: [(x: Double, y: Double)?]
  /// Every arc once, simplified, in drawing coordinates (for outlines drawn without fills).
  public let arcs: [[(x: Double, y: Double)]]
  /// Arcs in the layer, and how many of them are shared borders.
  public let arcCount: Int
  public let sharedArcCount: Int
  /// Vertices before and after simplification (over all arcs, each shared arc counted once).
  public let verticesBefore: Int
  public let verticesAfter: Int
  /// Holes left out of the drawing as slivers (`isSliver(_:)`) that no other feature fills.
  public let sliverHolesDropped: Int
  /// Decimals of the written drawing coordinates (0.1 px by default).
  public let decimals: Int

  /// Prepares `layer` for a drawing of `width` × `height` pixels with `margin` around it.
  /// `tolerance` is in drawn pixels (0 keeps every vertex). Throws when a coordinate is not
  /// finite or the layer has nothing to draw.
  public init(layer: PolygonLayer, width: Double, height: Double, margin: Double = 10, tolerance: Double = 0.5, decimals: Int = 1) throws(FigureError) {
    let frame = try MapFrame(xs: layer.xs, ys: layer.ys, width: width, height: height, margin: margin)
    try self.init(layer: layer, frame: frame, tolerance: tolerance, decimals: decimals)
  }

  /// Prepares `layer` in a given frame (to draw zones under their footprints in the same frame).
  public init(layer: PolygonLayer, frame: MapFrame, tolerance: Double = 0.5, decimals: Int = 1) throws(FigureError) {
    guard layer.xs.allSatisfy(\.isFinite), layer.ys.allSatisfy(\.isFinite) else { throw .coordinateNotFinite }
    self.frame = frame
    self.decimals = decimals
    ids = layer.ids
    names = layer.names
    let topology = ArcTopology(layer: layer)
    let metres = tolerance / frame.scale
    var before = 0, after = 0
    let step = Self.power(decimals)
    // Each arc simplified once. A ring left with fewer than 3 distinct points (two arcs each
    // simplified to its chord, or a closed arc) would collapse: its arcs are simplified again
    // keeping an interior point, which only adds points to the neighbours that share them.
    let lines = topology.arcs.map { arc in arc.map { topology.points[Int($0)] } }
    var kept = lines.map { Simplification.douglasPeucker($0, tolerance: metres, keepsInterior: false) }
    for refs in topology.ringArcs where !refs.isEmpty && refs.map({ kept[$0.arc].count - 1 }).reduce(0, +) < 3 {
      for ref in refs { kept[ref.arc] = Simplification.douglasPeucker(lines[ref.arc], tolerance: metres, keepsInterior: true) }
    }
    let drawn: [[(x: Double, y: Double)]] = lines.indices.map { a in
      let line = lines[a]
      before += line.count
      after += kept[a].count
      return kept[a].map { k in
        let p = frame.project(line[k].x, line[k].y)
        // Rounded here, once, to what the path will say: both neighbours write the same text.
        return ((p.x * step).rounded() / step, (p.y * step).rounded() / step)
      }
    }
    arcs = drawn
    arcCount = topology.arcs.count
    sharedArcCount = topology.sharedArcCount
    verticesBefore = before
    verticesAfter = after
    var featureRings: [[[(x: Double, y: Double)]]] = []
    var holeFlags: [[Bool]] = []
    var labelPoints: [(x: Double, y: Double)?] = []
    var slivers = 0
    for f in 0..<layer.count {
      var out: [[(x: Double, y: Double)]] = []
      var holes: [Bool] = []
      for p in layer.polygons(ofFeature: f) {
        for r in layer.rings(ofPolygon: p) {
          var ring: [(x: Double, y: Double)] = []
          for (arc, reversed) in topology.ringArcs[r] {
            let points = reversed ? Array(drawn[arc].reversed()) : drawn[arc]
            ring.append(contentsOf: ring.isEmpty ? points[...] : points.dropFirst())
          }
          let isHole = r != layer.rings(ofPolygon: p).lowerBound
          if isHole && ring.count >= 4 && Self.isSliver(ring) && topology.ringArcs[r].allSatisfy({ topology.arcUses[$0.arc] == 1 }) {
            slivers += 1
            continue
          }
          if ring.count >= 4 {
            out.append(ring)
            holes.append(isHole)
          }
        }
      }
      featureRings.append(out)
      holeFlags.append(holes)
      // The pole of the drawn rings (what the label must fit in), to a quarter pixel; of the
      // layer's own rings when the feature is too small to draw.
      if let pole = LabelPoint.pole(of: out, precision: 0.25) {
        labelPoints.append((pole.x, pole.y))
      } else {
        labelPoints.append(LabelPoint.of(feature: f, in: layer).map { frame.project($0.x, $0.y) })
      }
    }
    rings = featureRings
    ringIsHole = holeFlags
    sliverHolesDropped = slivers
    labels = labelPoints
  }

  /// The SVG path data of feature `f`: one subpath per ring (`M x y l dx dy … z`, see
  /// ``SVGPathData``), for `fill-rule="evenodd"` (holes need no particular orientation). A
  /// ring that rounds to fewer than three distinct points is left out unless it is all the
  /// feature has.
  public func pathData(_ f: Int) -> String {
    var d = SVGPathData(decimals: decimals)
    var kept = 0
    for ring in rings[f] {
      var one = SVGPathData(decimals: decimals)
      if one.append(ring.dropLast(), closed: true) {
        d.append(ring.dropLast(), closed: true)
        kept += 1
      }
    }
    if kept == 0, let ring = rings[f].first { d.append(ring.dropLast(), closed: true) }
    return d.text
  }

  /// The SVG path data of every arc once (`M x y l dx dy …` per arc, no fill meant): the
  /// outlines of all features with each shared border stroked once, about half the bytes of
  /// every ring and an even faintness where a border is shared.
  public func outlinePathData() -> String {
    var d = SVGPathData(decimals: decimals)
    for arc in arcs where arc.count >= 2 { d.append(arc, closed: false) }
    return d.text
  }

  /// Drawn area of feature `f` in squared pixels (holes subtracted, even–odd).
  public func drawnArea(_ f: Int) -> Double {
    var total = 0.0
    for (k, ring) in rings[f].enumerated() {
      var sum = 0.0
      for i in 0..<(ring.count - 1) { sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
      total += abs(sum) / 2 * (ringIsHole[f][k] ? -1 : 1)
    }
    return total
  }

  /// Whether a drawn ring is narrower than half a pixel on average (2 × area ÷ perimeter, the
  /// width of a long thin strip): a hole that thin is a gap a dissolve left between zones whose
  /// borders do not quite meet, not a hole anyone could see — but its white outline would draw
  /// a line across the footprint. Holes another feature fills (an enclave) are always kept.
  static func isSliver(_ ring: [(x: Double, y: Double)]) -> Bool {
    guard ring.count >= 2 else { return true }
    var twiceArea = 0.0, perimeter = 0.0
    for i in 0..<(ring.count - 1) {
      twiceArea += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y
      let (dx, dy) = (ring[i + 1].x - ring[i].x, ring[i + 1].y - ring[i].y)
      perimeter += (dx * dx + dy * dy).squareRoot()
    }
    return perimeter == 0 || abs(twiceArea) / perimeter < 0.5
  }

  static func power(_ decimals: Int) -> Double {
    var step = 1.0
    for _ in 0..<max(0, min(decimals, 6)) { step *= 10 }
    return step
  }
}
