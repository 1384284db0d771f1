import CatchmentTables
import Foundation

/// The account of one run: what was read, what was counted, and where everything else went.
///
/// "Nothing lost" is checked here. Every row of every input is either counted, skipped by a
/// documented rule (e.g. the SEX rule), an *expected exclusion* (council total rows in a
/// population file, other nations, pseudo codes) or a *loss* (a zone-like code that matches
/// nothing, a practice missing from the map, population left unallocated). `--strict` turns
/// losses and one-sided footprint codes into a failure; exclusions never fail a run.
public final class RunReport: Encodable, @unchecked Sendable {
  /// The command that produced the report ("flows").
  public let command: String
  public private(set) var inputs: [InputSummary] = []
  public private(set) var exclusions: [Tally] = []
  public private(set) var losses: [Tally] = []
  /// Rows counted although they repeat a key already counted (fails `--strict`).
  public private(set) var repeatedRows: [Tally] = []
  /// Footprint codes that appear on only one side of a comparison.
  public private(set) var oneSidedCodes: [OneSidedCodes] = []
  /// Figures worth printing (totals, counts) in insertion order.
  public private(set) var figures: [Figure] = []
  public private(set) var warnings: [String] = []
  public private(set) var notes: [String] = []

  public init(command: String) { self.command = command }

  /// Records the row counts of one input file. An input with a header and no data rows is
  /// warned about and fails `--strict`: its outputs would be empty without anything "lost".
  public func add(_ input: InputSummary) {
    inputs.append(input)
    if input.rowsRead == 0 { warn("the \(input.role) file \(input.file) has no data rows (a header only)") }
  }

  /// Records rows that repeat a key already counted (fails `--strict`). Empty tallies are ignored.
  public func repeated(_ tally: Tally) { if !tally.isEmpty { repeatedRows.append(tally) } }

  /// Records an expected exclusion (never fails `--strict`). Empty tallies are ignored.
  public func exclude(_ tally: Tally) { if !tally.isEmpty { exclusions.append(tally) } }

  /// Records a loss (fails `--strict`). Empty tallies are ignored.
  public func lose(_ tally: Tally) { if !tally.isEmpty { losses.append(tally) } }

  /// Records footprint codes seen on one side only (fails `--strict`).
  public func oneSided(_ codes: OneSidedCodes) {
    if !codes.onlyFirst.isEmpty || !codes.onlySecond.isEmpty { oneSidedCodes.append(codes) }
  }

  /// Records a named figure.
  public func figure(_ name: String, _ value: Double) { figures.append(Figure(name: name, value: value)) }

  /// Records a warning, printed prominently; one already recorded is not repeated (work done
  /// in stages may meet the same finding twice, e.g. a CRS transformation).
  public func warn(_ message: String) { if !warnings.contains(message) { warnings.append(message) } }

  /// Records a note (informational); one already recorded is not repeated.
  public func note(_ message: String) { if !notes.contains(message) { notes.append(message) } }

  /// True when `--strict` should fail this run.
  public var hasStrictFailures: Bool {
    !losses.isEmpty || !oneSidedCodes.isEmpty || !repeatedRows.isEmpty || inputs.contains { $0.rowsRead == 0 }
  }

  /// Why `--strict` fails, one line each.
  public var strictFailureReasons: [String] {
    losses.map { "loss: \($0.headline)" }
      + oneSidedCodes.map { "one-sided footprint codes: \($0.headline)" }
      + repeatedRows.map { "repeated rows: \($0.headline)" }
      + inputs.filter { $0.rowsRead == 0 }.map { "no data rows: the \($0.role) file \($0.file)" }
  }

  /// The report as pretty-printed JSON with sorted keys (stable bytes).
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// Writes the JSON report to `path`.
  public func writeJSON(to path: String) throws {
    var data = try jsonData()
    data.append(0x0A)
    try CSVWriter.writeBytes([UInt8](data), to: path)
  }

