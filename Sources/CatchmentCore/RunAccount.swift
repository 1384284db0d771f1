import CatchmentTables

/// What one step of a run found, as a value: the entries a ``RunReport`` records (row counts,
/// exclusions, losses, placements, warnings, notes, figures), in the order they were found.
///
/// Readers and analyses return their account (as a property of the value they build, or beside
/// it) instead of writing into a report that every call is handed: the run's report is then
/// built from the values each step returns (``RunReport/record(_:)``), and a step's account can be
/// recorded under a label (``RunReport/merge(_:label:)-(RunAccount,_)``) when the step is one
/// side of a comparison. Recording replays the entries through the report's own rules (a tally
/// or note already recorded is not repeated; empty tallies are ignored), so a report built from
/// accounts has the bytes of one written directly.
///
/// The methods have the names and meanings of ``RunReport``'s.
public struct RunAccount: Sendable, Equatable {
  /// One entry of the account, as ``RunReport`` records it.
  public enum Entry: Sendable, Equatable {
    case input(InputSummary)
    case exclusion(Tally)
    case loss(Tally)
    case repeated(Tally)
    case placement(RulePlacement)
    case oneSided(OneSidedCodes)
    case figure(String, Double)
    case note(String, codes: [String], maxCodes: Int)
    case warning(String, codes: [String], maxCodes: Int)
    case zoneVintage(ZoneVintageFinding)
    case vintageMismatch(VintageMismatch)
  }

  public private(set) var entries: [Entry] = []

  public init() {}

  public var isEmpty: Bool { entries.isEmpty }

  public mutating func append(_ entry: Entry) { entries.append(entry) }

  /// Appends every entry of `other` (a part of this step's work), in order.
  public mutating func append(contentsOf other: RunAccount) { entries += other.entries }

  /// The row counts of one input file (see ``RunReport/add(_:)``).
  public mutating func add(_ input: InputSummary) { entries.append(.input(input)) }
  /// An expected exclusion (see ``RunReport/exclude(_:)``).
  public mutating func exclude(_ tally: Tally) { entries.append(.exclusion(tally)) }
  /// A loss (see ``RunReport/lose(_:)``).
  public mutating func lose(_ tally: Tally) { entries.append(.loss(tally)) }
  /// Rows that repeat a key already counted (see ``RunReport/repeated(_:)``).
  public mutating func repeated(_ tally: Tally) { entries.append(.repeated(tally)) }
  /// Rows placed by a rule (see ``RunReport/place(_:)``).
  public mutating func place(_ placement: RulePlacement) { entries.append(.placement(placement)) }
  /// Footprint codes seen on one side only (see ``RunReport/oneSided(_:)``).
  public mutating func oneSided(_ codes: OneSidedCodes) { entries.append(.oneSided(codes)) }
  /// A named figure.
  public mutating func figure(_ name: String, _ value: Double) { entries.append(.figure(name, value)) }
  /// A warning (see ``RunReport/warn(_:)``).
  public mutating func warn(_ message: String) { entries.append(.warning(message, codes: [], maxCodes: 0)) }
  /// A note (see ``RunReport/note(_:)``).
  public mutating func note(_ message: String) { entries.append(.note(message, codes: [], maxCodes: 0)) }
  /// A warning that names codes (see ``RunReport/warn(_:codes:maxCodes:)``).
  public mutating func warn(_ message: String, codes: [String], maxCodes: Int = 8) {
    entries.append(.warning(message, codes: codes, maxCodes: maxCodes))
  }
  /// A note that names codes (see ``RunReport/note(_:codes:maxCodes:)``).
  public mutating func note(_ message: String, codes: [String], maxCodes: Int = 8) {
    entries.append(.note(message, codes: codes, maxCodes: maxCodes))
  }

  /// The LSOA vintage of an input's zone codes (see ``RunReport/zoneVintage(_:)``).
  public mutating func zoneVintage(_ finding: ZoneVintageFinding) { entries.append(.zoneVintage(finding)) }
  /// A table whose vintage differs from its crosswalk's (see ``RunReport/vintageMismatch(_:)``).
  public mutating func vintageMismatch(_ mismatch: VintageMismatch) { entries.append(.vintageMismatch(mismatch)) }

  /// Marks every exclusion, loss and repeated-rows tally of the account that names no file as
  /// counting rows of `file` (``Tally/file``): for a step whose tallies all count one input's rows.
  public mutating func attribute(to file: String) {
    func named(_ t: Tally) -> Tally {
      var named = t
      if named.file == nil { named.file = file }
      return named
    }
    entries = entries.map { entry in
      switch entry {
      case .exclusion(let t): .exclusion(named(t))
      case .loss(let t): .loss(named(t))
      case .repeated(let t): .repeated(named(t))
      default: entry
      }
    }
  }

  /// Records every entry into `report`, in order (``RunReport/record(_:)``).
  public func record(into report: RunReport) { report.record(self) }
}

extension RunReport {
  /// Records what a step returned, entry by entry in order, by the rules of the methods each
  /// entry stands for.
  public func record(_ account: RunAccount) {
    for entry in account.entries {
      switch entry {
      case .input(let summary): add(summary)
      case .exclusion(let tally): exclude(tally)
      case .loss(let tally): lose(tally)
      case .repeated(let tally): repeated(tally)
      case .placement(let placement): place(placement)
      case .oneSided(let codes): oneSided(codes)
      case .figure(let name, let value): figure(name, value)
      case .note(let text, let codes, let maxCodes): if codes.isEmpty { note(text) } else { note(text, codes: codes, maxCodes: maxCodes) }
      case .warning(let text, let codes, let maxCodes): if codes.isEmpty { warn(text) } else { warn(text, codes: codes, maxCodes: maxCodes) }
      case .zoneVintage(let finding): zoneVintage(finding)
      case .vintageMismatch(let mismatch): vintageMismatch(mismatch)
      }
    }
  }

  /// Records what one side of a comparison returned, each entry labelled with `label` (as
  /// ``merge(_:label:)-(RunReport,_)`` labels another report's).
  public func merge(_ account: RunAccount, label: String) {
    let side = RunReport(command: command)
    side.record(account)
    merge(side, label: label)
  }
}

/// How many times each file was opened for a whole-file parse in this process, for the tests
/// that check that a run parses each input once (see ``CatchmentTables/CSVReader``).
public enum InputParses {
  /// Parses of `path` so far (the path as the reader was given it).
  public static func count(_ path: String) -> Int { CSVReader.wholeFileOpens(path) }
}
