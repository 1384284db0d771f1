/// A SplitMix64 pseudo-random generator: a few lines of integer arithmetic, so the same seed
/// yields the same sequence on every platform and every Swift release.
///
/// It deliberately does not conform to `RandomNumberGenerator`: the standard library's
/// `shuffled(using:)` or `Int.random(in:using:)` are free to change their algorithms, and the
/// demo files must stay byte-identical. Every draw goes through the helpers below instead.
struct SplitMix64 {
  private var state: UInt64

  /// A generator for one independent stream of the given seed (streams keep the geography,
  /// population and registration draws from disturbing each other when one of them changes).
  init(seed: UInt64, stream: UInt64 = 0) {
    state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound`; the modulo bias (under 2⁻⁴⁰ for the bounds used here)
  /// is irrelevant for demo data.
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(next() % UInt64(bound))
  }

  /// A uniform integer in `range`.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `permille` / 1000.
  mutating func chance(permille: Int) -> Bool { below(1000) < permille }

  /// One element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// A Fisher–Yates shuffle of `items` driven by this generator.
  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, below(i + 1))
    }
  }
}
