import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming, byte-level reader for CSV files as ONS and NHS England publish them.
///
/// The reader copes with what published files actually contain:
/// - RFC 4180 quoting, including quoted commas, doubled quotes and quoted line breaks;
/// - a UTF-8 byte-order mark (ONS portal downloads carry one);
/// - CRLF or LF line ends, a last line without a line end, blank lines (counted);
/// - blank or junk trailing columns and empty header names;
/// - a leading unnamed index column, either named `""` in the header (R `write.csv`) or absent
///   from the header altogether (every data row one field longer than the header);
/// - header names matched case-insensitively, surrounding spaces ignored.
///
/// Nothing on the hot path allocates: the file is read in blocks of `blockSize` bytes into one
/// reusable buffer, and each record is handed to the caller as a ``CSVRecord`` whose fields are
/// byte ranges into that buffer. A record is valid only during the callback.
///
///     let reader = try CSVReader(path: "gp-reg-pat-prac-lsoa-all.csv")
///     let lsoa = try reader.column(named: "LSOA_CODE")
///     try reader.forEachRecord { record in
///       let code = record[lsoa]          // CSVField, a view of bytes
///     }
///
/// - Complexity: O(n) in the file size, one pass, memory O(blockSize + longest record).
public final class CSVReader {
  /// The path as given, used in every message.
  public let path: String
  /// Header names, trimmed, in file order (empty when the file has no header row).
  public private(set) var header: [String]
  /// True when data rows carry one more field than the header: a leading index column whose
  /// header cell was omitted (R `write.table` style). Column indexes are shifted to match.
  public private(set) var hasImplicitIndexColumn = false
  /// Physical line number of the header row (1), or 0 for a headerless file.
  public let headerLine: Int

  private let fileDescriptor: Int32
  private let blockSize: Int
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var start = 0  // first unconsumed byte
  private var end = 0  // one past the last valid byte
  private var atEOF = false
  private var nextLine = 1
  private var spans: UnsafeMutablePointer<CSVFieldSpan>
  private var spanCapacity = 64
  private var consumed = false
  /// Data records delivered, blank lines skipped; valid after ``forEachRecord(_:)``.
  public private(set) var recordsRead = 0
  public private(set) var blankLines = 0

