import CatchmentGeometry

/// Which zones of a layer are neighbours: those sharing a line of boundary (edges), those
/// touching at a point (corners), and the links that join islands to the rest, so the graph of
/// zones is connected (the input of the methods that grow contiguous regions). See <doc:ZoneNeighbours>.
///
/// Shared lengths are measured on the geometry, not by matching identical vertices: every ring
/// segment is filed in a grid (`SegmentGrid`) and every two segments of different zones that
/// lie on one line within ``toleranceMetres`` add the length of their overlap
/// (`SegmentContact`). A boundary where one zone has a vertex in the middle of the other's
/// segment (a T-junction) is therefore shared in full; libpysal's rook and queen weights,
/// which look for common vertices, miss such pairs. Zones that meet only at a point, or share
/// no more than the minimum length, are corners. Holes are boundary: a zone filling another's
/// hole is its neighbour. Features sharing an id are one zone (its parts, or its pieces in the
/// files of a set split by council), so zones in different files are found adjacent.
///
/// Links: while the zones form more than one connected
/// component (edges and corners), every component but the largest is joined from its zone
/// nearest to the rest to that nearest outside zone; the joins are taken shortest first and the
/// step repeated until one component is left.
public struct ZoneAdjacency: Sendable {
  /// How two zones are neighbours; the raw value is the word written in the CSV.
  public enum Kind: String, Sendable, CaseIterable {
    /// A shared line longer than the minimum.
    case edge
    /// Touching at a point, or sharing a line no longer than the minimum.
    case corner
    /// No contact: joins two components, across the gap between them.
    case link
  }

  /// Two neighbouring zones.
  public struct Pair: Sendable, Equatable {
    /// Indices into ``ZoneAdjacency/zoneIDs``, `a < b`.
    public var a: Int32
    public var b: Int32
    /// Length of boundary shared, in metres (0 for a link).
    public var sharedMetres: Double
    public var kind: Kind
    /// For a link, the distance between the two zones in metres; 0 otherwise.
    public var gapMetres: Double

    public init(a: Int32, b: Int32, sharedMetres: Double, kind: Kind, gapMetres: Double = 0) {
      self.a = a
      self.b = b
      self.sharedMetres = sharedMetres
      self.kind = kind
      self.gapMetres = gapMetres
    }
  }

  /// How far apart two segments may be and still meet, in metres: 1 cm. Wider than the rounding
  /// of projected coordinates (far below a millimetre) and than the bend a straight line takes
  /// between a longitude–latitude CRS and a projected one over a boundary segment, narrower
  /// than any real gap between zones.
  public static let toleranceMetres = 0.01

  /// Unique zone ids, in byte order.
  public var zoneIDs: [String]
  /// Neighbouring pairs, ordered by (a, b): edges, corners and links.
  public var pairs: [Pair]
  /// The connected components of edges and corners, before linking: zone indices in order, the
  /// largest component first (ties: the one with the smaller first zone).
  public var components: [[Int32]]
  /// Zones without geometry (nothing to measure a gap from): left unlinked, in order.
  public var unlinked: [Int32]

  public init(zoneIDs: [String], pairs: [Pair], components: [[Int32]], unlinked: [Int32]) {
    self.zoneIDs = zoneIDs
    self.pairs = pairs
    self.components = components
    self.unlinked = unlinked
  }

  /// The adjacency of the zones of `layer`.
  ///
  /// - Parameters:
  ///   - layer: in a projected CRS, in metres.
  ///   - minShared: metres of shared boundary above which a pair is an edge (at or below, a corner).
  ///   - links: whether to link the components into one.
  ///   - workers: tasks to run at once; the result is the same whatever the number.
  /// - Throws: ``CoordinateRangeError`` for coordinates that are not finite numbers.
  public static func measure(_ layer: PolygonLayer, minShared: Double, links: Bool, workers: Int) throws -> ZoneAdjacency {
    try CoordinateRangeError.check(layer, role: "zones")
    let (ids, zoneOfFeature) = FeatureZones.uniqueIDs(layer.ids)
    // The grid files segments within twice the tolerance: a contact point, within the tolerance
    // of both segments up to rounding, lies in a cell filing both.
    let grid = SegmentGrid(layer, zoneOfFeature: zoneOfFeature, margin: 2 * toleranceMetres)
    let contacts = try ZoneContacts.measure(grid, tolerance: toleranceMetres, workers: workers)
    var pairs = contacts.a.indices.map { k in
      Pair(a: contacts.a[k], b: contacts.b[k], sharedMetres: contacts.shared[k], kind: contacts.shared[k] > minShared ? .edge : .corner)
    }
    let components = Self.components(zones: ids.count, pairs: pairs)
    var hasGeometry = [Bool](repeating: false, count: ids.count)
    for s in 0..<grid.count { hasGeometry[Int(grid.zone[s])] = true }
    let unlinked = (0..<ids.count).filter { !hasGeometry[$0] }.map(Int32.init)
    if links && components.count > 1 {
      pairs += link(grid, components: components, hasGeometry: hasGeometry)
      pairs.sort { ($0.a, $0.b) < ($1.a, $1.b) }
    }
    return ZoneAdjacency(zoneIDs: ids, pairs: pairs, components: components, unlinked: unlinked)
  }

  /// Number of pairs of each kind.
  public func count(_ kind: Kind) -> Int { pairs.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }
}
