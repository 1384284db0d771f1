/// Which LSOA code set a table's zone codes come from, as far as the codes themselves can tell.
///
/// How it decides, and why it cannot say more:
/// - An LSOA code is `E01` (England) or `W01` (Wales) followed by six digits. Other codes (MSOAs
///   `E02…`, pseudo codes such as `CLOSED`, Scottish data zones) are not counted.
/// - ONS numbered the 2011 LSOAs up to `E01033768` and `W01001958`. Every LSOA created in 2021
///   got a new, higher code, so **a code above `E01033768` or `W01001958` exists only in the
///   2021 set**: a table that has one was keyed on 2021 codes.
/// - The reverse is not visible in the codes: most 2011 codes were kept unchanged in 2021, and
///   the 2011 codes that were retired (split or merged) are ordinary codes below the line.
///   Telling them apart needs ONS's "LSOA (2011) to LSOA (2021)" lookup; pass its retired codes
///   as `retired2011` to get ``lsoa2011`` and ``mixed``. Without it, a table with only codes up
///   to the line is ``lsoa2011Or2021``: a 2011 table, or a 2021 table that happens to hold only
///   unchanged codes.
///
/// Checked against ONS's LSOA (2011) → LSOA (2021) lookup (the copy in geographr's
/// `lookup_lsoa11_lsoa21_ltla22`): the 32,844 English 2011 codes run from `E01000001` to
/// `E01033768` and the 1,909 Welsh ones end at `W01001958`; all 2,025 codes new in 2021 (1,945
/// English from `E01033769` to `E01035762`, 80 Welsh from `W01001959`) are above the line; 1,178
/// 2011 codes (1,106 English, 72 Welsh) were retired, all below it, and 96.8% were kept.
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

  /// The numbers of the highest LSOA 2011 codes: `E01033768` (England), `W01001958` (Wales).
  public static let last2011EnglishNumber = 33_768
  public static let last2011WelshNumber = 1_958

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
      let last = country == "E" ? last2011EnglishNumber : last2011WelshNumber
      if number > last { only2021 = true }
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
