import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentTables

@Suite struct CSVWriterTests {
  @Test func quotesOnlyWhereNeeded() {
    var out = CSVWriter(header: ["code", "name"])
    out.row("E38000001", "NHS Airedale, Wharfedale and Craven CCG")
    out.row("X", "say \"hi\"")
    out.row("Y", "two\nlines")
    out.row("Z", " padded")
    #expect(out.text == "code,name\nE38000001,\"NHS Airedale, Wharfedale and Craven CCG\"\nX,\"say \"\"hi\"\"\"\nY,\"two\nlines\"\nZ,\" padded\"\n")
    #expect(out.rowCount == 4)
  }

  @Test func writtenFileReadsBackThroughTheReader() throws {
    var out = CSVWriter(header: ["a", "b"], byteOrderMark: true)
    out.row("1,5", "\"q\"")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catchment-writer-\(UUID().uuidString)")
    let path = folder.appendingPathComponent("nested/out.csv").path
    try out.write(to: path)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let reader = try CSVReader(path: path)
    #expect(reader.header == ["a", "b"])
    var fields: [String] = []
    try reader.forEachRecord { fields = [$0[0].string, $0[1].string] }
    #expect(fields == ["1,5", "\"q\""])
  }
}

@Suite struct CodeTableTests {
  @Test func internAndFind() {
    var table = CodeTable()
    #expect(table.intern("E01000001") == 0)
    #expect(table.intern("E01000002") == 1)
    #expect(table.intern("E01000001") == 0)
    #expect(table.find("E01000002") == 1)
    #expect(table.find("E01000003") == nil)
    #expect(table.intern("") == 2)
    #expect(table.find("") == 2)
    #expect(table.code(1) == "E01000002")
    #expect(table.count == 3)
  }

  @Test func manyCodesKeepTheirIds() {
    var table = CodeTable(minimumCapacity: 4)
    let codes = (0..<50_000).map { "E01\(100_000 + $0 * 7)" }
    for (i, code) in codes.enumerated() { #expect(table.intern(code) == Int32(i)) }
    for (i, code) in codes.enumerated() where i % 97 == 0 { #expect(table.find(code) == Int32(i)) }
    #expect(table.find("E01999999X") == nil)
    #expect(table.codes == codes)
  }
}
