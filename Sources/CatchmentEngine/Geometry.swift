import CGEOS
import CatchmentGeometry

/// An axis-aligned rectangle (minimum and maximum x and y, in CRS units).
public struct Envelope: Sendable, Equatable {
  public var minX, minY, maxX, maxY: Double
  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }
  /// True when the rectangles share any point.
  @inlinable public func intersects(_ other: Envelope) -> Bool {
    minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
  }
  /// The smallest distance between the rectangles (0 when they meet).
  @inlinable public func distance(to other: Envelope) -> Double {
    let dx = max(0, max(other.minX - maxX, minX - other.maxX)), dy = max(0, max(other.minY - maxY, minY - other.maxY))
    return (dx * dx + dy * dy).squareRoot()
  }
}

/// A GEOS geometry owned by Swift: destroyed with `GEOSGeom_destroy_r` when released.
///
/// A class rather than a `~Copyable` struct because layers keep their geometries in arrays.
/// It belongs to its ``GEOSContext``: use it only in the task that owns that context.
public final class Geometry {
  let context: GEOSContext
  let pointer: OpaquePointer

  init(_ context: GEOSContext, _ pointer: OpaquePointer) {
    self.context = context
    self.pointer = pointer
  }

  deinit { GEOSGeom_destroy_r(context.handle, pointer) }

