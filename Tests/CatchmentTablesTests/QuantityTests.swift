import CatchmentTestSupport
import Testing

@testable import CatchmentTables

/// Counts and amounts as the formats allow them (issue 9 §3), checked where they are parsed.
@Suite struct QuantityTests {
  /// Reads `value` from a one-row table as a count, or returns the error's text.
  func count(_ value: String) throws -> Result<Double, TableError> {
    let path = try temporaryFile("PRACTICE_CODE,NUMBER_OF_PATIENTS\nP1,\(value)\n")
    let reader = try CSVReader(path: path)
    var result: Result<Double, TableError>?
    try reader.forEachRecord { record in
      do { result = .success(try record.count(at: 1, column: "NUMBER_OF_PATIENTS")) } catch let error as TableError { result = .failure(error) }
    }
    return result!
  }

  @Test(arguments: ["1e30", "9999999999999999999999", "2.5", "-3", "9007199254740992", "-0.5"])
  func countsOutsideTheWholeNumbersBelow2To53AreRefused(value: String) throws {
    guard case .failure(let error) = try count(value) else {
      Issue.record("\(value) was accepted")
      return
    }
    #expect(error.line == 2)
    #expect(error.reason == "NUMBER_OF_PATIENTS (column 2) is '\(value)': a count must be a whole number from 0 to 9007199254740991 (2^53 - 1)")
  }

  @Test(arguments: [("0", 0.0), ("17", 17), ("\"1,632\"", 1632), ("9007199254740991", 9_007_199_254_740_991), ("4.0", 4), ("-0", 0)])
  func wholeNumbersAreCounts(text: String, value: Double) throws {
    guard case .success(let v) = try count(text) else {
      Issue.record("\(text) was refused")
      return
    }
    #expect(v == value)
    #expect(v.sign == .plus)
  }

  @Test func amountsAreFiniteNonNegativeAndBounded() throws {
    let path = try temporaryFile("zone,pop\nE1,1523.25\nE2,\"2,111,469\"\nE3,1e30\nE4,-1\nE5,1e400\n")
    let reader = try CSVReader(path: path)
    var results: [String] = []
    try reader.forEachRecord { record in
      do { results.append(String(try record.amount(at: 1, column: "pop"))) } catch let error as TableError { results.append(error.reason) }
    }
    #expect(results == [
      "1523.25", "2111469.0",
      "pop (column 2) is '1e30': an amount must be a number from 0 to 10000000000 (1e10)",
      "pop (column 2) is '-1': an amount must be a number from 0 to 10000000000 (1e10)",
      "pop is not a number: '1e400'",
    ])
  }
}
