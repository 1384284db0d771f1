import CatchmentEngine
import CatchmentGeometry

/// A GEOS operation failed while measuring particular features: which zone, which footprint
/// (when one was involved), where each came from, and GEOS's own words. Thrown instead of a
/// bare ``GEOSError`` so that a failure on national data names the feature to look at.
public struct FeatureGeometryError: Error, Sendable, CustomStringConvertible {
  /// What was being done, e.g. "area crosswalk".
  public let step: String
  /// The zone: "lsoa.geojson#12 (E01012636)", when one was involved.
  public let zone: String?
  /// The footprint being intersected with the zone, when there was one.
  public let footprint: String?
  /// GEOS's error.
  public let underlying: GEOSError

  public var description: String {
    let on = [zone.map { "zone \($0)" }, footprint.map { "footprint \($0)" }].compactMap { $0 }
    return "\(step): \(underlying)" + (on.isEmpty ? "" : " on " + on.joined(separator: " and "))
  }

  /// "origin (id)" of feature `f` of `layer`, or "feature f (id)" when its origin is unknown.
  static func label(_ layer: PolygonLayer, _ f: Int) -> String {
    let origin = layer.origins.indices.contains(f) && !layer.origins[f].isEmpty ? layer.origins[f] : "feature \(f + 1)"
    let id = layer.ids.indices.contains(f) ? layer.ids[f] : ""
    return id.isEmpty ? origin : "\(origin) (\(id))"
  }

  /// Runs `body`, turning a ``GEOSError`` into a ``FeatureGeometryError`` naming zone `z` of
  /// `zones` (when given) and, when `footprint()` gives one, that footprint of `footprints`.
  static func naming<T>(
    _ step: String, zone z: Int?, of zones: PolygonLayer?, footprint: () -> Int?, of footprints: PolygonLayer,
    _ body: () throws -> T
  ) throws -> T {
    do {
      return try body()
    } catch let error as GEOSError {
      let zone = z.flatMap { z in zones.map { label($0, z) } }
      throw FeatureGeometryError(step: step, zone: zone, footprint: footprint().map { label(footprints, $0) }, underlying: error)
    }
  }
}
