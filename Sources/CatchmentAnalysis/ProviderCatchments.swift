import CatchmentCore
import CatchmentTables

/// Catchment populations: CP(p) = Σz share(z,p)·pop(z), with each zone's remainder
/// max(0, pop(z) − Σp share(z,p)·pop(z)) in UNATTRIBUTED (taken as a difference of people, not
/// pop(z)·(1 − Σ shares), so that a zone split .6/.3 leaves exactly 100 of 1,000).
///
/// For every method whose shares sum to at most 1 per zone (all but `threshold:X` with X < 0.5),
/// Σp CP(p) + UNATTRIBUTED = Σz pop(z). Sums run in zone order, so they never depend on
/// scheduling.
public struct ProviderCatchments: Sendable {
  /// The row for population no provider takes.
  public static let unattributed = "UNATTRIBUTED"

  public let shares: ZoneProviderShares
  /// pop(z), by zone of `shares`.
  public let population: [Double]
  /// CP(p), by provider index of `shares`.
  public let catchment: [Double]
  /// Zones with share(z,p) > 0, by provider index.
  public let zoneCount: [Int]
  /// Σz pop(z)·max(0, 1 − Σp share(z,p)).
  public let unattributed: Double
  /// Zones with some remainder.
  public let unattributedZones: Int

  public init(shares: ZoneProviderShares, population: [Double]) {
    precondition(population.count == shares.zones.count, "one population per zone")
    var catchment = [Double](repeating: 0, count: shares.providers.count)
    var zoneCount = [Int](repeating: 0, count: shares.providers.count)
    var rest = 0.0
    var restZones = 0
    for z in 0..<shares.zones.count {
      for e in shares.entries(ofZone: z) {
        let p = Int(shares.provider[e])
        catchment[p] += shares.share[e] * population[z]
        zoneCount[p] += 1
      }
      let remainder = Self.remainder(of: z, in: shares, population: population[z])
      if remainder.share > 0 {
        rest += remainder.people
        restZones += 1
      }
    }
    self.shares = shares
    self.population = population
    self.catchment = catchment
    self.zoneCount = zoneCount
    unattributed = rest
    unattributedZones = restZones
  }

  /// What zone `z` leaves to UNATTRIBUTED: the share 1 − Σp share(z,p) and the people
  /// pop − Σp share(z,p)·pop, both at least 0; none when the shares reach 1 − 10⁻¹² (shares
  /// rescaled to 1 may fall short of it by rounding, and a remainder of 10⁻¹⁶ is not one).
  public static func remainder(of z: Int, in shares: ZoneProviderShares, population: Double) -> (share: Double, people: Double) {
    var total = 0.0, taken = 0.0
    for e in shares.entries(ofZone: z) {
      total += shares.share[e]
      taken += shares.share[e] * population
    }
    guard total < 1 - 1e-12 else { return (0, 0) }
    return (1 - total, max(0, population - taken))
  }

  /// Provider indices in byte order of their codes.
  public var providerOrder: [Int] {
    shares.providers.indices.sorted { shares.providers[$0].utf8.lexicographicallyPrecedes(shares.providers[$1].utf8) }
  }

  /// `provider_id[,provider_name],catchment_population,zones`, sorted by provider id, then
  /// UNATTRIBUTED (with the number of zones holding a remainder). Providers with no catchment
  /// are kept (catchment 0) so that every provider read appears.
  public func csv(names: [String: String]? = nil, numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(header: names == nil ? ["provider_id", "catchment_population", "zones"] : ["provider_id", "provider_name", "catchment_population", "zones"], byteOrderMark: byteOrderMark)
    for p in providerOrder {
      let id = shares.providers[p]
      let values = [numbers.people(catchment[p]), numbers.count(zoneCount[p])]
      out.append(names == nil ? [id] + values : [id, names![id] ?? ""] + values)
    }
    let values = [numbers.people(unattributed), numbers.count(unattributedZones)]
    out.append(names == nil ? [Self.unattributed] + values : [Self.unattributed, ""] + values)
    return out
  }

  /// The zone × provider table, long: `zone_id,provider_id,share,catchment_population`, zones in
  /// byte order, providers in byte order, then the zone's UNATTRIBUTED remainder when positive;
  /// `provider_name` after `provider_id` when `names` are given.
  public func zoneCSV(names: [String: String]? = nil, numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(
      header: names == nil ? ["zone_id", "provider_id", "share", "catchment_population"] : ["zone_id", "provider_id", "provider_name", "share", "catchment_population"],
      byteOrderMark: byteOrderMark)
    func provider(_ id: String) -> [String] { names.map { [id, $0[id] ?? ""] } ?? [id] }
    let rank = ranks(shares.providers)
    let zoneOrder = shares.zones.indices.sorted { shares.zones[$0].utf8.lexicographicallyPrecedes(shares.zones[$1].utf8) }
    for z in zoneOrder {
      let entries = shares.entries(ofZone: z).sorted { rank[Int(shares.provider[$0])] < rank[Int(shares.provider[$1])] }
      for e in entries {
        out.append([shares.zones[z]] + provider(shares.providers[Int(shares.provider[e])]) + [numbers.ratio(shares.share[e]), numbers.people(shares.share[e] * population[z])])
      }
      let remainder = Self.remainder(of: z, in: shares, population: population[z])
      if remainder.share > 0 {
        out.append([shares.zones[z]] + provider(Self.unattributed) + [numbers.ratio(remainder.share), numbers.people(remainder.people)])
      }
    }
    return out
  }

  /// Position of each code in byte order.
  func ranks(_ codes: [String]) -> [Int] {
    var rank = [Int](repeating: 0, count: codes.count)
    for (position, index) in codes.indices.sorted(by: { codes[$0].utf8.lexicographicallyPrecedes(codes[$1].utf8) }).enumerated() {
      rank[index] = position
    }
    return rank
  }
}
