import Testing

@testable import CatchmentFigures

/// Compact path data read back by a small parser of the SVG path grammar (absolute M,
/// relative l with implicit repetition, z): every point is the rounded absolute point.
@Suite struct SVGPathDataTests {
  /// The subpaths of `d` as absolute points in grid units (× 10^decimals).
  static func parse(_ d: String, decimals: Int) -> [[(Int64, Int64)]] {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    var tokens: [String] = []
    var current = ""
    for c in d {
      if c == "M" || c == "l" || c == "z" || c == " " || c == "-" || (c == "." && current.contains(".")) {
        if !current.isEmpty { tokens.append(current) }
        current = c == "-" || c == "." ? String(c) : ""
        if c == "M" || c == "l" || c == "z" { tokens.append(String(c)) }
      } else {
        current.append(c)
      }
    }
    if !current.isEmpty { tokens.append(current) }
    var paths: [[(Int64, Int64)]] = []
    var numbers: [Int64] = []
    var command = ""
    func flush() {
      guard !numbers.isEmpty else { return }
      var i = 0
      while i + 1 < numbers.count {
        if command == "M" && i == 0 {
          paths.append([(numbers[0], numbers[1])])
        } else if let last = paths[paths.count - 1].last {
          paths[paths.count - 1].append((last.0 + numbers[i], last.1 + numbers[i + 1]))
        }
        i += 2
      }
      numbers = []
    }
    for t in tokens {
      if t == "M" || t == "l" || t == "z" {
        flush()
        command = t
      } else if let v = Double(t) {
        numbers.append(Int64((v * scale).rounded()))
      }
    }
    flush()
    return paths
  }

  @Test func numbersAreShortest() {
    let d = SVGPathData(decimals: 1)
    let one = [0, 5, -5, 10, -123, 1230, 7].map { d.number(Int64($0)) }
    #expect(one == ["0", ".5", "-.5", "1", "-12.3", "123", ".7"])
    let two = SVGPathData(decimals: 2)
    let second = [5, 50, 105, -1].map { two.number(Int64($0)) }
    #expect(second == [".05", ".5", "1.05", "-.01"])
  }

  @Test func aRingIsAbsoluteThenRelativeStepsWithoutRepeats() {
    var d = SVGPathData(decimals: 1)
    // (10.04, 20) and (10, 20) round alike: one point, no zero step.
    let drawn = d.append([(x: 10.0, y: 20.0), (x: 10.04, y: 20.0), (x: 12.5, y: 20.0), (x: 12.5, y: 17.2)], closed: true)
    #expect(drawn && d.text == "M10 20l2.5 0 0-2.8z")
  }

  @Test func stepsReachTheRoundedAbsolutePointsWithoutDrift() {
    // A long wiggly line whose steps would drift if each were rounded on its own.
    var points: [(x: Double, y: Double)] = []
    for k in 0..<500 { points.append((x: 100 + Double(k) * 0.337, y: 50 + Double((k * 37) % 11) * 0.261)) }
    for decimals in [0, 1, 2] {
      var d = SVGPathData(decimals: decimals)
      d.append(points, closed: false)
      var scale = 1.0
      for _ in 0..<decimals { scale *= 10 }
      var expected: [(Int64, Int64)] = []
      for p in points {
        let q = (Int64((p.x * scale).rounded()), Int64((p.y * scale).rounded()))
        if expected.last.map({ $0 != q }) ?? true { expected.append(q) }
      }
      let parsed = Self.parse(d.text, decimals: decimals)
      #expect(parsed.count == 1 && parsed[0].count == expected.count)
      let same = zip(parsed.first ?? [], expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
      #expect(same)
    }
  }

  @Test func aRingThatRoundsToTwoPointsDrawsNothing() {
    var d = SVGPathData(decimals: 1)
    let drawn = d.append([(x: 1.0, y: 1.0), (x: 1.01, y: 1.0), (x: 1.2, y: 1.0)], closed: true)
    #expect(!drawn)
  }
}
