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
  /// The reader whose file descriptor this one reads through (a piece of a parallel read), kept
  /// alive while this one reads; nil when this reader opened the file and closes it.
  private let sharedFrom: CSVReader?
  private let blockSize: Int
  /// Reading stops here (the end of the byte range).
  private let rangeEnd: Int
  /// The scanner's mutable state lives behind a pointer: stored properties of a class are
  /// checked for exclusive access at run time on every access, which cost ~15% of a national
  /// read; memory behind a pointer is not.
  private let state: UnsafeMutablePointer<ScanState>

  private var buffer: UnsafeMutablePointer<UInt8> {
    get { state.pointee.buffer }
    set { state.pointee.buffer = newValue }
  }
  private var capacity: Int {
    get { state.pointee.capacity }
    set { state.pointee.capacity = newValue }
  }
  /// First unconsumed byte of the buffer.
  private var start: Int {
    get { state.pointee.start }
    set { state.pointee.start = newValue }
  }
  /// One past the last valid byte of the buffer.
  private var end: Int {
    get { state.pointee.end }
    set { state.pointee.end = newValue }
  }
  private var atEOF: Bool {
    get { state.pointee.atEOF }
    set { state.pointee.atEOF = newValue }
  }
  private var nextLine: Int {
    get { state.pointee.nextLine }
    set { state.pointee.nextLine = newValue }
  }
  /// File offset of the byte after the last one read into the buffer.
  private var fileOffset: Int {
    get { state.pointee.fileOffset }
    set { state.pointee.fileOffset = newValue }
  }
  private var spans: UnsafeMutablePointer<CSVFieldSpan> {
    get { state.pointee.spans }
    set { state.pointee.spans = newValue }
  }
  private var spanCapacity: Int {
    get { state.pointee.spanCapacity }
    set { state.pointee.spanCapacity = newValue }
  }
  private var unterminatedQuoteLine: Int? {
    get { state.pointee.unterminatedQuoteLine }
    set { state.pointee.unterminatedQuoteLine = newValue }
  }
  private var consumed = false
  /// Data records delivered so far, blank lines skipped.
  public private(set) var recordsRead: Int {
    get { state.pointee.recordsRead }
    set { state.pointee.recordsRead = newValue }
  }
  /// Blank lines skipped so far.
  public private(set) var blankLines: Int {
    get { state.pointee.blankLines }
    set { state.pointee.blankLines = newValue }
  }

  /// Opens a file and reads its header row.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - hasHeader: false for headerless files (ODS `epraccur.csv`, Code-Point Open); columns
  ///     are then addressed by position only.
  ///   - blockSize: bytes read per `read(2)` call (default 4 MiB).
  ///   - byteRange: read only these bytes of the file (for parallel reading of one file in
  ///     parts, see ``splitPoints(path:from:parts:)``); nil for the whole file.
  ///   - firstLine: the physical line number of the first byte read, for messages.
  /// - Throws: ``TableError`` when the file cannot be opened or is empty.
  public convenience init(
    path: String, hasHeader: Bool = true, blockSize: Int = 4 << 20, byteRange: Range<Int>? = nil, firstLine: Int = 1
  ) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw TableError(file: path, reason: "file not found")
    }
    if isDirectory.boolValue { throw TableError(file: path, reason: "is a directory, not a CSV file") }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw TableError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))")
    }
    if byteRange == nil { Self.countOpen(path) }
    try self.init(path: path, fileDescriptor: fd, sharedFrom: nil, hasHeader: hasHeader, blockSize: blockSize, byteRange: byteRange, firstLine: firstLine)
  }

  /// A headerless reader of the bytes `byteRange` of the file `other` has open, through its
  /// file descriptor (`pread` is safe from several threads): the pieces of a parallel read
  /// open the file no more. `other` is kept alive while this reader exists.
  ///
  /// - Throws: ``TableError`` when the bytes cannot be read.
  public convenience init(piecesOf other: CSVReader, byteRange: Range<Int>, firstLine: Int = 0, blockSize: Int = 4 << 20) throws {
    try self.init(
      path: other.path, fileDescriptor: other.fileDescriptor, sharedFrom: other, hasHeader: false, blockSize: blockSize, byteRange: byteRange,
      firstLine: firstLine)
  }

  private init(
    path: String, fileDescriptor fd: Int32, sharedFrom: CSVReader?, hasHeader: Bool, blockSize: Int, byteRange: Range<Int>?, firstLine: Int
  ) throws {
    self.path = path
    self.blockSize = max(blockSize, 64)
    self.rangeEnd = byteRange?.upperBound ?? Int.max
    fileDescriptor = fd
    self.sharedFrom = sharedFrom
    state = .allocate(capacity: 1)
    state.initialize(
      to: ScanState(
        buffer: .allocate(capacity: self.blockSize * 2), capacity: self.blockSize * 2,
        spans: .allocate(capacity: 64), spanCapacity: 64, nextLine: firstLine, fileOffset: byteRange?.lowerBound ?? 0))
    header = []
    headerLine = hasHeader ? firstLine : 0
    try fill()
    // Skip a UTF-8 byte-order mark.
    if fileOffset - end == 0, end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
      start += 3
    }
    if hasHeader {
      var names: [String] = []
      let found = try nextRecord { record in
        names = (0..<record.count).map { record[$0].trimmedString }
      }
      guard found else { throw TableError(file: path, reason: "file is empty: no header row") }
      header = names
      try detectImplicitIndexColumn()
    }
    dataStartOffset = fileOffset - (end - start)
  }

  /// Looks at the first data record without consuming it: when it has one field more than
  /// the header and the header's first cell is not empty, rows carry R's row names without a
  /// header cell.
  private func detectImplicitIndexColumn() throws {
    while true {
      if start >= end {
        if atEOF { return }
        try fill()
        continue
      }
      switch parseRecord() {
      case .needMore:
        if atEOF { return }
        try fill()
      case .blank:
        return
      case .record(let count, _, _):
        hasImplicitIndexColumn = count == header.count + 1 && !(header.first?.isEmpty ?? false)
        return
      }
    }
  }

  /// The file offset where data records start (after the header row and any BOM).
  public private(set) var dataStartOffset = 0

  /// Offsets that cut the bytes from `from` to the end of the file into `parts` pieces of
  /// about equal size, each cut just after a line feed. Pieces may still begin inside a
  /// quoted field that spans lines; a reader of the piece before it then ends inside an
  /// unclosed quote and throws, which is how callers detect that a cut was unsafe.
  ///
  /// - Returns: `parts + 1` increasing offsets (fewer when the file is too small to cut),
  ///   first `from`, last the file size.
  public static func splitPoints(path: String, from: Int, parts: Int) throws -> [Int] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw TableError(file: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    return try splitPoints(fileDescriptor: fd, path: path, from: from, parts: parts)
  }

  /// As ``splitPoints(path:from:parts:)``, for the file `reader` has open (no second open).
  public static func splitPoints(of reader: CSVReader, from: Int, parts: Int) throws -> [Int] {
    try splitPoints(fileDescriptor: reader.fileDescriptor, path: reader.path, from: from, parts: parts)
  }

  private static func splitPoints(fileDescriptor fd: Int32, path: String, from: Int, parts: Int) throws -> [Int] {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw TableError(file: path, reason: "cannot stat") }
    let size = Int(info.st_size)
    var points = [from]
    var window = [UInt8](repeating: 0, count: 1 << 16)
    for k in 1..<max(parts, 1) {
      var offset = from + (size - from) / parts * k
      guard offset > points.last! else { continue }
      var cut: Int?
      while cut == nil && offset < size {
        let n = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
        guard n > 0 else { break }
        if let i = window[0..<n].firstIndex(of: 0x0A) { cut = offset + i + 1 } else { offset += n }
      }
      if let cut, cut < size, cut > points.last! { points.append(cut) }
    }
    points.append(size)
    return points
  }

  deinit {
    if sharedFrom == nil { close(fileDescriptor) }
    buffer.deallocate()
    spans.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
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
  /// - Parameter role: what the column is for, used in the error ("population zone code") and
  ///   carried by it as ``TableError/missingColumnRole``.
  /// - Throws: ``TableError`` naming the file, the column(s) sought and the columns present.
  public func column(named candidates: String..., role: String? = nil) throws -> Int {
    try column(namedAnyOf: candidates, role: role)
  }

  /// The index of the first of `candidates` present in the header; see ``column(named:role:)``.
  ///
  /// The column is one the caller reads: from now on a record too short to reach it is an error
  /// (see ``requiredFieldCount``), and a header naming it twice is refused (``optionalColumn(namedAnyOf:)``).
  public func column(namedAnyOf candidates: [String], role: String? = nil) throws -> Int {
    if let i = try optionalColumn(namedAnyOf: candidates) {
      requiredFieldCount = max(requiredFieldCount, i + 1)
      return i
    }
    let sought = candidates.map { "'\($0)'" }.joined(separator: " or ")
    let present = header.map { $0.isEmpty ? "(unnamed)" : $0 }.joined(separator: ", ")
    let what = role.map { " for the \($0)" } ?? ""
    throw TableError(
      file: path, line: headerLine,
      reason: "no column \(sought)\(what); the header has: \(present)", missingColumnRole: role)
  }

  /// The index of the first of `candidates` present in the header, or nil; for columns a reader
  /// uses when present (a name column, SEX).
  ///
  /// - Throws: ``TableError`` when the header has the found name twice (ignoring case and
  ///   surrounding spaces): which of the two to read would be a guess. Both positions are named,
  ///   counted from 1 along the header row.
  public func optionalColumn(namedAnyOf candidates: [String]) throws -> Int? {
    for name in candidates {
      let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
      let positions = header.indices.filter { header[$0].lowercased() == wanted }
      guard let first = positions.first else { continue }
      if positions.count > 1 {
        let list = positions.map { String($0 + 1) }
        throw TableError(
          file: path, line: headerLine,
          reason: "the header has '\(header[first])' \(positions.count == 2 ? "twice" : "\(positions.count) times"), in columns \(list.dropLast().joined(separator: ", ")) and \(list[list.count - 1]); rename or remove all but one")
      }
      return first + (hasImplicitIndexColumn ? 1 : 0)
    }
    return nil
  }

  /// Records with fewer fields than this are an error ("line 7 has 3 fields; the header has 8"):
  /// a short row would otherwise read as empty fields. Raised by ``column(namedAnyOf:role:)`` to
  /// reach every column the caller reads; settable for readers of headerless pieces.
  public var requiredFieldCount: Int {
    get { state.pointee.requiredFieldCount }
    set { state.pointee.requiredFieldCount = newValue }
  }

  /// The error for a record of `count` fields starting on `line`, shorter than ``requiredFieldCount``.
  func shortRecordError(count: Int, line: Int) -> TableError {
    let expected = header.count + (hasImplicitIndexColumn ? 1 : 0)
    let has = "line \(line) has \(count) field\(count == 1 ? "" : "s")"
    if header.isEmpty { return TableError(file: path, line: line, reason: "\(has); at least \(requiredFieldCount) are needed") }
    return TableError(
      file: path, line: line,
      reason: "\(has); the header has \(expected)\(hasImplicitIndexColumn ? " (with the leading index column)" : "")")
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
    while try nextRecord({ record in
      recordsRead += 1
      try body(record)
    }) {}
  }

  /// Parses one record and calls `body` with it. Returns false at end of file.
  private func nextRecord(_ body: (CSVRecord) throws -> Void) throws -> Bool {
    guard let record = try parseNext() else { return false }
    try body(record)
    return true
  }

  /// The next data record, or nil at the end of the file; blank lines are skipped.
  ///
  /// The record is valid until the next call. Hot loops should prefer this to
  /// ``forEachRecord(_:)``: their state then stays in local variables rather than in closure
  /// captures, which Swift checks for exclusive access at run time.
  public func next() throws -> CSVRecord? {
    consumed = true
    guard let record = try parseNext() else { return nil }
    recordsRead += 1
    return record
  }

  private func parseNext() throws -> CSVRecord? {
    while true {
      if start >= end {
        if atEOF { return nil }
        try fill()
        continue
      }
      let outcome = parseRecord()
      switch outcome {
      case .needMore:
        if atEOF {
          if let line = unterminatedQuoteLine {
            throw TableError(
              file: path, line: line,
              reason: "a quoted field opened on line \(line) is never closed: \(excerpt(around: state.pointee.unterminatedQuoteAt))")
          }
          // parseRecord treats end of data at EOF as a record end; unreachable otherwise.
          return nil
        }
        try fill()
      case .blank(let next, let lines):
        start = next
        nextLine += lines
        blankLines += 1
      case .record(let count, let next, let lines):
        if count < requiredFieldCount { throw shortRecordError(count: count, line: nextLine) }
        let record = CSVRecord(
          reader: self, base: UnsafePointer(buffer + start), spans: UnsafePointer(spans),
          count: count, line: nextLine)
        start = next
        nextLine += lines
        return record
      }
    }
  }

  enum ParseOutcome {
    case needMore
    case blank(next: Int, lines: Int)
    case record(count: Int, next: Int, lines: Int)
  }

  /// Scans one record starting at `start`, filling `spans`. Bytes are not modified, so the
  /// scan can restart after the buffer is refilled.
  private func parseRecord() -> ParseOutcome {
    let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    // Locals, not stored properties, on the hot path: class property access costs a dynamic
    // exclusivity check each time.
    let buffer = self.buffer, end = self.end, atEOF = self.atEOF, start = self.start
    var spans = self.spans, spanCapacity = self.spanCapacity
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
    if let outcome = Self.parseSimpleRecord(buffer, from: i, end: end, spans: spans, spanCapacity: spanCapacity) {
      return outcome
    }
    while true {
      if count == spanCapacity {
        growSpans()
        spans = self.spans
        spanCapacity = self.spanCapacity
      }
      if i < end && buffer[i] == quote {
        // Quoted field: content runs to the next quote not followed by another quote.
        let linesBefore = lines
        let contentStart = i + 1
        var j = contentStart
        var escaped = false
        var closed = false
        while j < end {
          j = Self.scanToQuoteOrLineFeed(buffer, from: j, end: end)
          guard j < end else { break }
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
          unterminatedQuoteLine = nextLine + linesBefore - 1
          state.pointee.unterminatedQuoteAt = i
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
        var j = Self.scanToDelimiter(buffer, from: i, end: end)
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

  /// The fast path for a record with no quote and no CR before its line feed (nearly every
  /// row of an NHS or ONS file): finds all commas and the line feed eight bytes at a time.
  /// Returns nil to hand the record to the general scanner (quotes, CR, the record running
  /// past the buffer or fewer than eight bytes from its end, or too many fields).
  ///
  /// Byte matches use the exact test `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)`, which sets the
  /// high bit of a byte iff the byte is zero, with no false positives from borrows, so every
  /// flagged comma is a real one.
  @inline(__always)
  static func parseSimpleRecord(
    _ buffer: UnsafeMutablePointer<UInt8>, from recordStart: Int, end: Int, spans: UnsafeMutablePointer<CSVFieldSpan>,
    spanCapacity: Int
  ) -> ParseOutcome? {
    let ones: UInt64 = 0x0101_0101_0101_0101, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, highs: UInt64 = 0x8080_8080_8080_8080
    // Exact: every flagged byte is zero. Needed for commas, whose every position is used.
    @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
    // Cheaper, exact for the lowest flagged byte only (borrows may flag bytes above a zero
    // byte): enough for the first line feed, and for "any quote or CR before it", since a
    // false flag always sits above a true match.
    @inline(__always) func lowestZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
    var position = recordStart
    var fieldStart = recordStart
    var count = 0
    while position + 8 <= end {
      let word = UnsafeRawPointer(buffer + position).loadUnaligned(as: UInt64.self)
      let lineFeeds = lowestZeroByte(word ^ (ones &* 0x0A))
      // Only bytes up to and including the first line feed belong to this record.
      let within = lineFeeds == 0 ? UInt64.max : (lineFeeds ^ (lineFeeds &- 1))
      let special = (lowestZeroByte(word ^ (ones &* 0x22)) | lowestZeroByte(word ^ (ones &* 0x0D))) & within
      if special != 0 { return nil }
      var commas = zeroBytes(word ^ (ones &* 0x2C)) & within
      while commas != 0 {
        let at = position + commas.trailingZeroBitCount / 8
        if count == spanCapacity { return nil }
        spans[count] = CSVFieldSpan(start: Int32(fieldStart - recordStart), end: Int32(at - recordStart), flags: 0, quoteEnd: 0)
        count += 1
        fieldStart = at + 1
        commas &= commas &- 1
      }
      if lineFeeds != 0 {
        let at = position + lineFeeds.trailingZeroBitCount / 8  // the lowest flag is exact
        if count == spanCapacity { return nil }
        spans[count] = CSVFieldSpan(start: Int32(fieldStart - recordStart), end: Int32(at - recordStart), flags: 0, quoteEnd: 0)
        return .record(count: count + 1, next: at + 1, lines: 1)
      }
      position += 8
    }
    return nil
  }

  /// Skips eight bytes at a time while none is a comma, CR or LF (SWAR: "has a zero byte" on
  /// the word XORed with each delimiter repeated). Returns a position at or before the first
  /// delimiter; the caller finishes byte by byte. The lowest flagged byte is always a true
  /// match, so `trailingZeroBitCount` lands exactly on it.
  @inline(__always)
  static func scanToDelimiter(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, end: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    var j = start
    while j + 8 <= end {
      let word = UnsafeRawPointer(buffer + j).loadUnaligned(as: UInt64.self)
      let c = word ^ (ones &* 0x2C), l = word ^ (ones &* 0x0A), r = word ^ (ones &* 0x0D)
      let found = ((c &- ones) & ~c | (l &- ones) & ~l | (r &- ones) & ~r) & highs
      if found != 0 { return j + found.trailingZeroBitCount / 8 }
      j += 8
    }
    return j
  }

  /// Like ``scanToDelimiter(_:from:end:)``, for a quote or a line feed (inside quotes).
  @inline(__always)
  static func scanToQuoteOrLineFeed(_ buffer: UnsafeMutablePointer<UInt8>, from start: Int, end: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    var j = start
    while j + 8 <= end {
      let word = UnsafeRawPointer(buffer + j).loadUnaligned(as: UInt64.self)
      let q = word ^ (ones &* 0x22), l = word ^ (ones &* 0x0A)
      let found = ((q &- ones) & ~q | (l &- ones) & ~l) & highs
      if found != 0 { return j + found.trailingZeroBitCount / 8 }
      j += 8
    }
    while j < end && buffer[j] != 0x22 && buffer[j] != 0x0A { j += 1 }
    return j
  }

  /// At most ~200 characters of the buffer around byte `at`: from the start of its line (at most
  /// 100 bytes back) to 100 bytes on, line ends shown as `\n`, for a message.
  private func excerpt(around at: Int) -> String {
    var lo = at
    while lo > max(start, at - 100) && buffer[lo - 1] != 0x0A { lo -= 1 }
    let hi = min(end, at + 100)
    let text = String(decoding: UnsafeBufferPointer(start: buffer + lo, count: hi - lo), as: UTF8.self)
    let shown = text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "\\n")
    return "'" + shown + (hi < end ? "…'" : "'")
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
      let wanted = min(capacity - end, rangeEnd - fileOffset)
      if wanted <= 0 {
        atEOF = true
        return
      }
      let n = pread(fileDescriptor, buffer + end, wanted, off_t(fileOffset))
      if n < 0 {
        if errno == EINTR { continue }
        throw TableError(file: path, reason: "read error: \(String(cString: strerror(errno)))")
      }
      if n == 0 { atEOF = true }
      ReadProgress.shared.add(n, path: path)
      end += n
      fileOffset += n
      return
    }
  }
}

/// The mutable state of a ``CSVReader``'s scanner.
struct ScanState {
  var buffer: UnsafeMutablePointer<UInt8>
  var capacity: Int
  var spans: UnsafeMutablePointer<CSVFieldSpan>
  var spanCapacity: Int
  var start = 0
  var end = 0
  var atEOF = false
  var nextLine: Int
  var fileOffset: Int
  var unterminatedQuoteLine: Int?
  /// Buffer index of the quote that opens the unterminated field.
  var unterminatedQuoteAt = 0
  var requiredFieldCount = 0
  var recordsRead = 0
  var blankLines = 0

  init(
    buffer: UnsafeMutablePointer<UInt8>, capacity: Int, spans: UnsafeMutablePointer<CSVFieldSpan>, spanCapacity: Int,
    nextLine: Int, fileOffset: Int
  ) {
    self.buffer = buffer
    self.capacity = capacity
    self.spans = spans
    self.spanCapacity = spanCapacity
    self.nextLine = nextLine
    self.fileOffset = fileOffset
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
