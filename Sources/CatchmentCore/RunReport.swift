import CatchmentTables
import Foundation

/// The account of one run: what was read, what was counted, and where everything else went.
///
/// "Nothing lost" is checked here. Every row of every input is either counted, skipped by a
/// documented rule (e.g. the SEX rule), an *expected exclusion* (zones outside the crosswalk's
/// study area, council total rows in a population file, other nations, pseudo codes) or a
/// *loss* (a zone of the crosswalk with no population row, a zone-like code in registrations
/// that matches nothing, a practice missing from the map, population left unallocated).
/// `--strict` turns losses and one-sided footprint codes into a failure; exclusions never fail
/// a run. The classes are documented once, in the article "Nothing lost".
public final class RunReport: Encodable, @unchecked Sendable {
  /// The command that produced the report ("flows").
  public let command: String
  public private(set) var inputs: [InputSummary] = []
  public private(set) var exclusions: [Tally] = []
  public private(set) var losses: [Tally] = []
  /// Rows placed by a documented rule that moves them (zones snapped to the nearest
  /// footprint): neither exclusions nor losses, but worth the analyst's eye.
  public private(set) var placements: [RulePlacement] = []
  /// Rows counted although they repeat a key already counted (fails `--strict`).
  public private(set) var repeatedRows: [Tally] = []
  /// Footprint codes that appear on only one side of a comparison.
  public private(set) var oneSidedCodes: [OneSidedCodes] = []
  /// Figures worth printing (totals, counts) in insertion order.
  public private(set) var figures: [Figure] = []
  public internal(set) var warnings: [String] = []
  public private(set) var notes: [String] = []
  /// The complete code lists behind warnings and notes that name codes (the text shows the
  /// first few; the JSON report keeps every one).
  public private(set) var lists: [CodeList] = []
  /// The LSOA vintage of each input's zone codes (``ZoneVintageFinding``), in the order stated.
  public internal(set) var zoneVintages: [ZoneVintageFinding] = []
  /// Tables whose vintage differs from their crosswalk's; each is also a warning.
  public internal(set) var vintageMismatches: [VintageMismatch] = []

  public init(command: String) { self.command = command }

  /// Records the row counts of one input file (one already recorded, the same file read again
  /// by a later step, is not repeated). An input with a header and no data rows is warned about
  /// and fails `--strict`: its outputs would be empty without anything "lost".
  public func add(_ input: InputSummary) {
    guard !inputs.contains(input) else { return }
    inputs.append(input)
    if input.rowsRead == 0 { warn("the \(input.role) file \(input.file) has no data rows (a header only)") }
  }

  /// Records rows that repeat a key already counted (fails `--strict`). Empty tallies and ones
  /// already recorded are ignored.
  public func repeated(_ tally: Tally) { if !tally.isEmpty && !repeatedRows.contains(tally) { repeatedRows.append(tally) } }

  /// Records an expected exclusion (never fails `--strict`). Empty tallies are ignored, and so
  /// is one already recorded (a step that reads the same file again finds the same rows).
  public func exclude(_ tally: Tally) { if !tally.isEmpty && !exclusions.contains(tally) { exclusions.append(tally) } }

  /// Records a loss (fails `--strict`). Empty tallies and ones already recorded are ignored.
  public func lose(_ tally: Tally) { if !tally.isEmpty && !losses.contains(tally) { losses.append(tally) } }

  /// Records what a part of the run recorded in its own report (e.g. the proposal's side of
  /// `compare`): tallies, one-sided codes, warnings and notes are labelled with `label`, inputs are
  /// copied, and what this report already holds (the same file read for both sides) is not
  /// repeated. So every loss of every step reaches the run's report and `--strict`.
  public func merge(_ other: RunReport, label: String) {
    for input in other.inputs { add(input) }
    /// A tally of `other` with the reason labelled.
    func labelled(_ t: Tally) -> Tally {
      var labelled = t
      labelled.reason = "\(label): \(t.reason)"
      return labelled
    }
    for t in other.exclusions where !exclusions.contains(t) { exclude(labelled(t)) }
    for t in other.losses where !losses.contains(t) { lose(labelled(t)) }
    for t in other.repeatedRows where !repeatedRows.contains(t) { repeated(labelled(t)) }
    for c in other.oneSidedCodes where !oneSidedCodes.contains(c) {
      var labelled = c
      labelled.first = "\(label) \(c.first)"
      oneSided(labelled)
    }
    for p in other.placements {
      var labelled = p
      labelled.rule = "\(label): \(p.rule)"
      place(labelled)
    }
    for w in other.warnings where !warnings.contains(w) { warn("\(label): \(w)") }
    for n in other.notes where !notes.contains(n) { note("\(label): \(n)") }
    mergeVintages(other, label: label)
    for l in other.lists where !lists.contains(l) { lists.append(CodeList(subject: "\(label): \(l.subject)", codes: l.codes)) }
  }

