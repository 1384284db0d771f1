// A CRS as a person writes it (an option, a study file's `crs` key), checked for its form.
//
// The check is syntactic: whether PROJ knows the code is PROJ's to say when the CRS is used
// (a PROJError with PROJ's reason). What is refused here is text that no CRS can be written
// as, e.g. `EPSG:notanumber`, `27700` or `british grid`, so that a typo is named before any
// file is read.

extension CRSReference {
  /// The forms a CRS can be written in, for help and for messages that refuse one.
  public static let writtenForms = ["EPSG:CODE", "AUTHORITY:CODE", "OGC:CRS84", "+proj=…", "WKT"]

  /// The CRS as it is written (``projDefinition``; `unknown` when unknown): what messages
  /// show of a CRS a person gave, and text that ``init(parsing:)`` reads back.
  public var written: String { projDefinition ?? "unknown" }

  /// Authorities whose codes are numbers (EPSG, ESRI); a compound EPSG CRS is written
  /// `EPSG:27700+5701`.
  static let numericAuthorities: Set<String> = ["EPSG", "ESRI"]

  /// Parses a CRS as written: `EPSG:27700` (any `AUTHORITY:CODE`, the authority name in any
  /// case), `OGC:CRS84` or `CRS84`, a PROJ string (`+proj=…`), WKT (`PROJCS[…]`,
  /// `PROJCRS[…]`, …), a URN (`urn:ogc:def:crs:…`), an OGC URL or PROJJSON (`{…}`).
  /// Nil for anything else, or an EPSG or ESRI code that is not a number.
  ///
  /// ``projDefinition`` gives back text that parses to the same reference.
  public init?(parsing written: String) {
    let text = written.trimmingWhitespace()
    guard !text.isEmpty else { return nil }
    let upper = text.uppercased()
    if upper == "CRS84" || upper == "OGC:CRS84" {
      self = .crs84
    } else if text.hasPrefix("+") {
      guard text.contains("=") else { return nil }
      self = .definition(text)
    } else if text.hasPrefix("{") {
      guard text.hasSuffix("}") else { return nil }
      self = .definition(text)
    } else if upper.hasPrefix("URN:OGC:DEF:CRS:") || upper.hasPrefix("HTTP://WWW.OPENGIS.NET/DEF/CRS/") {
      self = .definition(text)
    } else if Self.looksLikeWKT(text) {
      self = .wkt(text)
    } else if let colon = text.firstIndex(of: ":") {
      let name = text[..<colon].uppercased(), code = String(text[text.index(after: colon)...])
      guard let first = name.unicodeScalars.first, Self.isLetter(first), name.unicodeScalars.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == "_" }),
        Self.isCode(code, numeric: Self.numericAuthorities.contains(name))
      else { return nil }
      self = .authority(name: name, code: code)
    } else {
      return nil
    }
  }

  /// A keyword of capitals and underscores, `[`, and a closing `]`: WKT1 (`PROJCS[`) or WKT2
  /// (`PROJCRS[`).
  private static func looksLikeWKT(_ text: String) -> Bool {
    guard let bracket = text.firstIndex(of: "["), bracket != text.startIndex, text.hasSuffix("]") else { return false }
    return text[..<bracket].unicodeScalars.allSatisfy { ($0.value >= 65 && $0.value <= 90) || $0 == "_" || isDigit($0) }
  }

  /// An authority's code: digits (with `+` between the parts of a compound CRS) for a numeric
  /// authority, else letters, digits, `_`, `.` and `-`.
  private static func isCode(_ code: String, numeric: Bool) -> Bool {
    guard !code.isEmpty else { return false }
    if numeric {
      let parts = code.split(separator: "+", omittingEmptySubsequences: false)
      return parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isDigit) }
    }
    return code.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) || $0 == "_" || $0 == "." || $0 == "-" }
  }

  private static func isLetter(_ s: Unicode.Scalar) -> Bool { (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) }
  private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}

extension String {
  /// The text without leading and trailing spaces, tabs and line breaks (no Foundation here).
  fileprivate func trimmingWhitespace() -> String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else { return "" }
    return String(self[start...end])
  }
}
