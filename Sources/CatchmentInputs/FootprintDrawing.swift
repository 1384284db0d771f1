import CatchmentAnalysis
import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry

/// Footprint polygons drawn by dissolving zone polygons along a crosswalk, as a GeoJSON
/// FeatureCollection in the zones' own CRS (`propose --dissolve-output`).
public struct FootprintDrawing: Sendable {
  /// The GeoJSON text: one feature per footprint with FOOTPRINT_ID, FOOTPRINT_NAME and ZONES
  /// (the number of zones dissolved).
  public var geoJSON: String
  /// Footprints drawn.
  public var count: Int
  /// The CRS of the coordinates: the zones'.
  public var crs: CRSReference
  /// The zones not drawn and how the footprints were dissolved: record it in the step's report.
  public var account: RunAccount
  /// The footprints' polygons, one feature per footprint (ids in byte order), in ``crs``.
  public var footprints: PolygonLayer
  /// The zone polygons they were dissolved from, as read (in ``crs``).
  public var zones: PolygonLayer

  /// Reads the zone polygons of `paths` (ids from `idField`), through `reads` (a run's earlier
  /// read of them when there is one), and dissolves them into the footprints of `crosswalk`.
  public static func dissolve(
    zonePaths paths: [String], idField: String, crosswalk: Crosswalk, workers: Int, reads: BoundaryReads = BoundaryReads()
  ) throws -> FootprintDrawing {
    let layer = try reads.layer(paths: paths, fields: BoundaryFields(id: idField)).layer
    let (drawn, account) = try Dissolve.footprints(zones: layer, crosswalk: crosswalk, workers: workers)
    var footprints = PolygonLayer(crs: layer.crs)
    for footprint in drawn { footprints.append(contentsOf: footprint.polygons) }
    let features = drawn.map { GeoJSONWriter.Feature(properties: [("FOOTPRINT_ID", $0.id), ("FOOTPRINT_NAME", $0.name), ("ZONES", String($0.zones))], geometry: $0.geoJSON) }
    return FootprintDrawing(
      geoJSON: GeoJSONWriter.featureCollection(features, crs: layer.crs), count: drawn.count, crs: layer.crs, account: account,
      footprints: footprints, zones: layer)
  }
}
