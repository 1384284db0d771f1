import Foundation

/// Buffered byte output for one CSV file.
///
/// Rows are appended as raw bytes to an in-memory buffer that is flushed every few megabytes,
/// which keeps the national file (about 80 MB) fast to write and never builds a String per row.
/// Everything written is ASCII or UTF-8 and every number an integer, so output is identical
/// on every machine.
final class ByteFileWriter {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private let flushThreshold: Int
  /// The line ending written by `endRow()`.
  let lineEnding: [UInt8]
  /// Bytes written so far (flushed or not).
  private(set) var byteCount = 0

  /// Creates (or truncates) the file at `url`; `crlf` selects Windows line endings and `bom` a
  /// leading UTF-8 byte-order mark, as ONS Open Geography Portal downloads have.
  init(url: URL, crlf: Bool, bom: Bool, flushThreshold: Int = 4 << 20) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    handle = try FileHandle(forWritingTo: url)
    self.flushThreshold = flushThreshold
    lineEnding = crlf ? [13, 10] : [10]
    buffer.reserveCapacity(flushThreshold + 4096)
    if bom { raw([0xEF, 0xBB, 0xBF]) }
  }

  /// Appends bytes as they are.
  func raw(_ bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
  }

  /// Appends text as it is (no quoting).
  func raw(_ text: String) {
    buffer.append(contentsOf: text.utf8)
  }

  /// Appends a comma.
  func comma() { buffer.append(44) }

  /// Appends one CSV field, quoted as RFC 4180 requires when it holds a comma, quote or line
  /// break.
  func field(_ text: String) {
    buffer.append(contentsOf: CSVQuoting.field(text))
  }

  /// Appends a non-negative integer in plain digits.
  func int(_ value: Int) {
    precondition(value >= 0, "only counts are written")
    // Count the digits, reserve them, then fill from the right: no temporary per number.
    var digits = 0
    var v = value
    repeat {
      digits += 1
      v /= 10
    } while v > 0
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(48, count: digits))
    v = value
    for i in stride(from: start + digits - 1, through: start, by: -1) {
      buffer[i] = 48 + UInt8(v % 10)
      v /= 10
    }
  }

  /// Appends a non-negative integer with thousands separators ("1,632"), quoted whenever it
  /// has a separator, as spreadsheet exports of ONS tables write them.
  func groupedInt(_ value: Int) {
    let plain = String(value)
    guard plain.count > 3 else {
      raw(plain)
      return
    }
    var grouped = ""
    for (i, ch) in plain.enumerated() {
      if i > 0, (plain.count - i) % 3 == 0 { grouped.append(",") }
      grouped.append(ch)
    }
    raw("\"" + grouped + "\"")
  }

  /// Writes a whole Open Geography Portal CSV download: UTF-8 byte-order mark, CRLF, the
  /// header, then `count` rows of `fields(i)`, each closed by the running `ObjectId` i + 1.
  static func writePortalFile(
    _ url: URL, header: String, count: Int, fields: (Int) -> [String]
  ) throws {
    let out = try ByteFileWriter(url: url, crlf: true, bom: true)
    out.raw(header)
    try out.endRow()
    for i in 0..<count {
      for text in fields(i) {
        out.field(text)
        out.comma()
      }
      out.int(i + 1)
      try out.endRow()
    }
    try out.close()
  }

  /// Ends the current row and flushes when the buffer is full.
  func endRow() throws {
    buffer.append(contentsOf: lineEnding)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Writes out the buffer.
  func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    byteCount += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file.
  func close() throws {
    try flush()
    try handle.close()
  }
}
