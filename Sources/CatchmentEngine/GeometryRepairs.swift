/// A tally of invalid geometries that were repaired (GEOS make-valid, polygonal parts kept).
///
/// Invalid boundaries are repaired and counted, never dropped. Each task keeps its own tally;
/// ``merge(_:)`` them in a fixed order so that the examples listed do not depend on scheduling.
public struct GeometryRepairs: Sendable, Equatable {
  /// How many geometries were repaired.
  public private(set) var count = 0
  /// The first few repairs: the feature's id and GEOS's reason ("Self-intersection[x y]").
  public private(set) var examples: [(id: String, reason: String)] = []
  /// How many examples are kept.
  public static let exampleLimit = 10

  public init() {}

  /// Records one repair.
  public mutating func record(id: String, reason: String) {
    count += 1
    if examples.count < Self.exampleLimit { examples.append((id, reason)) }
  }

  /// Adds the repairs of `other` (recorded after this one's).
  public mutating func merge(_ other: GeometryRepairs) {
    count += other.count
    examples.append(contentsOf: other.examples.prefix(max(0, Self.exampleLimit - examples.count)))
  }

  public static func == (a: GeometryRepairs, b: GeometryRepairs) -> Bool {
    a.count == b.count && a.examples.elementsEqual(b.examples) { $0.id == $1.id && $0.reason == $1.reason }
  }
}
