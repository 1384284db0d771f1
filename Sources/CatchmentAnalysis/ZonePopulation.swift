import CatchmentCore
import CatchmentTables

/// Which columns of a population table to read.
public struct PopulationColumns: Sendable {
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

/// Resident population pop(z) per zone of a crosswalk.
///
/// Read from an ONS mid-year estimate table. Rows that are not zones of the crosswalk are
/// classified (see ``ZoneCodeClassifier``): zones of the crosswalk's kind that it does not list
/// (outside the study area), council and country totals (codes of another geography), zones
/// of other nations and pseudo codes are expected exclusions; blank and unrecognised codes are
/// losses. Zones of the crosswalk with no row are a loss too (their population is unknown),
/// apart from zones of another nation and zones the crosswalk puts in no footprint.
public struct ZonePopulation: Sendable {
  /// pop(z) by crosswalk zone id; 0 for zones without a row.
  public let values: [Double]
  /// Whether zone z had a row.
  public let present: [Bool]

  /// The zones of a population table, when no crosswalk defines them: the codes (after
  /// `columns.filters`) that share the table's most common GSS prefix (E01 in an LSOA estimate,
  /// whose council, region and country total rows and other nations' zones are then classified
  /// as expected exclusions by ``read(path:columns:zones:lookup:of:report:)``), in file order.
  public static func zones(inTable path: String, columns: PopulationColumns) throws -> CodeTable {
    let reader = try CSVReader(path: path)
    let idColumn = try reader.column(named: columns.id, role: "population zone code")
    let filter = try RowFilter(columns.filters, reader: reader)
    var codes: [String] = []
    try reader.forEachRecord { record in
      if filter.isEmpty || filter.accepts(record) { codes.append(record[idColumn].trimmedString) }
    }
    let classifier = ZoneCodeClassifier(zoneCodes: codes)
    var table = CodeTable()
    for code in codes where classifier.classify(code) == .sameEntity { _ = table.intern(code) }
    return table
  }

  /// Reads `path` against `crosswalk`, recording every row in `report`.
  ///
  /// - Throws: ``TableError`` for a missing file or column, or a value that is not a number from
  ///   0 to ``Quantity/amountLimit`` (empty too, in a row that is counted);
  ///   ``RepeatedZoneRowsError`` when a zone has several rows after the filters, unless they
  ///   differ in a column the filters give several values for (parts asked to be added up).
  public static func read(
    path: String, columns: PopulationColumns, crosswalk: Crosswalk, report: RunReport
  ) throws -> ZonePopulation {
    // Zones the crosswalk puts in no footprint (a blank footprint in a lookup) are outside
    // every footprint, so a missing row there loses nobody.
    let unallocated = crosswalk.unallocatedID
    let noFootprint = Set((0..<Int32(crosswalk.zones.count)).filter { z in crosswalk.entries(ofZone: z).allSatisfy { crosswalk.entryFootprint[$0] == unallocated } })
    return try read(path: path, columns: columns, zones: crosswalk.zones, lookup: crosswalk.zoneLookup, of: "the crosswalk", report: report, noFootprint: noFootprint)
  }

  /// Reads `path` against the zones of `zones` (`lookup` indexes them; `owner` names where they
  /// come from in messages, e.g. "the crosswalk"), recording every row in `report`.
  public static func read(
    path: String, columns: PopulationColumns, zones: CodeTable, lookup: ZoneLookup, of owner: String, report: RunReport,
    noFootprint: Set<Int32> = []
  ) throws -> ZonePopulation {
    let reader = try CSVReader(path: path)
    let idColumn = try reader.column(named: columns.id, role: "population zone code")
    let valueColumn = try reader.column(named: columns.value, role: "population")
    let filter = try RowFilter(columns.filters, reader: reader)
    let classifier = ZoneCodeClassifier(entity: lookup.entity)
    var values = Array(repeating: 0.0, count: zones.count)
    var rowsPerZone = Array(repeating: Int32(0), count: zones.count)
    var set: [ZoneCodeKind: [String: (rows: Int, amount: Double)]] = [:]
    var summary = InputSummary(role: "population", file: path)
    var filtered = 0
    try reader.forEachRecord { record in
      if !filter.isEmpty && !filter.accepts(record) {
        filtered += 1
        return
      }
      let zone = record[idColumn].withTrimmedBytes { lookup.find($0) }
      if let zone {
        let value = try record.amount(at: valueColumn, column: reader.name(ofColumn: valueColumn))
        values[Int(zone)] += value
        rowsPerZone[Int(zone)] += 1
        summary.rowsCounted += 1
        return
      }
      let code = record[idColumn].trimmedString
      let kind = classifier.classify(code)
      // Keep the value when it reads as a number; a total row with a note in it still counts.
      var amount = 0.0
      if case .value(let v) = record[valueColumn].number() {
        amount = Quantity.isAmount(v) ? v : try record.amount(at: valueColumn, column: reader.name(ofColumn: valueColumn))
      }
      set[kind, default: [:]][code, default: (0, 0)].rows += 1
      set[kind, default: [:]][code, default: (0, 0)].amount += amount
    }
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    if filtered > 0 {
      summary.rowsSkippedByRule = filtered
      summary.rule = "filter \(filter.description)"
    }
    let entity = classifier.entity ?? "zone"
    // Zones outside the crosswalk are outside the study (a crosswalk of one region read with
    // the national file): expected. The real loss is the other way round, below.
    let expected: [(ZoneCodeKind, String)] = [
      (.sameEntity, "\(classifier.entity.map { "\($0) zones" } ?? "zones") outside \(owner) (outside the study area)"),
      (.otherEntity, "rows for other geographies (council, region or country totals; not \(entity) zones)"),
      (.otherNation, "zones of another nation"),
      (.pseudo, "pseudo codes"),
    ]
    let lost: [(ZoneCodeKind, String)] = [
      (.unrecognised, "unrecognised codes (population not allocated)"),
      (.blank, "rows with a blank zone code"),
    ]
    for (kind, reason) in expected {
      let tally = Tally(reason: reason, unit: "population", destination: "not counted", byCode: set[kind] ?? [:])
      summary.rowsExcluded += tally.rows
      report.exclude(tally)
    }
    for (kind, reason) in lost {
      let tally = Tally(reason: reason, unit: "population", destination: "not counted", byCode: set[kind] ?? [:])
      summary.rowsLost += tally.rows
      report.lose(tally)
    }
    report.add(summary)
    let present = rowsPerZone.map { $0 > 0 }
    reportMissing(present: present, zones: zones, classifier: classifier, owner: owner, path: path, noFootprint: noFootprint, report: report)
    let repeated = rowsPerZone.filter { $0 > 1 }.count
    if repeated > 0 {
      try checkRepeatedRows(path: path, columns: columns, lookup: lookup, rowsPerZone: rowsPerZone, report: report)
    }
    return ZonePopulation(values: values, present: present)
  }

