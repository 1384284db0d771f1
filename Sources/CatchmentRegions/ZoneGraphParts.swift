/// One adjacency between two zones, as `catchment adjacency` writes it (`zone_a,zone_b,shared_m,kind`).
public struct ZoneLink: Sendable, Hashable {
  /// Indices into ``ZoneGraph/zoneIDs`` (any order; a pair listed twice keeps the longest shared length).
  public var a, b: Int32
  /// Length of the shared boundary in metres (0 for corners touching at a point and for links).
  public var sharedMetres: Double
  public var kind: ZoneLinkKind
  public init(a: Int32, b: Int32, sharedMetres: Double, kind: ZoneLinkKind) {
    self.a = a
    self.b = b
    self.sharedMetres = sharedMetres
    self.kind = kind
  }
}

/// How two zones touch: along a line (`edge`), at a point (`corner`), or not at all but joined so that
/// islands belong to the graph (`link`). The raw value is the word of the adjacency CSV.
public enum ZoneLinkKind: String, Sendable, Hashable, CaseIterable {
  case edge, corner, link
}

/// Flow (patients, registrations, or share × population) from the residents of one zone to one unit.
public struct ZoneUnitFlow: Sendable, Hashable {
  /// Index into ``ZoneGraph/zoneIDs`` of the residents' zone.
  public var zone: Int32
  /// Index into ``ZoneGraph/units``.
  public var unit: Int32
  /// Non-negative and finite.
  public var flow: Double
  public init(zone: Int32, unit: Int32, flow: Double) {
    self.zone = zone
    self.unit = unit
    self.flow = flow
  }
}

/// Which adjacencies make two zones neighbours when regions are checked for being in one piece.
///
/// `rook` uses edges and links (the links join islands to the mainland); `queen` also counts
/// corners (zones touching at a point only).
public enum Contiguity: String, Sendable, Hashable, CaseIterable {
  case rook, queen

  /// Whether an adjacency of this kind makes neighbours.
  public func admits(_ kind: ZoneLinkKind) -> Bool {
    switch kind {
    case .edge, .link: true
    case .corner: self == .queen
    }
  }
}
