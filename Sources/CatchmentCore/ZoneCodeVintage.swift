import CatchmentTables

/// Which LSOA code set a table's zone codes come from, decided from ONS's code sets, which the
/// tool carries (``LSOACodeSets``, generated from ONS's LSOA (2011) → LSOA (2021) lookup).
///
/// An LSOA code is `E01` (England) or `W01` (Wales) and six digits. Each is in one of:
/// - **both** sets: a 2011 code kept unchanged in 2021 (96.8% of them);
/// - the **2011 set only**: a code retired in 2021 (its zone was split, merged or redrawn);
/// - the **2021 set only**: a code new in 2021 (`E01033769`–`E01035762`, `W01001959`–`W01002040`);
/// - **neither**: an `E01`/`W01` code ONS never issued in 2011 or 2021 (e.g. the demo data's
///   fictional `E011…` codes, or a typing error); such codes are counted apart and never decide.
/// Other codes (MSOAs, pseudo codes, Scottish data zones) are not LSOA codes and not counted.
///
/// The vintage follows from the codes only in one set: codes only in 2021 make a table
/// ``lsoa2021``, retired 2011 codes make it ``lsoa2011``, both make it ``mixed``; a table
/// with only kept codes is ``lsoa2011Or2021`` (a 2011 table, or a 2021 one without the changed
/// zones, e.g. a region untouched by the 2021 changes), and one without ONS LSOA codes is
/// ``unknown``. So the answer never claims more than the codes show.
public enum ZoneCodeVintage: String, Equatable, Sendable, Encodable, CaseIterable {
  /// Codes retired in 2021, none new in 2021.
  case lsoa2011 = "LSOA 2011"
  /// Codes new in 2021, none retired in 2021.
  case lsoa2021 = "LSOA 2021"
  /// Both: codes new in 2021 and codes retired in 2021 (a table joined across vintages).
  case mixed = "mixed"
  /// Only codes kept from 2011 to 2021: either vintage.
  case lsoa2011Or2021 = "LSOA 2011 or 2021"
  /// No ONS LSOA 2011 or 2021 codes at all (other zones, or codes ONS never issued).
  case unknown = "not ONS LSOA 2011/2021 codes"

  /// The vintage of `codes` (see the type's documentation).
  public static func detect<S: Sequence>(_ codes: S) -> ZoneCodeVintage where S.Element == String {
    ZoneCodeCensus(codes).vintage
  }

  /// The vintage when the codes show one (``lsoa2011`` or ``lsoa2021``), else nil.
  public var definite: ZoneCodeVintage? { self == .lsoa2011 || self == .lsoa2021 ? self : nil }
}

/// How many of a table's distinct codes fall in each of ONS's LSOA code sets (see
/// ``ZoneCodeVintage``): the evidence behind a vintage.
public struct ZoneCodeCensus: Sendable, Equatable, Encodable {
  /// LSOA codes in both sets (kept unchanged in 2021).
  public var kept = 0
  /// LSOA codes in the 2011 set only (retired in 2021).
  public var only2011 = 0
  /// LSOA codes in the 2021 set only (new in 2021).
  public var only2021 = 0
  /// `E01`/`W01` codes in neither set.
  public var notONS = 0

  public init() {}

  /// The census of `codes`, each counted as often as it is given (give distinct codes).
  public init<S: Sequence>(_ codes: S) where S.Element == String {
    for code in codes {
      var code = code
      code.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }
  }

  /// The census of the codes of `table` (distinct by construction).
  public init(_ table: CodeTable) {
    for id in 0..<Int32(table.count) { table.withBytes(of: id) { add($0) } }
  }

  /// The vintage the counts show.
  public var vintage: ZoneCodeVintage {
    switch (only2011 > 0, only2021 > 0) {
    case (true, true): .mixed
    case (true, false): .lsoa2011
    case (false, true): .lsoa2021
    case (false, false): kept > 0 ? .lsoa2011Or2021 : .unknown
    }
  }

  /// The vintage with its evidence, e.g. "LSOA 2021 (239 codes only in the 2021 set, 3080 in
  /// both)".
  public var description: String { evidence.isEmpty ? vintage.rawValue : "\(vintage.rawValue) (\(evidence))" }

  /// The counts that decide, in words ("" when there is no E01/W01 code).
  public var evidence: String {
    var parts: [String] = []
    if only2021 > 0 { parts.append("\(only2021) codes only in the 2021 set") }
    if only2011 > 0 { parts.append("\(only2011) only in the 2011 set (retired in 2021)") }
    if kept > 0 { parts.append("\(kept) in both") }
    if notONS > 0 { parts.append("\(notONS) E01/W01 codes in neither") }
    return parts.joined(separator: ", ")
  }

  /// Counts one code given as UTF-8 bytes.
  public mutating func add(_ bytes: UnsafeRawBufferPointer) {
    switch LSOACodeSets.membership(bytes) {
    case .notLSOA: break
    case .neither: notONS += 1
    case .both: kept += 1
    case .only2011: only2011 += 1
    case .only2021: only2021 += 1
    }
  }
}

extension LSOACodeSets {
  /// Where one code stands in ONS's sets.
  enum Membership: UInt8 {
    case notLSOA, neither, both, only2011, only2021
  }

  /// The membership of every serial number of one country, index = number (built once).
  static let englishTable = table(england)
  static let welshTable = table(wales)

  /// The membership of a code given as UTF-8 bytes.
  static func membership(_ bytes: UnsafeRawBufferPointer) -> Membership {
    guard bytes.count == 9, bytes[1] == UInt8(ascii: "0"), bytes[2] == UInt8(ascii: "1") else { return .notLSOA }
    let table: [Membership]
    switch bytes[0] {
    case UInt8(ascii: "E"): table = englishTable
    case UInt8(ascii: "W"): table = welshTable
    default: return .notLSOA
    }
    var number = 0
    for byte in bytes[3...] {
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return .notLSOA }
      number = number * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return number < table.count ? table[number] : .neither
  }

  /// Membership by serial number for `country`: the 2011 span less its unused numbers, retired
  /// ones marked 2011-only, the 2021 span less its unused numbers marked 2021-only.
  static func table(_ country: Country) -> [Membership] {
    var table = [Membership](repeating: .neither, count: Int(country.lastNew2021) + 1)
    for n in country.first2011...country.last2011 { table[Int(n)] = .both }
    for n in country.unused2011 { table[Int(n)] = .neither }
    for n in country.retired2011 { table[Int(n)] = .only2011 }
    for n in country.firstNew2021...country.lastNew2021 { table[Int(n)] = .only2021 }
    for n in country.unusedNew2021 { table[Int(n)] = .neither }
    return table
  }
}
