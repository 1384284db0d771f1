#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Formats numbers for CSV output, never in exponent notation.
///
/// Three kinds of number, each with its rule (see the "Numbers in the outputs" article):
/// - ``people(_:)``: estimated people (populations, patients, flows, catchments): rounded to
///   2 decimal places, trailing zeros dropped: `100584.84769310513` → "100584.85",
///   `79.89999999999999` → "79.9", `1632` → "1632";
/// - ``ratio(_:)``: shares and ratios (retention, coverage, membership shares): rounded to 10
///   significant digits in fixed notation: `5.043391869478616e-05` → "0.00005043391869";
/// - ``count(_:)``: whole counts (zones, providers): the integer.
///
/// With ``fullPrecision`` people and ratios are written exactly instead (``exact(_:)``: the
/// shortest decimal that reads back to the same `Double`, in fixed notation). Rounding is of the
/// exact binary value, half to even (C's `printf`, like Python's `format`). A value that rounds
/// to zero is written "0", never "-0"; non-finite values (which the analyses never write)
/// become "".
public struct NumberFormat: Sendable, Equatable {
  /// Write people and ratios exactly (shortest round-trip form) rather than rounded.
  public var fullPrecision: Bool

  public init(fullPrecision: Bool = false) { self.fullPrecision = fullPrecision }

  /// The default: people to 2 decimal places, ratios to 10 significant digits.
  public static let readable = NumberFormat()
  /// Everything at full precision (`--full-precision`).
  public static let full = NumberFormat(fullPrecision: true)

  /// Decimal places of estimated people.
  public static let peopleDecimals = 2
  /// Significant digits of shares and ratios.
  public static let ratioDigits = 10

  /// An estimated number of people.
  public func people(_ value: Double) -> String {
    fullPrecision ? Self.exact(value) : Self.fixed(value, decimals: Self.peopleDecimals)
  }

  /// A share or ratio.
  public func ratio(_ value: Double) -> String {
    fullPrecision ? Self.exact(value) : Self.significant(value, digits: Self.ratioDigits)
  }

  /// A whole count.
  public func count(_ value: Int) -> String { String(value) }

  /// The shortest decimal that reads back to `value`, in fixed notation: `1e-07` → "0.0000001",
  /// `0.1 + 0.2` → "0.30000000000000004", `2.0` → "2".
  public static func exact(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
    // Swift's description is the shortest round-trip representation; only its notation changes.
    return fixedNotation(value.description)
  }

  /// `value` rounded to `decimals` places, trailing zeros (and a bare point) dropped.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return value == 0 ? "0" : String(Int64(value)) }
    return trimmed(printf("%.\(decimals)f", value))
  }

  /// `value` rounded to `digits` significant digits, in fixed notation, trailing zeros dropped.
  public static func significant(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    // "%.9e" rounds the exact value to 10 significant digits (a carry moves the exponent).
    return trimmed(fixedNotation(printf("%.\(max(1, digits) - 1)e", value)))
  }

  /// The CSV text of `value` in the shortest round-trip form; kept for messages. Tables use
  /// ``people(_:)``, ``ratio(_:)`` or ``exact(_:)``.
  public static func csv(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// The CSV text of an integer.
  public static func csv(_ value: Int) -> String { String(value) }

  /// C's formatting of one Double (correctly rounded on glibc and Darwin).
  private static func printf(_ format: String, _ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
      let written = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, format, $0) }
      guard written > 0 else { return "" }
      let length = min(Int(written), buffer.count - 1)
      return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length), as: UTF8.self)
    }
  }

  /// Rewrites a decimal such as "5.043e-05", "-1.5e+17" or "0.25" in fixed notation, digit for
  /// digit (no rounding).
  static func fixedNotation(_ text: String) -> String {
    var bytes = Array(text.utf8)
    var exponent = 0
    if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      exponent = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
      bytes.removeSubrange(e...)
    }
    let negative = bytes.first == UInt8(ascii: "-")
    if negative || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
    let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
    var digits = bytes.filter { $0 != UInt8(ascii: ".") }
    var integerDigits = point + exponent
    // Leading zeros are dropped first, then zeros are added as the new point position needs.
    while digits.count > 1, digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      integerDigits -= 1
    }
    var out: [UInt8] = []
    if integerDigits <= 0 {
      out = Array("0.".utf8) + [UInt8](repeating: UInt8(ascii: "0"), count: -integerDigits) + digits
    } else if integerDigits >= digits.count {
      out = digits + [UInt8](repeating: UInt8(ascii: "0"), count: integerDigits - digits.count)
    } else {
      out = Array(digits[..<integerDigits]) + [UInt8(ascii: ".")] + Array(digits[integerDigits...])
    }
    let result = String(decoding: out, as: UTF8.self)
    return negative ? "-" + result : result
  }

  /// Drops trailing zeros after a point, the point if nothing follows, and the sign of a zero.
  static func trimmed(_ text: String) -> String {
    var bytes = Array(text.utf8)
    if bytes.contains(UInt8(ascii: ".")) {
      while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
      if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
    }
    if bytes.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") }) { return "0" }
    return String(decoding: bytes, as: UTF8.self)
  }
}
