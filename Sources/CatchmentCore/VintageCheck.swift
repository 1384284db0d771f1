import CatchmentTables

/// The LSOA vintage of one input's zone codes, as a run states it (``RunReport/zoneVintages``).
public struct ZoneVintageFinding: Encodable, Sendable, Equatable {
  /// What the codes are, e.g. "registrations", "crosswalk zones", "crosswalk footprints".
  public var role: String
  /// The file they were read from.
  public var file: String
  public var vintage: ZoneCodeVintage
  /// The evidence: how many codes fall in each of ONS's sets.
  public var census: ZoneCodeCensus

  public init(role: String, file: String, census: ZoneCodeCensus) {
    self.role = role
    self.file = file
    self.vintage = census.vintage
    self.census = census
  }

  /// The report's line, e.g. "registrations, reg.csv: LSOA 2021 (239 codes only in the 2021 set, …)".
  public var line: String { "\(role), \(file): \(census.description)" }
}

/// A table whose LSOA vintage differs from that of the zones it is joined to (a crosswalk's, or
/// a population table's), as data: the CLI words the advice (which command and option recode
/// the table); ``message`` is the library's wording, naming no option.
public struct VintageMismatch: Encodable, Sendable, Equatable {
  /// What found it.
  public enum Evidence: String, Encodable, Sendable {
    /// The codes only in one of ONS's sets (``ZoneCodeCensus``).
    case codeSets = "ONS code sets"
    /// Many of the table's codes are unknown to the crosswalk, most numbered above its highest
    /// code (new codes are numbered after old ones).
    case unmatchedCodes = "unmatched codes"
    /// A table to be recoded through a crosswalk whose zones are of the other vintage: the
    /// crosswalk was built the wrong way round.
    case recodeDirection = "recode crosswalk direction"
  }

  /// The table's role ("registrations", "population", "activity").
  public var role: String
  /// The table's file.
  public var file: String
  public var tableVintage: ZoneCodeVintage
  /// What the table is joined to, e.g. "crosswalk", "population table".
  public var crosswalkRole: String
  /// The vintage of the zones the table is joined to.
  public var crosswalkVintage: ZoneCodeVintage
  /// Their file, when known.
  public var crosswalkFile: String?
  /// The vintage to recode the table to (the crosswalk's), nil when the codes do not tell one.
  public var recodeTo: ZoneCodeVintage?
  public var evidence: Evidence
  /// What is wrong, in a sentence without advice.
  public var problem: String

  public init(
    role: String, file: String, tableVintage: ZoneCodeVintage, crosswalkRole: String = "crosswalk",
    crosswalkVintage: ZoneCodeVintage, crosswalkFile: String? = nil, recodeTo: ZoneCodeVintage?, evidence: Evidence,
    problem: String
  ) {
    self.role = role
    self.file = file
    self.tableVintage = tableVintage
    self.crosswalkRole = crosswalkRole
    self.crosswalkVintage = crosswalkVintage
    self.crosswalkFile = crosswalkFile
    self.recodeTo = recodeTo
    self.evidence = evidence
    self.problem = problem
  }

  /// The library's warning: the problem and the recode that fixes it, in words.
  public var message: String {
    if evidence == .recodeDirection {
      let way = recodeTo.map { $0 == .lsoa2011 ? ", read from LSOA 2021 to LSOA 2011" : ", read from LSOA 2011 to LSOA 2021" } ?? ""
      return problem + " Build the \(crosswalkRole) with the \(role) file's codes as its zones: ONS's LSOA (2011) to LSOA (2021) lookup\(way)."
    }
    guard let recodeTo else {
      return problem + " Recode the \(role) through a crosswalk from its zone codes to the \(crosswalkRole)'s."
    }
    let direction = recodeTo == .lsoa2011 ? "LSOA 2021 to LSOA 2011" : "LSOA 2011 to LSOA 2021"
    return problem + " Recode the \(role) to \(recodeTo.rawValue) through ONS's LSOA (2011) to LSOA (2021) lookup, read from \(direction)."
  }
}

/// States the vintage of a table's zone codes and checks it against the zones it is joined to.
///
/// A mismatch is only called where the code sets show one: a table with codes only in one
/// vintage joined to zones with codes only in the other, or a table mixing codes only in 2011
/// with codes only in 2021 (see ``mismatch(table:role:file:against:crosswalkRole:crosswalkFile:consequence:)``).
/// Tables or zones with only kept codes, or no ONS LSOA codes, are never called a mismatch.
public enum VintageCheck {
  /// The finding for a table's codes and, when its vintage and the crosswalk's disagree, the
  /// mismatch: the entries to record.
  public static func account(
    table: ZoneCodeCensus, role: String, file: String, against zones: ZoneCodeCensus, crosswalkRole: String = "crosswalk",
    crosswalkFile: String? = nil
  ) -> RunAccount {
    var account = RunAccount()
    account.zoneVintage(ZoneVintageFinding(role: role, file: file, census: table))
    if let mismatch = mismatch(table: table, role: role, file: file, against: zones, crosswalkRole: crosswalkRole, crosswalkFile: crosswalkFile) {
      account.vintageMismatch(mismatch)
    }
    return account
  }

