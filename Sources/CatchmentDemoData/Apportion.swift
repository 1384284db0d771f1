/// Integer apportionment: splitting a whole number of people into parts in proportion to
/// integer weights, using only integer arithmetic so results never depend on floating point.
enum Apportion {
  /// Splits `total` into `weights.count` parts proportional to `weights` by the largest
  /// remainder method; ties go to the earlier index. All-zero weights give all-zero parts
  /// except the first, which takes the total (nothing vanishes).
  static func split(_ total: Int, weights: [Int]) -> [Int] {
    guard !weights.isEmpty else { return [] }
    let sum = weights.reduce(0, +)
    guard sum > 0 else {
      var parts = Array(repeating: 0, count: weights.count)
      parts[0] = total
      return parts
    }
    var parts = weights.map { total * $0 / sum }
    var left = total - parts.reduce(0, +)
    if left > 0 {
      // Indices by descending remainder, then ascending index: a total order, so the
      // (unstable) sort is still deterministic.
      let order = weights.indices.sorted { a, b in
        let ra = total * weights[a] % sum
        let rb = total * weights[b] % sum
        return ra != rb ? ra > rb : a < b
      }
      for i in order where left > 0 {
        parts[i] += 1
        left -= 1
      }
    }
    return parts
  }
}
