import CGEOS

/// A geometry prepared for repeated predicate tests (`GEOSPrepare`): indexes its edges once,
/// so that testing many points or zones against one footprint is fast.
///
/// Not thread safe: keep it in the task that owns its context.
public final class PreparedGeometry {
  /// The geometry it was prepared from (kept alive: the prepared form points into it).
  public let geometry: Geometry
  let pointer: OpaquePointer

  public init(_ geometry: Geometry) throws(GEOSError) {
    self.geometry = geometry
    guard let p = GEOSPrepare_r(geometry.context.handle, geometry.pointer) else {  // NULL on exception
      throw geometry.context.takeError("Prepare")
    }
    pointer = p
  }

  deinit { GEOSPreparedGeom_destroy_r(geometry.context.handle, pointer) }

  /// True when the point lies inside or on the boundary (covers: an edge point counts).
  public func covers(x: Double, y: Double) throws(GEOSError) -> Bool {
    let point = try Geometry.point(x: x, y: y, in: geometry.context)
    return try test(GEOSPreparedCovers_r(geometry.context.handle, pointer, point.pointer), "PreparedCovers")
  }

  /// True when `other` lies wholly in the interior (touching the boundary does not count):
  /// then an intersection with it is `other` itself and need not be computed.
  public func containsProperly(_ other: Geometry) throws(GEOSError) -> Bool {
    try test(GEOSPreparedContainsProperly_r(geometry.context.handle, pointer, other.pointer), "PreparedContainsProperly")
  }

  /// True when `other` shares any point with the geometry.
  public func intersects(_ other: Geometry) throws(GEOSError) -> Bool {
    try test(GEOSPreparedIntersects_r(geometry.context.handle, pointer, other.pointer), "PreparedIntersects")
  }

  /// Predicates return 1 true, 0 false, 2 on exception.
  private func test(_ result: Int8, _ operation: String) throws(GEOSError) -> Bool {
    if result == 2 { throw geometry.context.takeError(operation) }
    return result == 1
  }
}
