import CatchmentTestSupport
import Testing

@testable import CatchmentTables

/// Reads every record of `path` as arrays of strings.
private func readAll(_ path: String, hasHeader: Bool = true, blockSize: Int = 4 << 20) throws -> (header: [String], rows: [[String]], lines: [Int], reader: CSVReader) {
  let reader = try CSVReader(path: path, hasHeader: hasHeader, blockSize: blockSize)
  var rows: [[String]] = []
  var lines: [Int] = []
  try reader.forEachRecord { record in
    rows.append((0..<record.count).map { record[$0].string })
    lines.append(record.line)
  }
  return (reader.header, rows, lines, reader)
}

@Suite struct CSVReaderTests {
  @Test func plainFileWithHeader() throws {
    let path = try temporaryFile("a,b,c\n1,2,3\n4,5,6\n")
    let (header, rows, lines, _) = try readAll(path)
    #expect(header == ["a", "b", "c"])
    #expect(rows == [["1", "2", "3"], ["4", "5", "6"]])
    #expect(lines == [2, 3])
  }

  @Test func rfc4180Quoting() throws {
    // Quoted commas, doubled quotes, a quoted line break, an empty quoted field.
    let path = try temporaryFile("code,name,note\nE38000001,\"NHS Airedale, Wharfedale and Craven CCG\",\"say \"\"hi\"\"\"\nX,\"two\nlines\",\"\"\nY,z,w\n")
    let (_, rows, lines, _) = try readAll(path)
    #expect(rows[0] == ["E38000001", "NHS Airedale, Wharfedale and Craven CCG", "say \"hi\""])
    #expect(rows[1] == ["X", "two\nlines", ""])
    #expect(rows[2] == ["Y", "z", "w"])
    // The record after a quoted line break starts two physical lines later.
    #expect(lines == [2, 3, 5])
  }

