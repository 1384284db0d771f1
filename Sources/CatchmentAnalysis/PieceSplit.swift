import CatchmentEngine
import CatchmentGeometry

/// How zones split between two footprint layers at once, by the area of each piece z ∩ a ∩ b:
/// what `catchment overlap` needs for zones that both crosswalks split.
public enum PieceSplit {
  /// For each zone id in `zoneIDs` found in `zones`: (A id, B id, share) with
  /// share = area(z ∩ a ∩ b) ÷ Σ over pieces of their areas (so the zone's population is shared out
  /// in full over the pieces that footprints of both layers cover). Layers in one projected CRS.
  /// Zones not in `zones`, or meeting no piece, are left out (the caller refuses them).
  public static func shares(
    zoneIDs: [String], zones: PolygonLayer, a: PolygonLayer, b: PolygonLayer
  ) throws -> [String: [(a: String, b: String, share: Double)]] {
    for (layer, role) in [(zones, "zones"), (a, "layer A"), (b, "layer B")] { try CoordinateRangeError.check(layer, role: role) }
    let context = GEOSContext()
    func geometries(_ layer: PolygonLayer) throws -> [Geometry?] {
      try (0..<layer.count).map { f in
        try FeatureGeometryError.naming("zones split by both layers", zone: nil, of: nil, footprint: { f }, of: layer) {
          guard var g = try Geometry.polygonal(feature: f, of: layer, in: context) else { return nil }
          if !g.isValid { g = try g.madeValidPolygonal() }
          return g
        }
      }
    }
    let aGeometries = try geometries(a), bGeometries = try geometries(b)
    let aIndex = EnvelopeIndex(SpatialCrosswalk.envelopes(a)), bIndex = EnvelopeIndex(SpatialCrosswalk.envelopes(b))
    var position: [String: Int] = [:]
    for (f, id) in zones.ids.enumerated() where position[id] == nil { position[id] = f }
    var out: [String: [(a: String, b: String, share: Double)]] = [:]
    for id in zoneIDs {
      guard let f = position[id] else { continue }
      // The footprint being intersected, named if GEOS fails.
      var current: (layer: PolygonLayer, feature: Int)?
      do {
        guard var zone = try Geometry.polygonal(feature: f, of: zones, in: context) else { continue }
        if !zone.isValid { zone = try zone.madeValidPolygonal() }
        let envelope = zone.envelope()
        var pieces: [(a: String, b: String, area: Double)] = []
        for i in aIndex.query(envelope) {
          guard let footprint = aGeometries[i] else { continue }
          current = (a, i)
          let inA = try footprint.intersection(zone, near: envelope)
          guard try inA.area() > 0 else { continue }
          let pieceEnvelope = inA.envelope()
          for j in bIndex.query(pieceEnvelope) {
            guard let other = bGeometries[j] else { continue }
            current = (b, j)
            let area = try other.intersection(inA, near: pieceEnvelope).area()
            if area > 0 { pieces.append((a.ids[i], b.ids[j], area)) }
          }
        }
        var total = 0.0
        for p in pieces { total += p.area }
        guard total > 0 else { continue }
        out[id] = pieces.map { ($0.a, $0.b, $0.area / total) }
      } catch {
        throw FeatureGeometryError(
          step: "zones split by both layers", zone: FeatureGeometryError.label(zones, f),
          footprint: current.map { FeatureGeometryError.label($0.layer, $0.feature) }, underlying: error)
      }
    }
    return out
  }
}
