import CatchmentTables

/// Which columns of a population table to read.
public struct PopulationColumns: Sendable, Hashable {
  /// Zone code column, e.g. `Area Codes` (SAPE) or `LSOA 2021 Code`.
  public var id: String
  /// Count column, e.g. `All Ages`.
  public var value: String
  /// Row filters (`COL=VALUE`) for files that stack breakdowns.
  public var filters: [String]

  public init(id: String, value: String, filters: [String] = []) {
    self.id = id
    self.value = value
    self.filters = filters
  }
}

/// A population table as published, keyed by its own zone codes: read once per run, joined to
/// any number of crosswalks (`ZonePopulation.join` in CatchmentAnalysis).
///
/// It lives in CatchmentCore, below the analyses, because it knows only the file and its codes:
/// no crosswalk, no run report. What depends on a crosswalk (which rows are zones of the study,
/// which are council totals or other nations, which zones have no row) is decided by the join,
/// which records it exactly as a read against that crosswalk did.
///
/// Rows set aside by the filter are counted, not kept. A value that is not a number from 0 to
/// ``CatchmentTables/Quantity/amountLimit`` does not stop the read: its error is kept with the
/// row, and the join throws it only where a direct read would have (a row of a study zone, or
/// any row whose value is a number out of range), so errors do not depend on how often the
/// table is used. A malformed CSV line ends the read; the join throws it after the rows before it.
public struct PopulationTable: Sendable {
  public let path: String
  public let columns: PopulationColumns
  /// Zone codes as written (trimmed), interned in order of first appearance.
  public let codes: CodeTable
  /// Per kept row: its code's id.
  public let rowCode: [Int32]
  /// Per kept row: its value when it is a valid amount, else NaN (``rowErrors`` says why).
  public let rowValue: [Double]
  /// Per kept row: the value a row outside the study contributes to its tally: the value when
  /// valid, 0 when the field is not a number (a note in a total row), NaN when it is a number
  /// out of range (an error, as in a study zone's row).
  let rowLenient: [Double]
  /// The error of each kept row whose value is not a valid amount, by row index.
  let rowErrors: [Int: TableError]
  /// Per code: the rows it has after the filter, and their valid values summed.
  public let rowsPerCode: [Int32]
  public let valuePerCode: [Double]
  /// Rows read, blank lines, and rows the filter set aside (``InputSummary/rowsSkippedByRule``).
  public let summary: InputSummary
  /// Rows removed by the filter.
  public let filtered: Int
  /// The filter as given, for messages.
  public let filterDescription: String
  /// Per kept row, when the filter gives some column several values: the id of the row's values
  /// in those columns (rows of one zone that differ there are parts asked to be added up).
  let rowPart: [Int32]
  /// The names of the columns the filter gives several values, comma-separated ("" when none).
  let partColumns: String
  /// The malformed line that ended the read, thrown by the join after the rows before it.
  let failure: TableError?
  /// The residents column's name as written in the header (`All Ages`, `Mid-2022`).
  public let valueColumnName: String
  /// The first column other than the code and residents columns that states a year, with the
  /// years of the rows the filter keeps; nil when there is none or it holds no year.
  public let yearColumn: YearColumn?

