import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentFigures

/// The scales give matplotlib's own colours: samples written by make_colour_tables.py with
/// matplotlib's lookup (`colormaps[name](t)` as hex) for viridis and cividis, and the
/// ColorBrewer anchors for PuOr.
@Suite struct ColourScaleTests {
  static func samples() throws -> [(map: String, t: Double, hex: String)] {
    let text = try String(contentsOfFile: fixture("figures/colour_samples.csv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().compactMap { line in
      let cells = line.split(separator: ",").map(String.init)
      guard cells.count == 3, let t = Double(cells[1]) else { return nil }
      return (cells[0], t, cells[2])
    }
  }

  @Test func everyScaleGivesMatplotlibsColourAtItsSamples() throws {
    let samples = try Self.samples()
    #expect(samples.count == 25)
    for sample in samples {
      let map = try #require(ColourMap(rawValue: sample.map))
      #expect(map.colour(at: sample.t).hex == sample.hex, "\(sample.map) at \(sample.t)")
    }
  }

  @Test func endpointsAndMiddleAreTheTablesEntries() {
    #expect(ColourMap.viridis.colour(at: 0) == Colour(ColourTables.viridis[0]))
    #expect(ColourMap.viridis.colour(at: 1) == Colour(ColourTables.viridis[255]))
    #expect(ColourMap.viridis.colour(at: 0.5) == Colour(ColourTables.viridis[128]))
    #expect(ColourMap.cividis.colour(at: 1) == Colour(ColourTables.cividis[255]))
    #expect(ColourMap.puOr.colour(at: 0.5) == Colour(ColourTables.puOr[5]))
  }

  @Test func theDivergingScaleMapsZeroToItsNeutralCentre() {
    let scale = ColourScale.diverging(values: [-1200, 300, 45])
    #expect(scale.low == -1200 && scale.high == 1200)
    #expect(scale.colour(0).hex == "#f7f7f7")
    #expect(scale.colour(-1200).hex == "#7f3b08")
    #expect(scale.colour(1200).hex == "#2d004b")
    // Equal magnitudes, opposite signs: mirror positions.
    #expect(scale.position(-600) + scale.position(600) == 1)
  }

  @Test func sequentialScalesSpanTheValuesAndMissingIsGrey() {
    let scale = ColourScale.sequential(.cividis, values: [10, .nan, 30, 20])
    #expect(scale.low == 10 && scale.high == 30)
    #expect(scale.colour(10) == ColourMap.cividis.colour(at: 0))
    #expect(scale.colour(nil) == ColourScale.missing)
    #expect(scale.colour(.infinity) == ColourScale.missing)
    let flat = ColourScale.sequential(values: [5, 5])
    #expect(flat.low == 4 && flat.high == 6)
  }

  @Test func textOnACellContrasts() {
    #expect(ColourMap.viridis.colour(at: 0).textColour == "#ffffff")
    #expect(ColourMap.viridis.colour(at: 1).textColour == "#000000")
  }

  /// The demo proposal's two footprints have 309,034 and 306,032 residents: on the old
  /// minimum-to-maximum scale they were drawn yellow and dark purple, the two ends of viridis,
  /// for a 1 % difference. From 0 they sit at 1 and 306,032 ÷ 309,034 = 0.9903, viridis entries
  /// 255 and ⌊0.9903 × 256⌋ = 253: both yellow.
  @Test func countsAreShadedFromZero() {
    let scale = ColourScale.counts(values: [309_034, 306_032])
    #expect(scale.low == 0 && scale.high == 309_034)
    #expect(scale.colour(306_032) == Colour(ColourTables.viridis[253]))
    #expect(scale.colour(309_034) == Colour(ColourTables.viridis[255]))
    // Negative values (not counts) keep the minimum-to-maximum domain; no positive value: 0...1.
    let signed = ColourScale.counts(values: [-5, 10])
    #expect(signed.low == -5 && signed.high == 10)
    let none = ColourScale.counts(values: [0, .nan])
    #expect(none.low == 0 && none.high == 1)
  }

  /// The demo's flow matrix holds 9 … 328,555 patients: on a linear scale every cell but the
  /// three diagonal ones was the darkest purple (45 and 10,849 alike, seen in the screenshot).
  /// Logarithmic, from 1 to 10,000: 100 sits at log₁₀ 100 ÷ log₁₀ 10,000 = 0.5, viridis entry
  /// ⌊0.5 × 256⌋ = 128; 10 at 0.25, entry 64; 0 (blank in the heatmap) and 1 at 0.
  @Test func aLogarithmicScaleGivesEachTenfoldStepTheSameColourChange() {
    let scale = ColourScale(map: .viridis, low: 1, high: 10_000, logarithmic: true)
    #expect(abs(scale.position(100) - 0.5) < 1e-12 && abs(scale.position(10) - 0.25) < 1e-12)
    #expect(scale.colour(100) == Colour(ColourTables.viridis[128]) && scale.colour(10) == Colour(ColourTables.viridis[64]))
    #expect(scale.position(0) == 0 && scale.position(1) == 0 && scale.position(20_000) == 1)
    #expect(abs(scale.value(at: 0.5) - 100) < 1e-9)
    // From the values: the smallest positive one (at least 1) to the largest.
    let flows = ColourScale.logarithmic(values: [0, 9, 45, 10_849, 328_555])
    #expect(flows.logarithmic && flows.low == 9 && flows.high == 328_555)
    #expect(flows.colour(45) != flows.colour(10_849))
    // Ticks at powers of ten: 1 … 100,000 are six; room for four labels keeps every other one.
    #expect(Legend.logTicks(low: 1, high: 328_555, count: 4) == [1, 100, 10_000])
    #expect(Legend.logTicks(low: 9, high: 328_555, count: 6) == [10, 100, 1_000, 10_000, 100_000])
  }
}