  @Test func byteOrderMarkAndCRLF() throws {
    let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array("X,Y,lsoa11cd\r\n-1.5,54.9,E01008657\r\n-1.4,54.8,E01008654\r\n".utf8))
    let (header, rows, _, reader) = try readAll(path)
    #expect(header == ["X", "Y", "lsoa11cd"])
    #expect(rows == [["-1.5", "54.9", "E01008657"], ["-1.4", "54.8", "E01008654"]])
    #expect(reader.index(of: "X") == 0)
  }

  @Test func lastLineWithoutLineEndAndBlankLines() throws {
    let path = try temporaryFile("a,b\n1,2\n\n\r\n3,4")
    let (_, rows, lines, reader) = try readAll(path)
    #expect(rows == [["1", "2"], ["3", "4"]])
    #expect(lines == [2, 5])
    #expect(reader.blankLines == 2)
    #expect(reader.recordsRead == 2)
  }

  @Test func headerMatchedCaseInsensitivelyAndTrimmed() throws {
    let path = try temporaryFile(" LSOA_CODE ,Number.of.Patients\nE01000001,5\n")
    let reader = try CSVReader(path: path)
    #expect(reader.index(of: "lsoa_code") == 0)
    #expect(try reader.column(named: "NUMBER_OF_PATIENTS", "number.of.patients") == 1)
  }

  @Test func missingColumnErrorNamesFileAndHeader() throws {
    let path = try temporaryFile("a,b\n1,2\n")
    let reader = try CSVReader(path: path)
    let error = #expect(throws: TableError.self) { try reader.column(named: "PRACTICE_CODE", role: "unit code") }
    #expect(error?.description == "\(path):1: no column 'PRACTICE_CODE' for the unit code; the header has: a, b")
  }

  @Test func missingFileIsAClearError() throws {
    let error = #expect(throws: TableError.self) { try CSVReader(path: "/nonexistent/file.csv") }
    #expect(error?.description == "/nonexistent/file.csv: file not found")
  }

  @Test func rIndexColumnNamedEmpty() throws {
    // R write.csv: a leading "" header cell over row numbers.
    let path = try temporaryFile("\"\",\"PRACTICE_CODE\",\"Number.of.Patients\"\n\"1\",\"A82003\",1\n\"2\",\"A82046\",2\n")
    let (header, rows, _, reader) = try readAll(path)
    #expect(header == ["", "PRACTICE_CODE", "Number.of.Patients"])
    #expect(reader.index(of: "PRACTICE_CODE") == 1)
    #expect(rows[1] == ["2", "A82046", "2"])
  }

  @Test func implicitIndexColumnWithoutHeaderCell() throws {
    // R write.table with row names: data rows have one more field than the header.
    let path = try temporaryFile("PRACTICE_CODE,COUNT\n1,A1,5\n2,A2,6\n")
    let reader = try CSVReader(path: path)
    var codes: [String] = []
    var counts: [String] = []
    try reader.forEachRecord { record in
      codes.append(record[reader.index(of: "PRACTICE_CODE")!].string)
      counts.append(record[reader.index(of: "count")!].string)
    }
    #expect(reader.hasImplicitIndexColumn)
    #expect(codes == ["A1", "A2"])
    #expect(counts == ["5", "6"])
  }

  @Test func trailingJunkAndEmptyHeaderNames() throws {
    // Excel exports: empty header cells and blank trailing columns; short rows are allowed.
    let path = try temporaryFile("Area Codes,All Ages,,\nE01000001,\"1,632\",,\nE01000002,7\n")
    let (header, rows, _, reader) = try readAll(path)
    #expect(header == ["Area Codes", "All Ages", "", ""])
    #expect(rows == [["E01000001", "1,632", "", ""], ["E01000002", "7"]])
    #expect(!reader.hasImplicitIndexColumn)
  }

  @Test func textAfterClosingQuoteIsKept() throws {
    let path = try temporaryFile("a,b\n\"ab\"cd,e\n")
    let (_, rows, _, _) = try readAll(path)
    #expect(rows == [["abcd", "e"]])
  }

  @Test func unterminatedQuoteIsAnError() throws {
    let path = try temporaryFile("a,b\n1,\"open\n2,3\n")
    let reader = try CSVReader(path: path)
    let error = #expect(throws: TableError.self) { try reader.forEachRecord { _ in } }
    #expect(error?.line == 2)
    #expect(error?.reason.contains("never closed") == true)
  }

  @Test func headerlessFile() throws {
    let path = try temporaryFile("A81001,THE DENSHAM SURGERY,Y63\nA81002,QUEENS PARK,Y63\n")
    let (header, rows, lines, _) = try readAll(path, hasHeader: false)
    #expect(header.isEmpty)
    #expect(rows.count == 2)
    #expect(lines == [1, 2])
  }

  /// Tiny blocks force every record, quote and CRLF to straddle a buffer boundary; the
  /// records must be the same as read in one block.
  @Test(arguments: [64, 65, 67, 97, 128])
  func recordsStraddlingBlockBoundaries(blockSize: Int) throws {
    var text = "\u{FEFF}id,name,count\r\n"
    for i in 0..<300 {
      let name = i % 7 == 0 ? "\"Name, with comma \"\"\(i)\"\"\"" : (i % 11 == 0 ? "\"multi\nline \(i)\"" : "plain\(i)")
      text += "E01\(String(format: "%06d", i)),\(name),\"\(i * 1000 / 3)\"\r\n"
      if i % 50 == 0 { text += "\r\n" }
    }
    let path = try temporaryFile(text)
    let whole = try readAll(path)
    let pieces = try readAll(path, blockSize: blockSize)
    #expect(whole.rows.count == 300)
    #expect(pieces.rows == whole.rows)
    #expect(pieces.lines == whole.lines)
    #expect(whole.rows[7][1] == "Name, with comma \"7\"")
    #expect(whole.rows[11][1] == "multi\nline 11")
  }

  @Test func fieldHelpers() throws {
    let path = try temporaryFile("sex,code\n all ,\" E01000001 \"\n")
    let reader = try CSVReader(path: path)
    try reader.forEachRecord { record in
      #expect(record[0].equalsIgnoringCase("ALL"))
      #expect(!record[0].equalsIgnoringCase("MALE"))
      #expect(record[1].trimmedString == "E01000001")
      #expect(record[5].isEmpty)
      #expect(!record.has(5))
    }
  }
}

@Suite struct CSVReaderRangeTests {
  @Test func piecesCoverTheFileExactlyOnce() throws {
    var text = "\u{FEFF}code,value\n"
    for i in 0..<5000 { text += "E01\(100_000 + i),\(i)\n" }
    let path = try temporaryFile(text)
    let whole = try CSVReader(path: path)
    #expect(whole.dataStartOffset == 3 + "code,value\n".utf8.count)
    let points = try CSVReader.splitPoints(path: path, from: whole.dataStartOffset, parts: 4)
    #expect(points.count == 5)
    #expect(points.first == whole.dataStartOffset)
    #expect(points.last == text.utf8.count)
    var codes: [String] = []
    for k in 0..<4 {
      let piece = try CSVReader(path: path, hasHeader: false, byteRange: points[k]..<points[k + 1])
      try piece.forEachRecord { codes.append($0[0].string) }
    }
    #expect(codes == (0..<5000).map { "E01\(100_000 + $0)" })
  }

  @Test func smallFilesAreNotCut() throws {
    let path = try temporaryFile("a\n1\n")
    #expect(try CSVReader.splitPoints(path: path, from: 2, parts: 4) == [2, 4])
  }
}
