@testable import CatchmentTables
import CatchmentTestSupport
import Foundation
import Testing

/// The three ways tables write numbers, on hand-worked values (the first three are the ones the
/// issue found in spreadsheets).
@Suite struct ReadableNumberFormatTests {
  let readable = NumberFormat.readable, full = NumberFormat.full

  @Test func peopleToTwoDecimalPlaces() {
    #expect(readable.people(79.89999999999999) == "79.9")  // 79.90, trailing zero dropped
    #expect(readable.people(100584.84769310513) == "100584.85")  // .8477 rounds up to .85
    #expect(readable.people(1632) == "1632")  // whole counts stay integers
    #expect(readable.people(2.004) == "2")  // 2.00: no ".00" noise
    #expect(readable.people(0.125) == "0.12")  // 0.125 is exact in binary: half to even
    #expect(readable.people(-1343) == "-1343")  // net flows are negative
    #expect(readable.people(-0.001) == "0")  // rounds to zero: never "-0"
    #expect(readable.people(0) == "0")
    #expect(readable.people(1e-7) == "0")
    #expect(readable.people(.nan) == "")
  }

  @Test func ratiosToTenSignificantDigitsInFixedNotation() {
    // 5.043391869|478616e-05: the 11th digit is 4, so the 10th stays 9.
    #expect(readable.ratio(5.043391869478616e-05) == "0.00005043391869")
    #expect(readable.ratio(0.97961197759046847) == "0.9796119776")  // 0.97961197759 → …776
    #expect(readable.ratio(0.5) == "0.5")
    #expect(readable.ratio(1) == "1")
    #expect(readable.ratio(0) == "0")
    #expect(readable.ratio(0.99999999999) == "1")  // the carry reaches the units
    #expect(readable.ratio(1.0795031738) == "1.079503174")
    #expect(readable.ratio(1e-20) == "0.00000000000000000001")
    #expect(readable.ratio(123456789012.5) == "123456789000")  // 10 digits, then zeros
    #expect(readable.ratio(-0.25) == "-0.25")
  }

  @Test func fullPrecisionIsTheShortestRoundTripInFixedNotation() {
    #expect(full.people(79.89999999999999) == "79.89999999999999")
    #expect(full.people(100584.84769310513) == "100584.84769310513")
    #expect(full.ratio(5.043391869478616e-05) == "0.00005043391869478616")
    #expect(full.ratio(0.1 + 0.2) == "0.30000000000000004")
    #expect(full.ratio(1e-7) == "0.0000001")
    #expect(full.people(1e16) == "10000000000000000")
    #expect(full.people(2.5e-320) == "0." + String(repeating: "0", count: 319) + "25")  // subnormal
    #expect(full.people(1632) == "1632")
    // Each reads back to the same Double.
    for value in [79.89999999999999, 100584.84769310513, 5.043391869478616e-05, 1.0 / 3, 2.0 / 3e12, 123.456e20, -7.25e-9] {
      #expect(Double(NumberFormat.exact(value)) == value, "\(value)")
    }
  }

  @Test func neverExponentNotation() {
    var generator = SeededGenerator(seed: 9)
    for _ in 0..<2000 {
      let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)  // finite, positive
      for text in [readable.people(value), readable.ratio(value), full.people(value)] {
        #expect(!text.contains("e") && !text.contains("E"), "\(value) → \(text)")
      }
      #expect(Double(full.ratio(value)) == value)
    }
  }
}

/// The fast paths (scaling by a power of ten) agree with C's rounding of the exact binary value,
/// including values whose scaled form lies near a half, where the fast path must step aside.
@Suite struct NumberFormatFastPathTests {
  @Test func agreesWithPrintf() {
    var generator = SeededGenerator(seed: 11)
    var values: [Double] = [0.125, 0.375, 1.005, 2.675, 1.115, 0.045, 1e-10 + 0.005, 5.5e-11, 0.30000000000000004, 9.9999999995, 0.99999999995]
    for _ in 0..<20_000 {
      let magnitude = Double(Int(generator.next() % 40)) - 20
      let mantissa = Double(generator.next() % 1_000_000_007) / 1_000_000_007
      values.append((mantissa + 0.1) * pow(10, magnitude) * (generator.next() % 2 == 0 ? 1 : -1))
      // A value on an exact decimal tie at 2 places and at 10 digits, and its neighbours.
      let tie = Double(Int64(generator.next() % 10_000_000)) / 100 + 0.005
      values += [tie, tie.nextUp, tie.nextDown]
    }
    for value in values {
      #expect(NumberFormat.fixed(value, decimals: 2) == NumberFormat.cFormatted("%.2f", value), "\(value)")
      #expect(NumberFormat.significant(value, digits: 10) == NumberFormat.cFormatted("%.9e", value), "\(value)")
    }
  }
}
