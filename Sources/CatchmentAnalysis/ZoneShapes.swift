import CatchmentGeometry

/// The area and perimeter of each zone of a projected layer, for compactness
/// (perimeter / (2·√(π·area)), 1 for a disc) and the size of regions.
///
/// Measured on the layer's coordinates, which must be in a projected CRS in metres: area by
/// the shoelace formula, exteriors less holes; perimeter the length of every ring of every
/// part, holes included (a hole's edge is boundary). Features that share an id are one zone:
/// their areas and perimeters add up (a zone drawn in parts, or split across the files of a
/// national set). A feature without geometry gives a zone of area 0 and perimeter 0.
public struct ZoneShapes: Sendable, Equatable {
  /// Unique zone ids, in byte order.
  public var ids: [String]
  /// Area of each zone of ``ids``, in square metres.
  public var areaSquareMetres: [Double]
  /// Perimeter of each zone of ``ids``, in metres.
  public var perimeterMetres: [Double]

  public init(ids: [String], areaSquareMetres: [Double], perimeterMetres: [Double]) {
    self.ids = ids
    self.areaSquareMetres = areaSquareMetres
    self.perimeterMetres = perimeterMetres
  }

  /// The shapes of the zones of `layer` (in a projected CRS, metres).
  public static func measure(_ layer: PolygonLayer) -> ZoneShapes {
    let (ids, zoneOfFeature) = FeatureZones.uniqueIDs(layer.ids)
    var area = [Double](repeating: 0, count: ids.count)
    var perimeter = [Double](repeating: 0, count: ids.count)
    for f in 0..<layer.count {
      let zone = Int(zoneOfFeature[f])
      for p in layer.polygons(ofFeature: f) {
        for r in layer.rings(ofPolygon: p) {
          // The first ring is the exterior, the others holes, whatever their orientation.
          let ringArea = abs(layer.signedDoubleArea(ofRing: r)) / 2
          area[zone] += r == Int(layer.polygonRings[p]) ? ringArea : -ringArea
          perimeter[zone] += ringLength(layer, r)
        }
      }
    }
    return ZoneShapes(ids: ids, areaSquareMetres: area, perimeterMetres: perimeter)
  }

  /// The length of ring `r`: the sum of its segments' lengths.
  static func ringLength(_ layer: PolygonLayer, _ r: Int) -> Double {
    let range = layer.points(ofRing: r)
    var length = 0.0
    var i = range.lowerBound
    while i + 1 < range.upperBound {
      length += ((layer.xs[i + 1] - layer.xs[i]) * (layer.xs[i + 1] - layer.xs[i]) + (layer.ys[i + 1] - layer.ys[i]) * (layer.ys[i + 1] - layer.ys[i])).squareRoot()
      i += 1
    }
    return length
  }
}
