import CatchmentGeometry

/// Small hand-built layers for the engine's tests: coordinates written out, areas worked by
/// hand in the comments beside each use.

/// A box (minX, minY, maxX, maxY).
typealias Box = (Double, Double, Double, Double)

/// A layer of axis-aligned boxes, one feature per entry: each box a polygon, the holes cut
/// from the feature's first box. Exteriors anticlockwise, holes clockwise.
func boxes(_ features: [(id: String, boxes: [Box], holes: [Box])]) -> PolygonLayer {
  var layer = PolygonLayer(crs: .epsg(27700))
  func ring(_ b: Box, clockwise: Bool) {
    let corners = [(b.0, b.1), (b.2, b.1), (b.2, b.3), (b.0, b.3)]
    for (x, y) in clockwise ? corners.reversed() : corners { layer.addPoint(x: x, y: y) }
    layer.endRing()
  }
  for feature in features {
    for (k, box) in feature.boxes.enumerated() {
      ring(box, clockwise: false)
      if k == 0 { for hole in feature.holes { ring(hole, clockwise: true) } }
      layer.endPolygon()
    }
    layer.endFeature(id: feature.id)
  }
  return layer
}

/// A one-feature layer with a single ring through `points` (closed by the builder).
func ringLayer(_ points: [(Double, Double)], id: String = "ring") -> PolygonLayer {
  var layer = PolygonLayer(crs: .epsg(27700))
  for (x, y) in points { layer.addPoint(x: x, y: y) }
  layer.endRing()
  layer.endPolygon()
  layer.endFeature(id: id)
  return layer
}