  /// Zones of the study with no population row: a loss (their population is unknown and counts
  /// as 0), or an expected exclusion for zones of another nation (outside an English study even
  /// when the crosswalk lists them) and zones in no footprint. Amount: zones.
  static func reportMissing(
    present: [Bool], zones: CodeTable, classifier: ZoneCodeClassifier, owner: String, path: String, noFootprint: Set<Int32>, report: RunReport
  ) {
    var missing: [String: (rows: Int, amount: Double)] = [:]
    var outside: [String: (rows: Int, amount: Double)] = [:]
    for z in present.indices where !present[z] {
      let code = zones.code(Int32(z))
      if noFootprint.contains(Int32(z)) || classifier.classify(code) == .otherNation { outside[code] = (1, 1) } else { missing[code] = (1, 1) }
    }
    let reason = "zones of \(owner) with no row in \(path) (population unknown, counted as 0)"
    report.lose(Tally(reason: reason, unit: "zones", destination: "population 0", byCode: missing))
    report.exclude(
      Tally(reason: "zones of \(owner) in another nation or in no footprint, with no row in \(path)", unit: "zones", destination: "population 0", byCode: outside))
  }

  /// Zones with several rows: refused (``RepeatedZoneRowsError``) unless every zone's rows differ
  /// in the columns the filters give several values for, which asks for the parts to be added up.
  /// Reads the file a second time, only when some zone repeats.
  static func checkRepeatedRows(path: String, columns: PopulationColumns, lookup: ZoneLookup, rowsPerZone: [Int32], report: RunReport) throws {
    let reader = try CSVReader(path: path)
    let idColumn = try reader.column(named: columns.id, role: "population zone code")
    let valueColumn = try reader.column(named: columns.value, role: "population")
    let filter = try RowFilter(columns.filters, reader: reader)
    let parts = filter.alternativeColumns
    // Per repeated zone: the parts' values of each row (to see whether they tell the rows apart),
    // and the whole rows of the first 200 such zones (to say what differs).
    var partKeys: [Int32: Set<[String]>] = [:]
    var partRows: [Int32: Int] = [:]
    var sample: [Int32: [[String]]] = [:]
    var sampleOrder: [Int32] = []
    var width = 0
    var example = ""
    try reader.forEachRecord { record in
      if !filter.isEmpty && !filter.accepts(record) { return }
      guard let zone = record[idColumn].withTrimmedBytes({ lookup.find($0) }), rowsPerZone[Int(zone)] > 1 else { return }
      if !parts.isEmpty {
        partKeys[zone, default: []].insert(parts.map { record[$0].trimmedString })
        partRows[zone, default: 0] += 1
      }
      if sample[zone] == nil && sampleOrder.count >= 200 { return }
      if sampleOrder.isEmpty { example = record[idColumn].trimmedString }
      if sample[zone] == nil { sampleOrder.append(zone) }
      sample[zone, default: []].append((0..<record.count).map { record[$0].trimmedString })
      width = max(width, record.count)
    }
    if !parts.isEmpty && partRows.allSatisfy({ partKeys[$0.key]?.count == $0.value }) {
      let names = parts.map { reader.name(ofColumn: $0) }.joined(separator: ", ")
      report.note("\(path): \(partRows.count) zones have one row per \(names) value kept by the filter \(filter.description); their values were added up")
      return
    }
    let header = (0..<width).map { reader.name(ofColumn: $0) }
    let first = sampleOrder.first ?? 0
    throw RepeatedZoneRowsError(
      file: path, zoneCount: rowsPerZone.filter { $0 > 1 }.count, example: example, exampleRows: Int(rowsPerZone[Int(first)]),
      breakdowns: RepeatedZoneRowsError.breakdowns(
        header: header, rows: sampleOrder.map { sample[$0] ?? [] }, ignoring: [idColumn, valueColumn]))
  }
}
