import Testing

@testable import CatchmentCore

/// Largest remainder by hand: quotas n·wᵢ, floors, the rest to the largest fractional parts,
/// ties to the lower index.
@Suite struct LargestRemainderTests {
  @Test func exactQuotasNeedNoRemainder() {
    #expect(LargestRemainder.split(10, weights: [0.5, 0.3, 0.2]) == [5, 3, 2])
    #expect(LargestRemainder.split(9, weights: [1]) == [9])
    #expect(LargestRemainder.split(0, weights: [0.25, 0.75]) == [0, 0])
  }

  @Test func theRemainderGoesToTheLargestFractionalParts() {
    // 5 × (0.25, 0.25, 0.5) = 1.25, 1.25, 2.5: floors 1, 1, 2; one unit left, to 0.5.
    #expect(LargestRemainder.split(5, weights: [0.25, 0.25, 0.5]) == [1, 1, 3])
    // 9 × (0.6, 0.4) = 5.4, 3.6: the unit goes to 0.6.
    #expect(LargestRemainder.split(9, weights: [0.6, 0.4]) == [5, 4])
    // 3 × (0.25, 0.75) = 0.75, 2.25.
    #expect(LargestRemainder.split(3, weights: [0.25, 0.75]) == [1, 2])
  }

  @Test func tiesGoToTheLowerIndex() {
    // 7 × ⅓ = 2.33 each: one unit left, to the first.
    #expect(LargestRemainder.split(7, weights: [1.0 / 3, 1.0 / 3, 1.0 / 3]) == [3, 2, 2])
    // 8 × ⅓: two units left, to the first two.
    #expect(LargestRemainder.split(8, weights: [1.0 / 3, 1.0 / 3, 1.0 / 3]) == [3, 3, 2])
    #expect(LargestRemainder.split(1, weights: [0.5, 0.5]) == [1, 0])
  }

  @Test func negativeCountsMirrorPositiveOnes() {
    #expect(LargestRemainder.split(-7, weights: [1.0 / 3, 1.0 / 3, 1.0 / 3]) == [-3, -2, -2])
    #expect(LargestRemainder.split(-1, weights: [0.5, 0.5]) == [-1, 0])
    #expect(LargestRemainder.split(-9, weights: [0.6, 0.4]) == [-5, -4])
  }

  @Test func partsAlwaysAddUpAndStayWithinAUnitOfTheirQuota() {
    // A fixed pseudo-random sweep: counts up to 10⁶ and near 2⁵³, 1–12 weights.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    for trial in 0..<2000 {
      let k = Int(next() % 12) + 1
      var weights = (0..<k).map { _ in Double(next() % 1000 + 1) }
      let sum = weights.reduce(0, +)
      weights = weights.map { $0 / sum }
      let n = trial % 10 == 0 ? Int(1 << 53) - Int(next() % 1000) : Int(next() % 1_000_000) - 500_000
      let parts = LargestRemainder.split(n, weights: weights)
      #expect(parts.reduce(0, +) == n, "n \(n), weights \(weights)")
      if n.magnitude < 1 << 40 {
        for (p, w) in zip(parts, weights) {
          let quota = Double(n) * w
          #expect(Double(p) >= quota.rounded(.down) - 1e-9 && Double(p) <= quota.rounded(.up) + 1e-9, "n \(n), w \(w), part \(p)")
        }
      }
    }
  }

  @Test func weightsThatMissOneByRoundingStillConserve() {
    let third = 0.3333333333
    #expect(LargestRemainder.split(100, weights: [third, third, third]).reduce(0, +) == 100)
    #expect(LargestRemainder.split(100, weights: [third, third, third]) == [34, 33, 33])
  }
}
