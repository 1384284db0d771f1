import CatchmentCore
import CatchmentEngine
import CatchmentGeometry

/// Where a single command's footprint polygons come from, for its geodata (`--gpkg`,
/// `--geojson`).
extension FootprintPolygons {
  /// The footprints' own polygons (with the zone polygons for the zones table when given), or
  /// the zone polygons dissolved along the command's crosswalk.
  public enum Source: Sendable {
    case own(footprints: LayerSpec, zones: LayerSpec?)
    case dissolved(zones: LayerSpec)
  }

  /// The footprints of `crosswalk` drawn from `source`, in `workingCRS`, read through `reads`
  /// (share the run's, so that each file is read once).
  public static func drawn(_ source: Source, crosswalk: Crosswalk, workingCRS: CRSReference, workers: Int, reads: BoundaryReads) throws
    -> FootprintPolygons
  {
    switch source {
    case .own(let footprints, let zones):
      var drawn = try own(footprints: footprints, workingCRS: workingCRS, workers: workers, reads: reads)
      if let zones { drawn.zones = try projectedZones(zones, workingCRS: workingCRS, workers: workers, reads: reads) }
      return drawn
    case .dissolved(let zones):
      return try dissolved(zones: zones, crosswalk: crosswalk, workingCRS: workingCRS, workers: workers, reads: reads)
    }
  }

  /// The footprints `propose --dissolve-output` drew (in the zones' CRS), and their zones,
  /// transformed by PROJ into `workingCRS`: one dissolve serves both outputs.
  ///
  /// - Throws: ``GeometryInputError/undeclaredLayerCRS(what:)`` when the zone files declare no
  ///   CRS; PROJ's errors.
  public static func projected(_ drawing: FootprintDrawing, workingCRS: CRSReference) throws -> FootprintPolygons {
    var footprints = drawing.footprints, zones = drawing.zones
    if drawing.crs != workingCRS {
      guard drawing.crs.projDefinition != nil else { throw GeometryInputError.undeclaredLayerCRS(what: "zones") }
      let transformer = try CoordinateTransformer(from: drawing.crs, to: workingCRS)
      try transformer.transform(&footprints)
      try transformer.transform(&zones)
    }
    return FootprintPolygons(layer: footprints, account: RunAccount(), zones: zones)
  }
}
