import CatchmentCore
import CatchmentGeometry

extension LayerSpec {
  /// This layer read and brought into `workingCRS`, as ``GeometryInputs`` brings its zones and
  /// footprints: the CRS resolved by ``CRSChoice`` (own, else forced, else declared, else
  /// assumed), checked against its area of use, transformed; the readers' and PROJ's findings
  /// in the account.
  ///
  /// Features that share an id are kept apart in the layer; the account says they count as
  /// one (the measures that take a single layer, adjacency and zone shapes, join them).
  ///
  /// - Parameters:
  ///   - workingCRS: projected, in metres.
  ///   - workers: tasks to run at once (reading and transforming).
  ///   - reads: the run's reads, so that a file used by several steps is parsed once.
  /// - Throws: ``GeometryInputError`` (CRS not projected, undeclared, unknown; a GeoPackage
  ///   layer to choose), the readers' errors, PROJ's.
  public func loadProjected(
    workingCRS: CRSReference, workers: Int, reads: BoundaryReads = BoundaryReads()
  ) throws -> (layer: PolygonLayer, account: RunAccount) {
    var inputs = GeometryInputs(zones: self, footprints: self, centroids: nil, workingCRS: workingCRS, workers: workers)
    inputs.reads = reads
    let loaded = try inputs.layer(self, pools: try inputs.pools(), sameIDJoins: true)
    return (loaded.layer, loaded.account)
  }
}
