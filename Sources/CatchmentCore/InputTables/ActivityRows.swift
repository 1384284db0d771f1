import CatchmentTables

/// Which columns of an activity table to read (`--activity-*`, `--where`).
public struct ActivityColumns: Sendable, Hashable {
  /// Zone of residence, e.g. `msoa` (OHID) or `LSOA_CODE`.
  public var zone: String
  /// Provider code, e.g. `trust_code`.
  public var provider: String
  /// What each row measures.
  public var measure: Measure
  /// Patients of all providers from the zone, repeated on each of its rows (OHID
  /// `total_patients`); nil to use the sum over the zone's rows. Count activity only.
  public var total: String?
  /// Row filters (`COL=VALUE`, repeatable): OHID files stack catchment years and admission types.
  public var filters: [String]

  /// The measure column of an activity table.
  public enum Measure: Sendable, Hashable {
    /// Patients of the provider from the zone (`--activity-count`).
    case count(String)
    /// A share already computed, in [0, 1] (`--activity-share`, e.g. OHID `proportion`).
    case share(String)
  }

  public init(zone: String, provider: String, measure: Measure, total: String? = nil, filters: [String] = []) {
    self.zone = zone
    self.provider = provider
    self.measure = measure
    self.total = total
    self.filters = filters
  }
}

/// An activity table as published, keyed by its own codes: the rows that survive the filters,
/// read once per run and joined to the zones of any crosswalk or population table
/// (`ActivityTable.join` in CatchmentAnalysis).
///
/// It lives in CatchmentCore, below the analyses, because it knows only the file: which rows
/// are zones of the study, losses or exclusions depends on the zones it is joined to. A value
/// or total that is not a number within ``CatchmentTables/Quantity/amountLimit`` does not stop
/// the read: its error is kept with the row and thrown by the join where a read against those
/// zones would throw it. A malformed CSV line ends the read; the join throws it after the rows
/// before it.
public struct ActivityRows: Sendable {
  public let path: String
  public let columns: ActivityColumns
  /// True when values are shares, false for patient counts.
  public let isShare: Bool
  /// Zone codes as written (trimmed), ids in order of first appearance.
  public let zones: CodeTable
  /// Provider codes as written (trimmed, blank included), ids in order of first appearance.
  public let providers: CodeTable
  /// Per kept row: zone id, provider id, value (NaN when not a valid number), total (NaN when
  /// the table has no total column or the field is not a valid number).
  public let rowZone: [Int32]
  public let rowProvider: [Int32]
  public let rowValue: [Double]
  public let rowTotal: [Double]
  /// Errors of the rows' values and totals, by row index.
  let valueErrors: [Int: TableError]
  let totalErrors: [Int: TableError]
  /// Rows read, blank lines, rows the filter set aside.
  public let summary: InputSummary
  /// True when a total column was given.
  public let hasTotal: Bool
  /// The malformed line that ended the read.
  public let readFailure: TableError?

  /// Reads `path` once.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for a missing file or column, or a malformed filter.
  public init(path: String, columns: ActivityColumns) throws {
    let reader = try CSVReader(path: path)
    let zoneColumn = try reader.column(named: columns.zone, role: "zone of residence")
    let providerColumn = try reader.column(named: columns.provider, role: "provider")
    let isShare: Bool
    let valueColumn: Int
    switch columns.measure {
    case .count(let name):
      isShare = false
      valueColumn = try reader.column(named: name, role: "patients")
    case .share(let name):
      isShare = true
      valueColumn = try reader.column(named: name, role: "share")
    }
    let totalColumn = try columns.total.map { try reader.column(named: $0, role: "patients of all providers") }
    let filter = try RowFilter(columns.filters, reader: reader)
    let valueName = reader.name(ofColumn: valueColumn)
    let totalName = totalColumn.map { reader.name(ofColumn: $0) } ?? ""
    var zones = CodeTable(), providers = CodeTable()
    var rowZone: [Int32] = [], rowProvider: [Int32] = [], rowValue: [Double] = [], rowTotal: [Double] = []
    var valueErrors: [Int: TableError] = [:], totalErrors: [Int: TableError] = [:]
    var filtered = 0
    var failure: TableError?
    do {
      try reader.forEachRecord { record in
        if !filter.isEmpty && !filter.accepts(record) {
          filtered += 1
          return
        }
        let row = rowZone.count
        do {
          rowValue.append(try record.boundedNumber(at: valueColumn, column: valueName))
        } catch let error as TableError {
          rowValue.append(.nan)
          valueErrors[row] = error
        }
        rowZone.append(record[zoneColumn].withTrimmedBytes { zones.intern($0) })
        rowProvider.append(record[providerColumn].withTrimmedBytes { providers.intern($0) })
        if let totalColumn {
          do {
            rowTotal.append(try record.boundedNumber(at: totalColumn, column: totalName))
          } catch let error as TableError {
            rowTotal.append(.nan)
            totalErrors[row] = error
          }
        } else {
          rowTotal.append(.nan)
        }
      }
    } catch let error as TableError {
      failure = error
    }
    var summary = InputSummary(role: "activity", file: path)
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    if filtered > 0 {
      summary.rowsSkippedByRule = filtered
      summary.rule = "filter \(filter.description)"
    }
    self.path = path
    self.columns = columns
    self.isShare = isShare
    self.zones = zones
    self.providers = providers
    self.rowZone = rowZone
    self.rowProvider = rowProvider
    self.rowValue = rowValue
    self.rowTotal = rowTotal
    self.valueErrors = valueErrors
    self.totalErrors = totalErrors
    self.summary = summary
    self.hasTotal = totalColumn != nil
    self.readFailure = failure
  }

  /// The error of row `row`'s value, if it is not a valid number.
  public func valueError(ofRow row: Int) -> TableError? { valueErrors[row] }
  /// The error of row `row`'s total, if it is not a valid number.
  public func totalError(ofRow row: Int) -> TableError? { totalErrors[row] }
}
