import CatchmentTestSupport
import Testing

@testable import CatchmentTables

private func parse(_ text: String) -> ParsedNumber {
  var text = text
  return text.withUTF8 { NumberParser.parse(UnsafeRawBufferPointer($0)) }
}

@Suite struct NumberParserTests {
  @Test(arguments: [
    ("1632", 1632.0), ("1,632", 1632), ("2,111,469", 2_111_469), (" 42 ", 42), ("-7", -7), ("+3", 3),
    ("0.25", 0.25), ("1,632.5", 1632.5), ("1.5e-05", 0.000015), ("1E3", 1000), (".5", 0.5),
    ("123456789012345678", 123_456_789_012_345_678),
  ])
  func accepts(text: String, value: Double) {
    #expect(parse(text) == .value(value))
  }

  @Test(arguments: ["1,63", "12,3456", ",123", "1,", "abc", "*", "-", "..", "12a", "1.2.3x", "£5", "5%"])
  func rejects(text: String) {
    #expect(parse(text) == .invalid)
  }

  @Test(arguments: ["", "   ", "\t"])
  func empty(text: String) {
    #expect(parse(text) == .empty)
  }

  @Test func decimalsRoundCorrectly() {
    // strtod rounds to nearest: the result must equal Swift's own literal parsing.
    for text in ["0.1", "0.3333333333333333", "2.675", "1e-300", "123.456e2"] {
      #expect(parse(text) == .value(Double(text)!))
    }
  }
}

@Suite struct NumberFormatTests {
  @Test(arguments: [
    (1632.0, "1632"), (0.0, "0"), (-0.0, "0"), (-12.0, "-12"), (0.25, "0.25"), (1.0 / 3, "0.3333333333333333"),
    (1e-7, "1e-07"), (1e15 as Double, "1000000000000000"), (2.5e20, "2.5e+20"), (0.1 + 0.2, "0.30000000000000004"),
  ])
  func formats(value: Double, text: String) {
    #expect(NumberFormat.csv(value) == text)
  }

  @Test func shortestFormRoundTrips() {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<10_000 {
      let value = Double(bitPattern: generator.next() >> 2) // positive finite values
      guard value.isFinite else { continue }
      #expect(Double(NumberFormat.csv(value)) == value)
    }
  }
}
