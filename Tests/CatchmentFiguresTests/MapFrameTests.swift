import Testing

@testable import CatchmentFigures

/// Metres to pixels: north up (y flipped), one scale for both axes, centred, trimmed to the
/// drawing.
@Suite struct MapFrameTests {
  /// 200 × 100 m into 420 × 220 px less 10 px each side: scale min(400/200, 200/100) = 2.
  @Test func aBoxFillsTheFrameNorthUp() {
    let frame = MapFrame(minX: 0, minY: 0, maxX: 200, maxY: 100, width: 420, height: 220, margin: 10)
    #expect(frame.scale == 2)
    #expect(frame.project(0, 100) == (10, 10))  // north-west corner at the top left
    #expect(frame.project(200, 0) == (410, 210))
  }

  /// The same box asked into 420 × 420: scale still 2, the height trimmed to 100·2 + 2·10.
  @Test func aWideLayerLeavesNoEmptyBand() throws {
    let frame = try MapFrame(xs: [0, 200, 50], ys: [0, 100, 30], width: 420, height: 420, margin: 10)
    #expect(frame.scale == 2 && frame.width == 420 && frame.height == 220)
    #expect(frame.project(0, 100) == (10, 10))
  }

  /// A tall box is centred across the width.
  @Test func aTallBoxIsCentred() {
    let frame = MapFrame(minX: 0, minY: 0, maxX: 100, maxY: 200, width: 420, height: 220, margin: 10)
    #expect(frame.scale == 1)
    #expect(frame.project(0, 200) == (160, 10) && frame.project(100, 0) == (260, 210))
  }
}
