import CatchmentGeometry

/// The rings of a polygon layer cut into arcs, each shared border stored once.
///
/// An arc is a maximal chain of edges between junctions: a vertex is a junction when two of
/// its occurrences (in any rings) have different neighbour pairs — where a border between two
/// polygons meets a third polygon or the outside. Between junctions every vertex is used by the
/// same rings with the same neighbours, so the chain is the same points in both neighbours
/// (once forwards, once backwards) and is stored once, in a canonical direction. A ring without
/// junction (an island, or a hole filled exactly by one enclave) is one closed arc, rotated to
/// start at its smallest vertex so that the enclave's ring and the hole match.
///
/// Vertices are matched exactly (same Double bits; −0 = +0), as in footprints dissolved from a
/// zone set that shares vertices (ONS boundaries, the demo LSOAs). Layers digitised separately,
/// whose neighbours do not share vertices, get one arc per ring side: each is simplified on its
/// own, so their drawn borders can differ by at most twice the tolerance (see
/// ``DisplayGeometry``), and ``sharedArcCount`` counts only exactly shared arcs.
public struct ArcTopology: Sendable {
  /// Distinct vertices (x, y) in layer coordinates.
  public private(set) var points: [(x: Double, y: Double)] = []
  /// Each arc as vertex indices into ``points`` (closed arcs repeat their first vertex last).
  public private(set) var arcs: [[Int32]] = []
  /// How many ring sides use each arc (1: on the outside of the layer; 2: a shared border).
  public private(set) var arcUses: [Int] = []
  /// For each ring of the layer (layer ring index), its arcs in order: (arc, reversed).
  public private(set) var ringArcs: [[(arc: Int, reversed: Bool)]] = []

  /// Arcs used by two ring sides or more: the shared borders.
  public var sharedArcCount: Int { arcUses.filter { $0 >= 2 }.count }

  public init(layer: PolygonLayer) {
    var index: [PointKey: Int32] = [:]
    var rings: [[Int32]] = []
    let ringCount = layer.ringPoints.count - 1
    rings.reserveCapacity(ringCount)
    for r in 0..<ringCount {
      var ring: [Int32] = []
      for i in layer.points(ofRing: r) {
        let key = PointKey(x: layer.xs[i], y: layer.ys[i])
        let id: Int32
        if let known = index[key] {
          id = known
        } else {
          id = Int32(points.count)
          index[key] = id
          points.append((layer.xs[i] == 0 ? 0 : layer.xs[i], layer.ys[i] == 0 ? 0 : layer.ys[i]))
        }
        if ring.last != id { ring.append(id) }  // repeated vertices bound no edge
      }
      if ring.count > 1 && ring.first == ring.last { ring.removeLast() }  // open: the closing edge is implied
      rings.append(ring)
    }
    // Junctions: vertices whose occurrences disagree on their neighbours.
    var neighbours: [Int32: (Int32, Int32)] = [:]
    var junction = Set<Int32>()
    for ring in rings where ring.count >= 3 {
      for k in ring.indices {
        let previous = ring[(k + ring.count - 1) % ring.count], next = ring[(k + 1) % ring.count]
        let pair = previous < next ? (previous, next) : (next, previous)
        if let seen = neighbours[ring[k]] {
          if seen != pair { junction.insert(ring[k]) }
        } else {
          neighbours[ring[k]] = pair
        }
      }
    }
    var arcIndex: [[Int32]: Int] = [:]
    for ring in rings {
      guard ring.count >= 3 else {
        ringArcs.append([])
        continue
      }
      var pieces: [[Int32]] = []
      if let start = ring.firstIndex(where: junction.contains) {
        let rotated = Array(ring[start...] + ring[..<start]) + [ring[start]]
        var piece: [Int32] = [rotated[0]]
        for v in rotated.dropFirst() {
          piece.append(v)
          if junction.contains(v) {
            pieces.append(piece)
            piece = [v]
          }
        }
      } else {
        let start = ring.indices.min { ring[$0] < ring[$1] } ?? 0
        pieces.append(Array(ring[start...] + ring[..<start]) + [ring[start]])
      }
      var refs: [(arc: Int, reversed: Bool)] = []
      for piece in pieces {
        let backwards = Array(piece.reversed())
        let reversed = Self.precedes(backwards, piece)
        let canonical = reversed ? backwards : piece
        if let known = arcIndex[canonical] {
          arcUses[known] += 1
          refs.append((known, reversed))
        } else {
          arcIndex[canonical] = arcs.count
          refs.append((arcs.count, reversed))
          arcs.append(canonical)
          arcUses.append(1)
        }
      }
      ringArcs.append(refs)
    }
  }

  /// Canonical direction: the one whose vertex sequence is lexicographically smaller (for an
  /// open arc this is decided by its end vertices; a closed one starts at its smallest vertex,
  /// so only the direction is compared).
  static func precedes(_ a: [Int32], _ b: [Int32]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return x < y }
    return false
  }

  /// Exact coordinates as a key (−0 and +0 the same).
  struct PointKey: Hashable {
    let x: UInt64
    let y: UInt64
    init(x: Double, y: Double) {
      self.x = (x == 0 ? 0.0 : x).bitPattern
      self.y = (y == 0 ? 0.0 : y).bitPattern
    }
  }
}
