import CatchmentTables

/// How zones (LSOAs, MSOAs) make up footprints: the weight w(z,f) of zone z in footprint f.
///
/// This is the contract between commands. Every zone that was read appears, and each zone's
/// weights sum to 1: whatever is not allocated to a real footprint is held by the reserved
/// footprint ``Crosswalk/unallocated``. Lookup tables give weights of 0/1 (or their own
/// weights); geometry methods give best-fit 0/1 or area shares.
///
/// Storage is compressed sparse rows: the entries of zone `z` are
/// `entryFootprint[zoneStart[z]..<zoneStart[z+1]]` with matching `entryWeight`. Zone and
/// footprint ids follow the byte order of their codes, so iterating ids gives sorted output.
public struct Crosswalk: Sendable {
  /// The reserved footprint that holds every unallocated remainder.
  public static let unallocated = "UNALLOCATED"

  /// Zone codes, ids in sorted code order.
  public let zones: CodeTable
  /// Footprint codes, ids in sorted code order, ``unallocated`` included when used.
  public let footprints: CodeTable
  /// Footprint names by footprint id ("" when unknown).
  public let footprintNames: [String]
  /// Index of each zone's first entry; `zoneStart.count == zones.count + 1`.
  public let zoneStart: [Int32]
  /// Footprint id of each entry.
  public let entryFootprint: [Int32]
  /// Weight of each entry, in (0, 1].
  public let entryWeight: [Double]
  /// How the weights were made: "lookup", "best-fit", "area", or as read from a file.
  public let method: String
  /// Fast zone look-up from code bytes (see ``ZoneLookup``).
  public let zoneLookup: ZoneLookup
  /// Best fit only: per zone, the distance in metres from its point to the footprint it was
  /// snapped to when the point lay outside every footprint; NaN for points inside one. Nil
  /// for methods without distances.
  public let zoneDistance: [Double]?

  /// The id of ``unallocated`` in ``footprints``, when any zone uses it.
  public var unallocatedID: Int32? { footprints.find(Self.unallocated) }

  /// True when any footprint has a name.
  public var hasNames: Bool { footprintNames.contains { !$0.isEmpty } }

  /// The entries of zone `zone` as index range into ``entryFootprint``/``entryWeight``.
  @inlinable
  public func entries(ofZone zone: Int32) -> Range<Int> {
    Int(zoneStart[Int(zone)])..<Int(zoneStart[Int(zone) + 1])
  }

  /// True when every weight is exactly 1 (best fit or a one-to-one lookup).
  public var isWholeZone: Bool { entryWeight.allSatisfy { $0 == 1 } }

  /// Footprint codes that are real footprints (``unallocated`` excluded), sorted.
  public var realFootprintCodes: [String] { footprints.codes.filter { $0 != Self.unallocated } }

  /// Creates a crosswalk from its parts; use ``CrosswalkBuilder`` instead.
  init(
    zones: CodeTable, footprints: CodeTable, footprintNames: [String], zoneStart: [Int32],
    entryFootprint: [Int32], entryWeight: [Double], method: String, zoneDistance: [Double]? = nil
  ) {
    self.zones = zones
    self.footprints = footprints
    self.footprintNames = footprintNames
    self.zoneStart = zoneStart
    self.entryFootprint = entryFootprint
    self.entryWeight = entryWeight
    self.method = method
    self.zoneLookup = ZoneLookup(zones: zones)
    self.zoneDistance = zoneDistance
  }
}

extension Crosswalk {
  /// Every zone's weights by footprint code, `[zone: [footprint: weight]]`: a convenience for
  /// small crosswalks and tests (large ones are better walked through ``entries(ofZone:)``).
  public func weightsByZone() -> [String: [String: Double]] {
    var result: [String: [String: Double]] = [:]
    for z in 0..<zones.count {
      for e in entries(ofZone: Int32(z)) {
        result[zones.code(Int32(z)), default: [:]][footprints.code(entryFootprint[e])] = entryWeight[e]
      }
    }
    return result
  }
}
