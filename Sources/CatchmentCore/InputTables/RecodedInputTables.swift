import CatchmentTables

// Tables re-keyed through a crosswalk (`--recode`, see `ZoneRecode` in CatchmentAnalysis): the
// same file, account and columns, new rows. The recoding lives above, in CatchmentAnalysis; these
// initialisers only assemble its result into the tables the joins read.

extension UnitZoneTable {
  /// `table` with new rows (zones interned in the order of the rows): its units, names, extract
  /// dates, summary and pieces unchanged; the total recomputed.
  public init(recoding table: UnitZoneTable, zones: CodeTable, rowUnit: [Int32], rowZone: [Int32], rowCount: [Double], rowSex: [UInt8]) {
    path = table.path
    units = table.units
    unitNames = table.unitNames
    self.zones = zones
    self.rowUnit = rowUnit
    self.rowZone = rowZone
    self.rowCount = rowCount
    self.rowSex = rowSex
    extractDates = table.extractDates
    var total = 0.0
    for c in rowCount { total += c }
    self.total = total
    summary = table.summary
    piecesRead = table.piecesRead
  }
}

extension PopulationTable {
  /// `table` with new rows, every value valid (a recode refuses rows it cannot read as numbers):
  /// its summary, filter, columns and year unchanged.
  public init(recoding table: PopulationTable, codes: CodeTable, rowCode: [Int32], rowValue: [Double], rowPart: [Int32]) {
    path = table.path
    columns = table.columns
    self.codes = codes
    self.rowCode = rowCode
    self.rowValue = rowValue
    rowLenient = rowValue
    rowErrors = [:]
    var rowsPerCode = [Int32](repeating: 0, count: codes.count), valuePerCode = [Double](repeating: 0, count: codes.count)
    for (row, code) in rowCode.enumerated() {
      rowsPerCode[Int(code)] += 1
      valuePerCode[Int(code)] += rowValue[row]
    }
    self.rowsPerCode = rowsPerCode
    self.valuePerCode = valuePerCode
    summary = table.summary
    filtered = table.filtered
    filterDescription = table.filterDescription
    self.rowPart = table.hasParts ? rowPart : []
    partColumns = table.partColumns
    failure = nil
    valueColumnName = table.valueColumnName
    yearColumn = table.yearColumn
  }
}

extension ActivityRows {
  /// `rows` with new rows, every value and total valid: its columns and summary unchanged.
  public init(recoding rows: ActivityRows, zones: CodeTable, rowZone: [Int32], rowProvider: [Int32], rowValue: [Double], rowTotal: [Double]) {
    path = rows.path
    columns = rows.columns
    isShare = rows.isShare
    self.zones = zones
    providers = rows.providers
    self.rowZone = rowZone
    self.rowProvider = rowProvider
    self.rowValue = rowValue
    self.rowTotal = rowTotal
    valueErrors = [:]
    totalErrors = [:]
    summary = rows.summary
    hasTotal = rows.hasTotal
    readFailure = nil
  }
}
