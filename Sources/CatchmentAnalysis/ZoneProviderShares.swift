/// The share of each zone's population attributed to each provider: share(z, p), sparse, one row
/// per zone (compressed sparse rows).
///
/// Every catchment method produces one: from activity (OHID proportional flow and its variants)
/// or modelled from sites (nearest, Huff). Catchment populations follow as
/// CP(p) = Σz share(z,p)·pop(z); whatever a zone's shares leave, 1 − Σp share(z,p), is its
/// UNATTRIBUTED remainder. Rows list providers in ascending index order.
public struct ZoneProviderShares: Sendable, Equatable {
  /// Zone ids, in row order.
  public let zones: [String]
  /// Provider ids; entries refer to them by index.
  public let providers: [String]
  /// Row z holds entries `rowStart[z]..<rowStart[z+1]`; `rowStart.count == zones.count + 1`.
  public let rowStart: [Int]
  /// Provider index of each entry.
  public let provider: [Int32]
  /// Share of each entry, in [0, 1].
  public let share: [Double]

  public init(zones: [String], providers: [String], rowStart: [Int], provider: [Int32], share: [Double]) {
    precondition(rowStart.count == zones.count + 1 && rowStart.first == 0 && rowStart.last == provider.count, "rows cover the entries")
    precondition(provider.count == share.count, "one share per entry")
    self.zones = zones
    self.providers = providers
    self.rowStart = rowStart
    self.provider = provider
    self.share = share
  }

  /// Entries of zone `z`.
  @inlinable public func entries(ofZone z: Int) -> Range<Int> { rowStart[z]..<rowStart[z + 1] }

  /// Σp share(z,p): 1 when the zone is fully attributed.
  public func total(ofZone z: Int) -> Double {
    var sum = 0.0
    for e in entries(ofZone: z) { sum += share[e] }
    return sum
  }
}
