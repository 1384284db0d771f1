#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A minimal pull scanner over JSON bytes: enough to walk a GeoJSON document without building
/// a tree, skipping whatever the reader does not need.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0
  let file: String

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
  }

  func error(_ reason: String) -> GeoIOError { GeoIOError(file: file, location: "byte \(position)", reason: reason) }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  /// The next non-space byte, not consumed (0 at the end).
  mutating func peek() -> UInt8 {
    skipWhitespace()
    return position < bytes.count ? bytes[position] : 0
  }

  mutating func expect(_ byte: UInt8) throws {
    guard peek() == byte else { throw error("expected '\(Character(UnicodeScalar(byte)))'") }
    position += 1
  }

  /// Consumes `byte` when it comes next.
  mutating func consume(_ byte: UInt8) -> Bool {
    if peek() == byte {
      position += 1
      return true
    }
    return false
  }

  /// Reads a string, decoding escapes.
  mutating func string() throws -> String {
    try expect(0x22)
    let start = position
    var plain = true
    while position < bytes.count {
      let b = bytes[position]
      if b == 0x22 { break }
      if b == 0x5C {
        plain = false
        position += 2
        continue
      }
      position += 1
    }
    guard position < bytes.count else { throw error("unterminated string") }
    defer { position += 1 }
    let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
    if plain { return String(decoding: raw, as: UTF8.self) }
    return try unescape(raw)
  }

  /// True when the next string equals `key` ignoring ASCII case; consumes the string.
  mutating func keyEquals(_ key: [UInt8]) throws -> Bool {
    let saved = position
    try expect(0x22)
    var k = 0
    var equal = true
    while position < bytes.count && bytes[position] != 0x22 {
      let b = bytes[position]
      if b == 0x5C {  // keys with escapes: compare decoded
        position = saved
        return Array(try string().lowercased().utf8) == key
      }
      if k >= key.count || lower(b) != key[k] { equal = false }
      k += 1
      position += 1
    }
    guard position < bytes.count else { throw error("unterminated string") }
    position += 1
    return equal && k == key.count
  }

  private func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

  private func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    while i < raw.count {
      let b = raw[i]
      guard b == 0x5C, i + 1 < raw.count else {
        out.append(b)
        i += 1
        continue
      }
      let e = raw[i + 1]
      i += 2
      switch e {
      case 0x22, 0x5C, 0x2F: out.append(e)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        guard i + 4 <= raw.count, var scalar = UInt32(String(decoding: raw[i..<(i + 4)], as: UTF8.self), radix: 16) else {
          throw error("bad \\u escape")
        }
        i += 4
        // A surrogate pair encodes one scalar above U+FFFF.
        if scalar >= 0xD800 && scalar < 0xDC00, i + 6 <= raw.count, raw[i] == 0x5C, raw[i + 1] == 0x75,
          let low = UInt32(String(decoding: raw[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16), low >= 0xDC00 && low < 0xE000
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        out.append(contentsOf: Array(String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
      default: throw error("bad escape")
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Reads a number with correct rounding (the result `strtod` would give).
  ///
  /// The digits are accumulated into a 64-bit significand and a decimal exponent; with at
  /// most 19 significant digits ``DecimalToDouble`` converts them exactly (Clinger's fast
  /// path, else Eisel–Lemire). Longer numbers, and the rare cases those cannot decide, go to
  /// `strtod` on a copy of the text.
  mutating func number() throws -> Double {
    skipWhitespace()
    let start = position
    var i = position
    var negative = false
    if i < bytes.count && bytes[i] == 0x2D {
      negative = true
      i += 1
    }
    var significand: UInt64 = 0
    var digits = 0  // significant digits: leading zeros do not count
    var exponent = 0
    var sawDigit = false
    while i < bytes.count, bytes[i] &- 0x30 < 10 {
      if digits > 0 || bytes[i] != 0x30 { digits += 1 }
      significand = significand &* 10 &+ UInt64(bytes[i] &- 0x30)
      sawDigit = true
      i += 1
    }
    if i < bytes.count && bytes[i] == 0x2E {
      i += 1
      while i < bytes.count, bytes[i] &- 0x30 < 10 {
        if digits > 0 || bytes[i] != 0x30 { digits += 1 }
        significand = significand &* 10 &+ UInt64(bytes[i] &- 0x30)
        exponent -= 1
        sawDigit = true
        i += 1
      }
    }
    if sawDigit && i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
      var j = i + 1
      var exponentNegative = false
      if j < bytes.count && (bytes[j] == 0x2B || bytes[j] == 0x2D) {
        exponentNegative = bytes[j] == 0x2D
        j += 1
      }
      var written = 0
      var sawExponentDigit = false
      while j < bytes.count, bytes[j] &- 0x30 < 10 {
        // Capped: anything this large is out of range either way (strtod sorts it out).
        if written < 100_000 { written = written * 10 + Int(bytes[j] &- 0x30) }
        sawExponentDigit = true
        j += 1
      }
      guard sawExponentDigit else {
        position = j
        throw error("expected digits in the exponent")
      }
      exponent += exponentNegative ? -written : written
      i = j
    }
    guard sawDigit else { throw error("expected a number") }
    if digits <= 19, let value = DecimalToDouble.value(significand: significand, exponent: exponent) {
      position = i
      return negative ? -value : value
    }
    position = i
    return try convert(start)
  }

  /// `strtod` on the text from `start` to `position`, copied so that it is NUL-terminated.
  /// (Swift programs keep the "C" locale unless they call `setlocale`, so the decimal point
  /// is '.'.)
  private func convert(_ start: Int) throws -> Double {
    let length = position - start
    guard length > 0 else { throw error("expected a number") }
    return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
      for k in 0..<length { buffer[k] = CChar(bitPattern: bytes[start + k]) }
      buffer[length] = 0
      var end: UnsafeMutablePointer<CChar>? = nil
      let value = strtod(buffer.baseAddress!, &end)
      guard end == buffer.baseAddress! + length else { throw error("bad number") }
      return value
    }
  }

  /// A scalar value as text: strings as they are, numbers as written, null as "".
  mutating func scalarText() throws -> String {
    switch peek() {
    case 0x22: return try string()
    case 0x6E:  // null
      try skipValue()
      return ""
    case 0x7B, 0x5B:
      try skipValue()
      return ""
    default:
      let start = position
      try skipValue()
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }
  }

  /// Skips one value of any kind.
  mutating func skipValue() throws {
    switch peek() {
    case 0x22: _ = try skipString()
    case 0x7B, 0x5B:
      var depth = 0
      while position < bytes.count {
        skipPlainWords()
        guard position < bytes.count else { break }
        let b = bytes[position]
        if b == 0x22 {
          try skipString()
          continue
        }
        if b == 0x7B || b == 0x5B { depth += 1 }
        if b == 0x7D || b == 0x5D {
          depth -= 1
          if depth == 0 {
            position += 1
            return
          }
        }
        position += 1
      }
      throw error("unterminated object or array")
    default:
      // number, true, false, null
      while position < bytes.count {
        switch bytes[position] {
        case 0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D: return
        default: position += 1
        }
      }
    }
  }

  /// Advances eight bytes at a time over bytes that are none of `[ ] { } "`: inside a skipped
  /// geometry that is nearly everything (digits, commas, signs, points), and the byte loop
  /// took a quarter of an ids-only read.
  private mutating func skipPlainWords() {
    guard let base = bytes.baseAddress else { return }
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    /// True when some byte of `x` is zero (the classic SWAR test).
    @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    while position + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
      // Setting bit 5 maps '[' (0x5B) to '{' (0x7B) and ']' (0x5D) to '}' (0x7D); no other
      // byte maps to either.
      let folded = word | (ones &* 0x20)
      if hasZeroByte(folded ^ (ones &* 0x7B)) || hasZeroByte(folded ^ (ones &* 0x7D)) || hasZeroByte(word ^ (ones &* 0x22)) { return }
      position += 8
    }
  }

  private mutating func skipString() throws {
    position += 1
    while position < bytes.count {
      let b = bytes[position]
      if b == 0x5C {
        position += 2
        continue
      }
      position += 1
      if b == 0x22 { return }
    }
    throw error("unterminated string")
  }
}
