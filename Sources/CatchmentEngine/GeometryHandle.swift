import CGEOS
import CatchmentGeometry

/// A GEOS geometry with a scoped lifetime: destroyed (`GEOSGeom_destroy_r`) exactly once, when
/// it goes out of scope, with no reference counting.
///
/// Use it for results that are measured and then dropped (an intersection whose area is all
/// that matters, a zone tested against its footprints). `~Copyable` values cannot live in an
/// `Array`; wrap one in a ``Geometry`` (a class) or a ``PreparedGeometry`` to keep it.
///
/// A handle belongs to the ``GEOSContext`` that made it: use it only in the task that owns that
/// context, and combine it only with geometries of the same context (checked by precondition).
///
///     let context = GEOSContext()
///     let zone = try GeometryHandle(feature: 0, of: zones, in: context)
///     let footprint = try GeometryHandle(feature: 3, of: footprints, in: context)
///     let shared = try zone.intersectionArea(with: footprint)  // m² in the working CRS
public struct GeometryHandle: ~Copyable {
  let context: GEOSContext
  /// Owned: destroyed in `deinit`.
  let pointer: OpaquePointer

  /// Takes ownership of `pointer`, a geometry made with `context`.
  init(_ context: GEOSContext, _ pointer: OpaquePointer) {
    self.context = context
    self.pointer = pointer
  }

  deinit { GEOSGeom_destroy_r(context.handle, pointer) }

  //===--- Building -------------------------------------------------------------------===//