  /// Records rows placed by a rule (never fails `--strict`). Empty placements are ignored.
  public func place(_ placement: RulePlacement) { if !placement.codes.isEmpty { placements.append(placement) } }

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

  /// Records a warning that names codes: the text gives the first `maxCodes` of them and how
  /// many more (`message: A, B, … 12 more`), the JSON report's `lists` every one.
  public func warn(_ message: String, codes: [String], maxCodes: Int = 8) {
    guard !codes.isEmpty else { return warn(message) }
    warn(message + ": " + CodeList.abbreviated(codes, maxCodes: maxCodes))
    list(codes, under: message)
  }

  /// Records a note that names codes, like ``warn(_:codes:maxCodes:)``.
  public func note(_ message: String, codes: [String], maxCodes: Int = 8) {
    guard !codes.isEmpty else { return note(message) }
    note(message + ": " + CodeList.abbreviated(codes, maxCodes: maxCodes))
    list(codes, under: message)
  }

  /// Keeps the complete list of `codes` for the JSON report (once).
  private func list(_ codes: [String], under message: String) {
    let list = CodeList(subject: message, codes: codes)
    if !lists.contains(list) { lists.append(list) }
  }

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
    for v in zoneVintages { lines.append("  zone codes of \(v.line)") }
    if !exclusions.isEmpty {
      lines.append("  expected exclusions:")
      for t in exclusions { lines.append("    " + t.line(maxCodes: maxCodes)) }
    }
    if !placements.isEmpty {
      lines.append("  placed by rule:")
      for p in placements { lines.append("    " + p.line(maxCodes: maxCodes)) }
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
public struct InputSummary: Encodable, Sendable, Equatable {
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
public struct Tally: Encodable, Sendable, Equatable {
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
  /// The input file whose rows the tally counts, as ``InputSummary/file`` names it, when it
  /// counts one file's rows (nil for a tally of zones or footprints, e.g. a crosswalk's gaps):
  /// so that one file's exclusion met by several steps can be shown once.
  public var file: String?

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
      // A tally of zones counts each zone once: the codes alone say it.
      s += ": " + CodeList.abbreviated(codes.map { unit == "zones" ? $0.code : "\($0.code) (\(NumberFormat.csv($0.amount)))" }, maxCodes: maxCodes)
    }
    return s
  }
}

/// Codes placed by a rule that moved them, each with how far (e.g. zones snapped to the
/// nearest footprint, with the distance in metres): a count and the largest distance, never a
/// sum of distances.
public struct RulePlacement: Encodable, Sendable, Equatable {
  /// The rule, e.g. "zones whose point lay outside every footprint, placed in the nearest
  /// within 100 m".
  public var rule: String
  /// What each code's ``CodeAmount/amount`` measures, e.g. "metres".
  public var unit: String
  /// How many codes were placed by the rule.
  public var count: Int
  /// The largest amount (the farthest move).
  public var largest: Double
  /// Every code placed, largest amount first, then by code.
  public var codes: [CodeAmount]

  public init(rule: String, unit: String, byCode: [String: Double]) {
    self.rule = rule
    self.unit = unit
    codes = byCode.map { CodeAmount(code: $0.key, rows: 1, amount: $0.value) }
      .sorted { a, b in a.amount != b.amount ? a.amount > b.amount : a.code.utf8.lexicographicallyPrecedes(b.code.utf8) }
    count = codes.count
    largest = codes.first?.amount ?? 0
  }

  func line(maxCodes: Int) -> String {
    let shown = codes.prefix(maxCodes).map { "\($0.code) (\(NumberFormat.csv($0.amount)))" }
    return "\(rule): \(count), the farthest \(NumberFormat.csv(largest)) \(unit)"
      + (codes.isEmpty ? "" : ": " + shown.joined(separator: ", ") + (codes.count > maxCodes ? ", … \(codes.count - maxCodes) more" : ""))
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
public struct OneSidedCodes: Encodable, Sendable, Equatable {
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
    func list(_ codes: [String]) -> String { CodeList.abbreviated(codes, maxCodes: maxCodes) }
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
