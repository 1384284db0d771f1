import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry

/// The polygons that split the zones two crosswalks both split (`overlap` with zone and
/// footprint polygons): the zones and each layer's footprints, read in one working CRS
/// (``DeclaredLayers``: each must declare its CRS), and each piece z ∩ a ∩ b weighted by its
/// area (``PieceSplit``).
public struct PieceSplitLayers {
  /// One polygon layer: its files, folders or patterns and its id field.
  public struct Layer: Sendable {
    public var paths: [String]
    public var idField: String

    public init(paths: [String], idField: String) {
      self.paths = paths
      self.idField = idField
    }
  }

  public var zones: Layer
  public var a: Layer
  public var b: Layer
  /// The CRS the areas are measured in (projected, in metres).
  public var workingCRS: CRSReference
  /// Tasks to run at once when transforming.
  public var workers: Int

  public init(zones: Layer, a: Layer, b: Layer, workingCRS: CRSReference, workers: Int) {
    self.zones = zones
    self.a = a
    self.b = b
    self.workingCRS = workingCRS
    self.workers = workers
  }

  /// For every zone that both `a` and `b` split, the share of the zone in each piece (A id,
  /// B id, share; the shares of a zone sum to 1), by zone code: the `splits` of
  /// ``FootprintOverlap``. Reads nothing and returns no split when no zone is split by both;
  /// otherwise notes how many of them the polygons split (a zone they do not cover is left to
  /// ``FootprintOverlap``'s refusal).
  ///
  /// - Throws: the readers' errors, ``GeometryInputError/undeclaredLayerCRS(what:)``, and
  ///   ``PieceSplit``'s geometry errors.
  public func shares(
    a crosswalkA: Crosswalk, b crosswalkB: Crosswalk
  ) throws -> (splits: [String: [(a: String, b: String, share: Double)]], account: RunAccount) {
    var account = RunAccount()
    let doubly = FootprintOverlap.doublySplitZones(a: crosswalkA, b: crosswalkB).map { crosswalkA.zones.code($0) }
    guard !doubly.isEmpty else { return ([:], account) }
    let layers = DeclaredLayers(workingCRS: workingCRS, workers: workers)
    func read(_ layer: Layer, _ what: String) throws -> PolygonLayer {
      let (read, transformed) = try layers.read(paths: layer.paths, idField: layer.idField, what: what)
      account.append(contentsOf: transformed)
      return read
    }
    let splits = try PieceSplit.shares(
      zoneIDs: doubly, zones: try read(zones, "zones"), a: try read(a, "A footprints"), b: try read(b, "B footprints"))
    account.note("\(splits.count) of the \(doubly.count) zones both crosswalks split were split by the area of each piece z ∩ a ∩ b")
    return (splits, account)
  }
}
