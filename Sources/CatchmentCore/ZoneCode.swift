/// What kind of code a residence field holds, so that nothing unmatched goes unexplained.
///
/// ONS GSS codes are nine characters: a letter for the nation (E England, W Wales, S Scotland,
/// N Northern Ireland), two digits for the entity (01 LSOA / data zone, 02 MSOA, 06–09 councils
/// …) and six digits. NHS registration files also carry pseudo codes for patients whose address
/// cannot be placed in a zone: `NO2011` (no 2011 LSOA), `CLOSED`, `EMPTY`, `L99999999`
/// (unknown, England), `M99999999` (unknown, Wales) and Northern Ireland `N21…` codes. Source:
/// NHS England "Patients Registered at a GP Practice" metadata.
public enum ZoneCodeKind: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// A pseudo code standing for "residence not known".
  case pseudo
  /// A GSS code with the entity prefix (e.g. "E01") of the crosswalk's own zones.
  case sameEntity
  /// A GSS code of the same entity in another nation (e.g. W01 or S01 against E01 zones).
  case otherNation
  /// A GSS code of another entity (e.g. E06 council totals in a population file).
  case otherEntity
  /// An empty field.
  case blank
  /// Anything else.
  case unrecognised

  public var description: String {
    switch self {
    case .pseudo: return "pseudo code"
    case .sameEntity: return "zone code not in the crosswalk"
    case .otherNation: return "zone in another nation"
    case .otherEntity: return "code of another geography"
    case .blank: return "blank code"
    case .unrecognised: return "unrecognised code"
    }
  }
}

/// Classifies codes against the entity of a crosswalk's zones.
public struct ZoneCodeClassifier: Sendable {
  /// The three-character entity prefix of the zones, e.g. "E01"; nil when unknown.
  public let entity: String?

  /// Creates a classifier for zones whose codes mostly start with `entity`.
  public init(entity: String?) { self.entity = entity }

  /// Creates a classifier from the codes of a crosswalk: the most common GSS prefix wins.
  public init<S: Sequence>(zoneCodes: S) where S.Element == String {
    var tally: [String: Int] = [:]
    for code in zoneCodes where Self.isGSS(code) { tally[String(code.prefix(3)), default: 0] += 1 }
    entity = tally.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
  }

  /// Pseudo codes for "residence unknown" in NHS registration files.
  public static let pseudoCodes: Set<String> = ["NO2011", "CLOSED", "EMPTY", "L99999999", "M99999999", "NA", "NULL", "UNKNOWN"]

  /// True for a nine-character GSS-style code: a letter, then eight digits.
  public static func isGSS(_ code: String) -> Bool {
    let u = Array(code.utf8)
    guard u.count == 9, let first = u.first, (0x41...0x5A).contains(first) else { return false }
    return u.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
  }

  /// The kind of `code` (trimmed) relative to the zones' entity.
  public func classify(_ code: String) -> ZoneCodeKind {
    if code.isEmpty { return .blank }
    let upper = code.uppercased()
    if Self.pseudoCodes.contains(upper) { return .pseudo }
    // Northern Ireland codes in registration files are pseudo postcodes of residence.
    if upper.hasPrefix("N21") { return .pseudo }
    guard Self.isGSS(upper) else { return .unrecognised }
    guard let entity else { return .sameEntity }
    if upper.hasPrefix(entity) { return .sameEntity }
    if upper.dropFirst().prefix(2) == entity.dropFirst().prefix(2) { return .otherNation }
    return .otherEntity
  }
}
