import CatchmentInputs
import Foundation

/// Boundary vintages in a drafted study: the registrations' zone codes decide which of several
/// zone boundary files, population estimates and lookups the study is keyed by (LSOA 2011 and
/// LSOA 2021 codes differ where ONS split, merged or redrew a zone), and a bridge between
/// vintages is named as such rather than read as footprints.
extension DraftBuilder {
  /// A lookup that bridges two vintages of the same small areas (ONS's `LSOA11_LSOA21_LAD22`):
  /// its zone column, the other column of the same level, and its change-code column.
  struct Bridge: Equatable {
    var from: String
    var to: String?
    var change: String?
    var level: String
  }

  /// Change-code columns of ONS bridges (U unchanged, S split, M merged, X complex).
  static let changeColumns: Set<String> = ["chgind", "change_code"]

  /// The bridge a lookup with zone column `zone` is: a second code column of the zone's level
  /// (`LSOA11CD` and `LSOA21CD`) or a change-code column (`CHGIND`, `change_code`); nil for a
  /// footprint lookup.
  static func bridge(_ header: [String], zone: String) -> Bridge? {
    guard let level = PublishedLayout.codeLevel(zone) else { return nil }
    let other = header.first { $0 != zone && PublishedLayout.codeLevel($0) == level }
    let change = header.first { changeColumns.contains($0.lowercased()) }
    guard other != nil || change != nil else { return nil }
    return Bridge(from: zone, to: other, change: change, level: level)
  }

  /// The registrations' zone codes, from the registrations file the study takes; nil when the
  /// folder has none (the files are then taken in name order).
  mutating func registeredZoneCodes() -> Set<String>? {
    if let known = registered { return known }
    guard let file = registrationFiles.first, case .registrations(_, let zone, _, _) = file.layout else { return nil }
    let found = codes(fullPath(file.file), zone)
    registered = found
    return found
  }

  /// How many of the registrations' zone codes the column `column` of `file` holds (0 when
  /// there are no registrations).
  mutating func coverage(_ file: String, _ column: String) -> Int {
    guard let registered = registeredZoneCodes() else { return 0 }
    return codes(fullPath(file), column).intersection(registered).count
  }

  /// `files` best first: the most of the registrations' zone codes covered, then `tieBreak`
  /// (a stable sort: files the tie-break does not order keep their name order). The counts
  /// are read only when there is a choice to make.
  mutating func byCoverage<T>(
    _ files: [T], file: (T) -> String, column: (T) -> String, tieBreak: (T, T) -> Bool = { _, _ in false }
  ) -> (ranked: [T], covered: [Int]) {
    guard files.count > 1, registeredZoneCodes() != nil else { return (files, []) }
    var scored: [(item: T, covered: Int, order: Int)] = []
    for (order, item) in files.enumerated() { scored.append((item, coverage(file(item), column(item)), order)) }
    scored.sort { a, b in
      if a.covered != b.covered { return a.covered > b.covered }
      if tieBreak(a.item, b.item) { return true }
      if tieBreak(b.item, a.item) { return false }
      return a.order < b.order
    }
    return (scored.map(\.item), scored.map(\.covered))
  }

  /// The words of a "chosen; others" check for a ranking: `A (covers 12 of the 14 registered
  /// zone codes)`; empty when the files were not compared.
  func covers(_ covered: [Int], _ index: Int) -> String {
    guard index < covered.count, let total = registered?.count else { return "" }
    return " (covers \(covered[index]) of the registrations' \(total) zone codes)"
  }

  /// The lookups that give footprint layers, with their zone column and levels. A bridge
  /// between vintages gives none (it is what `catchment recode` reads); a lookup whose zone
  /// codes match none of the registrations' gives none when another lookup's do. Each file
  /// left out is named in a check.
  mutating func footprintLookups() -> [(table: FolderSurvey.Table, zone: String, levels: [PublishedLayout.Level])] {
    var lookups: [(table: FolderSurvey.Table, zone: String, levels: [PublishedLayout.Level])] = []
    for table in survey.tables {
      guard case .lookup(let zone, let levels) = table.layout else { continue }
      if let bridge = Self.bridge(table.sample.header, zone: zone) {
        let level = bridge.level.uppercased()
        let columns = bridge.to.map { "\(bridge.from) → \($0)" } ?? "\(bridge.from), change codes in \(bridge.change ?? "")"
        lines.append("")
        check("\(table.file): a bridge between \(level) vintages (\(columns)), not a layer; `catchment recode` uses it")
        continue
      }
      lookups.append((table, zone, levels))
    }
    guard lookups.count > 1, registeredZoneCodes() != nil else { return lookups }
    let covered = lookups.map { coverage($0.table.file, $0.zone) }
    guard let matching = covered.indices.first(where: { covered[$0] > 0 }) else { return lookups }
    var kept: [(table: FolderSurvey.Table, zone: String, levels: [PublishedLayout.Level])] = []
    for (lookup, count) in zip(lookups, covered) {
      if count > 0 {
        kept.append(lookup)
      } else {
        lines.append("")
        check(
          "\(lookup.table.file): its zone codes (\(lookup.zone)) match none of the registrations' zone codes, not a layer; \(lookups[matching].table.file)'s do"
        )
      }
    }
    return kept
  }
}
