import CatchmentCore
import CatchmentTables

/// A population table gives some zones several rows (after its filter): summing them would
/// count people more than once (Persons beside Males and Females), so the read is refused.
///
/// The payload says what differs between a zone's rows, so that a caller can say how to pick
/// one: ``breakdowns`` (e.g. column `sex` with values Persons, Males, Females) and
/// ``suggestedFilters`` (`COLUMN=VALUE` expressions for ``RowFilter``, e.g. `sex=Persons`; several
/// values of one column when no row is a total, which adds up the parts).
public struct RepeatedZoneRowsError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A column whose values differ between the rows of one zone.
  public struct Breakdown: Sendable, Equatable {
    /// The header name.
    public var column: String
    /// Its values in the repeated rows, in order of first appearance (at most 20).
    public var values: [String]
    /// The values to keep: the total (`Persons`, `All`, `Total`…) when there is one, else all
    /// of them (the parts, to be added up).
    public var keep: [String]
  }

  public var file: String
  /// Zones of the table with more than one row.
  public var zoneCount: Int
  /// The first such zone (file order) and its number of rows.
  public var example: String
  public var exampleRows: Int
  /// The columns that tell a zone's rows apart, the most telling first; empty when the rows
  /// are identical (the same rows twice).
  public var breakdowns: [Breakdown]

  /// `COLUMN=VALUE` filters that keep one row per zone (or the parts of one total).
  public var suggestedFilters: [String] { breakdowns.flatMap { b in b.keep.map { "\(b.column)=\($0)" } } }

  /// The message without any command-line option; the CLI names its own.
  public var description: String { message(filter: { "the filter " + $0.joined(separator: " and ") }) }

  /// The message, with `filter` phrasing the suggested filters.
  public func message(filter: ([String]) -> String) -> String {
    let head = "\(file): \(zoneCount) zone\(zoneCount == 1 ? " has" : "s have") several rows (\(example): \(exampleRows)); adding them up would count people more than once"
    guard !breakdowns.isEmpty else { return head + ". The rows are identical: the table seems to hold the same rows twice" }
    let differ = breakdowns.map { b in
      "'\(b.column)' (\(b.values.prefix(8).joined(separator: ", "))\(b.values.count > 8 ? ", …" : ""))"
    }.joined(separator: " and ")
    return head + ". The rows differ in \(differ); keep one row per zone with \(filter(suggestedFilters))"
  }

  /// Values that name the total of a breakdown.
  static let totalNames: Set<String> = [
    "persons", "all persons", "people", "all people", "all", "total", "totals", "both", "both sexes", "all sexes", "all ages",
  ]

  /// What tells apart the rows of each zone of `rows` (zone → its rows' fields, the zone's id
  /// and value columns excluded through `ignoring`), `header` naming the fields.
  static func breakdowns(header: [String], rows: [[[String]]], ignoring: Set<Int>) -> [Breakdown] {
    let maxRows = rows.map(\.count).max() ?? 0
    var candidates: [(column: Int, separates: Bool, numeric: Bool, values: [String])] = []
    for c in header.indices where !ignoring.contains(c) {
      var values: [String] = []
      var seen = Set<String>()
      var varies = false, separates = true
      for zoneRows in rows {
        let own = zoneRows.map { c < $0.count ? $0[c] : "" }
        if Set(own).count > 1 { varies = true }
        if Set(own).count < own.count { separates = false }
        for v in own where seen.insert(v).inserted { values.append(v) }
      }
      // A breakdown takes few values, the same in every zone; a count column takes many.
      // Ties go to labels (Persons, Male) before numbers, which are more likely counts.
      let numeric = values.allSatisfy { Double($0) != nil }
      if varies && values.count <= maxRows { candidates.append((c, separates, numeric, values)) }
    }
    candidates.sort { a, b in
      if a.separates != b.separates { return a.separates }
      if a.values.count != b.values.count { return a.values.count < b.values.count }
      if a.numeric != b.numeric { return !a.numeric }
      return a.column < b.column
    }
    let chosen = candidates.first?.separates == true ? Array(candidates.prefix(1)) : Array(candidates.prefix(3))
    return chosen.map { candidate in
      let total = candidate.values.first { totalNames.contains($0.lowercased()) }
      return Breakdown(column: header[candidate.column], values: Array(candidate.values.prefix(20)), keep: total.map { [$0] } ?? candidate.values)
    }
  }
}
