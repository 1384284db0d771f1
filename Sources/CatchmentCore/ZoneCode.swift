/// What kind of code a residence field holds, so that nothing unmatched goes unexplained.
///
/// ONS GSS codes are nine characters: a letter for the nation (E England, W Wales, S Scotland,
/// N Northern Ireland), two digits for the entity (01 LSOA / data zone, 02 MSOA, 06–09 councils
/// …) and six digits. Every command classifies codes with ``ZoneCodeClassifier`` (the classes
/// are documented once, in the article "Nothing lost"):
///
/// - **pseudo**: no zone at all. NHS registration files use `NO2011`/`NO2021` (postcode with no
///   LSOA of that vintage), `CLOSED` and `EMPTY`; ONS postcode directories, from which the NHS
///   files take the LSOA of a patient's postcode, use a letter and eight nines: `L99999999`
///   Channel Islands, `M99999999` Isle of Man, `E`/`W`/`S`/`N99999999` "no code known in
///   that nation" (ONSPD user guide, LSOA and MSOA fields).
/// - **other nation**: a small area of a nation other than the zones' own: Welsh LSOAs and
///   MSOAs (`W01`, `W02`), Scottish data and intermediate zones (`S01`, `S02`), Northern
///   Ireland small areas, data zones and super data zones (`N00`, `N20`, `N21`) and its 2001
///   super output areas (`95AA01S1`, the codes ONSPD gives in its 2011 LSOA field), and any
///   code of the zones' own entity in another nation (`W06` against `E06` zones).
///   `N21000109` in an NHS file is a real Northern Ireland super data zone
///   (N21000001–N21000850), not a pseudo code; where a Northern Ireland postcode has no code
///   of a geography, postcode directories give the pseudo code `N99999999` instead.
public enum ZoneCodeKind: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// A pseudo code: no zone (residence not known, or the Channel Islands or Isle of Man).
  case pseudo
  /// A GSS code with the entity prefix (e.g. "E01") of the crosswalk's own zones.
  case sameEntity
  /// A small area of another nation (W01, S01, N21, 95… against E01 zones), or a code of the
  /// zones' own entity in another nation.
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

  /// Pseudo codes for "no zone" in NHS registration files (plus the letter-and-eight-nines
  /// codes of ONS postcode directories, see ``isPostcodeDirectoryPseudo(_:)``).
  public static let pseudoCodes: Set<String> = ["NO2011", "NO2021", "CLOSED", "EMPTY", "NA", "NULL", "UNKNOWN"]

  /// The small-area entities of the nations: output areas, LSOAs and MSOAs (England, Wales),
  /// output areas, data and intermediate zones (Scotland), small areas, data zones and super
  /// data zones (Northern Ireland). One of them in a nation other than the zones' is "other
  /// nation" whatever the zones' entity.
  public static let smallAreaPrefixes: Set<String> = ["E00", "E01", "E02", "W00", "W01", "W02", "S00", "S01", "S02", "N00", "N20", "N21"]

  /// True for the pseudo codes of ONS postcode directories: a letter and eight nines
  /// (`L99999999` Channel Islands, `M99999999` Isle of Man, `N99999999` Northern Ireland …).
  public static func isPostcodeDirectoryPseudo(_ code: String) -> Bool {
    let u = Array(code.utf8)
    return u.count == 9 && (0x41...0x5A).contains(u[0]) && u.dropFirst().allSatisfy { $0 == 0x39 }
  }

  /// True for a Northern Ireland 2001 super output area or ward code: `95`, two letters, then
  /// digits and `S` (`95AA01S1`, `95AA01`), as ONS postcode directories give for NI postcodes.
  public static func isNorthernIrelandLegacy(_ code: String) -> Bool {
    let u = Array(code.utf8)
    guard u.count >= 6, u.count <= 8, u[0] == 0x39, u[1] == 0x35, (0x41...0x5A).contains(u[2]), (0x41...0x5A).contains(u[3]) else { return false }
    return u.dropFirst(4).allSatisfy { (0x30...0x39).contains($0) || $0 == 0x53 }
  }

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
    if Self.pseudoCodes.contains(upper) || Self.isPostcodeDirectoryPseudo(upper) { return .pseudo }
    if Self.isNorthernIrelandLegacy(upper) { return entity?.first == "N" ? .otherEntity : .otherNation }
    guard Self.isGSS(upper) else { return .unrecognised }
    let prefix = String(upper.prefix(3))
    // Without an entity (zones with no GSS codes), take the zones to be English.
    let nation = entity?.first ?? "E"
    if let entity, prefix == entity { return .sameEntity }
    if prefix.first != nation {
      if Self.smallAreaPrefixes.contains(prefix) { return .otherNation }
      if let entity, prefix.dropFirst() == entity.dropFirst() { return .otherNation }
    }
    return entity == nil ? .sameEntity : .otherEntity
  }
}
