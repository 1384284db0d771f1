import CatchmentCore

/// The extract dates a registrations file states (its `EXTRACT_DATE` column), and what they
/// say about the run: a file that mixes months, a population of another year than the
/// extract's (list inflation compares registered lists with residents, so like years).
public struct ExtractDates: Sendable, Equatable {
  /// The dates as the file writes them, in the order first read.
  public let dates: [String]

  public init(_ dates: [String]) { self.dates = dates }

  /// The years the dates state (``year(in:)``), each once, ascending; dates without a year are
  /// left out.
  public var years: [Int] { Set(dates.compactMap(Self.year(in:))).sorted() }

  /// A note of the dates read, and a warning when there are several: counts of different months
  /// are summed. Empty when the file states none.
  public func account() -> RunAccount {
    var account = RunAccount()
    guard !dates.isEmpty else { return account }
    account.note("EXTRACT_DATE seen: \(dates.joined(separator: ", "))")
    if dates.count > 1 {
      account.warn("the registrations mix \(dates.count) extract dates (\(dates.joined(separator: ", "))); counts from different months are summed")
    }
    return account
  }

  /// The earliest year of the extract that is not `populationYear`, or nil when every year
  /// stated is `populationYear` (or none is stated).
  public func yearUnlike(_ populationYear: Int) -> Int? {
    years.first { $0 != populationYear }
  }

  /// A warning when the population is for another year than the extract (``yearUnlike(_:)``):
  /// list inflation then compares unlike years. Empty when the years agree.
  public func checkPopulationYear(_ populationYear: Int) -> RunAccount {
    var account = RunAccount()
    guard let other = yearUnlike(populationYear) else { return account }
    account.warn("the population is for \(populationYear) but the registrations were extracted in \(other): list inflation compares unlike years")
    return account
  }

  /// The four-digit year in an NHS extract date (`01APR2020`, `01-Sep-20`, `2025-10-01`): a
  /// run of four digits, else a final two-digit run read as 20YY; nil when there is neither.
  public static func year(in date: String) -> Int? {
    let digits = date.split(whereSeparator: { !$0.isNumber })
    if let four = digits.first(where: { $0.count == 4 }) { return Int(four) }
    if let last = digits.last, last.count == 2, let y = Int(last) { return 2000 + y }
    // 01APR2020: digits run together with letters between.
    let runs = date.split(whereSeparator: { $0.isLetter })
    if let last = runs.last, last.count == 4 { return Int(last) }
    return nil
  }
}
