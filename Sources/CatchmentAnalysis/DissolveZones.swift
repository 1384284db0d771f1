import CatchmentCore
import CatchmentEngine
import CatchmentGeometry

/// Zone polygons made ready for dissolving into footprints, once for every layer dissolved
/// from them.
///
/// Two things are done to the zones, each reported:
/// - vertices closer than the layer's ``CatchmentGeometry/PolygonLayer/dissolveGrid`` are
///   merged (``CatchmentGeometry/PolygonLayer/mergingNearVertices(grid:)``): files written one
///   council at a time repeat shared vertices with different last digits, and GEOS refuses the
///   coverage union of such zones (41 of England's 135 CCGs from the LSOA 2011 GeoJSON by
///   council went to the slow general union);
/// - a zone that GEOS finds invalid is replaced by its valid version
///   (``CatchmentEngine/GeometryHandle/madeValidPolygonal()``), so that each dissolve need not
///   check every zone again (the validity check nodes every ring: on the national LSOA set it
///   cost more than the coverage unions themselves).
///
/// A layer without near-duplicates or invalid zones comes through unchanged, so a footprint's
/// vertices stay vertices of its zones.
public struct DissolveZones: Sendable {
  /// The zones, merged and valid, features in the input's order with its ids and names.
  public let layer: PolygonLayer
  /// Notes on the vertices merged and the zones repaired.
  public let account: RunAccount

  /// Prepares `zones`, checking validity on `workers` tasks (one GEOS context each).
  ///
  /// - Throws: ``CoordinateRangeError`` for coordinates that are not finite numbers;
  ///   ``CatchmentEngine/GEOSError`` when GEOS fails on a zone.
  public init(_ zones: PolygonLayer, workers: Int) throws {
    try CoordinateRangeError.check(zones, role: "zones")
    var account = RunAccount()
    var merged = zones
    if let grid = zones.dissolveGrid {
      let result = zones.mergingNearVertices(grid: grid)
      if result.moved > 0 {
        merged = result.layer
        account.note("\(result.moved) zone vertices within \(grid) CRS units of another were merged with it before dissolving (borders repeated with different last digits)")
      }
    }
    let layer = merged
    // nil: the zone is valid (or has no polygon) and is kept as it is.
    let repaired: [PolygonLayer?] = try ParallelChunks.map(count: layer.count, workers: workers, makeState: { GEOSContext() }) {
      context, f in
      guard !layer.polygons(ofFeature: f).isEmpty else { return nil }
      let handle = try GeometryHandle(feature: f, of: layer, in: context)
      if handle.isValid { return nil }
      var fixed = PolygonLayer(crs: layer.crs)
      try handle.madeValidPolygonal().appendPolygons(to: &fixed)
      fixed.endFeature(id: layer.ids[f], name: layer.names[f], origin: layer.origins[f])
      return fixed
    }
    let invalid = repaired.indices.filter { repaired[$0] != nil }
    if invalid.isEmpty {
      self.layer = layer
    } else {
      var rebuilt = PolygonLayer(crs: layer.crs)
      for f in 0..<layer.count { rebuilt.append(contentsOf: repaired[f] ?? layer.subset([f])) }
      self.layer = rebuilt
      account.note("\(invalid.count) zones are not valid polygons and were made valid before dissolving", codes: invalid.map { layer.ids[$0] })
    }
    self.account = account
  }
}
