import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentStudy

/// The report's reader of pack tables (RFC 4180 as the pack's CSV writer writes it), on
/// hand-written files.
@Suite struct PackTableTests {
  func file(_ text: String) throws -> String {
    let url = try temporaryFolder().appendingPathComponent("t.csv")
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func quotedFieldsCommasQuotesNewlinesBOMAndCRLF() throws {
    let path = try file("\u{FEFF}footprint_id,footprint_name,population\r\nE1,\"Riverton, Kelmoor\",12\r\nE2,\"The \"\"Marsh\"\"\nWest\",\r\n\r\n")
    let table = try #require(try PackTable.read(path))
    #expect(table.header == ["footprint_id", "footprint_name", "population"])
    #expect(table.rows == [["E1", "Riverton, Kelmoor", "12"], ["E2", "The \"Marsh\"\nWest", ""]])
    #expect(table.number(table.rows[0], "population") == 12)
    #expect(table.number(table.rows[1], "population") == nil)
    #expect(table.text(table.rows[0], "absent") == "")
  }

  @Test func aMissingFileIsNilAndABadOneIsNamedWithItsLine() throws {
    #expect(try PackTable.read("/nonexistent/t.csv") == nil)
    let short = try file("a,b\n1,2\n\"x\ny\",3,4\n")
    #expect(throws: ReviewReportError.malformed(file: short, line: 3, problem: "3 fields where the header has 2")) {
      try PackTable.read(short)
    }
    let open = try file("a,b\n1,\"2\n")
    #expect(throws: ReviewReportError.malformed(file: open, line: 2, problem: "a quoted field is not closed")) {
      try PackTable.read(open)
    }
    let empty = try file("")
    #expect(throws: ReviewReportError.malformed(file: empty, line: 1, problem: "no header row")) { try PackTable.read(empty) }
  }
}
