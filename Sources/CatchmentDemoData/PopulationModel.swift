/// Draws the resident population of every LSOA.
enum PopulationModel {
  /// Mostly 950–2,300 residents (LSOAs are built around 1,500), with one in twenty larger
  /// (student or new-build areas); a few fall below 1,000 so the population file has both
  /// quoted and unquoted numbers.
  static func draw(lsoaCount: Int, rng: inout SplitMix64) -> [Int] {
    (0..<lsoaCount).map { _ in
      rng.chance(permille: 50) ? rng.int(in: 2_300...3_400) : rng.int(in: 950...2_300)
    }
  }
}
