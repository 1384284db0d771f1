/// A layer of polygonal features (zones or footprints), stored flat for speed.
///
/// Coordinates of all features live in two arrays, `xs` and `ys`, in the layer's ``crs``
/// (x = easting or longitude, y = northing or latitude: traditional GIS order, whatever the
/// CRS's official axis order). Three offset arrays give the structure, each with one more
/// entry than the items it delimits:
///
/// - feature `f` has polygons `featurePolygons[f]..<featurePolygons[f+1]`;
/// - polygon `p` has rings `polygonRings[p]..<polygonRings[p+1]`, the first its exterior, the
///   others its holes;
/// - ring `r` has points `ringPoints[r]..<ringPoints[r+1]`, closed (first point repeated last).
///
/// A feature with no polygon (a null shape, an empty geometry) is kept, with an empty range,
/// so that it is counted rather than lost. Readers produce layers; the geometry engine turns
/// each feature into a GEOS geometry.
public struct PolygonLayer: Sendable {
  /// Feature ids (the `--zone-id`/`--footprint-id` attribute), in reading order.
  public var ids: [String] = []
  /// Feature names ("" when no name attribute was asked for or present).
  public var names: [String] = []
  /// Where each feature came from ("file.shp#12"), for messages.
  public var origins: [String] = []
  public var xs: [Double] = []
  public var ys: [Double] = []
  public var ringPoints: [Int32] = [0]
  public var polygonRings: [Int32] = [0]
  public var featurePolygons: [Int32] = [0]
  /// The CRS the coordinates are in.
  public var crs: CRSReference

  public init(crs: CRSReference) { self.crs = crs }

  /// Number of features.
  public var count: Int { ids.count }

  /// Polygon index range of feature `f`.
  @inlinable public func polygons(ofFeature f: Int) -> Range<Int> { Int(featurePolygons[f])..<Int(featurePolygons[f + 1]) }
  /// Ring index range of polygon `p`.
  @inlinable public func rings(ofPolygon p: Int) -> Range<Int> { Int(polygonRings[p])..<Int(polygonRings[p + 1]) }
  /// Point index range of ring `r`.
  @inlinable public func points(ofRing r: Int) -> Range<Int> { Int(ringPoints[r])..<Int(ringPoints[r + 1]) }

  // MARK: Building

  /// Appends a point to the ring being built.
  @inlinable public mutating func addPoint(x: Double, y: Double) {
    xs.append(x)
    ys.append(y)
  }

  /// Ends the ring being built, closing it if its last point differs from its first. Rings
  /// with fewer than 4 points after closing are dropped (returns false): they bound no area.
  @discardableResult
  public mutating func endRing() -> Bool {
    let start = Int(ringPoints.last!)
    var n = xs.count - start
    if n > 0 && (xs[start] != xs[xs.count - 1] || ys[start] != ys[ys.count - 1]) {
      xs.append(xs[start])
      ys.append(ys[start])
      n += 1
    }
    guard n >= 4 else {
      xs.removeLast(n)
      ys.removeLast(n)
      return false
    }
    ringPoints.append(Int32(xs.count))
    return true
  }

  /// Ends the polygon being built (its rings since the previous polygon). A polygon without
  /// rings is dropped.
  public mutating func endPolygon() {
    if ringPoints.count - 1 > Int(polygonRings.last!) { polygonRings.append(Int32(ringPoints.count - 1)) }
  }

  /// Ends the feature being built (its polygons since the previous feature).
  public mutating func endFeature(id: String, name: String = "", origin: String = "") {
    featurePolygons.append(Int32(polygonRings.count - 1))
    ids.append(id)
    names.append(name)
    origins.append(origin)
  }

  /// Appends all features of `other` (same CRS assumed; the caller checks).
  public mutating func append(contentsOf other: PolygonLayer) {
    let pointBase = Int32(xs.count), ringBase = Int32(ringPoints.count - 1), polygonBase = Int32(polygonRings.count - 1)
    xs.append(contentsOf: other.xs)
    ys.append(contentsOf: other.ys)
    ringPoints.append(contentsOf: other.ringPoints.dropFirst().map { $0 + pointBase })
    polygonRings.append(contentsOf: other.polygonRings.dropFirst().map { $0 + ringBase })
    featurePolygons.append(contentsOf: other.featurePolygons.dropFirst().map { $0 + polygonBase })
    ids.append(contentsOf: other.ids)
    names.append(contentsOf: other.names)
    origins.append(contentsOf: other.origins)
  }

  /// A layer holding only `features` (indices into this layer), in the order given, with their
  /// ids, names, origins and CRS.
  public func subset(_ features: [Int]) -> PolygonLayer {
    var out = PolygonLayer(crs: crs)
    for f in features {
      for p in polygons(ofFeature: f) {
        for r in rings(ofPolygon: p) {
          let points = self.points(ofRing: r)
          out.xs.append(contentsOf: xs[points])
          out.ys.append(contentsOf: ys[points])
          out.ringPoints.append(Int32(out.xs.count))
        }
        out.polygonRings.append(Int32(out.ringPoints.count - 1))
      }
      out.endFeature(id: ids[f], name: names[f], origin: origins[f])
    }
    return out
  }

  /// Features with a coordinate that is not a finite number no larger than `bound` in
  /// magnitude (NaN, ±∞, or e.g. 1e300 from a corrupt file or a failed transformation), in
  /// feature order.
  public func features(withCoordinatesBeyond bound: Double) -> [Int] {
    var out: [Int] = []
    for f in 0..<count {
      let first = Int(ringPoints[Int(polygonRings[Int(featurePolygons[f])])])
      let last = Int(ringPoints[Int(polygonRings[Int(featurePolygons[f + 1])])])
      // `!(… <= bound)` is true for NaN as well.
      if (first..<last).contains(where: { !(abs(xs[$0]) <= bound) || !(abs(ys[$0]) <= bound) }) { out.append(f) }
    }
    return out
  }

  /// Twice the signed area of ring `r` (shoelace formula, in squared CRS units): positive
  /// when the ring runs anticlockwise (x east, y north), negative when clockwise.
  public func signedDoubleArea(ofRing r: Int) -> Double {
    let range = points(ofRing: r)
    guard range.count >= 4 else { return 0 }
    var sum = 0.0
    let x0 = xs[range.lowerBound], y0 = ys[range.lowerBound]
    for i in range.lowerBound..<(range.upperBound - 1) {
      // Relative to the first point, for precision with large projected coordinates.
      sum += (xs[i] - x0) * (ys[i + 1] - y0) - (xs[i + 1] - x0) * (ys[i] - y0)
    }
    return sum
  }
}
