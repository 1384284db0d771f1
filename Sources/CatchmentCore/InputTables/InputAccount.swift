import CatchmentTables

/// What a reader found in one input file, as a value: its row counts and what it set aside,
/// in the order a run report records them.
///
/// The input tables (``PopulationTable``, ``UnitZoneTable``, ``ActivityRows``,
/// ``UnitFootprintMap``) are read once per run and used by several steps, each with a report of
/// its own; so a reader returns its account instead of writing into a shared report, and each
/// step that uses the table records it (``record(into:)``) where the single command records it.
public struct InputAccount: Sendable, Equatable {
  /// One entry of the account, as ``RunReport`` records it.
  public enum Entry: Sendable, Equatable {
    case input(InputSummary)
    case exclusion(Tally)
    case loss(Tally)
    case repeated(Tally)
    case note(String)
    case warning(String, codes: [String])
    case figure(String, Double)
  }

  public private(set) var entries: [Entry] = []

  public init() {}

  public mutating func append(_ entry: Entry) { entries.append(entry) }

  /// Records every entry into `report`, in order.
  public func record(into report: RunReport) {
    for entry in entries {
      switch entry {
      case .input(let summary): report.add(summary)
      case .exclusion(let tally): report.exclude(tally)
      case .loss(let tally): report.lose(tally)
      case .repeated(let tally): report.repeated(tally)
      case .note(let text): report.note(text)
      case .warning(let text, let codes): if codes.isEmpty { report.warn(text) } else { report.warn(text, codes: codes) }
      case .figure(let name, let value): report.figure(name, value)
      }
    }
  }
}

/// How many times each file was opened for a whole-file parse in this process, for the tests
/// that check that a run parses each input once (see ``CatchmentTables/CSVReader``).
public enum InputParses {
  /// Parses of `path` so far (the path as the reader was given it).
  public static func count(_ path: String) -> Int { CSVReader.wholeFileOpens(path) }
}
