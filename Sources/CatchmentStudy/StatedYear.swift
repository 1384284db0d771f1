import CatchmentCore
import CatchmentTables

/// The year a population table states for its estimates, where it states one: in the name of
/// its residents column (`Mid-2022`, `2019` in a table with a column per year), or in a year
/// column (`period` = `2022-06-30`, `year` = `2022`) of the rows the study keeps.
///
/// ONS's own SAPE CSVs state no year (it is in the sheet's name, not the table), so "none" is
/// common and is not a problem; a stated year that differs from `[population] year` is.
public struct StatedYear: Equatable, Sendable {
  /// Where the file states it: `column "period"` or `column name "Mid-2022"`.
  public var source: String
  /// The stated texts, distinct, in the order first seen (`2022-06-30`, `Mid-2022`).
  public var texts: [String]
  /// The years in them, distinct, ascending.
  public var years: [Int]

  public init(source: String, texts: [String], years: [Int]) {
    self.source = source
    self.texts = texts
    self.years = years
  }

  /// Column names (lowercased, letters and digits only) taken for a year column, besides any
  /// name ending in `year` (`mid_year`, `catchment_year`).
  public static let yearColumnNames: Set<String> = ["period", "date", "timeperiod", "referencedate", "yearofestimate"]

  /// At most this many distinct texts are kept (a year column of a long series).
  public static let maxTexts = 20

  /// What the population table at `path` states: the residents column's name first (a year
  /// there is that column's year whatever the rows say), else the first year column, read
  /// over the rows `filters` keep (`COL=VALUE`, as `PopulationColumns.filters`); nil when it
  /// states none.
  ///
  /// - Throws: ``TableError`` for a file that cannot be read; `RowFilter`'s error for a filter
  ///   column the file lacks (the population step reports both too).
  public static func read(path: String, value: String, id: String, filters: [String]) throws -> StatedYear? {
    let reader = try CSVReader(path: path)
    if let column = reader.index(of: value), let year = Self.year(in: reader.name(ofColumn: column)) {
      let name = reader.name(ofColumn: column)
      return StatedYear(source: "column name \"\(name)\"", texts: [name], years: [year])
    }
    let skip = [reader.index(of: value), reader.index(of: id)].compactMap { $0 }
    guard
      let column = reader.header.indices.first(where: { i in
        !skip.contains(i) && isYearColumn(reader.header[i])
      })
    else { return nil }
    let filter = try RowFilter(filters, reader: reader)
    var texts: [String] = []
    var years = Set<Int>()
    try reader.forEachRecord { record in
      guard filter.isEmpty || filter.accepts(record) else { return }
      let text = record[column].trimmedString
      guard let year = Self.year(in: text) else { return }
      years.insert(year)
      if texts.count < maxTexts, !texts.contains(text) { texts.append(text) }
    }
    guard !years.isEmpty else { return nil }
    return StatedYear(source: "column \"\(reader.name(ofColumn: column))\"", texts: texts, years: years.sorted())
  }

  /// Whether a header names a year column: `year`, `mid_year`, `period`, `Date` (case, spaces,
  /// `_` and `-` ignored).
  static func isYearColumn(_ name: String) -> Bool {
    let key = String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    return key.hasSuffix("year") || yearColumnNames.contains(key)
  }

  /// The first year from 1900 to 2099 written as four digits not next to another digit:
  /// `Mid-2022` → 2022, `2022-06-30` → 2022, `2016_20` → 2016, `All Ages` → nil, `120223` → nil.
  static func year(in text: String) -> Int? {
    let digits = Array(text.utf8)
    var i = 0
    while i < digits.count {
      guard isDigit(digits[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < digits.count, isDigit(digits[j]) { j += 1 }
      if j - i == 4 {
        let value = digits[i..<j].reduce(0) { $0 * 10 + Int($1 - 48) }
        if (1900...2099).contains(value) { return value }
      }
      i = j
    }
    return nil
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
