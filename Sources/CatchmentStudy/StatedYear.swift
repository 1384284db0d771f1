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

  /// What `table` states: the residents column's name first (a year there is that column's
  /// year whatever the rows say), else its first year column over the rows the filter keeps
  /// (``CatchmentCore/YearColumn``, read in the table's one pass); nil when it states none.
  public init?(table: PopulationTable) {
    let name = table.valueColumnName
    if let year = YearColumn.year(in: name) {
      self.init(source: "column name \"\(name)\"", texts: [name], years: [year])
    } else if let column = table.yearColumn {
      self.init(source: "column \"\(column.name)\"", texts: column.texts, years: column.years)
    } else {
      return nil
    }
  }

  /// What the population table at `path` states (see ``init(table:)``), reading it.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for a file that cannot be read or lacks the
  ///   columns; `RowFilter`'s error for a filter column the file lacks.
  public static func read(path: String, value: String, id: String, filters: [String]) throws -> StatedYear? {
    StatedYear(table: try PopulationTable(path: path, columns: PopulationColumns(id: id, value: value, filters: filters)))
  }

  /// Whether a header names a year column (``CatchmentCore/YearColumn/isYearColumn(_:)``).
  static func isYearColumn(_ name: String) -> Bool { YearColumn.isYearColumn(name) }

  /// The first year in `text` (``CatchmentCore/YearColumn/year(in:)``).
  static func year(in text: String) -> Int? { YearColumn.year(in: text) }
}
