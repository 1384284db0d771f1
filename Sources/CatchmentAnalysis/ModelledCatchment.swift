import Foundation

/// Catchments modelled from where providers' sites are, for when there is no activity: each
/// zone's population goes to the provider of its nearest site, or is shared out by the Huff
/// model. Distances are straight lines in the working CRS (metres) from the zone's centroid.
///
/// Sites are found through a ``SiteGrid`` with cells as large as the distance cap, so a zone
/// looks at the sites of nine cells or so rather than all of them; zones are done on several
/// tasks (``ParallelChunks``), each zone's sums in a fixed order, so output never depends on
/// scheduling.
public enum ModelledCatchment {
  /// Sites in the working CRS (metres), each belonging to a provider.
  public struct Sites: Sendable {
    public var xs: [Double]
    public var ys: [Double]
    /// Index into the providers array passed alongside.
    public var provider: [Int32]
    /// A_s ≥ 0 (e.g. beds); 1 when no column is given.
    public var attractiveness: [Double]

    public init(xs: [Double], ys: [Double], provider: [Int32], attractiveness: [Double]) {
      precondition(xs.count == ys.count && xs.count == provider.count && xs.count == attractiveness.count, "one value per site")
      self.xs = xs
      self.ys = ys
      self.provider = provider
      self.attractiveness = attractiveness
    }

    public var count: Int { xs.count }
  }

  /// The Huff model's parameters; the defaults are the gravity model's.
  public struct HuffParameters: Sendable {
    /// α, the attractiveness exponent.
    public var alpha: Double
    /// β, the distance-decay exponent.
    public var beta: Double
    /// Sites farther than this (metres) are not considered.
    public var maxDistance: Double
    /// Nearer distances count as this (metres): a site on a centroid would otherwise take all.
    public var minDistance: Double

    public init(alpha: Double = 1, beta: Double = 2, maxDistance: Double = 50_000, minDistance: Double = 100) {
      self.alpha = alpha
      self.beta = beta
      self.maxDistance = maxDistance
      self.minDistance = minDistance
    }
  }

  /// Each zone wholly to the provider of its nearest site within `maxDistance` metres. Equal
  /// distances go to the lowest provider id (byte order), then the lowest site index. A zone
  /// with no site within reach, or no centroid (NaN), has no entries: UNATTRIBUTED.
  ///
  /// - Parameters:
  ///   - zones: zone ids; `xs`/`ys` their centroids, in the sites' CRS.
  ///   - providers: provider ids, indexed by `sites.provider`.
  public static func nearest(
    zones: [String], xs: [Double], ys: [Double], sites: Sites, providers: [String], maxDistance: Double, workers: Int
  ) -> ZoneProviderShares {
    let grid = SiteGrid(xs: sites.xs, ys: sites.ys, cellSize: maxDistance)
    let rank = providerRanks(providers)
    let cap = maxDistance * maxDistance
    let choice: [Int32] = ParallelChunks.map(count: zones.count, workers: workers, makeState: { () }) { _, z -> Int32 in
      var best = -1
      var bestSquared = Double.infinity
      grid.forEachCandidate(nearX: xs[z], y: ys[z], within: maxDistance) { s in
        let dx = sites.xs[s] - xs[z], dy = sites.ys[s] - ys[z]
        let squared = dx * dx + dy * dy
        guard squared <= cap else { return }
        if squared < bestSquared || (squared == bestSquared && better(s, than: best, sites: sites, rank: rank)) {
          best = s
          bestSquared = squared
        }
      }
      return best < 0 ? -1 : sites.provider[best]
    }
    var rowStart = [0], provider: [Int32] = [], share: [Double] = []
    for p in choice {
      if p >= 0 {
        provider.append(p)
        share.append(1)
      }
      rowStart.append(provider.count)
    }
    return ZoneProviderShares(zones: zones, providers: providers, rowStart: rowStart, provider: provider, share: share)
  }

  /// Huff: P(z,s) = A_s^α·d(z,s)^−β ÷ Σ_{s′} A_s′^α·d(z,s′)^−β over the sites within
  /// `maxDistance`, with d = max(distance, `minDistance`); share(z,p) = Σ over p's sites of
  /// P(z,s). A zone with no site within reach (or only sites of attractiveness 0), or no
  /// centroid, has no entries: UNATTRIBUTED.
  public static func huff(
    zones: [String], xs: [Double], ys: [Double], sites: Sites, providers: [String], parameters: HuffParameters, workers: Int
  ) -> ZoneProviderShares {
    let grid = SiteGrid(xs: sites.xs, ys: sites.ys, cellSize: parameters.maxDistance)
    // A_s^α once per site; the common cases (α = 1, β = 2) without pow.
    let weight = sites.attractiveness.map { parameters.alpha == 1 ? $0 : pow($0, parameters.alpha) }
    let cap = parameters.maxDistance * parameters.maxDistance
    let floor = parameters.minDistance * parameters.minDistance
    let beta = parameters.beta
    /// d^−β from d².
    @Sendable @inline(__always) func decay(_ squared: Double) -> Double {
      let d2 = max(squared, floor)
      return beta == 2 ? 1 / d2 : pow(d2, -beta / 2)
    }
    struct Scratch {
      var byProvider: [Double]
      var touched: [Int32] = []
    }
    let rows: [[(Int32, Double)]] = ParallelChunks.map(
      count: zones.count, workers: workers, makeState: { Scratch(byProvider: Array(repeating: 0, count: providers.count)) }
    ) { scratch, z -> [(Int32, Double)] in
      var total = 0.0
      grid.forEachCandidate(nearX: xs[z], y: ys[z], within: parameters.maxDistance) { s in
        let dx = sites.xs[s] - xs[z], dy = sites.ys[s] - ys[z]
        let squared = dx * dx + dy * dy
        guard squared <= cap, weight[s] > 0 else { return }
        let pull = weight[s] * decay(squared)
        let p = Int(sites.provider[s])
        if scratch.byProvider[p] == 0 { scratch.touched.append(Int32(p)) }
        scratch.byProvider[p] += pull
        total += pull
      }
      defer {
        for p in scratch.touched { scratch.byProvider[Int(p)] = 0 }
        scratch.touched.removeAll(keepingCapacity: true)
      }
      guard total > 0 else { return [] }
      return scratch.touched.sorted().map { ($0, scratch.byProvider[Int($0)] / total) }
    }
    var rowStart = [0], provider: [Int32] = [], share: [Double] = []
    for row in rows {
      for (p, s) in row where s > 0 {
        provider.append(p)
        share.append(s)
      }
      rowStart.append(provider.count)
    }
    return ZoneProviderShares(zones: zones, providers: providers, rowStart: rowStart, provider: provider, share: share)
  }

  /// Position of each provider id in byte order.
  static func providerRanks(_ providers: [String]) -> [Int] {
    var rank = [Int](repeating: 0, count: providers.count)
    for (position, p) in providers.indices.sorted(by: { providers[$0].utf8.lexicographicallyPrecedes(providers[$1].utf8) }).enumerated() {
      rank[p] = position
    }
    return rank
  }

  /// The tie rule of `nearest`: lower provider rank, then lower site index.
  @inline(__always)
  static func better(_ s: Int, than current: Int, sites: Sites, rank: [Int]) -> Bool {
    guard current >= 0 else { return true }
    let a = rank[Int(sites.provider[s])], b = rank[Int(sites.provider[current])]
    return a != b ? a < b : s < current
  }
}
