import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentTables

/// What the reader refuses (issue 9 §3): headers that name a column twice, rows too short to
/// reach the columns read, and a quote never closed, told in a message of bounded length.
@Suite struct CSVReaderStrictnessTests {
  @Test func aColumnNamedTwiceIsRefusedNamingBothPositions() throws {
    let path = try temporaryFile("PRACTICE_CODE,NUMBER_OF_PATIENTS,LSOA_CODE,number_of_patients \nP1,4,E01000001,5\n")
    let reader = try CSVReader(path: path)
    let error = #expect(throws: TableError.self) { try reader.column(named: "NUMBER_OF_PATIENTS") }
    #expect(error?.description == "\(path):1: the header has 'NUMBER_OF_PATIENTS' twice, in columns 2 and 4; rename or remove all but one")
    // A column the caller does not ask for may repeat (trailing unnamed columns do).
    #expect(try reader.column(named: "LSOA_CODE") == 2)
  }

  @Test func anOptionalColumnNamedTwiceIsRefusedToo() throws {
    let path = try temporaryFile("a,SEX,b,SEX,c\n1,ALL,2,MALE,3\n")
    let reader = try CSVReader(path: path)
    #expect(throws: TableError.self) { try reader.optionalColumn(namedAnyOf: ["SEX"]) }
    #expect(try reader.optionalColumn(namedAnyOf: ["missing", "c"]) == 4)
  }

  @Test func aRowShorterThanTheColumnsReadIsNamedWithItsFieldCount() throws {
    let path = try temporaryFile("a,b,c,d,e,f,g,SEX\n1,2,3,4,5,6,7,ALL\n1,2,3\n")
    let reader = try CSVReader(path: path)
    _ = try reader.column(named: "SEX")
    var rows = 0
    let error = #expect(throws: TableError.self) { try reader.forEachRecord { _ in rows += 1 } }
    #expect(error?.description == "\(path):3: line 3 has 3 fields; the header has 8")
    #expect(rows == 1)
  }

  @Test func shortRowsThatReachEveryColumnReadAreKept() throws {
    // Only columns asked for count: a row missing unused trailing columns is still read.
    let path = try temporaryFile("a,b,c,d\n1,2,3,4\n5,6\n")
    let reader = try CSVReader(path: path)
    _ = try reader.column(named: "b")
    var rows: [[String]] = []
    try reader.forEachRecord { record in rows.append((0..<record.count).map { record[$0].string }) }
    #expect(rows == [["1", "2", "3", "4"], ["5", "6"]])
  }

  @Test func anUnclosedQuoteNamesItsLineAndShowsLittleOfTheFile() throws {
    // The quote opens on line 4 (the record starts on line 3: a quoted line break before it).
    var text = "code,name,count\nE1,plain,1\nE2,\"two\nlines\",\"2\nE3,x,3\n"
    for k in 0..<2_000 { text += "E\(k),filler text for the rest of the file,\(k)\n" }
    let path = try temporaryFile(text)
    let reader = try CSVReader(path: path)
    let error = #expect(throws: TableError.self) { try reader.forEachRecord { _ in } }
    let message = error?.description ?? ""
    #expect(message.hasPrefix("\(path):4: a quoted field opened on line 4 is never closed: 'lines\",\"2\\nE3,x,3\\nE0,filler"))
    #expect(message.count < path.count + 300, "\(message.count) characters")
  }

  @Test func aFieldRunningOverManyLinesIsShortenedInMessages() throws {
    // A quote closed far too late (a stray quote in a name much further down) makes one field of
    // many lines; a message quoting it shows 80 characters and says what probably happened.
    var text = "code,count\nE1,\"5\n"
    for k in 0..<500 { text += "E\(k),\(k)\n" }
    text += "E9,\"7\"\n"
    let path = try temporaryFile(text)
    let reader = try CSVReader(path: path)
    let column = try reader.column(named: "count")
    let error = #expect(throws: TableError.self) {
      try reader.forEachRecord { record in _ = try record.number(at: column, column: "count") }
    }
    let message = error?.description ?? ""
    #expect(message.contains("count is not a number: '5\\nE0,0\\nE1,1"))
    #expect(message.contains("…' (a quoted field running over 502 lines: is a closing quote missing?)"))
    #expect(message.count < path.count + 250, "\(message.count) characters")
  }
}
