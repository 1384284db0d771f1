import CGEOS

/// A GEOS STR-packed R-tree (`GEOSSTRtree_create_r`) over rectangles, each tagged with an item
/// index: "which footprints may meet this zone", "which footprint is nearest this point".
///
/// Usage follows GEOS's rule: insert everything first; the tree is built at the first query
/// and accepts no inserts after that (``insert(_:item:)`` then fails a precondition).
///
///     let tree = STRtree(in: context)
///     for (f, footprint) in footprints.enumerated() { tree.insert(footprint.geometry.envelope(), item: f) }
///     let candidates = tree.query(zone.envelope())       // ascending item indices
///     let nearest = try tree.nearest(toX: x, y: y, among: footprints)
///
/// Results are returned in ascending item order and ties in ``nearest(to:among:)`` go to the
/// lowest item, so nothing depends on the tree's internal layout.
///
/// It belongs to its ``GEOSContext``: use it in the task that owns the context. (For an index
/// shared by several tasks, see ``EnvelopeIndex``, which is pure Swift.)
public final class STRtree {
  let context: GEOSContext
  /// Owned; destroyed in deinit.
  let tree: OpaquePointer
  /// Number of items inserted.
  public private(set) var count = 0
  private var built = false

  /// An empty tree with `nodeCapacity` children per node (GEOS's and shapely's default: 10).
  public init(nodeCapacity: Int = 10, in context: GEOSContext) {
    precondition(nodeCapacity >= 2, "an STRtree node needs at least 2 children")
    self.context = context
    // Returns NULL on exception (only for a capacity below 2, excluded above).
    tree = GEOSSTRtree_create_r(context.handle, nodeCapacity)!
  }

  deinit { GEOSSTRtree_destroy_r(context.handle, tree) }

