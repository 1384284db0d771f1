import CatchmentTables
import CatchmentTestSupport
import Foundation
import Testing

/// The bytes the CSV reader reads of a file, counted for a progress bar of long reads.
@Suite struct ReadProgressTests {
  @Test func aWholeReadCountsTheFileSizeAndAPartReadItsPart() throws {
    // 3 + 1000 × 12 bytes: "a,b\n" then rows "row,0000001\n"…; read in 64-byte blocks.
    var text = "a,b\n"
    for k in 0..<1000 { text += "row," + String(repeating: "0", count: 7 - String(k).count) + String(k) + "\n" }
    let path = try temporaryFile(text, name: "progress.csv")
    let size = text.utf8.count
    #expect(size == 4 + 1000 * 12)
    ReadProgress.shared.enable()
    let before = ReadProgress.shared.bytesRead(path)
    let reader = try CSVReader(path: path, blockSize: 64)
    var rows = 0
    try reader.forEachRecord { _ in rows += 1 }
    #expect(rows == 1000)
    #expect(ReadProgress.shared.bytesRead(path) - before == size)
    // Half the file by byte range: exactly those bytes.
    let half = try CSVReader(path: path, blockSize: 64, byteRange: 4..<(4 + 500 * 12))
    try half.forEachRecord { _ in }
    #expect(ReadProgress.shared.bytesRead(path) - before == size + 500 * 12)
  }
}
