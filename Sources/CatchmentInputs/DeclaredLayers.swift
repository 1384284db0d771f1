import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry

/// Polygon layers that must declare their CRS, read and brought into one working CRS, with
/// PROJ's choice of transformation reported (e.g. the three layers that `overlap` splits).
public struct DeclaredLayers {
  let pools: TransformerPool.Cache

  /// - Parameters:
  ///   - workingCRS: the CRS to bring every layer into.
  ///   - workers: tasks to run at once when transforming.
  public init(workingCRS: CRSReference, workers: Int) {
    pools = TransformerPool.Cache(target: workingCRS.written, workers: workers)
  }

  /// The layer of `paths` with ids from `idField`, in the working CRS; `what` names it in
  /// messages ("zones", "A footprints"); the account says how PROJ transformed it.
  public func read(paths: [String], idField: String, what: String) throws -> (layer: PolygonLayer, account: RunAccount) {
    var layer = try LayerSource.read(paths: paths, fields: BoundaryFields(id: idField)).layer
    guard let source = layer.crs.projDefinition else { throw GeometryInputError.undeclaredLayerCRS(what: what) }
    let account = try pools.pool(from: source).transform(&layer.xs, &layer.ys, reportingAs: what, from: "\(layer.crs)")
    return (layer, account)
  }
}
