import CGEOS
import CatchmentGeometry

extension GeometryHandle {
  /// Appends the polygons of this geometry (found through multipolygons and collections; other
  /// parts ignored) to the feature being built in `layer`: each polygon's exterior ring, then its
  /// holes, with the coordinates GEOS holds. The caller ends the feature
  /// (``CatchmentGeometry/PolygonLayer/endFeature(id:name:origin:)``).
  ///
  /// This is the way back from a GEOS result (a dissolved footprint) to the flat layer the
  /// writers take (GeoPackage, RFC 7946 GeoJSON).
  ///
  /// - Throws: ``GEOSError`` when GEOS cannot give a ring's coordinates.
  public func appendPolygons(to layer: inout PolygonLayer) throws(GEOSError) {
    let h = context.handle
    var polygons: [OpaquePointer] = []
    func collect(_ g: OpaquePointer) {
      let type = GEOSGeomTypeId_r(h, g)  // -1 on exception
      if type == Int32(GEOS_POLYGON.rawValue) {
        if GEOSisEmpty_r(h, g) == 0 { polygons.append(g) }
      } else if type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
        for i in 0..<max(GEOSGetNumGeometries_r(h, g), 0) {
          // Borrowed: owned by g; NULL on exception.
          if let part = GEOSGetGeometryN_r(h, g, i) { collect(part) }
        }
      }
    }
    collect(pointer)
    for polygon in polygons {
      // Borrowed rings, owned by the polygon; NULL on exception.
      guard let shell = GEOSGetExteriorRing_r(h, polygon) else { throw context.takeError("ExteriorRing") }
      try append(ring: shell, to: &layer)
      for i in 0..<max(GEOSGetNumInteriorRings_r(h, polygon), 0) {
        guard let hole = GEOSGetInteriorRingN_r(h, polygon, i) else { throw context.takeError("InteriorRingN") }
        try append(ring: hole, to: &layer)
      }
      layer.endPolygon()
    }
  }

  /// Appends one ring's points and ends the ring.
  private func append(ring: OpaquePointer, to layer: inout PolygonLayer) throws(GEOSError) {
    let h = context.handle
    // Borrowed, owned by the ring; NULL on exception.
    guard let sequence = GEOSGeom_getCoordSeq_r(h, ring) else { throw context.takeError("CoordSeq") }
    var size: UInt32 = 0
    guard GEOSCoordSeq_getSize_r(h, sequence, &size) != 0 else { throw context.takeError("CoordSeq size") }  // 0 on exception
    for i in 0..<size {
      var x = 0.0, y = 0.0
      guard GEOSCoordSeq_getXY_r(h, sequence, i, &x, &y) != 0 else { throw context.takeError("CoordSeq point") }  // 0 on exception
      layer.addPoint(x: x, y: y)
    }
    layer.endRing()
  }
}