  /// Opens a file and reads its header row.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - hasHeader: false for headerless files (ODS `epraccur.csv`, Code-Point Open); columns
  ///     are then addressed by position only.
  ///   - blockSize: bytes read per `read(2)` call (default 4 MiB).
  /// - Throws: ``TableError`` when the file cannot be opened or is empty.
  public init(path: String, hasHeader: Bool = true, blockSize: Int = 4 << 20) throws {
    self.path = path
    self.blockSize = max(blockSize, 64)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw TableError(file: path, reason: "file not found")
    }
    if isDirectory.boolValue { throw TableError(file: path, reason: "is a directory, not a CSV file") }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw TableError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    fileDescriptor = fd
    capacity = self.blockSize * 2
    buffer = .allocate(capacity: capacity)
    spans = .allocate(capacity: spanCapacity)
    header = []
    headerLine = hasHeader ? 1 : 0
    try fill()
    // Skip a UTF-8 byte-order mark.
    if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
      start += 3
    }
    if hasHeader {
      var names: [String] = []
      let found = try nextRecord { record in
        names = (0..<record.count).map { record[$0].trimmedString }
      }
      guard found else { throw TableError(file: path, reason: "file is empty: no header row") }
      header = names
    }
  }

  deinit {
    close(fileDescriptor)
    buffer.deallocate()
    spans.deallocate()
  }

  // MARK: Columns

  /// The index of the column whose header matches `name`, ignoring case and surrounding spaces.
  public func index(of name: String) -> Int? {
    let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
    guard let i = header.firstIndex(where: { $0.lowercased() == wanted }) else { return nil }
    return i + (hasImplicitIndexColumn ? 1 : 0)
  }

  /// The index of the first of `candidates` present in the header.
  ///
  /// - Parameter role: what the column is for, used in the error ("population value").
  /// - Throws: ``TableError`` naming the file, the column(s) sought and the columns present.
  public func column(named candidates: String..., role: String? = nil) throws -> Int {
    try column(namedAnyOf: candidates, role: role)
  }

  /// The index of the first of `candidates` present in the header; see ``column(named:role:)``.
  public func column(namedAnyOf candidates: [String], role: String? = nil) throws -> Int {
    for name in candidates { if let i = index(of: name) { return i } }
    let sought = candidates.map { "'\($0)'" }.joined(separator: " or ")
    let present = header.map { $0.isEmpty ? "(unnamed)" : $0 }.joined(separator: ", ")
    let what = role.map { " for the \($0)" } ?? ""
    throw TableError(
      file: path, line: headerLine,
      reason: "no column \(sought)\(what); the header has: \(present)")
  }

  /// The header name of column `index` as the caller sees it, for messages.
  public func name(ofColumn index: Int) -> String {
    let i = index - (hasImplicitIndexColumn ? 1 : 0)
    if i >= 0 && i < header.count { return header[i].isEmpty ? "column \(index + 1)" : header[i] }
    return "column \(index + 1)"
  }

  // MARK: Records

  /// Calls `body` with every data record in file order, skipping blank lines.
  ///
  /// - Throws: ``TableError`` on an I/O error or an unterminated quoted field, and rethrows
  ///   whatever `body` throws.
  public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
    precondition(!consumed, "CSVReader.forEachRecord may be called once")
    consumed = true
    var first = true
    while try nextRecord({ record in
      if first {
        first = false
        if !header.isEmpty && record.count == header.count + 1
          && !(header.first?.isEmpty ?? false)
        {
          // Rows one field longer than the header: R's row names without a header cell.
          hasImplicitIndexColumn = true
        }
      }
      recordsRead += 1
      try body(record)
    }) {}
  }

  /// Parses one record and calls `body` with it. Returns false at end of file.
  private func nextRecord(_ body: (CSVRecord) throws -> Void) throws -> Bool {
    while true {
      if start >= end {
        if atEOF { return false }
        try fill()
        continue
      }
      let outcome = parseRecord()
      switch outcome {
      case .needMore:
        if atEOF {
          if let line = unterminatedQuoteLine {
            throw TableError(file: path, line: line, reason: "a quoted field is never closed")
          }
          // parseRecord treats end of data at EOF as a record end; unreachable otherwise.
          return false
        }
        try fill()
      case .blank(let next, let lines):
        start = next
        nextLine += lines
        blankLines += 1
      case .record(let count, let next, let lines):
        let record = CSVRecord(
          file: path, base: UnsafePointer(buffer + start), spans: UnsafePointer(spans),
          count: count, line: nextLine)
        start = next
        nextLine += lines
        try body(record)
        return true
      }
    }
  }

  private var unterminatedQuoteLine: Int?

  private enum ParseOutcome {
    case needMore
    case blank(next: Int, lines: Int)
    case record(count: Int, next: Int, lines: Int)
  }

  /// Scans one record starting at `start`, filling `spans`. Bytes are not modified, so the
  /// scan can restart after the buffer is refilled.
  private func parseRecord() -> ParseOutcome {
    let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    var i = start
    var count = 0
    var lines = 1
    unterminatedQuoteLine = nil
    // A line holding nothing but a line end is blank.
    if buffer[i] == lf { return .blank(next: i + 1, lines: 1) }
    if buffer[i] == cr {
      if i + 1 < end {
        if buffer[i + 1] == lf { return .blank(next: i + 2, lines: 1) }
      } else if !atEOF {
        return .needMore
      }
    }
    while true {
      if count == spanCapacity { growSpans() }
      if i < end && buffer[i] == quote {
        // Quoted field: content runs to the next quote not followed by another quote.
        let contentStart = i + 1
        var j = contentStart
        var escaped = false
        var closed = false
        while j < end {
          let b = buffer[j]
          if b == quote {
            if j + 1 < end {
              if buffer[j + 1] == quote {
                escaped = true
                j += 2
                continue
              }
              closed = true
              break
            } else if atEOF {
              closed = true
              break
            } else {
              return .needMore
            }
          }
          if b == lf { lines += 1 }
          j += 1
        }
        if !closed {
          if !atEOF { return .needMore }
          unterminatedQuoteLine = nextLine
          return .needMore
        }
        let contentEnd = j
        j += 1  // past the closing quote
        // Anything between the closing quote and the delimiter is kept (lenient), as
        // spreadsheet exports sometimes write `"abc"def`.
        var junkEnd = j
        while junkEnd < end && buffer[junkEnd] != comma && buffer[junkEnd] != lf
          && buffer[junkEnd] != cr
        {
          junkEnd += 1
        }
        if junkEnd == end && !atEOF { return .needMore }
        if junkEnd > j {
          spans[count] = CSVFieldSpan(
            start: Int32(contentStart - start), end: Int32(junkEnd - start),
            flags: CSVFieldSpan.quoted | CSVFieldSpan.junkAfterQuote
              | (escaped ? CSVFieldSpan.escapedQuotes : 0),
            quoteEnd: Int32(contentEnd - start))
        } else {
          spans[count] = CSVFieldSpan(
            start: Int32(contentStart - start), end: Int32(contentEnd - start),
            flags: CSVFieldSpan.quoted | (escaped ? CSVFieldSpan.escapedQuotes : 0),
            quoteEnd: Int32(contentEnd - start))
        }
        count += 1
        i = junkEnd
      } else {
        var j = i
        while j < end {
          let b = buffer[j]
          if b == comma || b == lf || b == cr { break }
          j += 1
        }
        if j == end && !atEOF { return .needMore }
        spans[count] = CSVFieldSpan(
          start: Int32(i - start), end: Int32(j - start), flags: 0, quoteEnd: 0)
        count += 1
        i = j
      }
      // Delimiter or record end.
      if i >= end {
        return .record(count: count, next: i, lines: lines)  // last line, no line end
      }
      let b = buffer[i]
      if b == comma {
        i += 1
        continue
      }
      if b == cr {
        if i + 1 < end {
          return .record(count: count, next: buffer[i + 1] == lf ? i + 2 : i + 1, lines: lines)
        }
        if !atEOF { return .needMore }
        return .record(count: count, next: i + 1, lines: lines)
      }
      return .record(count: count, next: i + 1, lines: lines)  // LF
    }
  }

  private func growSpans() {
    let bigger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: spanCapacity * 2)
    bigger.moveInitialize(from: spans, count: spanCapacity)
    spans.deallocate()
    spans = bigger
    spanCapacity *= 2
  }

  /// Moves unconsumed bytes to the front and reads another block after them.
  private func fill() throws {
    let remaining = end - start
    if start > 0 && remaining > 0 {
      memmove(buffer, buffer + start, remaining)
    }
    start = 0
    end = remaining
    if capacity - end < blockSize {
      // A record longer than a block: grow so that a whole block always fits.
      let newCapacity = max(capacity * 2, end + blockSize)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      bigger.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = bigger
      capacity = newCapacity
    }
    while true {
      let n = read(fileDescriptor, buffer + end, capacity - end)
      if n < 0 {
        if errno == EINTR { continue }
        throw TableError(file: path, reason: "read error: \(String(cString: strerror(errno)))")
      }
      if n == 0 { atEOF = true }
      end += n
      return
    }
  }
}

/// Where one field lies in the reader's buffer, relative to the record start.
@usableFromInline
struct CSVFieldSpan {
  @usableFromInline static let quoted: UInt8 = 1
  @usableFromInline static let escapedQuotes: UInt8 = 2
  @usableFromInline static let junkAfterQuote: UInt8 = 4
  @usableFromInline var start: Int32
  @usableFromInline var end: Int32
  @usableFromInline var flags: UInt8
  /// End of the quoted part when junk follows the closing quote.
  @usableFromInline var quoteEnd: Int32
}
