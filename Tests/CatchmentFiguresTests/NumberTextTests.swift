import Testing

@testable import CatchmentFigures

/// Hand-worked numbers: separators every three digits, fixed decimals, true minus, "–" for
/// what cannot be printed.
@Suite struct NumberTextTests {
  @Test(arguments: [
    (1_234_567.0, 0, "1,234,567"), (999.0, 0, "999"), (1000.0, 0, "1,000"), (-1234.5, 1, "\u{2212}1,234.5"),
    (0.05, 1, "0.1"), (999.96, 1, "1,000.0"), (-0.01, 0, "0"), (0.5, 0, "1"), (12.3456, 2, "12.35"), (0.0, 3, "0.000"),
  ])
  func formats(_ value: Double, _ decimals: Int, _ expected: String) {
    #expect(NumberText.format(value, decimals: decimals) == expected)
  }

  @Test func notANumberOrHugeIsADash() {
    #expect(NumberText.format(.nan) == "–")
    #expect(NumberText.format(-.infinity) == "–")
    #expect(NumberText.format(1e300) == "–")
  }

  @Test func coordinatesHaveNoSeparatorsAndAnASCIIMinus() {
    #expect(NumberText.coordinate(-1234.56) == "-1234.6")
    #expect(NumberText.coordinate(-0.04) == "0.0")
  }

  @Test func valueFormatsScaleAndSuffix() {
    #expect(ValueFormat.percent("% of residents").text(0.87654) == "87.7%")
    #expect(ValueFormat.count("residents").text(615_066) == "615,066")
    #expect(ValueFormat.count("residents").text(nil) == "–")
  }

  @Test func legendTicksAreRoundAndIncludeZero() {
    // 2,400 / 4 = 600 → step 1,000; 2,400 / 6 = 400 → step 500.
    #expect(Legend.ticks(low: -1200, high: 1200, multiplier: 1, count: 4) == [-1000, 0, 1000])
    #expect(Legend.ticks(low: -1200, high: 1200, multiplier: 1, count: 6) == [-1000, -500, 0, 500, 1000])
    // 62 %...97 %: 35 / 4 = 8.75 → step 10 %; 35 / 6 ≈ 5.8 → 10 % too; 35 / 8 ≈ 4.4 → 5 %.
    #expect(Legend.ticks(low: 0.62, high: 0.97, multiplier: 100, count: 4) == [0.7, 0.8, 0.9])
    #expect(Legend.ticks(low: 0.62, high: 0.97, multiplier: 100, count: 8) == [0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
  }
}
