/// Which LSOA code set a table's zone codes come from, as far as the codes themselves can tell.
///
/// How it decides, and why it cannot say more:
/// - An LSOA code is `E01` or `W01` followed by six digits. Other codes (MSOAs `E02…`, pseudo
///   codes such as `CLOSED`, Scottish data zones) are not counted.
/// - ONS numbered the 2011 English LSOAs up to `E01033768`. Every English LSOA created in 2021
///   got a new, higher code (the 2021 set runs on from `E01033769`), so **an `E01` code above
///   `E01033768` exists only in the 2021 set**: a table that has one was keyed on 2021 codes.
/// - The reverse is not visible in the codes: most 2011 codes were kept unchanged in
///   2021, and the 2011 codes that were retired (split or merged) are ordinary codes below the
///   line. Telling them apart needs ONS's "LSOA (2011) to LSOA (2021)" lookup; pass its retired
///   codes as `retired2011` to get ``lsoa2011`` and ``mixed``. Without it, a table with only
///   codes up to `E01033768` is ``lsoa2011Or2021``: a 2011 table, or a 2021 table that happens to
///   hold only unchanged codes.
/// - Welsh `W01` codes are counted as LSOA codes but never decide the vintage (this rule is only
///   justified for the English numbering).
public enum ZoneCodeVintage: String, Equatable, Sendable, Encodable, CaseIterable {
  /// Codes that exist only in 2011 (retired in 2021, from the given list), none only in 2021.
  case lsoa2011 = "LSOA 2011"
  /// Codes that exist only in 2021, none known to be retired 2011 codes.
  case lsoa2021 = "LSOA 2021"
  /// Both: codes only in 2021 and codes retired in 2021 (a table joined across vintages).
  case mixed = "mixed"
  /// Only codes valid in both sets: 2011, or 2021 restricted to unchanged codes.
  case lsoa2011Or2021 = "LSOA 2011 or 2021"
  /// No LSOA codes at all.
  case unknown = "unknown"

  /// The highest English LSOA 2011 code's number (`E01033768`).
  public static let last2011EnglishNumber = 33_768

  /// The vintage of `codes` (see the type's documentation); `retired2011` holds the 2011 codes
  /// that no longer exist in 2021, when the caller has ONS's table.
  public static func detect<S: Sequence>(_ codes: S, retired2011: Set<String> = []) -> ZoneCodeVintage
  where S.Element == String {
    var anyLSOA = false
    var only2021 = false
    var only2011 = false
    for code in codes {
      guard let (country, number) = lsoaNumber(code) else { continue }
      anyLSOA = true
      if country == "E", number > last2011EnglishNumber { only2021 = true }
      if retired2011.contains(code) { only2011 = true }
    }
    switch (anyLSOA, only2011, only2021) {
    case (false, _, _): return .unknown
    case (true, true, true): return .mixed
    case (true, true, false): return .lsoa2011
    case (true, false, true): return .lsoa2021
    case (true, false, false): return .lsoa2011Or2021
    }
  }

  /// `("E", 1234)` for `E01001234`; nil for anything that is not an LSOA code.
  static func lsoaNumber(_ code: String) -> (Character, Int)? {
    let utf8 = Array(code.utf8)
    guard utf8.count == 9, utf8[0] == UInt8(ascii: "E") || utf8[0] == UInt8(ascii: "W"),
      utf8[1] == UInt8(ascii: "0"), utf8[2] == UInt8(ascii: "1")
    else { return nil }
    var number = 0
    for byte in utf8[3...] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      number = number * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return (utf8[0] == UInt8(ascii: "E") ? "E" : "W", number)
  }
}
