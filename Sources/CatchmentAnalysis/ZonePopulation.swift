import CatchmentCore
import CatchmentTables

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

  /// The zones of a population table, when no crosswalk defines them (see
  /// ``PopulationTable/studyZones()``): a read of `path` and its study zones.
  public static func zones(inTable path: String, columns: PopulationColumns) throws -> CodeTable {
    try PopulationTable(path: path, columns: columns).studyZones()
  }

  /// Reads `path` against `crosswalk`, with an account of every row: a read of the table
  /// (``PopulationTable``) and its join (``join(_:crosswalk:)``).
  ///
  /// - Throws: ``TableError`` for a missing file or column, or a value that is not a number from
  ///   0 to ``Quantity/amountLimit`` (empty too, in a row that is counted);
  ///   ``RepeatedZoneRowsError`` when a zone has several rows after the filters, unless they
  ///   differ in a column the filters give several values for (parts asked to be added up).
  public static func read(
    path: String, columns: PopulationColumns, crosswalk: Crosswalk
  ) throws -> (population: ZonePopulation, account: RunAccount) {
    try join(PopulationTable(path: path, columns: columns), crosswalk: crosswalk)
  }

  /// pop(z) for the zones of `crosswalk` from a table read once, with the account of every row
  /// that a read against the crosswalk gives; the same values, entries and errors.
  public static func join(_ table: PopulationTable, crosswalk: Crosswalk) throws -> (population: ZonePopulation, account: RunAccount) {
    // Zones the crosswalk puts in no footprint (a blank footprint in a lookup) are outside
    // every footprint, so a missing row there loses nobody.
    let unallocated = crosswalk.unallocatedID
    let noFootprint = Set((0..<Int32(crosswalk.zones.count)).filter { z in crosswalk.entries(ofZone: z).allSatisfy { crosswalk.entryFootprint[$0] == unallocated } })
    var (population, account) = try join(table, zones: crosswalk.zones, lookup: crosswalk.zoneLookup, of: "the crosswalk", noFootprint: noFootprint)
    account.append(contentsOf: VintageCheck.account(table: ZoneCodeCensus(table.codes), role: table.summary.role, file: table.path, crosswalk: crosswalk))
    return (population, account)
  }

  /// Reads `path` against the zones of `zones` (`lookup` indexes them; `owner` names where they
  /// come from in messages, e.g. "the crosswalk"), with an account of every row.
  public static func read(
    path: String, columns: PopulationColumns, zones: CodeTable, lookup: ZoneLookup, of owner: String,
    noFootprint: Set<Int32> = []
  ) throws -> (population: ZonePopulation, account: RunAccount) {
    try join(PopulationTable(path: path, columns: columns), zones: zones, lookup: lookup, of: owner, noFootprint: noFootprint)
  }

  /// pop(z) for the zones of `zones` (`lookup` indexes them; `owner` names where they come from
  /// in messages) from a table read once, with an account of every row.
  ///
  /// Through a zone index: each code of the table is looked up once; the rows are then visited
  /// in file order, so sums, tallies and the first error thrown are those of a direct read.
  public static func join(
    _ table: PopulationTable, zones: CodeTable, lookup: ZoneLookup, of owner: String,
    noFootprint: Set<Int32> = []
  ) throws -> (population: ZonePopulation, account: RunAccount) {
    let path = table.path
    var account = RunAccount()
    let classifier = ZoneCodeClassifier(entity: lookup.entity)
    // The zone index: table code id → zone id, or nil for a code the zones do not list.
    let zoneOfCode = (0..<Int32(table.codes.count)).map { c in table.codes.withBytes(of: c) { lookup.find($0) } }
    var kindOfCode = [ZoneCodeKind?](repeating: nil, count: table.codes.count)
    var values = Array(repeating: 0.0, count: zones.count)
    var rowsPerZone = Array(repeating: Int32(0), count: zones.count)
    var set: [ZoneCodeKind: [String: (rows: Int, amount: Double)]] = [:]
    var summary = table.summary
    for row in table.rowCode.indices {
      let c = table.rowCode[row]
      if let zone = zoneOfCode[Int(c)] {
        let value = table.rowValue[row]
        if value.isNaN, let error = table.error(ofRow: row) { throw error }
        values[Int(zone)] += value
        rowsPerZone[Int(zone)] += 1
        summary.rowsCounted += 1
        continue
      }
      let code = table.codes.code(c)
      let kind = kindOfCode[Int(c)] ?? classifier.classify(code)
      kindOfCode[Int(c)] = kind
      // Keep the value when it reads as a number; a total row with a note in it still counts.
      let amount = table.lenientValue(ofRow: row)
      if amount.isNaN, let error = table.error(ofRow: row) { throw error }
      set[kind, default: [:]][code, default: (0, 0)].rows += 1
      set[kind, default: [:]][code, default: (0, 0)].amount += amount
    }
    if let failure = table.readFailure { throw failure }
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
      account.exclude(tally)
    }
    for (kind, reason) in lost {
      let tally = Tally(reason: reason, unit: "population", destination: "not counted", byCode: set[kind] ?? [:])
      summary.rowsLost += tally.rows
      account.lose(tally)
    }
    account.add(summary)
    let present = rowsPerZone.map { $0 > 0 }
    reportMissing(present: present, zones: zones, classifier: classifier, owner: owner, path: path, noFootprint: noFootprint, account: &account)
    let repeated = rowsPerZone.filter { $0 > 1 }.count
    if repeated > 0 {
      try checkRepeatedRows(table: table, zoneOfCode: zoneOfCode, rowsPerZone: rowsPerZone, account: &account)
    }
    // Every tally counts rows of the table (or zones it has no row for).
    account.attribute(to: path)
    return (ZonePopulation(values: values, present: present), account)
  }

  /// Zones of the study with no population row: a loss (their population is unknown and counts
  /// as 0), or an expected exclusion for zones of another nation (outside an English study even
  /// when the crosswalk lists them) and zones in no footprint. Amount: zones.
  static func reportMissing(
    present: [Bool], zones: CodeTable, classifier: ZoneCodeClassifier, owner: String, path: String, noFootprint: Set<Int32>, account: inout RunAccount
  ) {
    var missing: [String: (rows: Int, amount: Double)] = [:]
    var outside: [String: (rows: Int, amount: Double)] = [:]
    for z in present.indices where !present[z] {
      let code = zones.code(Int32(z))
      if noFootprint.contains(Int32(z)) || classifier.classify(code) == .otherNation { outside[code] = (1, 1) } else { missing[code] = (1, 1) }
    }
    let reason = "zones of \(owner) with no row in \(path) (population unknown, counted as 0)"
    account.lose(Tally(reason: reason, unit: "zones", destination: "population 0", byCode: missing))
    account.exclude(
      Tally(reason: "zones of \(owner) in another nation or in no footprint, with no row in \(path)", unit: "zones", destination: "population 0", byCode: outside))
  }

  /// Zones with several rows: refused (``RepeatedZoneRowsError``) unless every zone's rows differ
  /// in the columns the filters give several values for, which asks for the parts to be added up.
  /// That test uses the values the table kept; only a refusal reads the file again, for the
  /// whole rows that say what differs.
  static func checkRepeatedRows(table: PopulationTable, zoneOfCode: [Int32?], rowsPerZone: [Int32], account: inout RunAccount) throws {
    if table.hasParts {
      var partKeys: [Int32: Set<Int32>] = [:]
      var partRows: [Int32: Int] = [:]
      for row in table.rowCode.indices {
        guard let zone = zoneOfCode[Int(table.rowCode[row])], rowsPerZone[Int(zone)] > 1 else { continue }
        partKeys[zone, default: []].insert(table.part(ofRow: row))
        partRows[zone, default: 0] += 1
      }
      if partRows.allSatisfy({ partKeys[$0.key]?.count == $0.value }) {
        account.note(
          "\(table.path): \(partRows.count) zones have one row per \(table.partColumnNames) value kept by the filter \(table.filterDescription); their values were added up")
        return
      }
    }
    try refuseRepeatedRows(table: table, zoneOfCode: zoneOfCode, rowsPerZone: rowsPerZone)
  }

  /// Throws the ``RepeatedZoneRowsError`` that says what differs between a repeated zone's rows,
  /// from the whole rows of the first 200 such zones (read again from the file: a refusal ends
  /// the run).
  static func refuseRepeatedRows(table: PopulationTable, zoneOfCode: [Int32?], rowsPerZone: [Int32]) throws {
    let path = table.path, columns = table.columns
    let reader = try CSVReader(path: path)
    let idColumn = try reader.column(named: columns.id, role: "population zone code")
    let valueColumn = try reader.column(named: columns.value, role: "population")
    let filter = try RowFilter(columns.filters, reader: reader)
    var sample: [Int32: [[String]]] = [:]
    var sampleOrder: [Int32] = []
    var width = 0
    var example = ""
    try reader.forEachRecord { record in
      if !filter.isEmpty && !filter.accepts(record) { return }
      guard let c = record[idColumn].withTrimmedBytes({ table.codes.find($0) }), let zone = zoneOfCode[Int(c)],
        rowsPerZone[Int(zone)] > 1
      else { return }
      if sample[zone] == nil && sampleOrder.count >= 200 { return }
      if sampleOrder.isEmpty { example = record[idColumn].trimmedString }
      if sample[zone] == nil { sampleOrder.append(zone) }
      sample[zone, default: []].append((0..<record.count).map { record[$0].trimmedString })
      width = max(width, record.count)
    }
    let header = (0..<width).map { reader.name(ofColumn: $0) }
    let first = sampleOrder.first ?? 0
    throw RepeatedZoneRowsError(
      file: path, zoneCount: rowsPerZone.filter { $0 > 1 }.count, example: example, exampleRows: Int(rowsPerZone[Int(first)]),
      breakdowns: RepeatedZoneRowsError.breakdowns(
        header: header, rows: sampleOrder.map { sample[$0] ?? [] }, ignoring: [idColumn, valueColumn]))
  }
}
