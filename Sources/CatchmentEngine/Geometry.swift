import CGEOS
import CatchmentGeometry

/// A GEOS geometry kept for a while, e.g. in an array of footprints: a class owning one
/// ``GeometryHandle``, destroyed when the last reference goes.
///
/// `Array` cannot hold `~Copyable` values, hence this class beside the scoped handle. Results
/// of operations that are measured and dropped are best left as handles
/// (``intersectionArea(with:)`` never makes a Swift object for the intersection).
///
/// It belongs to its ``GEOSContext``: use it only in the task that owns that context.
public final class Geometry {
  /// The geometry.
  public let handle: GeometryHandle

  /// Keeps `handle`.
  public init(_ handle: consuming GeometryHandle) { self.handle = handle }

  init(_ context: GEOSContext, _ pointer: OpaquePointer) { handle = GeometryHandle(context, pointer) }

  var context: GEOSContext { handle.context }
  var pointer: OpaquePointer { handle.pointer }

  /// Builds feature `feature` of `layer` (see ``GeometryHandle/init(feature:of:in:)``), or
  /// nil for a feature without polygons (a null shape).
  ///
  /// - Throws: ``GEOSError`` when GEOS rejects a ring.
  public static func polygonal(feature: Int, of layer: PolygonLayer, in context: GEOSContext) throws(GEOSError)
    -> Geometry?
  {
    guard !layer.polygons(ofFeature: feature).isEmpty else { return nil }
    return Geometry(try GeometryHandle(feature: feature, of: layer, in: context))
  }

  /// Builds feature `feature` of `layer`, repairing it if invalid and recording the repair
  /// (under the feature's id) in `repairs`; nil for a feature without polygons.
  public static func polygonal(
    feature: Int, of layer: PolygonLayer, in context: GEOSContext, repairs: inout GeometryRepairs
  ) throws(GEOSError) -> Geometry? {
    guard !layer.polygons(ofFeature: feature).isEmpty else { return nil }
    let id = layer.ids.indices.contains(feature) ? layer.ids[feature] : "feature \(feature)"
    return Geometry(try GeometryHandle(feature: feature, of: layer, in: context).repairedIfInvalid(id: id, repairs: &repairs))
  }

  /// A point.
  public static func point(x: Double, y: Double, in context: GEOSContext) throws(GEOSError) -> Geometry {
    Geometry(try GeometryHandle(x: x, y: y, in: context))
  }

  /// True when GEOS considers the geometry valid (OGC rules).
  public var isValid: Bool { handle.isValid }

  /// Why the geometry is invalid, as GEOS words it ("Self-intersection[x y]").
  public var invalidReason: String { handle.invalidReason }

  /// True when the geometry has no points.
  public var isEmpty: Bool { handle.isEmpty }

  /// A valid version keeping only the polygonal parts (see
  /// ``GeometryHandle/madeValidPolygonal()``).
  public func madeValidPolygonal() throws(GEOSError) -> Geometry { Geometry(try handle.madeValidPolygonal()) }

  /// Area in squared CRS units (m² in a projected CRS in metres).
  public func area() throws(GEOSError) -> Double { try handle.area() }

  /// The bounding rectangle (``Envelope/empty`` for an empty geometry).
  public func envelope() -> Envelope { handle.envelope() }

  /// The intersection with `other`, kept. To measure it only, use ``intersectionArea(with:)``.
  public func intersection(_ other: Geometry) throws(GEOSError) -> Geometry {
    Geometry(try handle.intersection(with: other.handle))
  }

  /// area(self ∩ other) in squared CRS units; the intersection is freed at once.
  public func intersectionArea(with other: Geometry) throws(GEOSError) -> Double {
    try handle.intersectionArea(with: other.handle)
  }

  /// self ∩ other, where `other` lies within `rect` (pass `other`'s envelope): exact, and
  /// faster than ``intersection(_:)`` when self is a large footprint and `other` a small zone.
  ///
  /// Self is first cut to `rect` grown by 1% of its larger side (GEOS ClipByRect, linear in
  /// self's vertices, where an overlay is not). ClipByRect is not robust: when a vertex of
  /// self lies on the cut line the cut shape can be invalid (a ring touching itself), and an
  /// overlay of an invalid shape can report area that is not there or fail outright. Growing
  /// the rectangle keeps the cut away from `other`, whose own vertices (shared with self where
  /// a footprint was dissolved from its zones) lie on `rect`'s edges; and a cut shape that is
  /// not valid is never used: self is intersected whole instead. Either way the result is the
  /// exact overlay of two valid geometries.
  public func intersection(_ other: Geometry, near rect: Envelope) throws(GEOSError) -> Geometry {
    let margin = 0.01 * max(rect.maxX - rect.minX, rect.maxY - rect.minY)
    let grown = Envelope(minX: rect.minX - margin, minY: rect.minY - margin, maxX: rect.maxX + margin, maxY: rect.maxY + margin)
    let cut = try handle.clipped(to: grown)
    if cut.isValid { return Geometry(try cut.intersection(with: other.handle)) }
    return Geometry(try handle.intersection(with: other.handle))
  }

  /// A point guaranteed to lie inside the geometry (`GEOSPointOnSurface`).
  public func pointOnSurface() throws(GEOSError) -> (x: Double, y: Double) { try handle.pointOnSurface() }

  /// The shortest distance to `other`, in CRS units.
  public func distance(to other: Geometry) throws(GEOSError) -> Double { try handle.distance(to: other.handle) }

  /// The shortest distance to the point (x, y), in CRS units; 0 inside.
  public func distance(toX x: Double, y: Double) throws(GEOSError) -> Double { try handle.distance(toX: x, y: y) }
}

@available(*, unavailable, message: "a GEOS geometry belongs to its context's task")
extension Geometry: Sendable {}
