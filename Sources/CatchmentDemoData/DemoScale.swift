/// How much demo data to generate.
public enum DemoScale: String, CaseIterable, Sendable {
  /// A fictional region small enough to commit and to read by eye: 3 ICBs, 6 sub-ICB
  /// locations, 5 councils, 363 LSOAs, 45 practices.
  case demo
  /// The national shape (42 ICBs, 106 sub-ICB locations, about 33,750 LSOAs, 6,500 practices,
  /// about 1.2 million registration rows) with fictional codes, for benchmarks.
  case national
}
