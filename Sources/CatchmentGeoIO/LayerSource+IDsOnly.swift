import CatchmentGeometry
import Foundation

extension LayerSource.Result {
  /// The result a read of the same files with `readsGeometry: false` gives (see
  /// ``BoundaryFields/readsGeometry``), made from this full read without reading again: the
  /// features of GeoJSON files lose their polygons and their files count no empty or
  /// non-polygonal geometries, as the GeoJSON reader skips geometries unparsed; Shapefile and
  /// GeoPackage features keep theirs, as those readers read geometries regardless.
  ///
  /// A run that needs a layer's ids first (best fit with a centroid for every zone) and its
  /// polygons later (area weights, dissolving) reads the file once and takes this view of it.
  public func idsOnly() -> LayerSource.Result {
    var stripped = PolygonLayer(crs: layer.crs)
    var summaries: [LayerReadSummary] = []
    var feature = 0
    for var summary in files {
      let skipsGeometry = LayerSource.skipsGeometryWhenAsked(summary.file)
      if skipsGeometry {
        summary.emptyGeometries = 0
        summary.nonPolygonal = 0
      }
      summaries.append(summary)
      // Each file's features are a run of the merged layer, in file order.
      for f in feature..<min(feature + summary.features, layer.count) {
        if !skipsGeometry {
          for p in layer.polygons(ofFeature: f) {
            for r in layer.rings(ofPolygon: p) {
              let points = layer.points(ofRing: r)
              stripped.xs.append(contentsOf: layer.xs[points])
              stripped.ys.append(contentsOf: layer.ys[points])
              stripped.ringPoints.append(Int32(stripped.xs.count))
            }
            stripped.polygonRings.append(Int32(stripped.ringPoints.count - 1))
          }
        }
        stripped.endFeature(id: layer.ids[f], name: layer.names[f], origin: layer.origins[f])
      }
      feature += summary.features
    }
    return LayerSource.Result(layer: stripped, files: summaries, duplicateIDs: duplicateIDs)
  }
}

extension LayerSource {
  /// Whether the reader of `file` skips geometries when ``BoundaryFields/readsGeometry`` is
  /// false (GeoJSON; the binary formats read them regardless), by the extension ``readOne(_:fields:layer:)``
  /// chooses the reader by.
  static func skipsGeometryWhenAsked(_ file: String) -> Bool {
    ["geojson", "json"].contains((file as NSString).pathExtension.lowercased())
  }
}