  /// Reads `path` once.
  ///
  /// - Throws: ``CatchmentTables/TableError`` for a missing file, a missing column or a
  ///   malformed filter: what a read throws before any row.
  public init(path: String, columns: PopulationColumns) throws {
    let reader = try CSVReader(path: path)
    let idColumn = try reader.column(named: columns.id, role: "population zone code")
    let valueColumn = try reader.column(named: columns.value, role: "population")
    let filter = try RowFilter(columns.filters, reader: reader)
    let parts = filter.alternativeColumns
    let valueName = reader.name(ofColumn: valueColumn)
    var codes = CodeTable()
    var rowCode: [Int32] = [], rowValue: [Double] = [], rowLenient: [Double] = [], rowPart: [Int32] = []
    var rowErrors: [Int: TableError] = [:]
    var rowsPerCode: [Int32] = [], valuePerCode: [Double] = []
    var partIDs: [[String]: Int32] = [:]
    var filtered = 0
    var failure: TableError?
    // Read in the same pass, so that the estimate's year costs no second read of the file.
    var yearScan = reader.header.indices.first { i in
      i != idColumn && i != valueColumn && YearColumn.isYearColumn(reader.header[i])
    }.map { YearColumnScan(index: $0, name: reader.name(ofColumn: $0)) }
    do {
      try reader.forEachRecord { record in
        if !filter.isEmpty && !filter.accepts(record) {
          filtered += 1
          return
        }
        if let index = yearScan?.index { yearScan?.add(record[index].trimmedString) }
        let code = record[idColumn].withTrimmedBytes { codes.intern($0) }
        if Int(code) == rowsPerCode.count {
          rowsPerCode.append(0)
          valuePerCode.append(0)
        }
        let row = rowCode.count
        rowCode.append(code)
        rowsPerCode[Int(code)] += 1
        if case .value(let v) = record[valueColumn].number(), Quantity.isAmount(v) {
          rowValue.append(v + 0)
          rowLenient.append(v + 0)
          valuePerCode[Int(code)] += v + 0
        } else {
          // A number out of range is an error wherever the row goes; a field that is no number
          // (a note) only in a row that is counted.
          var isNumber = false
          if case .value = record[valueColumn].number() { isNumber = true }
          rowValue.append(.nan)
          rowLenient.append(isNumber ? .nan : 0)
          do { _ = try record.amount(at: valueColumn, column: valueName) } catch let error as TableError { rowErrors[row] = error }
        }
        if !parts.isEmpty {
          let key = parts.map { record[$0].trimmedString }
          let id = partIDs[key] ?? Int32(partIDs.count)
          partIDs[key] = id
          rowPart.append(id)
        }
      }
    } catch let error as TableError {
      failure = error
    }
    var summary = InputSummary(role: "population", file: path)
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    if filtered > 0 {
      summary.rowsSkippedByRule = filtered
      summary.rule = "filter \(filter.description)"
    }
    self.path = path
    self.columns = columns
    self.codes = codes
    self.rowCode = rowCode
    self.rowValue = rowValue
    self.rowLenient = rowLenient
    self.rowErrors = rowErrors
    self.rowsPerCode = rowsPerCode
    self.valuePerCode = valuePerCode
    self.summary = summary
    self.filtered = filtered
    self.filterDescription = filter.description
    self.rowPart = rowPart
    self.partColumns = parts.map { reader.name(ofColumn: $0) }.joined(separator: ", ")
    self.failure = failure
    self.valueColumnName = valueName
    self.yearColumn = yearScan?.column
  }

  /// The error of kept row `row`, whose value is not a valid amount.
  public func error(ofRow row: Int) -> TableError? { rowErrors[row] }

  /// The malformed line that ended the read, if any.
  public var readFailure: TableError? { failure }

  /// The value a row outside the study contributes (see ``rowLenient``).
  public func lenientValue(ofRow row: Int) -> Double { rowLenient[row] }

  /// Whether the filter gives some column several values (parts to be added up).
  public var hasParts: Bool { !partColumns.isEmpty }

  /// The id of row `row`'s values in the columns the filter gives several values.
  public func part(ofRow row: Int) -> Int32 { rowPart[row] }

  /// The columns the filter gives several values, comma-separated.
  public var partColumnNames: String { partColumns }

  /// The zones of the table when no crosswalk defines them: the codes (after the filter) that
  /// share the table's most common GSS prefix (E01 in an LSOA estimate, whose council, region
  /// and country total rows and other nations' zones are then expected exclusions), in file order.
  ///
  /// - Throws: the malformed line that ended the read, as a direct scan of the file would.
  public func studyZones() throws -> CodeTable {
    if let failure { throw failure }
    let all = codes.codes
    let classifier = ZoneCodeClassifier(zoneCodes: rowCode.map { all[Int($0)] })
    var table = CodeTable()
    for code in all where classifier.classify(code) == .sameEntity { _ = table.intern(code) }
    return table
  }
}
