import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentEngine

@Suite struct ProjectedBoxesTests {
  /// Envelopes from 100 m to 100 km across, all over England, in CRS84. Every point of each
  /// envelope (its boundary sampled every 1/200 of a side, and random interior points) must
  /// land inside its box once PROJ has taken it to British National Grid: the claim the area
  /// crosswalk relies on to skip zones without reprojecting them.
  @Test func boxesHoldEveryTransformedPoint() throws {
    var generator = SeededGenerator(seed: 27700)
    func uniform(_ range: ClosedRange<Double>) -> Double {
      range.lowerBound + Double(generator.next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
    var envelopes: [Envelope] = []
    for _ in 0..<300 {
      let lon = uniform(-5.5...1.5), lat = uniform(50.1...55.5)
      let width = pow10(uniform(-3...0)), height = pow10(uniform(-3...0))
      envelopes.append(Envelope(minX: lon, minY: lat, maxX: lon + width, maxY: lat + height * 0.6))
    }
    envelopes.append(.empty)
    let transformer = try CoordinateTransformer(from: .crs84, to: "EPSG:27700")
    let boxes = try ProjectedBoxes.boxes(of: envelopes) { xs, ys in try transformer.transform(xs: &xs, ys: &ys) }
    #expect(boxes.last! == nil)
    for (e, box) in zip(envelopes.dropLast(), boxes.dropLast()) {
      let box = try #require(box)
      var xs: [Double] = [], ys: [Double] = []
      for k in 0...200 {
        let t = Double(k) / 200
        let x = e.minX + t * (e.maxX - e.minX), y = e.minY + t * (e.maxY - e.minY)
        xs += [x, x, e.minX, e.maxX, uniform(e.minX...e.maxX)]
        ys += [e.minY, e.maxY, y, y, uniform(e.minY...e.maxY)]
      }
      try transformer.transform(xs: &xs, ys: &ys)
      for (x, y) in zip(xs, ys) {
        #expect(box.minX <= x && x <= box.maxX && box.minY <= y && y <= box.maxY)
      }
      // Not wastefully large: the margin is 1 m plus a thousandth of the side.
      let side = max(box.maxX - box.minX, box.maxY - box.minY)
      let tight = Envelope(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!)
      #expect(tight.minX - box.minX <= 1.01 + 1.1e-3 * side && box.maxX - tight.maxX <= 1.01 + 1.1e-3 * side)
    }
  }

  func pow10(_ e: Double) -> Double { pow(10, e) }
}
