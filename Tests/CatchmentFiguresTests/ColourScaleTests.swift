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
}