  /// Builds feature `feature` of `layer` as a GEOS MultiPolygon (rings as stored: first the
  /// exterior, then holes). Returns nil for a feature without polygons.
  ///
  /// - Throws: ``GEOSError`` when GEOS rejects a ring.
  public static func polygonal(feature: Int, of layer: PolygonLayer, in context: GEOSContext) throws(GEOSError) -> Geometry? {
    let polygons = layer.polygons(ofFeature: feature)
    guard !polygons.isEmpty else { return nil }
    let h = context.handle
    var parts: [OpaquePointer?] = []
    parts.reserveCapacity(polygons.count)
    for p in polygons {
      var rings: [OpaquePointer?] = []
      for r in layer.rings(ofPolygon: p) {
        let points = layer.points(ofRing: r)
        // GEOSCoordSeq_copyFromArrays_r (GEOS 3.10+) copies whole arrays; returns NULL on exception.
        let sequence = layer.xs.withUnsafeBufferPointer { xs in
          layer.ys.withUnsafeBufferPointer { ys in
            GEOSCoordSeq_copyFromArrays_r(h, xs.baseAddress! + points.lowerBound, ys.baseAddress! + points.lowerBound, nil, nil, UInt32(points.count))
          }
        }
        // GEOSGeom_createLinearRing_r takes ownership of the sequence; NULL on exception.
        guard let sequence, let ring = GEOSGeom_createLinearRing_r(h, sequence) else {
          for ring in rings { GEOSGeom_destroy_r(h, ring) }
          for part in parts { GEOSGeom_destroy_r(h, part) }
          throw context.takeError("LinearRing (\(layer.origins.indices.contains(feature) ? layer.origins[feature] : "feature \(feature)"))")
        }
        rings.append(ring)
      }
      let shell = rings.removeFirst()
      // Takes ownership of the shell and holes; NULL on exception.
      let polygon = rings.withUnsafeMutableBufferPointer { holes in
        GEOSGeom_createPolygon_r(h, shell, holes.baseAddress, UInt32(holes.count))
      }
      guard let polygon else { throw context.takeError("Polygon") }
      parts.append(polygon)
    }
    // GEOS_MULTIPOLYGON collection takes ownership of the parts; NULL on exception.
    let collection = parts.withUnsafeMutableBufferPointer {
      GEOSGeom_createCollection_r(h, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let collection else { throw context.takeError("MultiPolygon") }
    return Geometry(context, collection)
  }

  /// A point geometry.
  public static func point(x: Double, y: Double, in context: GEOSContext) throws(GEOSError) -> Geometry {
    // NULL on exception.
    guard let p = GEOSGeom_createPointFromXY_r(context.handle, x, y) else { throw context.takeError("Point") }
    return Geometry(context, p)
  }

  /// True when GEOS considers the geometry valid (OGC rules).
  public var isValid: Bool { GEOSisValid_r(context.handle, pointer) == 1 }  // 2 on exception

  /// Why the geometry is invalid, as GEOS words it ("Self-intersection[x y]").
  public var invalidReason: String {
    guard let text = GEOSisValidReason_r(context.handle, pointer) else { return "unknown" }
    defer { GEOSFree_r(context.handle, text) }
    return String(cString: text)
  }

  /// A valid version of the geometry keeping only its polygonal parts (GEOS MakeValid can
  /// return lines or points beside polygons where a ring touched itself).
  public func madeValidPolygonal() throws(GEOSError) -> Geometry {
    // NULL on exception.
    guard let fixed = GEOSMakeValid_r(context.handle, pointer) else { throw context.takeError("MakeValid") }
    let repaired = Geometry(context, fixed)
    return try repaired.polygonalParts()
  }

  /// The polygons of this geometry (recursively through collections) as one MultiPolygon.
  func polygonalParts() throws(GEOSError) -> Geometry {
    let h = context.handle
    var polygons: [OpaquePointer?] = []
    func collect(_ g: OpaquePointer) {
      let type = GEOSGeomTypeId_r(h, g)  // -1 on exception
      if type == Int32(GEOS_POLYGON.rawValue) {
        if let copy = GEOSGeom_clone_r(h, g) { polygons.append(copy) }
      } else if type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
        for i in 0..<GEOSGetNumGeometries_r(h, g) {
          if let part = GEOSGetGeometryN_r(h, g, i) { collect(part) }  // borrowed, not owned
        }
      }
    }
    collect(pointer)
    let collection = polygons.withUnsafeMutableBufferPointer {
      GEOSGeom_createCollection_r(h, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let collection else { throw context.takeError("MultiPolygon") }
    return Geometry(context, collection)
  }

  /// Area in squared CRS units (m² in a projected CRS in metres).
  public func area() throws(GEOSError) -> Double {
    var value = 0.0
    guard GEOSArea_r(context.handle, pointer, &value) == 1 else { throw context.takeError("Area") }  // 0 on exception
    return value
  }

  /// The bounding rectangle (an empty geometry gives an inverted, empty envelope).
  public func envelope() -> Envelope {
    let h = context.handle
    var e = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
    guard GEOSisEmpty_r(h, pointer) == 0 else { return e }  // 1 empty, 2 on exception
    // Each returns 0 on exception.
    _ = GEOSGeom_getXMin_r(h, pointer, &e.minX)
    _ = GEOSGeom_getYMin_r(h, pointer, &e.minY)
    _ = GEOSGeom_getXMax_r(h, pointer, &e.maxX)
    _ = GEOSGeom_getYMax_r(h, pointer, &e.maxY)
    return e
  }

  /// The intersection with `other`.
  public func intersection(_ other: Geometry) throws(GEOSError) -> Geometry {
    precondition(context === other.context, "geometries from different contexts")
    guard let g = GEOSIntersection_r(context.handle, pointer, other.pointer) else { throw context.takeError("Intersection") }  // NULL on exception
    return Geometry(context, g)
  }

  /// The part of the geometry inside `rect`, computed quickly (`GEOSClipByRect`): used to cut
  /// a large footprint down to a zone's neighbourhood before an exact intersection. The
  /// result may be invalid-looking at the cut but has the same intersection with anything
  /// inside the rectangle.
  public func clipped(to rect: Envelope) throws(GEOSError) -> Geometry {
    guard let g = GEOSClipByRect_r(context.handle, pointer, rect.minX, rect.minY, rect.maxX, rect.maxY) else {  // NULL on exception
      throw context.takeError("ClipByRect")
    }
    return Geometry(context, g)
  }

  /// A point guaranteed to lie inside the geometry (`GEOSPointOnSurface`).
  public func pointOnSurface() throws(GEOSError) -> (x: Double, y: Double) {
    let h = context.handle
    guard let p = GEOSPointOnSurface_r(h, pointer) else { throw context.takeError("PointOnSurface") }  // NULL on exception
    defer { GEOSGeom_destroy_r(h, p) }
    var x = 0.0, y = 0.0
    guard GEOSGeomGetX_r(h, p, &x) == 1, GEOSGeomGetY_r(h, p, &y) == 1 else { throw context.takeError("GetX/GetY") }  // 0 on exception
    return (x, y)
  }

  /// The shortest distance to `other`, in CRS units.
  public func distance(to other: Geometry) throws(GEOSError) -> Double {
    var d = 0.0
    guard GEOSDistance_r(context.handle, pointer, other.pointer, &d) == 1 else { throw context.takeError("Distance") }  // 0 on exception
    return d
  }

  /// True when the geometry has no points.
  public var isEmpty: Bool { GEOSisEmpty_r(context.handle, pointer) == 1 }
}