  /// The human-readable report for stderr.
  public func text(maxCodes: Int = 8) -> String {
    var lines: [String] = []
    for w in warnings { lines.append("WARNING: \(w)") }
    lines.append("catchment \(command):")
    for input in inputs {
      var parts = ["\(input.rowsRead) rows read", "\(input.rowsCounted) counted"]
      if input.rowsSkippedByRule > 0 { parts.append("\(input.rowsSkippedByRule) skipped by rule (\(input.rule ?? "rule"))") }
      if input.rowsExcluded > 0 { parts.append("\(input.rowsExcluded) excluded as expected") }
      if input.rowsLost > 0 { parts.append("\(input.rowsLost) lost") }
      if input.blankLines > 0 { parts.append("\(input.blankLines) blank lines") }
      lines.append("  \(input.role) \(input.file): " + parts.joined(separator: ", "))
    }
    for f in figures { lines.append("  \(f.name): \(NumberFormat.csv(f.value))") }
    if !exclusions.isEmpty {
      lines.append("  expected exclusions:")
      for t in exclusions { lines.append("    " + t.line(maxCodes: maxCodes)) }
    }
    if losses.isEmpty {
      lines.append("  losses: none")
    } else {
      lines.append("  LOSSES:")
      for t in losses { lines.append("    " + t.line(maxCodes: maxCodes)) }
    }
    for c in oneSidedCodes { lines.append("  one-sided footprint codes: " + c.line(maxCodes: maxCodes)) }
    for t in repeatedRows { lines.append("  REPEATED ROWS: " + t.line(maxCodes: maxCodes)) }
    for n in notes { lines.append("  note: \(n)") }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Row counts of one input file.
public struct InputSummary: Encodable, Sendable {
  public var role: String
  public var file: String
  public var rowsRead = 0
  public var rowsCounted = 0
  public var rowsSkippedByRule = 0
  public var rule: String?
  public var rowsExcluded = 0
  public var rowsLost = 0
  public var blankLines = 0

  public init(role: String, file: String) {
    self.role = role
    self.file = file
  }
}

/// A count of rows and of an amount (patients, population) set aside for one reason, with the
/// codes involved.
public struct Tally: Encodable, Sendable {
  /// Short reason, e.g. "pseudo code", "practice not in the map".
  public var reason: String
  /// What ``amount`` measures: "patients", "population", "weight".
  public var unit: String
  public var rows = 0
  public var amount = 0.0
  /// Where the amount went ("UNALLOCATED residence footprint", "not counted").
  public var destination: String?
  /// The codes involved with their amounts, largest first, then by code.
  public var codes: [CodeAmount] = []

  public init(reason: String, unit: String, destination: String? = nil) {
    self.reason = reason
    self.unit = unit
    self.destination = destination
  }

  public var isEmpty: Bool { rows == 0 && amount == 0 && codes.isEmpty }

  /// Builds a tally from per-code amounts and row counts.
  public init(reason: String, unit: String, destination: String? = nil, byCode: [String: (rows: Int, amount: Double)]) {
    self.init(reason: reason, unit: unit, destination: destination)
    for (_, v) in byCode {
      rows += v.rows
    }
    codes = byCode.map { CodeAmount(code: $0.key, rows: $0.value.rows, amount: $0.value.amount) }
      .sorted { a, b in a.amount != b.amount ? a.amount > b.amount : a.code.utf8.lexicographicallyPrecedes(b.code.utf8) }
    // Sum in code order so the total never depends on dictionary order.
    amount = codes.sorted { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }.reduce(0) { $0 + $1.amount }
  }

  var headline: String {
    unit == "rows" ? "\(reason): \(rows) rows" : "\(reason): \(rows) rows, \(NumberFormat.csv(amount)) \(unit)"
  }

  func line(maxCodes: Int) -> String {
    var s = headline
    if let destination { s += " → \(destination)" }
    if !codes.isEmpty {
      let shown = codes.prefix(maxCodes).map { "\($0.code) (\(NumberFormat.csv($0.amount)))" }
      s += ": " + shown.joined(separator: ", ") + (codes.count > maxCodes ? ", … \(codes.count - maxCodes) more" : "")
    }
    return s
  }
}

/// One code and what was set aside under it.
public struct CodeAmount: Encodable, Sendable, Equatable {
  public var code: String
  public var rows: Int
  public var amount: Double

  public init(code: String, rows: Int, amount: Double) {
    self.code = code
    self.rows = rows
    self.amount = amount
  }
}

/// Footprint codes present on one side of a comparison only.
public struct OneSidedCodes: Encodable, Sendable {
  public var first: String
  public var second: String
  public var onlyFirst: [String]
  public var onlySecond: [String]

  public init(first: String, second: String, onlyFirst: [String], onlySecond: [String]) {
    self.first = first
    self.second = second
    self.onlyFirst = onlyFirst
    self.onlySecond = onlySecond
  }

  var headline: String { "\(onlyFirst.count) only in \(first), \(onlySecond.count) only in \(second)" }

  func line(maxCodes: Int) -> String {
    func list(_ codes: [String]) -> String {
      codes.prefix(maxCodes).joined(separator: ", ") + (codes.count > maxCodes ? ", … \(codes.count - maxCodes) more" : "")
    }
    var s = headline
    if !onlyFirst.isEmpty { s += "; only in \(first): " + list(onlyFirst) }
    if !onlySecond.isEmpty { s += "; only in \(second): " + list(onlySecond) }
    return s
  }
}

/// A named number in the report.
public struct Figure: Encodable, Sendable {
  public var name: String
  public var value: Double
}
