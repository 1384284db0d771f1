import CGEOS

/// A geometry prepared for repeated predicate tests (`GEOSPrepare_r`): its edges are indexed
/// once, so that testing many points or zones against one footprint is fast.
///
/// Which predicate to use:
/// - ``covers(x:y:)`` for points: a point on the boundary counts as inside (`contains` would
///   say no), so a centroid exactly on a shared edge is found by both footprints and the
///   caller breaks the tie (lowest footprint id).
/// - ``containsProperly(_:)-(Geometry)`` for zones: true when the zone lies in the interior,
///   touching no edge; then zone ∩ footprint is the zone itself and need not be computed.
/// - ``intersects(_:)-(Geometry)`` to skip footprints that share nothing with a zone.
///
/// Not thread safe (GEOSwift says the same of its own): keep it in the task that owns its
/// context.
public final class PreparedGeometry {
  /// The geometry it was prepared from: kept alive, as the prepared form points into it.
  public let geometry: Geometry
  /// Owned; destroyed before `geometry` (deinit runs before stored properties are released).
  let pointer: OpaquePointer

  /// Prepares `geometry`.
  public init(_ geometry: Geometry) throws(GEOSError) {
    self.geometry = geometry
    // Returns NULL on exception.
    guard let p = GEOSPrepare_r(geometry.context.handle, geometry.pointer) else {
      throw geometry.context.takeError("Prepare")
    }
    pointer = p
  }

  /// Prepares `handle`, keeping it.
  public convenience init(_ handle: consuming GeometryHandle) throws(GEOSError) {
    try self.init(Geometry(handle))
  }

  deinit { GEOSPreparedGeom_destroy_r(geometry.context.handle, pointer) }

  private var context: GEOSContext { geometry.context }

  //===--- Points ---------------------------------------------------------------------===//

  /// True when the point (x, y) lies inside or on the boundary (`GEOSPreparedCovers_r`).
  public func covers(x: Double, y: Double) throws(GEOSError) -> Bool {
    let point = try GeometryHandle(x: x, y: y, in: context)
    return try covers(point)
  }

  /// True when the point (x, y) lies in the interior: a point on the boundary does not count
  /// (`GEOSPreparedContains_r`).
  public func contains(x: Double, y: Double) throws(GEOSError) -> Bool {
    let point = try GeometryHandle(x: x, y: y, in: context)
    return try contains(point)
  }

  /// The distance from the point (x, y) to the geometry, in CRS units; 0 inside or on the
  /// boundary (`GEOSPreparedDistance_r`, GEOS 3.9+).
  public func distance(toX x: Double, y: Double) throws(GEOSError) -> Double {
    let point = try GeometryHandle(x: x, y: y, in: context)
    return try distance(to: point)
  }

  //===--- Geometries -----------------------------------------------------------------===//

  /// True when no point of `other` lies outside the geometry (boundary allowed).
  public func covers(_ other: borrowing GeometryHandle) throws(GEOSError) -> Bool {
    check(other.context)
    return try test(GEOSPreparedCovers_r(context.handle, pointer, other.pointer), "PreparedCovers")
  }

  /// True when `other` lies inside the geometry and at least one point of `other` lies in its
  /// interior (OGC contains: a point on the boundary is not contained).
  public func contains(_ other: borrowing GeometryHandle) throws(GEOSError) -> Bool {
    check(other.context)
    return try test(GEOSPreparedContains_r(context.handle, pointer, other.pointer), "PreparedContains")
  }

  /// True when `other` lies wholly in the interior, touching no boundary: then the
  /// intersection with `other` is `other` itself and need not be computed.
  public func containsProperly(_ other: borrowing GeometryHandle) throws(GEOSError) -> Bool {
    check(other.context)
    return try test(
      GEOSPreparedContainsProperly_r(context.handle, pointer, other.pointer), "PreparedContainsProperly")
  }

  /// True when `other` shares any point with the geometry.
  public func intersects(_ other: borrowing GeometryHandle) throws(GEOSError) -> Bool {
    check(other.context)
    return try test(GEOSPreparedIntersects_r(context.handle, pointer, other.pointer), "PreparedIntersects")
  }

  /// The shortest distance to `other`, in CRS units (`GEOSPreparedDistance_r`).
  public func distance(to other: borrowing GeometryHandle) throws(GEOSError) -> Double {
    check(other.context)
    var d = 0.0
    // Returns 0 on exception, 1 on success.
    guard GEOSPreparedDistance_r(context.handle, pointer, other.pointer, &d) == 1 else {
      throw context.takeError("PreparedDistance")
    }
    return d
  }

  /// See ``covers(_:)-(GeometryHandle)``.
  public func covers(_ other: Geometry) throws(GEOSError) -> Bool { try covers(other.handle) }
  /// See ``contains(_:)-(GeometryHandle)``.
  public func contains(_ other: Geometry) throws(GEOSError) -> Bool { try contains(other.handle) }
  /// See ``containsProperly(_:)-(GeometryHandle)``.
  public func containsProperly(_ other: Geometry) throws(GEOSError) -> Bool { try containsProperly(other.handle) }
  /// See ``intersects(_:)-(GeometryHandle)``.
  public func intersects(_ other: Geometry) throws(GEOSError) -> Bool { try intersects(other.handle) }
  /// See ``distance(to:)-(GeometryHandle)``.
  public func distance(to other: Geometry) throws(GEOSError) -> Double { try distance(to: other.handle) }

  private func check(_ other: GEOSContext) {
    precondition(other === context, "geometries from different GEOS contexts")
  }

  /// Prepared predicates return 1 for true, 0 for false, 2 on exception.
  private func test(_ result: Int8, _ operation: String) throws(GEOSError) -> Bool {
    if result == 2 { throw context.takeError(operation) }
    return result == 1
  }
}

@available(*, unavailable, message: "a prepared geometry belongs to its context's task")
extension PreparedGeometry: Sendable {}