  /// Builds feature `feature` of `layer`: a Polygon when it has one polygon, else a
  /// MultiPolygon (an empty MultiPolygon for a feature without polygons, e.g. a null shape).
  ///
  /// Rings are taken as stored: first the exterior, then holes, closed. Coordinates are copied
  /// a ring at a time with `GEOSCoordSeq_copyFromArrays_r` (GEOS 3.10+), straight from the
  /// layer's flat `xs`/`ys` arrays. The result is not checked for validity: see
  /// ``isValid`` and ``repairedIfInvalid(id:repairs:)``.
  ///
  /// - Throws: ``GEOSError`` when GEOS rejects a ring (fewer than 4 points, not closed).
  /// - Complexity: O(points of the feature).
  public init(feature: Int, of layer: PolygonLayer, in context: GEOSContext) throws(GEOSError) {
    let h = context.handle
    let polygons = layer.polygons(ofFeature: feature)
    var parts: [OpaquePointer?] = []
    parts.reserveCapacity(polygons.count)
    // Frees what was built so far when a later step fails (GEOS owns nothing yet).
    func abandon(_ rings: [OpaquePointer?]) {
      for g in rings + parts { if let g { GEOSGeom_destroy_r(h, g) } }
    }
    func label() -> String {
      layer.origins.indices.contains(feature) && !layer.origins[feature].isEmpty
        ? layer.origins[feature] : "feature \(feature)"
    }
    for p in polygons {
      var rings: [OpaquePointer?] = []
      for r in layer.rings(ofPolygon: p) {
        let points = layer.points(ofRing: r)
        // Copies the arrays; returns NULL on exception.
        let sequence = layer.xs.withUnsafeBufferPointer { xs in
          layer.ys.withUnsafeBufferPointer { ys in
            GEOSCoordSeq_copyFromArrays_r(
              h, xs.baseAddress! + points.lowerBound, ys.baseAddress! + points.lowerBound, nil, nil,
              UInt32(points.count))
          }
        }
        guard let sequence else {
          abandon(rings)
          throw context.takeError("CoordSeq (\(label()))")
        }
        // Takes ownership of the sequence (also on failure); returns NULL on exception.
        guard let ring = GEOSGeom_createLinearRing_r(h, sequence) else {
          abandon(rings)
          throw context.takeError("LinearRing (\(label()))")
        }
        rings.append(ring)
      }
      guard !rings.isEmpty else { continue }
      let shell = rings.removeFirst()
      // Takes ownership of the shell and holes once it has checked they are rings (always
      // here); returns NULL on exception, leaving them to the caller.
      let polygon = rings.withUnsafeMutableBufferPointer { holes in
        GEOSGeom_createPolygon_r(h, shell, holes.baseAddress, UInt32(holes.count))
      }
      guard let polygon else {
        abandon([shell] + rings)
        throw context.takeError("Polygon (\(label()))")
      }
      parts.append(polygon)
    }
    if parts.count == 1, let only = parts[0] {
      self.init(context, only)
      return
    }
    // Takes ownership of the parts, even when it then fails (GEOS 3.11 moves them into
    // unique_ptrs first), so they are not freed here; returns NULL on exception.
    let collection = parts.withUnsafeMutableBufferPointer {
      GEOSGeom_createCollection_r(h, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let collection else { throw context.takeError("MultiPolygon (\(label()))") }
    self.init(context, collection)
  }

  /// A point.
  public init(x: Double, y: Double, in context: GEOSContext) throws(GEOSError) {
    // Returns NULL on exception.
    guard let p = GEOSGeom_createPointFromXY_r(context.handle, x, y) else { throw context.takeError("Point") }
    self.init(context, p)
  }

  /// The rectangle `rect` as a polygon (`GEOSGeom_createRectangle_r`, GEOS 3.11+).
  public init(rectangle rect: Envelope, in context: GEOSContext) throws(GEOSError) {
    // Returns NULL on exception.
    guard let g = GEOSGeom_createRectangle_r(context.handle, rect.minX, rect.minY, rect.maxX, rect.maxY) else {
      throw context.takeError("Rectangle")
    }
    self.init(context, g)
  }

  /// An independent copy (`GEOSGeom_clone_r`).
  public func clone() throws(GEOSError) -> GeometryHandle {
    // Returns NULL on exception.
    guard let g = GEOSGeom_clone_r(context.handle, pointer) else { throw context.takeError("Clone") }
    return GeometryHandle(context, g)
  }

  //===--- Validity -------------------------------------------------------------------===//

  /// True when GEOS considers the geometry valid under the OGC rules (`GEOSisValid_r`).
  /// An exception while checking counts as invalid.
  public var isValid: Bool { GEOSisValid_r(context.handle, pointer) == 1 }  // 2 on exception

  /// Why the geometry is invalid, in GEOS's words ("Self-intersection[1 1]"), or "Valid
  /// Geometry".
  public var invalidReason: String {
    // Returns a buffer to free with GEOSFree_r, or NULL on exception.
    guard let text = GEOSisValidReason_r(context.handle, pointer) else { return "unknown" }
    defer { GEOSFree_r(context.handle, text) }
    return String(cString: text)
  }

  /// A valid geometry covering the same area, keeping its polygonal parts only, as one
  /// MultiPolygon.
  ///
  /// `GEOSMakeValid_r` (the "linework" method, the same as shapely's `make_valid` default)
  /// can return a GeometryCollection with lines or points beside the polygons where a ring
  /// touched or retraced itself; those bound no area and are dropped. A bow tie becomes its
  /// two triangles.
  ///
  /// - Throws: ``GEOSError`` when GEOS fails.
  public func madeValidPolygonal() throws(GEOSError) -> GeometryHandle {
    // Returns NULL on exception.
    guard let fixed = GEOSMakeValid_r(context.handle, pointer) else { throw context.takeError("MakeValid") }
    return try GeometryHandle(context, fixed).polygonalParts()
  }

  /// The polygonal geometry rebuilt by a buffer of distance 0 (`GEOSBuffer_r`, 8 segments per
  /// quadrant, which a zero distance never uses).
  ///
  /// A coverage union of zones is right in its linework but may come out invalid where a
  /// footprint's boundary touches itself at a vertex (two parts meeting at a point, a hole
  /// touching its shell): the rings are traced as one self-intersecting ring. The zero buffer
  /// re-forms such rings into valid shells and holes in about the time of a validity check,
  /// where a general union would re-node every zone. It can drop area on truly overlapping
  /// input, so callers compare areas before trusting it (see `Dissolve`).
  ///
  /// - Throws: ``GEOSError`` when GEOS fails.
  public func bufferedByZero() throws(GEOSError) -> GeometryHandle {
    // Returns NULL on exception.
    guard let rebuilt = GEOSBuffer_r(context.handle, pointer, 0, 8) else { throw context.takeError("Buffer") }
    return GeometryHandle(context, rebuilt)
  }

  /// This geometry if valid, else ``madeValidPolygonal()``, recording the repair in `repairs`
  /// under `id`. Invalid input is repaired, never dropped.
  public consuming func repairedIfInvalid(id: String, repairs: inout GeometryRepairs) throws(GEOSError)
    -> GeometryHandle
  {
    if isValid { return self }
    let reason = invalidReason
    let fixed = try madeValidPolygonal()
    repairs.record(id: id, reason: reason)
    return fixed
  }

  /// The union of polygonal geometries that form a coverage (neighbours share edges vertex for
  /// vertex, nothing overlaps), by `GEOSCoverageUnion_r`: shared edges cancel, in time linear
  /// in the vertices, where a general union nodes everything. The input is not checked: on one
  /// that is not a coverage the result may be invalid or GEOS may fail, so callers check it
  /// (see `FootprintCoverage`).
  public init(coverageUnionOf parts: [Geometry], in context: GEOSContext) throws(GEOSError) {
    let collection = try Self.collection(of: parts, in: context)
    defer { GEOSGeom_destroy_r(context.handle, collection) }
    // Returns NULL on exception.
    guard let union = GEOSCoverageUnion_r(context.handle, collection) else { throw context.takeError("CoverageUnion") }
    self.init(context, union)
  }

  /// The union of any geometries (`GEOSUnaryUnion_r`): robust, for inputs that are not a clean
  /// coverage (see ``init(coverageUnionOf:in:)`` for those that are).
  public init(unionOf parts: [Geometry], in context: GEOSContext) throws(GEOSError) {
    let collection = try Self.collection(of: parts, in: context)
    defer { GEOSGeom_destroy_r(context.handle, collection) }
    guard let union = GEOSUnaryUnion_r(context.handle, collection) else { throw context.takeError("UnaryUnion") }  // NULL on exception
    self.init(context, union)
  }

  /// A new GeometryCollection of copies of `parts` (the caller destroys it).
  private static func collection(of parts: [Geometry], in context: GEOSContext) throws(GEOSError) -> OpaquePointer {
    let h = context.handle
    var clones: [OpaquePointer?] = []
    for part in parts {
      precondition(part.handle.context === context, "geometries of one context")
      guard let copy = GEOSGeom_clone_r(h, part.handle.pointer) else {  // NULL on exception
        for c in clones { GEOSGeom_destroy_r(h, c) }
        throw context.takeError("Clone")
      }
      clones.append(copy)
    }
    // Takes ownership of the clones, even when it then fails; returns NULL on exception.
    let collection = clones.withUnsafeMutableBufferPointer {
      GEOSGeom_createCollection_r(h, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let collection else { throw context.takeError("GeometryCollection") }
    return collection
  }

  /// The geometry as a GeoJSON geometry object, compact (`GEOSGeoJSONWriter`, GEOS 3.10+).
  public func geoJSON() throws(GEOSError) -> String {
    let h = context.handle
    guard let writer = GEOSGeoJSONWriter_create_r(h) else { throw context.takeError("GeoJSONWriter") }  // NULL on exception
    defer { GEOSGeoJSONWriter_destroy_r(h, writer) }
    guard let text = GEOSGeoJSONWriter_writeGeometry_r(h, writer, pointer, -1) else { throw context.takeError("GeoJSON") }  // NULL on exception
    defer { GEOSFree_r(h, text) }
    return String(cString: text)
  }

  /// The polygons of this geometry, found recursively through collections, as one
  /// MultiPolygon (empty when there are none).
  public func polygonalParts() throws(GEOSError) -> GeometryHandle {
    let h = context.handle
    var polygons: [OpaquePointer?] = []
    func collect(_ g: OpaquePointer) {
      let type = GEOSGeomTypeId_r(h, g)  // -1 on exception
      if type == Int32(GEOS_POLYGON.rawValue) {
        if GEOSisEmpty_r(h, g) == 0, let copy = GEOSGeom_clone_r(h, g) { polygons.append(copy) }  // NULL on exception
      } else if type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
        let n = GEOSGetNumGeometries_r(h, g)  // -1 on exception
        for i in 0..<max(n, 0) {
          // Borrowed: owned by g, not to be destroyed; NULL on exception.
          if let part = GEOSGetGeometryN_r(h, g, i) { collect(part) }
        }
      }
    }
    collect(pointer)
    // Takes ownership of the clones, even when it then fails; returns NULL on exception.
    let collection = polygons.withUnsafeMutableBufferPointer {
      GEOSGeom_createCollection_r(h, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
    }
    guard let collection else { throw context.takeError("MultiPolygon") }
    return GeometryHandle(context, collection)
  }

  //===--- Measures -------------------------------------------------------------------===//

  /// True when the geometry has no points.
  public var isEmpty: Bool { GEOSisEmpty_r(context.handle, pointer) == 1 }  // 2 on exception

  /// The area, in squared units of the CRS: m² in a projected CRS in metres (the working CRS,
  /// EPSG:27700 by default). Meaningless in degrees.
  public func area() throws(GEOSError) -> Double {
    var value = 0.0
    // Returns 0 on exception.
    guard GEOSArea_r(context.handle, pointer, &value) == 1 else { throw context.takeError("Area") }
    return value
  }

  /// The bounding rectangle (``Envelope/empty`` for an empty geometry).
  public func envelope() -> Envelope {
    let h = context.handle
    var e = Envelope.empty
    guard GEOSisEmpty_r(h, pointer) == 0 else { return e }  // 1 when empty, 2 on exception
    // Each returns 0 on exception (only for empty input, excluded above).
    _ = GEOSGeom_getXMin_r(h, pointer, &e.minX)
    _ = GEOSGeom_getYMin_r(h, pointer, &e.minY)
    _ = GEOSGeom_getXMax_r(h, pointer, &e.maxX)
    _ = GEOSGeom_getYMax_r(h, pointer, &e.maxY)
    return e
  }

  /// A point guaranteed to lie inside the geometry (`GEOSPointOnSurface_r`): the stand-in for
  /// a zone's population-weighted centroid when none is given.
  public func pointOnSurface() throws(GEOSError) -> (x: Double, y: Double) {
    let h = context.handle
    // Returns NULL on exception.
    guard let p = GEOSPointOnSurface_r(h, pointer) else { throw context.takeError("PointOnSurface") }
    defer { GEOSGeom_destroy_r(h, p) }
    var x = 0.0, y = 0.0
    // Each returns 0 on exception (e.g. an empty point, from an empty geometry).
    guard GEOSGeomGetX_r(h, p, &x) == 1, GEOSGeomGetY_r(h, p, &y) == 1 else {
      throw context.takeError("PointOnSurface (empty geometry?)")
    }
    return (x, y)
  }

  /// The shortest distance to `other`, in CRS units (metres); 0 when they meet.
  public func distance(to other: borrowing GeometryHandle) throws(GEOSError) -> Double {
    precondition(context === other.context, "geometries from different GEOS contexts")
    var d = 0.0
    // Returns 0 on exception.
    guard GEOSDistance_r(context.handle, pointer, other.pointer, &d) == 1 else { throw context.takeError("Distance") }
    return d
  }

  /// The shortest distance to the point (x, y), in CRS units (metres); 0 inside.
  public func distance(toX x: Double, y: Double) throws(GEOSError) -> Double {
    let point = try GeometryHandle(x: x, y: y, in: context)
    return try distance(to: point)
  }

  //===--- Overlay --------------------------------------------------------------------===//

  /// The intersection with `other` (`GEOSIntersection_r`, OverlayNG).
  ///
  /// - Throws: ``GEOSError``, e.g. a TopologyException for an invalid input: repair inputs
  ///   first (``repairedIfInvalid(id:repairs:)``).
  public func intersection(with other: borrowing GeometryHandle) throws(GEOSError) -> GeometryHandle {
    precondition(context === other.context, "geometries from different GEOS contexts")
    // Returns NULL on exception.
    guard let g = GEOSIntersection_r(context.handle, pointer, other.pointer) else {
      throw context.takeError("Intersection")
    }
    return GeometryHandle(context, g)
  }

  /// area(self ∩ other), in squared CRS units; the intersection itself is freed at once.
  public func intersectionArea(with other: borrowing GeometryHandle) throws(GEOSError) -> Double {
    try intersection(with: other).area()
  }

  /// The part of the geometry inside `rect` (`GEOSClipByRect_r`): much cheaper than an
  /// intersection, and used to cut a large footprint down to a zone's envelope first.
  ///
  /// The result may be invalid (GEOS's documented caveat), notably when a vertex lies on the
  /// cut line, and an overlay of an invalid shape is wrong: use it only through
  /// ``Geometry/intersection(_:near:)``, which checks.
  func clipped(to rect: Envelope) throws(GEOSError) -> GeometryHandle {
    // Returns NULL on exception.
    guard let g = GEOSClipByRect_r(context.handle, pointer, rect.minX, rect.minY, rect.maxX, rect.maxY) else {
      throw context.takeError("ClipByRect")
    }
    return GeometryHandle(context, g)
  }
}

@available(*, unavailable, message: "a GEOS geometry belongs to its context's task")
extension GeometryHandle: Sendable {}
