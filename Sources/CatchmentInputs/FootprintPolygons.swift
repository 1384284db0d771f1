import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry

/// The polygons of one footprint layer in the working CRS, one feature per footprint, for the
/// review's pack (`footprints_<layer>.geojson`) and its geodata (GeoPackage, RFC 7946 GeoJSON).
///
/// They come from the layer's own polygons when it has them (features of one id unioned into
/// one footprint), otherwise from the zone polygons dissolved along the layer's crosswalk
/// (``CatchmentAnalysis/Dissolve``, as `propose --dissolve-output` draws them). Either way the
/// polygons are read through the run's ``BoundaryReads`` and reprojected as the overlay reads
/// them (``GeometryInputs``): the CRS the files declare, else the one the study assumes.
public struct FootprintPolygons: Sendable {
  /// One feature per footprint (UNALLOCATED left out), ids in byte order, names as the layer or
  /// crosswalk gives them, coordinates in ``layer``'s CRS (the working CRS).
  public var layer: PolygonLayer
  /// The zones not drawn (dissolving) and how the footprints were drawn.
  public var account: RunAccount
  /// The zone polygons in the working CRS, when the footprints were dissolved from them.
  public var zones: PolygonLayer?

  /// The footprints of `crosswalk` dissolved from the zone polygons `zones` (its `role` is
  /// "zones"), in `workingCRS`.
  public static func dissolved(
    zones: LayerSpec, crosswalk: Crosswalk, workingCRS: CRSReference, workers: Int, reads: BoundaryReads
  ) throws -> FootprintPolygons {
    try dissolved(projectedZones: try projectedZones(zones, workingCRS: workingCRS, workers: workers, reads: reads), crosswalk: crosswalk, workers: workers)
  }

  /// The zone polygons of `zones` (its `role` is "zones") in `workingCRS`, read through `reads`:
  /// project them once for every layer dissolved from them
  /// (``dissolved(projectedZones:crosswalk:workers:)``).
  public static func projectedZones(_ zones: LayerSpec, workingCRS: CRSReference, workers: Int, reads: BoundaryReads) throws -> PolygonLayer {
    try projectedLayer(zones, workingCRS: workingCRS, workers: workers, reads: reads)
  }

  /// The footprints of `crosswalk` dissolved from zone polygons already in the working CRS.
  /// With `prepared` (the same zones made ready once for several layers, ``CatchmentAnalysis/DissolveZones``)
  /// the preparation is not repeated, and its notes are the caller's to record.
  public static func dissolved(
    projectedZones projected: PolygonLayer, prepared: DissolveZones? = nil, crosswalk: Crosswalk, workers: Int
  ) throws -> FootprintPolygons {
    let workingCRS = projected.crs
    let (drawn, account) =
      try prepared.map { try Dissolve.footprints(zones: $0, crosswalk: crosswalk, workers: workers) }
      ?? Dissolve.footprints(zones: projected, crosswalk: crosswalk, workers: workers)
    var layer = PolygonLayer(crs: workingCRS)
    for footprint in drawn { layer.append(contentsOf: footprint.polygons) }
    return FootprintPolygons(layer: layer, account: account, zones: projected)
  }

  /// The footprints of a layer drawn from its own polygons (`footprints`, whose `role` is
  /// "footprints"), in `workingCRS`: one feature per id, the features of an id unioned.
  public static func own(footprints: LayerSpec, workingCRS: CRSReference, workers: Int, reads: BoundaryReads) throws
    -> FootprintPolygons
  {
    let projected = try projectedLayer(footprints, workingCRS: workingCRS, workers: workers, reads: reads)
    var features: [String: [Int]] = [:]
    var names: [String: String] = [:]
    for (f, id) in projected.ids.enumerated() {
      features[id, default: []].append(f)
      if names[id, default: ""].isEmpty { names[id] = projected.names.indices.contains(f) ? projected.names[f] : "" }
    }
    let ids = features.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var layer = PolygonLayer(crs: workingCRS)
    var account = RunAccount()
    let context = GEOSContext()
    var unioned: [String] = []
    for id in ids {
      let group = features[id] ?? []
      if group.count == 1 {
        layer.append(contentsOf: projected.subset([group[0]]))
        continue
      }
      // A footprint drawn in several features (a Shapefile of parts): one polygon set.
      unioned.append(id)
      let union = try Dissolve.union(of: group, in: projected, context: context)
      try union.geometry.handle.appendPolygons(to: &layer)
      layer.endFeature(id: id, name: names[id] ?? "")
    }
    if !unioned.isEmpty { account.note("\(unioned.count) footprints are drawn in several features, unioned into one", codes: unioned) }
    return FootprintPolygons(layer: layer, account: account, zones: nil)
  }

  /// The layer of `spec` through `reads`, reprojected into `workingCRS` as the overlay reads it.
  static func projectedLayer(_ spec: LayerSpec, workingCRS: CRSReference, workers: Int, reads: BoundaryReads) throws -> PolygonLayer {
    try spec.loadProjected(workingCRS: workingCRS, workers: workers, reads: reads).layer
  }

  /// The footprints as a GeoJSON FeatureCollection in the working CRS (named by the legacy `crs`
  /// member, as `proposal_<name>.geojson` is), geometries written by GEOS, one feature per line
  /// with the properties `footprint_id` and `footprint_name`.
  public func geoJSON() throws -> [UInt8] {
    let context = GEOSContext()
    var features: [GeoJSONWriter.Feature] = []
    for f in 0..<layer.count {
      let geometry = try GeometryHandle(feature: f, of: layer, in: context).geoJSON()
      let name = layer.names.indices.contains(f) ? layer.names[f] : ""
      features.append(GeoJSONWriter.Feature(properties: [("footprint_id", layer.ids[f]), ("footprint_name", name)], geometry: geometry))
    }
    return Array(GeoJSONWriter.featureCollection(features, crs: layer.crs).utf8)
  }
}
