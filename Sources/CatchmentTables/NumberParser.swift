#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outcome of reading a number from a field.
public enum ParsedNumber: Equatable, Sendable {
  case value(Double)
  /// The field is empty or only spaces.
  case empty
  /// The field holds something that is not a number.
  case invalid
}

/// Parses decimal numbers as published tables write them.
///
/// Accepted: optional surrounding spaces, a sign, digits with thousands separators between
/// groups of three ("1,632", "2,111,469"), a decimal part, an exponent ("1.5e-05").
/// Not accepted: currency signs, percentages, suppression markers such as "*", "-" or "..":
/// those are ``ParsedNumber/invalid`` so that the caller can report them.
public enum NumberParser {
  /// Parses `bytes`; integers up to 15 digits take a fast path that never calls `strtod`.
  @inlinable
  public static func parse(_ bytes: UnsafeRawBufferPointer) -> ParsedNumber {
    var lo = 0, hi = bytes.count
    while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
    while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
    if lo == hi { return .empty }
    var i = lo
    var negative = false
    if bytes[i] == 0x2D || bytes[i] == 0x2B {
      negative = bytes[i] == 0x2D
      i += 1
    }
    // Fast path: plain digits, possibly with well-placed thousands separators.
    var value: Int64 = 0
    var digits = 0
    var digitsSinceComma = -1  // -1 until the first comma
    var j = i
    while j < hi {
      let b = bytes[j]
      if b >= 0x30 && b <= 0x39 {
        value = value &* 10 &+ Int64(b &- 0x30)
        digits += 1
        if digitsSinceComma >= 0 { digitsSinceComma += 1 }
        j += 1
      } else if b == 0x2C {
        // A separator needs 1–3 digits before the first one and exactly 3 between.
        if digits == 0 || (digitsSinceComma < 0 ? digits > 3 : digitsSinceComma != 3) { return .invalid }
        digitsSinceComma = 0
        j += 1
      } else {
        break
      }
    }
    if digitsSinceComma >= 0 && digitsSinceComma != 3 { return .invalid }
    if j == hi {
      if digits == 0 { return .invalid }
      if digits <= 15 { return .value(negative ? -Double(value) : Double(value)) }
    }
    return parseSlow(bytes, from: lo, to: hi)
  }

  /// Decimal fractions, exponents and long integers: strip separators and use `strtod`,
  /// which rounds correctly.
  @usableFromInline
  static func parseSlow(_ bytes: UnsafeRawBufferPointer, from lo: Int, to hi: Int) -> ParsedNumber {
    var text = [CChar]()
    text.reserveCapacity(hi - lo + 1)
    var sawDigit = false
    for k in lo..<hi {
      let b = bytes[k]
      switch b {
      case 0x30...0x39: sawDigit = true; text.append(CChar(bitPattern: b))
      case 0x2B, 0x2D, 0x2E, 0x65, 0x45: text.append(CChar(bitPattern: b))
      case 0x2C: continue  // thousands separator (placement checked on the fast path)
      default: return .invalid
      }
    }
    guard sawDigit else { return .invalid }
    text.append(0)
    return text.withUnsafeBufferPointer { p -> ParsedNumber in
      var endPointer: UnsafeMutablePointer<CChar>? = nil
      let v = strtod(p.baseAddress!, &endPointer)
      guard let endPointer, endPointer == UnsafeMutablePointer(mutating: p.baseAddress!) + (p.count - 1),
        v.isFinite
      else { return .invalid }
      return .value(v)
    }
  }
}
