import CatchmentGeometry

/// Features whose coordinates are not finite numbers of a plausible size: NaN, ±∞, or beyond
/// ``CoordinateRangeError/bound`` (1e300 from a corrupt file, ∞ from a transformation that
/// failed). Geometry with such coordinates has no meaningful area or position, so a crosswalk
/// refuses it, naming every such feature, rather than placing it somewhere or nowhere.
public struct CoordinateRangeError: Error, Sendable, CustomStringConvertible {
  /// Largest coordinate magnitude accepted: 10¹⁰ units is 10 million km in metres or feet, far
  /// beyond any CRS the tool works in, yet small enough that areas (≤ 10²⁰) stay finite.
  public static let bound = 1e10

  /// "zones" or "footprints".
  public let role: String
  /// The features, "origin (id)".
  public let features: [String]

  public var description: String {
    "\(role): \(features.count) feature\(features.count == 1 ? " has" : "s have") coordinates that are not finite numbers within ±1e10 (NaN, infinite, or impossibly large, in the file or after transformation): \(features.joined(separator: ", "))"
  }

  /// Throws when any feature of `layer` has such a coordinate.
  static func check(_ layer: PolygonLayer, role: String) throws {
    let bad = layer.features(withCoordinatesBeyond: bound)
    if !bad.isEmpty { throw CoordinateRangeError(role: role, features: bad.map { FeatureGeometryError.label(layer, $0) }) }
  }
}
