import CatchmentCore
import CatchmentTables

/// Providers as members of systems (footprints): how much of each provider's catchment lives in
/// each footprint.
///
/// With w(z,f) the crosswalk weights (fractional weights respected):
/// - CP(p,f) = Σz share(z,p)·pop(z)·w(z,f), the provider's catchment living in f;
/// - share s(p,f) = CP(p,f) ÷ CP(p), the part of the provider's catchment in f;
/// - footprint_share = CP(p,f) ÷ P(f), with P(f) = Σz pop(z)·w(z,f), how much of f it serves;
/// - member when s(p,f) ≥ the threshold (default 0.05): a provider can be a member of several.
/// UNATTRIBUTED (population no provider takes) has rows too, never a member, so that for every
/// footprint Σp CP(p,f) + UNATTRIBUTED(f) = P(f).
public struct Membership: Sendable {
  /// One provider × footprint pair with a non-zero catchment.
  public struct Row: Sendable, Equatable {
    public var provider: String
    public var footprint: String
    public var catchment: Double
    public var share: Double
    public var footprintShare: Double
    public var member: Bool
  }

  /// Rows sorted by provider id (UNATTRIBUTED last), then footprint id.
  public let rows: [Row]
  /// P(f) by footprint id.
  public let footprintPopulation: [String: Double]
  /// Footprint names by id, from the crosswalk (empty when it has none).
  public let footprintNames: [String: String]

  /// - Parameters:
  ///   - catchments: shares and pop(z), over the crosswalk's zones (same ids, any order).
  ///   - crosswalk: zones → footprints.
  ///   - threshold: the membership threshold on s(p,f).
  public init(catchments: ProviderCatchments, crosswalk: Crosswalk, threshold: Double) {
    let shares = catchments.shares
    let providerCount = shares.providers.count
    let footprintCount = crosswalk.footprints.count
    // Dense provider × footprint (trusts × systems: a few hundred × a few hundred at most);
    // the last provider row holds UNATTRIBUTED.
    var matrix = [Double](repeating: 0, count: (providerCount + 1) * footprintCount)
    var population = [Double](repeating: 0, count: footprintCount)
    for z in 0..<shares.zones.count {
      guard let zone = crosswalk.zones.find(shares.zones[z]) else { continue }
      let pop = catchments.population[z]
      let remainder = ProviderCatchments.remainder(of: z, in: shares, population: pop).people
      for k in crosswalk.entries(ofZone: zone) {
        let f = Int(crosswalk.entryFootprint[k]), w = crosswalk.entryWeight[k]
        population[f] += pop * w
        for e in shares.entries(ofZone: z) { matrix[Int(shares.provider[e]) * footprintCount + f] += shares.share[e] * pop * w }
        matrix[providerCount * footprintCount + f] += remainder * w
      }
    }
    let footprintOrder = (0..<footprintCount).sorted { crosswalk.footprints.code(Int32($0)).utf8.lexicographicallyPrecedes(crosswalk.footprints.code(Int32($1)).utf8) }
    var rows: [Row] = []
    for p in catchments.providerOrder + [providerCount] {
      var total = 0.0
      for f in 0..<footprintCount { total += matrix[p * footprintCount + f] }
      for f in footprintOrder where matrix[p * footprintCount + f] > 0 {
        let value = matrix[p * footprintCount + f]
        let share = value / total
        rows.append(
          Row(
            provider: p == providerCount ? ProviderCatchments.unattributed : shares.providers[p],
            footprint: crosswalk.footprints.code(Int32(f)), catchment: value, share: share,
            footprintShare: population[f] > 0 ? value / population[f] : 0,
            member: p < providerCount && share >= threshold))
      }
    }
    self.rows = rows
    var byID: [String: Double] = [:]
    for f in 0..<footprintCount { byID[crosswalk.footprints.code(Int32(f))] = population[f] }
    footprintPopulation = byID
    var names: [String: String] = [:]
    for f in 0..<footprintCount where !crosswalk.footprintNames[f].isEmpty { names[crosswalk.footprints.code(Int32(f))] = crosswalk.footprintNames[f] }
    footprintNames = names
  }

  /// The long table: `provider_id,footprint_id,catchment_population,share,footprint_share,member`,
  /// with `provider_name` after `provider_id` when `names` are given and `footprint_name` after
  /// `footprint_id` when the crosswalk names its footprints.
  public func csv(names: [String: String]? = nil, numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    let namedFootprints = !footprintNames.isEmpty
    var header = ["provider_id", "footprint_id", "catchment_population", "share", "footprint_share", "member"]
    if namedFootprints { header.insert("footprint_name", at: 2) }
    if names != nil { header.insert("provider_name", at: 1) }
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    for r in rows {
      var fields = [r.provider, r.footprint, numbers.people(r.catchment), numbers.ratio(r.share), numbers.ratio(r.footprintShare), r.member ? "true" : "false"]
      if namedFootprints { fields.insert(footprintNames[r.footprint] ?? "", at: 2) }
      if let names { fields.insert(names[r.provider] ?? "", at: 1) }
      out.append(fields)
    }
    return out
  }

  /// Providers that are members of two or more systems:
  /// `provider_id[,provider_name],systems,footprint_ids` (ids joined by ';', by falling share).
  public func summaryCSV(names: [String: String]? = nil, byteOrderMark: Bool = false) -> CSVWriter {
    var header = ["provider_id", "systems", "footprint_ids"]
    if names != nil { header.insert("provider_name", at: 1) }
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    var order: [String] = []
    var memberships: [String: [Row]] = [:]
    for r in rows where r.member {
      if memberships[r.provider] == nil { order.append(r.provider) }
      memberships[r.provider, default: []].append(r)
    }
    for provider in order {
      let systems = memberships[provider]!.sorted { $0.share != $1.share ? $0.share > $1.share : $0.footprint.utf8.lexicographicallyPrecedes($1.footprint.utf8) }
      guard systems.count >= 2 else { continue }
      var fields = [provider, String(systems.count), systems.map(\.footprint).joined(separator: ";")]
      if let names { fields.insert(names[provider] ?? "", at: 1) }
      out.append(fields)
    }
    return out
  }
}
