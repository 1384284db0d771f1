import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis

/// Modelled catchments by hand. Zones and sites on the x axis (metres):
///
///     zone Z1 at 0        site a (provider P2, A = 1) at 1,000
///     zone Z2 at 10,000   site b (provider P1, A = 3) at 12,000
///     zone Z3 at 200,000  (nothing within 50 km)
///     zone Z4 with no centroid (NaN)
///
/// Huff (α = 1, β = 2) for Z1: pulls 1/1000² and 3/12000², shares 144/147 and 3/147.
/// For Z2: pulls 1/9000² and 3/2000²: 4/(4 + 243) and 243/247.
@Suite struct ModelledCatchmentTests {
  let zones = ["Z1", "Z2", "Z3", "Z4"]
  let xs = [0.0, 10_000, 200_000, .nan]
  let ys = [0.0, 0, 0, .nan]
  let providers = ["P2", "P1"]
  var sites: ModelledCatchment.Sites { .init(xs: [1000, 12_000], ys: [0, 0], provider: [0, 1], attractiveness: [1, 3]) }

  func byZone(_ s: ZoneProviderShares) -> [String: [String: Double]] {
    var out: [String: [String: Double]] = [:]
    for z in s.zones.indices {
      var row: [String: Double] = [:]
      for e in s.entries(ofZone: z) { row[s.providers[Int(s.provider[e])]] = s.share[e] }
      out[s.zones[z]] = row
    }
    return out
  }

  @Test func huffByHand() {
    let result = byZone(ModelledCatchment.huff(zones: zones, xs: xs, ys: ys, sites: sites, providers: providers, parameters: .init(), workers: 2))
    #expect(abs(result["Z1"]!["P2"]! - 144.0 / 147) < 1e-15 && abs(result["Z1"]!["P1"]! - 3.0 / 147) < 1e-15)
    #expect(abs(result["Z2"]!["P2"]! - 4.0 / 247) < 1e-15 && abs(result["Z2"]!["P1"]! - 243.0 / 247) < 1e-15)
    #expect(result["Z3"]!.isEmpty && result["Z4"]!.isEmpty)
  }

  /// β = 1, α = 2: Z1 pulls 1/1000 and 9/12000 → 4/7 and 3/7.
  @Test func huffWithOtherExponents() {
    let result = byZone(ModelledCatchment.huff(zones: zones, xs: xs, ys: ys, sites: sites, providers: providers, parameters: .init(alpha: 2, beta: 1), workers: 1))
    #expect(abs(result["Z1"]!["P2"]! - 4.0 / 7) < 1e-15 && abs(result["Z1"]!["P1"]! - 3.0 / 7) < 1e-15)
  }

  /// A 5 km cap leaves Z1 with site a only and Z2 with site b only; a 1,500 m floor makes Z1's
  /// pulls 1/1500² and 3/12000² (64/67 and 3/67).
  @Test func capAndFloor() {
    let capped = byZone(ModelledCatchment.huff(zones: zones, xs: xs, ys: ys, sites: sites, providers: providers, parameters: .init(maxDistance: 5000), workers: 1))
    #expect(capped["Z1"] == ["P2": 1] && capped["Z2"] == ["P1": 1])
    let floored = byZone(ModelledCatchment.huff(zones: zones, xs: xs, ys: ys, sites: sites, providers: providers, parameters: .init(minDistance: 1500), workers: 1))
    #expect(abs(floored["Z1"]!["P2"]! - 64.0 / 67) < 1e-15)
  }

  @Test func nearestWithTies() {
    let result = byZone(ModelledCatchment.nearest(zones: zones, xs: xs, ys: ys, sites: sites, providers: providers, maxDistance: 50_000, workers: 2))
    #expect(result == ["Z1": ["P2": 1], "Z2": ["P1": 1], "Z3": [:], "Z4": [:]])
    // A zone at 6,500 is 5,500 m from both sites: the tie goes to the lowest id, P1.
    let tie = byZone(ModelledCatchment.nearest(zones: ["T"], xs: [6500], ys: [0], sites: sites, providers: providers, maxDistance: 50_000, workers: 1))
    #expect(tie == ["T": ["P1": 1]])
  }

  /// Random zones and sites; the grid's answers against a brute force over every site, for
  /// several worker counts; every row sums to 1 or is empty.
  @Test(arguments: [1, 2, 5])
  func gridAgreesWithBruteForce(workers: Int) {
    var generator = SeededGenerator(seed: 0xC0FFEE)
    func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) * 200_000 }
    let zoneCount = 300, siteCount = 60
    let zx = (0..<zoneCount).map { _ in uniform() }, zy = (0..<zoneCount).map { _ in uniform() }
    let sites = ModelledCatchment.Sites(
      xs: (0..<siteCount).map { _ in uniform() }, ys: (0..<siteCount).map { _ in uniform() },
      provider: (0..<siteCount).map { Int32($0 % 17) }, attractiveness: (0..<siteCount).map { Double($0 % 5) })
    let names = (0..<17).map { "P\($0)" }
    let ids = (0..<zoneCount).map { "Z\($0)" }
    let parameters = ModelledCatchment.HuffParameters(alpha: 1.5, beta: 2.2, maxDistance: 40_000, minDistance: 250)
    let huff = ModelledCatchment.huff(zones: ids, xs: zx, ys: zy, sites: sites, providers: names, parameters: parameters, workers: workers)
    let nearest = ModelledCatchment.nearest(zones: ids, xs: zx, ys: zy, sites: sites, providers: names, maxDistance: 40_000, workers: workers)
    for z in 0..<zoneCount {
      var pulls = [Double](repeating: 0, count: names.count)
      var total = 0.0
      var best = -1, bestDistance = Double.infinity
      for s in 0..<siteCount {
        let d = ((sites.xs[s] - zx[z]) * (sites.xs[s] - zx[z]) + (sites.ys[s] - zy[z]) * (sites.ys[s] - zy[z])).squareRoot()
        guard d <= 40_000 else { continue }
        if d < bestDistance || (d == bestDistance && names[Int(sites.provider[s])] < names[Int(sites.provider[best])]) {
          best = s
          bestDistance = d
        }
        guard sites.attractiveness[s] > 0 else { continue }
        let pull = pow(sites.attractiveness[s], 1.5) * pow(max(d, 250), -2.2)
        pulls[Int(sites.provider[sites.provider.indices[s]])] += pull
        total += pull
      }
      var got = [Double](repeating: 0, count: names.count)
      for e in huff.entries(ofZone: z) { got[Int(huff.provider[e])] = huff.share[e] }
      for p in names.indices { #expect(abs(got[p] - (total > 0 ? pulls[p] / total : 0)) < 1e-12) }
      let sum = huff.total(ofZone: z)
      #expect(huff.entries(ofZone: z).isEmpty || abs(sum - 1) < 1e-12)
      let chosen = nearest.entries(ofZone: z).map { Int(nearest.provider[$0]) }
      #expect(chosen == (best < 0 ? [] : [Int(sites.provider[best])]))
    }
    let single = ModelledCatchment.huff(zones: ids, xs: zx, ys: zy, sites: sites, providers: names, parameters: parameters, workers: 1)
    #expect(single == huff)
  }
}
