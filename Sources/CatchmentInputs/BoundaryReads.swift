import CatchmentGeoIO
import CatchmentGeometry
import Foundation

/// The boundary layers and centroid tables of one run, each file read once however many steps
/// use it (``InputTables`` does the same for the CSV tables).
///
/// A layer is kept as read, in its files' own CRS with the CRS they declare: each step resolves
/// the CRS and transforms its own copy (``GeometryInputs``), or dissolves it as it stands
/// (``FootprintDrawing``), so one read serves every CRS choice. Layers are keyed by their paths,
/// id and name attributes and GeoPackage layer; centroids by path, columns and CRS.
///
/// A step that needs only a layer's ids (best fit with a centroid for every zone) asks for a read
/// without geometry. When a later step of the run needs the polygons of the same layer (area
/// weights, dissolving), the front end says so first (``willNeedGeometry(paths:idField:nameField:gpkgLayer:)``):
/// the first ask then reads the polygons too and hands the ids-only step the view an ids-only
/// read gives (``CatchmentGeoIO/LayerSource/Result/idsOnly()``), so the file is parsed once.
///
/// A reference type: the copies of a value that holds it share one cache. A read that fails is
/// not kept (the run stops on it).
public final class BoundaryReads: @unchecked Sendable {
  private let lock = NSLock()
  /// Reads with geometry (`true`) and ids-only reads (`false`), by layer.
  private var layers: [LayerKey: [Bool: LayerSource.Result]] = [:]
  private var geometryNeeded: Set<LayerKey> = []
  private var points: [PointsKey: PointLayer] = [:]

  public init() {}

  /// Says that a step of this run will need the polygons of the layer, so that an earlier
  /// ids-only ask reads them at once rather than the file being parsed twice.
  public func willNeedGeometry(paths: [String], idField: String, nameField: String? = nil, gpkgLayer: String? = nil) {
    let key = LayerKey(paths: paths, id: idField, name: nameField, gpkgLayer: gpkgLayer)
    lock.withLock { _ = geometryNeeded.insert(key) }
  }

  /// The layer of `paths` read with `fields` (``CatchmentGeoIO/LayerSource/read(paths:fields:layer:)``),
  /// from the run's earlier read of it when there is one.
  public func layer(paths: [String], fields: BoundaryFields, gpkgLayer: String? = nil) throws -> LayerSource.Result {
    let key = LayerKey(paths: paths, id: fields.id, name: fields.name, gpkgLayer: gpkgLayer)
    let (kept, readsGeometry) = lock.withLock { () -> (LayerSource.Result?, Bool) in
      if let full = layers[key]?[true] { return (fields.readsGeometry ? full : full.idsOnly(), true) }
      if !fields.readsGeometry, let idsOnly = layers[key]?[false] { return (idsOnly, false) }
      return (nil, fields.readsGeometry || geometryNeeded.contains(key))
    }
    if let kept { return kept }
    var asked = fields
    asked.readsGeometry = readsGeometry
    let read = try LayerSource.read(paths: paths, fields: asked, layer: gpkgLayer)
    lock.withLock { layers[key, default: [:]][readsGeometry] = read }
    return fields.readsGeometry || !readsGeometry ? read : read.idsOnly()
  }

  /// The centroids of `spec` in their own CRS (``CatchmentGeoIO/PointsCSV/read(path:columns:crs:)``),
  /// from the run's earlier read of them when there is one.
  public func centroids(_ spec: CentroidSpec) throws -> PointLayer {
    let key = PointsKey(path: spec.path, id: spec.idColumn, x: spec.xColumn, y: spec.yColumn, crs: spec.crs.crs)
    if let layer = lock.withLock({ points[key] }) { return layer }
    let layer = try PointsCSV.read(path: spec.path, columns: .init(id: spec.idColumn, x: spec.xColumn, y: spec.yColumn), crs: spec.crs.crs)
    lock.withLock { points[key] = layer }
    return layer
  }
}

private struct LayerKey: Hashable {
  var paths: [String]
  var id: String
  var name: String?
  var gpkgLayer: String?
}

private struct PointsKey: Hashable {
  var path: String
  var id: String
  var x: String
  var y: String
  /// The CRS the points carry.
  var crs: CRSReference

  // CRSReference is Equatable only: hashed by its PROJ definition, compared whole.
  func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(id)
    hasher.combine(x)
    hasher.combine(y)
    hasher.combine(crs.projDefinition)
  }
}
