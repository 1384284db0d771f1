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
    var text = value.description
    guard text.utf8.contains(UInt8(ascii: "e")) else { return text }
    return text.withUTF8 { fixedNotation($0, trim: false) }
  }

  /// `value` rounded to `decimals` places (0...9), trailing zeros (and a bare point) dropped.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return value == 0 ? "0" : String(Int64(value)) }
    let places = min(max(decimals, 0), 9)
    if let scaled = roundedScaled(value, exponent: places) { return decimalText(scaled, exponent: -places) }
    return cFormatted(fixedFormats[places], value)
  }

  /// `value` rounded to `digits` significant digits (1...17), in fixed notation, trailing zeros
  /// dropped.
  public static func significant(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    let count = min(max(digits, 1), 17)
    // Fast path: the digits as an integer r = value × 10^k rounded, with 10^(count−1) ≤ |r|.
    var e = Int(log10(abs(value)).rounded(.down))
    for _ in 0..<3 {
      let k = count - 1 - e
      let low = powersOfTen[count - 1], high = powersOfTen[count]
      guard abs(k) < powersOfTen.count, count <= 15 else { break }
      let y = k >= 0 ? abs(value) * powersOfTen[k] : abs(value) / powersOfTen[-k]
      if y < low {
        e -= 1
      } else if y >= high {
        e += 1
      } else {
        guard let scaled = roundedScaled(value, exponent: k) else { break }
        return decimalText(scaled, exponent: -k)
      }
    }
    // "%.9e" rounds the exact value to 10 significant digits (a carry moves the exponent).
    return cFormatted(exponentFormats[count - 1], value)
  }

  /// 10⁰ … 10²², each exact in a Double.
  private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

  /// `value` × 10^`exponent` rounded to an integer, when that is sure to equal the rounding of
  /// the exact product: the scaled value must be below 2⁵², and not within 2 ulps of a half (one
  /// multiplication or division by an exact power of ten is off by at most half an ulp). Nil
  /// otherwise, and the caller asks C's `printf`, which rounds the exact binary value.
  static func roundedScaled(_ value: Double, exponent: Int) -> Int64? {
    guard abs(exponent) < powersOfTen.count else { return nil }
    let y = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
    guard abs(y) < 4_503_599_627_370_496 else { return nil }
    let fraction = y - y.rounded(.down)  // exact below 2⁵²
    guard abs(fraction - 0.5) > 2 * y.ulp else { return nil }
    return Int64(y.rounded())
  }

  /// The text of `scaled` × 10^`exponent` in fixed notation, trailing zeros dropped.
  static func decimalText(_ scaled: Int64, exponent: Int) -> String {
    if scaled == 0 { return "0" }
    var text = String(scaled)
    if exponent != 0 { text += "e" + String(exponent) }
    return text.withUTF8 { fixedNotation($0, trim: true) }
  }

  private static let fixedFormats: [StaticString] = ["%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f", "%.7f", "%.8f", "%.9f"]
  private static let exponentFormats: [StaticString] = [
    "%.0e", "%.1e", "%.2e", "%.3e", "%.4e", "%.5e", "%.6e", "%.7e", "%.8e", "%.9e", "%.10e", "%.11e", "%.12e", "%.13e", "%.14e", "%.15e", "%.16e",
  ]

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

  /// C's formatting of one Double (correctly rounded on glibc and Darwin), then
  /// ``fixedNotation(_:trim:)`` with trailing zeros dropped.
  static func cFormatted(_ format: StaticString, _ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
      let written = withVaList([value]) { arguments in
        vsnprintf(buffer.baseAddress, buffer.count, UnsafeRawPointer(format.utf8Start).assumingMemoryBound(to: CChar.self), arguments)
      }
      guard written > 0 else { return "" }
      let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: min(Int(written), buffer.count - 1)).bindMemory(to: UInt8.self)
      return fixedNotation(bytes, trim: true)
    }
  }

  /// Rewrites a decimal such as "5.043e-05", "-1.5e+17" or "0.250" in fixed notation, digit for
  /// digit (no rounding); with `trim`, drops trailing zeros after the point and a bare point.
  /// A zero is written "0", never "-0".
  static func fixedNotation(_ text: UnsafeBufferPointer<UInt8>, trim: Bool) -> String {
    let zero = UInt8(ascii: "0")
    var end = text.count
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      var k = e + 1, sign = 1
      if k < text.count, text[k] == UInt8(ascii: "-") || text[k] == UInt8(ascii: "+") {
        sign = text[k] == UInt8(ascii: "-") ? -1 : 1
        k += 1
      }
      while k < text.count, text[k] >= zero, text[k] <= zero + 9, exponent < 10_000 {
        exponent = exponent * 10 + Int(text[k] - zero)
        k += 1
      }
      exponent *= sign
      end = e
    }
    var start = 0
    let negative = end > 0 && text[0] == UInt8(ascii: "-")
    if end > 0, text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") { start = 1 }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, end - start)) { digits in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (end - start) + abs(exponent) + 4) { out in
        // The digits, and how many of them stand before the point.
        var digitCount = 0
        var integerDigits = -1
        for k in start..<end {
          if text[k] == UInt8(ascii: ".") {
            integerDigits = digitCount
          } else {
            digits[digitCount] = text[k]
            digitCount += 1
          }
        }
        if integerDigits < 0 { integerDigits = digitCount }
        integerDigits += exponent
        var first = 0
        while digitCount > 1, digits[first] == zero {
          first += 1
          digitCount -= 1
          integerDigits -= 1
        }
        var n = 0
        func put(_ byte: UInt8) {
          out[n] = byte
          n += 1
        }
        if negative { put(UInt8(ascii: "-")) }
        if integerDigits <= 0 {
          put(zero)
          put(UInt8(ascii: "."))
          for _ in 0..<(-integerDigits) { put(zero) }
          for k in 0..<digitCount { put(digits[first + k]) }
        } else {
          for k in 0..<integerDigits { put(k < digitCount ? digits[first + k] : zero) }
          if integerDigits < digitCount {
            put(UInt8(ascii: "."))
            for k in integerDigits..<digitCount { put(digits[first + k]) }
          }
        }
        if trim, out[0..<n].contains(UInt8(ascii: ".")) {
          while out[n - 1] == zero { n -= 1 }
          if out[n - 1] == UInt8(ascii: ".") { n -= 1 }
        }
        if !out[0..<n].contains(where: { $0 > zero && $0 <= zero + 9 }) { return "0" }
        return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
      }
    }
  }
}
