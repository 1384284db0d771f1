import CatchmentCore

/// A bridge for the steps that still record into a ``RunReport`` they are handed
/// (``ZonePopulation``, ``ActivityTable``, ``ActivityShares``, ``ResidentPopulation``,
/// ``FlowMatrix``, ``FootprintOverlap``, `Crosswalk.read`), used where a step that returns its
/// account calls one of them: the callee records into a report of its own, whose entries are
/// then appended to the account. Once those steps return their accounts, their callers append
/// them directly and this file goes.
extension RunAccount {
  /// Runs `body` with a report of its own and appends what it recorded, in order.
  mutating func capture<T>(_ body: (RunReport) throws -> T) rethrows -> T {
    let report = RunReport(command: "")
    let value = try body(report)
    append(contentsOf: RunAccount(replaying: report))
    return value
  }

  /// The entries that, recorded into an empty report, give `report`'s content again.
  ///
  /// A report keeps each kind of entry in its own list, so only the order within a kind
  /// matters; warnings and notes that name codes share the list of code lists, so they are
  /// replayed in the order of those lists. Warnings come before inputs, so the warning
  /// ``RunReport/add(_:)`` gives for an input without rows keeps its place.
  init(replaying report: RunReport) {
    self.init()
    var w = 0, n = 0
    /// The position at or after `start` of the text that `list` abbreviates, with the number of
    /// codes it shows.
    func find(_ list: CodeList, in texts: [String], from start: Int) -> (index: Int, maxCodes: Int)? {
      for maxCodes in [8] + Array(0...list.codes.count) {
        let text = list.subject + ": " + CodeList.abbreviated(list.codes, maxCodes: maxCodes)
        if let k = texts[start...].firstIndex(of: text) { return (k, maxCodes) }
      }
      return nil
    }
    for list in report.lists {
      if let (k, maxCodes) = find(list, in: report.warnings, from: w) {
        for text in report.warnings[w..<k] { warn(text) }
        warn(list.subject, codes: list.codes, maxCodes: maxCodes)
        w = k + 1
      } else if let (k, maxCodes) = find(list, in: report.notes, from: n) {
        for text in report.notes[n..<k] { note(text) }
        note(list.subject, codes: list.codes, maxCodes: maxCodes)
        n = k + 1
      }
    }
    for text in report.warnings[w...] { warn(text) }
    for text in report.notes[n...] { note(text) }
    for input in report.inputs { add(input) }
    for tally in report.exclusions { exclude(tally) }
    for tally in report.losses { lose(tally) }
    for tally in report.repeatedRows { repeated(tally) }
    for placement in report.placements { place(placement) }
    for codes in report.oneSidedCodes { oneSided(codes) }
    for figure in report.figures { self.figure(figure.name, figure.value) }
  }
}