  /// Items are stored as the pointer value item + 1, so that item 0 is not a null pointer.
  private static func token(_ item: Int) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer(bitPattern: item + 1)!
  }
  private static func item(_ token: UnsafeRawPointer) -> Int { Int(bitPattern: token) - 1 }

  /// Adds `item` with bounding rectangle `envelope` (an empty envelope is not added).
  ///
  /// - Precondition: the tree has not been queried yet.
  public func insert(_ envelope: Envelope, item: Int) {
    precondition(!built, "GEOS STRtree: insert after the first query")
    precondition(item >= 0, "STRtree items are non-negative indices")
    guard !envelope.isEmpty else { return }
    // GEOS copies the rectangle's envelope into the tree (TemplateSTRtree stores envelopes by
    // value), so the temporary rectangle can go at once. Returns NULL on exception.
    guard let box = GEOSGeom_createRectangle_r(context.handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
    else { preconditionFailure("GEOS cannot make the rectangle \(envelope): \(context.takeError("Rectangle"))") }
    defer { GEOSGeom_destroy_r(context.handle, box) }
    // No return value; fails only on allocation.
    GEOSSTRtree_insert_r(context.handle, tree, box, Self.token(item))
    count += 1
  }

  /// Adds `item` with the bounding rectangle of `geometry`.
  public func insert(_ geometry: borrowing GeometryHandle, item: Int) {
    insert(geometry.envelope(), item: item)
  }

  /// The items whose rectangle intersects `envelope` (edges touching count), ascending.
  public func query(_ envelope: Envelope) -> [Int] {
    built = true
    guard !envelope.isEmpty, count > 0 else { return [] }
    guard let box = GEOSGeom_createRectangle_r(context.handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
    else { preconditionFailure("GEOS cannot make the rectangle \(envelope): \(context.takeError("Rectangle"))") }
    defer { GEOSGeom_destroy_r(context.handle, box) }
    var found: [Int] = []
    withUnsafeMutablePointer(to: &found) { buffer in
      // The callback is a plain C function: it reaches the result array through the user-data
      // pointer, not through a captured Swift context. No return value.
      GEOSSTRtree_query_r(
        context.handle, tree, box,
        { token, userData in
          guard let token, let userData else { return }
          userData.assumingMemoryBound(to: [Int].self).pointee.append(STRtree.item(token))
        }, buffer)
    }
    found.sort()
    return found
  }

  /// The items whose rectangle intersects `geometry`'s, ascending.
  public func query(_ geometry: borrowing GeometryHandle) -> [Int] { query(geometry.envelope()) }

  /// The item nearest `query` by true geometric distance, and that distance (0 when they
  /// meet); nil for an empty tree. Ties go to the lowest item.
  ///
  /// `items[i]` must be the geometry inserted as item `i`. The search is
  /// `GEOSSTRtree_nearest_generic_r` with a distance callback (prepared distance, exact)
  /// that finds the items through a user-data pointer; it visits only the items whose
  /// rectangle is no farther than the best distance found so far. Equal distances are then
  /// settled by checking every item within that distance, lowest item first.
  ///
  /// - Throws: ``GEOSError`` when a distance fails.
  public func nearest(to query: borrowing GeometryHandle, among items: [PreparedGeometry]) throws(GEOSError)
    -> (item: Int, distance: Double)?
  {
    precondition(query.context === context, "geometries from different GEOS contexts")
    built = true
    guard count > 0 else { return nil }
    let h = context.handle
    var search = NearestSearch(context: h, query: query.pointer, items: items.map(\.pointer), failed: false)
    // The query is passed as a token no item uses (the address of the search itself).
    let found: UnsafeRawPointer? = withUnsafeMutablePointer(to: &search) { searchPointer in
      // Returns the nearest item, or NULL on exception (also when the callback fails).
      GEOSSTRtree_nearest_generic_r(
        h, tree, UnsafeRawPointer(searchPointer), query.pointer,
        { a, b, distance, userData in
          // GEOS 3.11 treats a zero return as failure ("Failed to compute distance") despite
          // the header's wording, so return 1 on success.
          guard let a, let b, let distance, let userData else { return 0 }
          let search = userData.assumingMemoryBound(to: NearestSearch.self)
          // One of the two is the query (its token is the search's address), the other an item.
          let i = STRtree.item(a == UnsafeRawPointer(search) ? b : a)
          guard search.pointee.items.indices.contains(i) else {
            search.pointee.failed = true
            return 0
          }
          // Returns 0 on exception.
          guard GEOSPreparedDistance_r(search.pointee.context, search.pointee.items[i], search.pointee.query, distance) == 1 else {
            search.pointee.failed = true
            return 0
          }
          return 1
        }, searchPointer)
    }
    guard let found, !search.failed else { throw context.takeError("STRtree nearest") }
    let first = Self.item(found)
    guard items.indices.contains(first) else { throw context.takeError("STRtree nearest") }
    // The best distance; then every item whose rectangle is within it, for ties.
    var best = (item: first, distance: try items[first].distance(to: query))
    for i in self.query(query.envelope().expanded(by: best.distance)) where i != best.item && i < items.count {
      let d = try items[i].distance(to: query)
      if d < best.distance || (d == best.distance && i < best.item) { best = (i, d) }
    }
    return best
  }

  /// The item nearest the point (x, y); see ``nearest(to:among:)``.
  public func nearest(toX x: Double, y: Double, among items: [PreparedGeometry]) throws(GEOSError)
    -> (item: Int, distance: Double)?
  {
    let point = try GeometryHandle(x: x, y: y, in: context)
    return try nearest(to: point, among: items)
  }
}

/// What the nearest-neighbour distance callback needs, reached through its user-data pointer.
private struct NearestSearch {
  let context: GEOSContextHandle_t
  let query: OpaquePointer
  /// The prepared geometry of each item (borrowed from the caller's array for the call).
  let items: [OpaquePointer]
  var failed: Bool
}

@available(*, unavailable, message: "a GEOS STRtree belongs to its context's task")
extension STRtree: Sendable {}
