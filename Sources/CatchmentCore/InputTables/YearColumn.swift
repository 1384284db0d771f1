/// A column of a table that states the year of its rows (`period` = `2022-06-30`, `year` =
/// `2022`, `mid_year`), with the texts and years found in the rows kept: how a population table
/// states the year of its estimates when its residents column's name does not.
public struct YearColumn: Sendable, Equatable {
  /// The column's name as written in the header.
  public var name: String
  /// The texts holding a year, distinct, in the order first seen (at most ``maxTexts``).
  public var texts: [String]
  /// The years in them, distinct, ascending.
  public var years: [Int]

  public init(name: String, texts: [String], years: [Int]) {
    self.name = name
    self.texts = texts
    self.years = years
  }

  /// Column names (lowercased, letters and digits only) taken for a year column, besides any
  /// name ending in `year` (`mid_year`, `catchment_year`).
  public static let names: Set<String> = ["period", "date", "timeperiod", "referencedate", "yearofestimate"]

  /// At most this many distinct texts are kept (a year column of a long series).
  public static let maxTexts = 20

  /// Whether a header names a year column: `year`, `mid_year`, `period`, `Date` (case, spaces,
  /// `_` and `-` ignored).
  public static func isYearColumn(_ name: String) -> Bool {
    let key = String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    return key.hasSuffix("year") || names.contains(key)
  }

  /// The first year from 1900 to 2099 written as four digits not next to another digit:
  /// `Mid-2022` → 2022, `2022-06-30` → 2022, `2016_20` → 2016, `All Ages` → nil, `120223` → nil.
  public static func year(in text: String) -> Int? {
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

/// Collects a year column's texts and years row by row, during a table's one read.
struct YearColumnScan {
  let index: Int
  let name: String
  private var texts: [String] = []
  private var years = Set<Int>()

  init(index: Int, name: String) {
    self.index = index
    self.name = name
  }

  mutating func add(_ text: String) {
    guard let year = YearColumn.year(in: text) else { return }
    years.insert(year)
    if texts.count < YearColumn.maxTexts, !texts.contains(text) { texts.append(text) }
  }

  /// The column, or nil when no row kept holds a year.
  var column: YearColumn? { years.isEmpty ? nil : YearColumn(name: name, texts: texts, years: years.sorted()) }
}
