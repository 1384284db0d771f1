/// Splits a whole count over weights into whole parts that add up to the count exactly
/// (Hamilton's method of largest remainders).
///
/// For a count n ≥ 0 and weights w₁ … w_k (the crosswalk entries of one zone, in target-code
/// order, summing to 1 up to the crosswalk's tolerance):
///
///     quota     qᵢ = n · wᵢ / Σⱼ wⱼ
///     part      pᵢ = ⌊qᵢ⌋ + [i is among the R largest fractional parts qᵢ − ⌊qᵢ⌋]
///     remainder R  = n − Σᵢ ⌊qᵢ⌋
///
/// Equal fractional parts go to the lower index (the lower target code), so the split never
/// depends on anything but the count and the weights. Σ pᵢ = n exactly. A negative count is
/// split as |n| and the parts negated, so that −n splits as the mirror of n.
///
/// Floating-point quotas can put Σ⌊qᵢ⌋ a unit off the exact value at counts near 2⁵³; the
/// remainder is then handed out (or taken back, from the smallest fractional parts, ties to
/// the higher index) until the parts add up, so conservation holds for every count.
public enum LargestRemainder {
  /// The parts of `n` over `weights` (see the type's formula); `parts.count == weights.count`.
  public static func split(_ n: Int, weights: [Double]) -> [Int] {
    var parts = [Int](repeating: 0, count: weights.count)
    weights.withUnsafeBufferPointer { w in
      parts.withUnsafeMutableBufferPointer { p in split(n, weights: w, into: p) }
    }
    return parts
  }

  /// Writes the parts of `n` over `weights` into `parts` (the same count): the allocation-free
  /// form for hot loops. Weights must be finite and non-negative with a positive sum; an empty
  /// `weights` (nowhere to put the count) writes nothing.
  public static func split(_ n: Int, weights: UnsafeBufferPointer<Double>, into parts: UnsafeMutableBufferPointer<Int>) {
    let k = weights.count
    precondition(parts.count == k, "one part per weight")
    guard k > 0 else { return }
    if k == 1 {
      parts[0] = n
      return
    }
    let magnitude = n.magnitude
    let sign = n < 0 ? -1 : 1
    if magnitude == 0 {
      for i in 0..<k { parts[i] = 0 }
      return
    }
    var sum = 0.0
    for w in weights { sum += w }
    let count = Double(magnitude)
    var given = 0
    for i in 0..<k {
      let floor = (count * weights[i] / sum).rounded(.down)
      let part = Int(max(0, min(floor, count)))
      parts[i] = part
      given += part
    }
    var remainder = Int(magnitude) - given
    if remainder != 0 {
      // Fractional parts, by index: computed only here, so that the exact splits (every
      // one-entry zone, and counts of 0) allocate nothing.
      func fraction(_ i: Int) -> Double {
        let q = count * weights[i] / sum
        return q - q.rounded(.down)
      }
      if remainder > 0 {
        let order = ranking(k, by: fraction, largestFirst: true)
        // R < k in exact arithmetic; the loop covers the rounding case R ≥ k.
        var j = 0
        while remainder > 0 {
          parts[order(j % k)] += 1
          remainder -= 1
          j += 1
        }
      } else {
        let order = ranking(k, by: fraction, largestFirst: false)
        var j = 0
        while remainder < 0 {
          let i = order(j % k)
          if parts[i] > 0 {
            parts[i] -= 1
            remainder += 1
          }
          j += 1
        }
      }
    }
    if sign < 0 { for i in 0..<k { parts[i] = -parts[i] } }
  }

  /// The indexes 0..<k ranked by `key`: largest first with ties to the lower index, or
  /// smallest first with ties to the higher index (the exact reverse), as a function of the rank.
  private static func ranking(_ k: Int, by key: (Int) -> Double, largestFirst: Bool) -> (Int) -> Int {
    let keys = (0..<k).map(key)
    func before(_ a: Int, _ b: Int) -> Bool {
      if largestFirst { return keys[a] > keys[b] || (keys[a] == keys[b] && a < b) }
      return keys[a] < keys[b] || (keys[a] == keys[b] && a > b)
    }
    let sorted = (0..<k).sorted(by: before)
    return { sorted[$0] }
  }
}
