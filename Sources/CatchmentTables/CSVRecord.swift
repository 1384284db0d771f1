/// One data record of a CSV file: a view of fields in the reader's buffer.
///
/// Valid only inside the ``CSVReader/forEachRecord(_:)`` callback that received it.
public struct CSVRecord {
  /// The reader that produced the record. Unowned and unchecked: a record never outlives the
  /// reader's current buffer, and this keeps reference counting off the per-row path.
  @usableFromInline unowned(unsafe) let reader: CSVReader
  /// The file the record came from, for messages.
  public var file: String { reader.path }
  @usableFromInline let base: UnsafePointer<UInt8>
  @usableFromInline let spans: UnsafePointer<CSVFieldSpan>
  /// Number of fields present in this record (may differ from the header's).
  public let count: Int
  /// Physical line number where the record starts (the header is line 1).
  public let line: Int

  @usableFromInline
  init(reader: CSVReader, base: UnsafePointer<UInt8>, spans: UnsafePointer<CSVFieldSpan>, count: Int, line: Int) {
    self.reader = reader
    self.base = base
    self.spans = spans
    self.count = count
    self.line = line
  }

  /// Field `index`, or an empty field when the record is shorter than that.
  @inlinable
  public subscript(index: Int) -> CSVField {
    guard index < count else { return CSVField(bytes: UnsafeRawBufferPointer(start: nil, count: 0), flags: 0, quoteEnd: 0) }
    let span = spans[index]
    return CSVField(
      bytes: UnsafeRawBufferPointer(start: base + Int(span.start), count: Int(span.end - span.start)),
      flags: span.flags, quoteEnd: Int(span.quoteEnd - span.start))
  }

  /// Whether the record reaches column `index`.
  @inlinable
  public func has(_ index: Int) -> Bool { index < count }

  /// An error located at this record.
  public func error(_ reason: String) -> TableError {
    TableError(file: file, line: line, reason: reason)
  }

  /// The field at `index` as a number, or throws naming the file, line and column.
  ///
  /// Empty fields are an error here; use ``CSVField/number()`` to treat them otherwise.
  /// - Parameter column: the column's name, for the message.
  public func number(at index: Int, column: String) throws -> Double {
    let field = self[index]
    switch field.number() {
    case .value(let v): return v
    case .empty:
      throw error(index < count ? "\(column) is empty" : "the row has \(count) fields and no \(column)")
    case .invalid:
      throw error("\(column) is not a number: \(field.excerpt)")
    }
  }
}

/// The bytes of one CSV field, quotes removed.
public struct CSVField {
  /// Raw content bytes. When ``hasEscapedQuotes`` is true they still contain doubled quotes;
  /// use ``withUnescapedBytes(_:)`` or ``string`` to read them.
  public let rawBytes: UnsafeRawBufferPointer
  @usableFromInline let flags: UInt8
  @usableFromInline let quoteEnd: Int

  @usableFromInline
  init(bytes: UnsafeRawBufferPointer, flags: UInt8, quoteEnd: Int) {
    self.rawBytes = bytes
    self.flags = flags
    self.quoteEnd = quoteEnd
  }

  /// True when the field was written in quotes.
  @inlinable public var wasQuoted: Bool { flags & CSVFieldSpan.quoted != 0 }
  /// True when the content needs unescaping (doubled quotes or text after the closing quote).
  @inlinable public var hasEscapedQuotes: Bool { flags & (CSVFieldSpan.escapedQuotes | CSVFieldSpan.junkAfterQuote) != 0 }
  /// True when the field has no bytes.
  @inlinable public var isEmpty: Bool { rawBytes.isEmpty }

  /// Calls `body` with the field's content: quotes removed, doubled quotes collapsed.
  @inlinable
  public func withUnescapedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    if !hasEscapedQuotes { return try body(rawBytes) }
    return try unescapedSlow(body)
  }

  @usableFromInline
  func unescapedSlow<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    var out: [UInt8] = []
    out.reserveCapacity(rawBytes.count)
    var i = 0
    let quote: UInt8 = 0x22
    let junk = flags & CSVFieldSpan.junkAfterQuote != 0
    while i < rawBytes.count {
      if junk && i == quoteEnd {
        i += 1  // the closing quote
        continue
      }
      let b = rawBytes[i]
      out.append(b)
      if b == quote && (!junk || i < quoteEnd) && i + 1 < rawBytes.count && rawBytes[i + 1] == quote { i += 2 } else { i += 1 }
    }
    return try out.withUnsafeBytes(body)
  }

  /// The content trimmed of surrounding spaces, as bytes in the reader's buffer, when it
  /// needs no unescaping; nil when it does (then use ``withTrimmedBytes(_:)``). Valid as
  /// long as the record. Lets hot loops avoid a closure per field.
  @inlinable
  public var directTrimmedBytes: UnsafeRawBufferPointer? {
    if hasEscapedQuotes { return nil }
    let bytes = rawBytes
    var lo = 0, hi = bytes.count
    while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
    while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
    return UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])
  }

  /// The content with surrounding ASCII spaces and tabs removed.
  @inlinable
  public func withTrimmedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try withUnescapedBytes { bytes in
      var lo = 0, hi = bytes.count
      while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
      while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
      return try body(UnsafeRawBufferPointer(rebasing: bytes[lo..<hi]))
    }
  }

  /// The content as a `String` (UTF-8, invalid bytes repaired). Allocates: not for hot loops.
  public var string: String {
    withUnescapedBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// The content trimmed of surrounding spaces, as a `String`.
  public var trimmedString: String {
    withTrimmedBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// True when the trimmed content equals `text`, ignoring ASCII case.
  @inlinable
  public func equalsIgnoringCase(_ text: StaticString) -> Bool {
    if let bytes = directTrimmedBytes { return Self.equalsIgnoringCase(bytes, text) }
    return withTrimmedBytes { Self.equalsIgnoringCase($0, text) }
  }

  @inlinable
  static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
    guard bytes.count == text.utf8CodeUnitCount else { return false }
    let t = text.utf8Start
    for i in 0..<bytes.count where asciiLower(bytes[i]) != asciiLower(t[i]) { return false }
    return true
  }

  /// The content parsed as a decimal number; see ``NumberParser``.
  @inlinable
  public func number() -> ParsedNumber {
    if !hasEscapedQuotes { return NumberParser.parse(rawBytes) }
    return withUnescapedBytes { NumberParser.parse($0) }
  }
}

@inlinable
func asciiLower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