  /// ``account(table:role:file:against:crosswalkRole:crosswalkFile:)`` against a crosswalk's zones.
  public static func account(
    table: ZoneCodeCensus, role: String, file: String, crosswalk: Crosswalk, crosswalkFile: String? = nil
  ) -> RunAccount {
    account(table: table, role: role, file: file, against: ZoneCodeCensus(crosswalk.zones), crosswalkFile: crosswalkFile)
  }

  /// The findings for a crosswalk read from (or built from) `file`: its zones' vintage, and its
  /// footprints' when they are LSOA codes (a crosswalk between vintages).
  public static func account(crosswalk: Crosswalk, file: String) -> RunAccount {
    var account = RunAccount()
    account.zoneVintage(ZoneVintageFinding(role: "crosswalk zones", file: file, census: ZoneCodeCensus(crosswalk.zones)))
    let footprints = ZoneCodeCensus(crosswalk.footprints)
    if footprints.vintage != .unknown {
      account.zoneVintage(ZoneVintageFinding(role: "crosswalk footprints", file: file, census: footprints))
    }
    return account
  }

  /// For a table about to be recoded through `crosswalk` (read from `crosswalkFile`): the
  /// table's vintage as read (role "`role` as read"), the crosswalk's zones and footprints, and
  /// a mismatch when the table's codes are not of the vintage of the crosswalk's zones (the
  /// crosswalk runs the other way), with ``VintageMismatch/recodeTo`` the vintage the table is
  /// meant to reach (the other one).
  public static func recodeAccount(table: ZoneCodeCensus, role: String, file: String, crosswalk: Crosswalk, crosswalkFile: String) -> RunAccount {
    var account = account(crosswalk: crosswalk, file: crosswalkFile)
    account.zoneVintage(ZoneVintageFinding(role: "\(role) as read", file: file, census: table))
    let zones = ZoneCodeCensus(crosswalk.zones)
    if var found = mismatch(
      table: table, role: role, file: file, against: zones, crosswalkRole: "recode crosswalk", crosswalkFile: crosswalkFile,
      consequence: "the rows whose code changed in 2021 would pass through unrecoded.")
    {
      found.evidence = .recodeDirection
      found.recodeTo = found.tableVintage == .lsoa2021 ? .lsoa2011 : found.tableVintage == .lsoa2011 ? .lsoa2021 : nil
      account.vintageMismatch(found)
    }
    return account
  }

  /// The mismatch between a table's codes and the zones it is joined to, if the code sets show
  /// one: table LSOA 2011 against zones LSOA 2021 or the reverse (recode to the zones' vintage),
  /// or a mixed table against any LSOA zones (recode to the zones' vintage when they have one).
  public static func mismatch(
    table: ZoneCodeCensus, role: String, file: String, against zones: ZoneCodeCensus, crosswalkRole: String = "crosswalk",
    crosswalkFile: String? = nil, consequence: String = "zones whose code changed in 2021 will not match."
  ) -> VintageMismatch? {
    let t = table.vintage, c = zones.vintage
    let called: Bool
    switch t {
    case .lsoa2011, .lsoa2021: called = c.definite != nil && c != t
    case .mixed: called = c != .unknown
    case .lsoa2011Or2021, .unknown: called = false
    }
    guard called else { return nil }
    let named = crosswalkFile.map { " \($0)" } ?? ""
    let tableWords = t == .mixed ? "mixes LSOA 2011 and LSOA 2021 zone codes" : "has \(t.rawValue) zone codes"
    let crosswalkWords = c == .mixed ? "mixes LSOA 2011 and LSOA 2021 codes" : "has \(c.rawValue) codes"
    let problem = "the \(role) file \(file) \(tableWords) (\(table.evidence)) but the \(crosswalkRole)\(named) \(crosswalkWords) (\(zones.evidence)): \(consequence)"
    return VintageMismatch(
      role: role, file: file, tableVintage: t, crosswalkRole: crosswalkRole, crosswalkVintage: c, crosswalkFile: crosswalkFile,
      recodeTo: c.definite, evidence: .codeSets, problem: problem)
  }
}
