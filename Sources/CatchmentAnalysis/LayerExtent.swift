import CatchmentEngine
import CatchmentTables

/// Where a layer lies: the envelope of its coordinates in the CRS they were read in, and in
/// the working CRS.
///
/// Used to refuse a run in which no feature of one layer can meet any feature of the other
/// (``requireMeeting(_:_:workingCRS:)``): the usual cause is a layer read in the wrong CRS —
/// lon/lat degrees taken as British National Grid metres put a whole layer within a few metres
/// of the grid's origin — and the crosswalk would otherwise send every zone to UNALLOCATED
/// with exit 0.
public struct LayerExtent: Sendable, Equatable {
  /// The layer, for messages ("zones", "footprints", "centroids").
  public var role: String
  /// The CRS its coordinates were read in, as the caller describes it.
  public var crs: String
  /// Envelope in that CRS (empty when the layer has no finite coordinate).
  public var own: Envelope
  /// Envelope, or a box sure to contain it, in the working CRS.
  public var working: Envelope

  public init(role: String, crs: String, own: Envelope, working: Envelope) {
    self.role = role
    self.crs = crs
    self.own = own
    self.working = working
  }

  /// The envelope of the finite points (xs[i], ys[i]); non-finite values are skipped (they
  /// are the readers' to report).
  public static func envelope(xs: [Double], ys: [Double]) -> Envelope {
    var e = Envelope.empty
    for i in 0..<min(xs.count, ys.count) where xs[i].isFinite && ys[i].isFinite {
      e.minX = min(e.minX, xs[i])
      e.maxX = max(e.maxX, xs[i])
      e.minY = min(e.minY, ys[i])
      e.maxY = max(e.maxY, ys[i])
    }
    return e
  }

  /// A box in the working CRS holding the image of `own`, for a layer whose vertices are not
  /// reprojected up front: the boundary of `own` sampled at 64 points a side (the image of a
  /// rectangle's inside lies within the image of its boundary), transformed, and grown by
  /// 1 m + 1 % of the box's longer side for the curvature between samples.
  public static func workingBox(of own: Envelope, transform: (inout [Double], inout [Double]) throws -> Void) rethrows -> Envelope {
    guard !own.isEmpty else { return .empty }
    let n = 64
    var xs: [Double] = [], ys: [Double] = []
    for k in 0...n {
      let t = Double(k) / Double(n)
      let x = own.minX + t * (own.maxX - own.minX), y = own.minY + t * (own.maxY - own.minY)
      xs += [x, x, own.minX, own.maxX]
      ys += [own.minY, own.maxY, y, y]
    }
    try transform(&xs, &ys)
    let box = envelope(xs: xs, ys: ys)
    guard !box.isEmpty else { return box }
    return box.expanded(by: 1 + 0.01 * max(box.maxX - box.minX, box.maxY - box.minY))
  }

  /// Throws when both layers have coordinates and their working-CRS envelopes do not meet:
  /// then no feature of `first` can meet any feature of `second`.
  public static func requireMeeting(_ first: LayerExtent, _ second: LayerExtent, workingCRS: String) throws(DisjointLayersError) {
    guard !first.working.isEmpty, !second.working.isEmpty, !first.working.intersects(second.working) else { return }
    throw DisjointLayersError(first: first, second: second, workingCRS: workingCRS)
  }

  /// "x 83,000 … 420,000, y 5,000 … 230,000": whole units for large values, 4 decimals for
  /// degrees.
  func describe(_ e: Envelope) -> String {
    func n(_ v: Double) -> String { NumberFormat.csv(abs(v) >= 1_000 ? v.rounded() : (v * 10_000).rounded() / 10_000) }
    return "x \(n(e.minX)) … \(n(e.maxX)), y \(n(e.minY)) … \(n(e.maxY))"
  }
}

/// Two layers that cannot meet: their envelopes in the working CRS do not intersect, so no
/// zone meets any footprint. Names both layers' extents in the working CRS and in their own.
public struct DisjointLayersError: Error, Sendable, CustomStringConvertible {
  public let first: LayerExtent
  public let second: LayerExtent
  public let workingCRS: String

  public var description: String {
    "none of the \(first.role) meets any of the \(second.role): in \(workingCRS) the \(first.role) lie within \(first.describe(first.working)) "
      + "and the \(second.role) within \(second.describe(second.working)); in their own CRSs the \(first.role) (\(first.crs)) lie within "
      + "\(first.describe(first.own)) and the \(second.role) (\(second.crs)) within \(second.describe(second.own)). "
      + "One of the layers is probably read in the wrong CRS (degrees taken as metres, or the reverse)"
  }
}
