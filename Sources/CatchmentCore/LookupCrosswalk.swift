import CatchmentTables

/// Which way a lookup is read: from its zone column to its footprint column, or back.
///
/// ONS publishes one bridge between two vintages (LSOA 2011 → LSOA 2021, one row per pair);
/// read in reverse the same file bridges 2021 → 2011.
public enum LookupDirection: String, Sendable, Hashable, CaseIterable {
  /// Zone column → footprint column.
  case forward
  /// Footprint column → zone column: the footprint column's codes are the crosswalk's zones.
  case reverse
}

/// Which columns of an ONS-style lookup table define a crosswalk.
///
/// ONS lookups (e.g. `LSOA21_SICBL23_ICB23_LAD23_EN_LU.csv`) have one row per zone and one
/// column per footprint layer; NHS footprints are defined as aggregations of LSOAs, so these
/// tables are the authoritative crosswalk. A weight column turns the table into a fractional
/// crosswalk (e.g. an LSOA 2011 → 2021 lookup with split shares). Without one, a zone with
/// several targets (a bridge between vintages) needs a split (``LookupLinks``).
public struct LookupColumns: Sendable, Hashable {
  public var zone: String
  public var footprint: String
  public var weight: String?
  /// Names the crosswalk's footprints (the targets after ``direction``).
  public var name: String?
  public var direction: LookupDirection
  /// The change-code column (ONS CHGIND: U, S, M, X); when nil, a column named `CHGIND` or
  /// `change_code` is used if the table has one.
  public var change: String?

  /// Names a change-code column finds when none is given, in order of preference.
  public static let changeColumnNames = ["CHGIND", "change_code"]

  public init(
    zone: String, footprint: String, weight: String? = nil, name: String? = nil, direction: LookupDirection = .forward, change: String? = nil
  ) {
    self.zone = zone
    self.footprint = footprint
    self.weight = weight
    self.name = name
    self.direction = direction
    self.change = change
  }
}

extension Crosswalk {
  /// Reads a crosswalk from a lookup table (method "lookup").
  ///
  /// Rules: a row with a blank zone code is a loss; a zone with a blank footprint code is kept
  /// and wholly unallocated (reported); rows repeating a zone–footprint pair are merged (an
  /// OA→LSOA→MSOA table read at LSOA level has one row per OA), which is noted; without a
  /// weight column a zone may map to only one footprint (``LookupLinks`` reads the others, for a
  /// split). Weights must be numbers in [0, 1].
  ///
  /// - Throws: ``TableError`` for missing files, columns or bad weights, ``CrosswalkError``
  ///   for zones with several footprints and no weights, or weights over 1.
  /// Returns the crosswalk with its account, to record in the run's report.
  public static func fromLookup(path: String, columns: LookupColumns) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    try fromLookup(path: path, columns: [columns])[0].get()
  }

  /// Reads several crosswalks from one lookup table in one pass: one per column set (an ONS
  /// lookup has one column per footprint layer, and a review takes several layers from it).
  ///
  /// Each result is what `fromLookup(path:columns:)` with one set gives for that column set: the
  /// crosswalk and its account (record it in the step's report), or the error it throws.
  ///
  /// - Throws: ``TableError`` when the file cannot be opened or has no header (every set would).
  public static func fromLookup(path: String, columns sets: [LookupColumns]) throws -> [Result<(Crosswalk, RunAccount), any Error>] {
    try LookupReading.read(path: path, columns: sets).map { result in
      result.flatMap { reading in
        Result {
          switch reading {
          case .weighted(let crosswalk, let account): return (crosswalk, account)
          case .links(let links): return try links.crosswalk()
          }
        }
      }
    }
  }
}

extension LookupLinks {
  /// Reads the links of a lookup table without a weight column, for a split of the zones with
  /// several targets (``crosswalk(split:)``). The rules of ``Crosswalk/fromLookup(path:columns:)``
  /// apply to blank codes and repeated pairs.
  ///
  /// - Throws: ``TableError`` for missing files or columns; ``CrosswalkError/weightedLookup(column:)``
  ///   when `columns` names a weight column (its weights are the crosswalk's: no split to make).
  public static func read(path: String, columns: LookupColumns) throws -> LookupLinks {
    if let weight = columns.weight { throw CrosswalkError.weightedLookup(column: weight) }
    guard case .links(let links) = try LookupReading.read(path: path, columns: [columns])[0].get() else {
      throw CrosswalkError.weightedLookup(column: columns.weight ?? "")
    }
    return links
  }
}

/// One column set of a lookup being read: with a weight column, its builder; without, its links.
private struct LookupReading {
  /// What a column set reads to.
  enum Outcome {
    case weighted(Crosswalk, RunAccount)
    case links(LookupLinks)
  }

  let path: String
  let zoneColumn: Int, footprintColumn: Int
  let weightColumn: Int?, nameColumn: Int?
  let weightName: String
  var builder: CrosswalkBuilder
  var links: LookupLinks.Collector?
  var summary: InputSummary
  var blankZone = Tally(reason: "lookup rows with a blank zone code", unit: "rows")
  var blankFootprint: [String: (rows: Int, amount: Double)] = [:]

  /// Reads `sets` from `path` in one pass, each to its outcome or its error.
  static func read(path: String, columns sets: [LookupColumns]) throws -> [Result<Outcome, any Error>] {
    let reader = try CSVReader(path: path)
    // Each set's reading, mutated in place (a copy per row would copy its builder), or its error.
    var readings: [LookupReading?] = []
    var errors: [(any Error)?] = []
    for columns in sets {
      do {
        readings.append(try LookupReading(path: path, columns: columns, reader: reader))
        errors.append(nil)
      } catch {
        readings.append(nil)
        errors.append(error)
      }
    }
    do {
      try reader.forEachRecord { record in
        for k in readings.indices where readings[k] != nil {
          do {
            try readings[k]?.take(record)
          } catch {
            readings[k] = nil
            errors[k] = error
          }
        }
      }
    } catch {
      for k in readings.indices where readings[k] != nil {
        readings[k] = nil
        errors[k] = error
      }
    }
    return readings.indices.map { k in
      if let error = errors[k] { return .failure(error) }
      guard let reading = readings[k] else { return .failure(TableError(file: path, reason: "not read")) }
      return Result { try reading.finish(rowsRead: reader.recordsRead, blankLines: reader.blankLines) }
    }
  }

  init(path: String, columns: LookupColumns, reader: CSVReader) throws {
    self.path = path
    // The roles name the columns as given (--lookup-zone, --lookup-footprint), whichever way they are read.
    let zone = try reader.column(named: columns.zone, role: "lookup zone code")
    let footprint = try reader.column(named: columns.footprint, role: "lookup footprint code")
    (zoneColumn, footprintColumn) = columns.direction == .forward ? (zone, footprint) : (footprint, zone)
    weightColumn = try columns.weight.map { try reader.column(named: $0, role: "lookup weight") }
    nameColumn = try columns.name.map { try reader.column(named: $0, role: "lookup footprint name") }
    weightName = columns.weight ?? ""
    builder = CrosswalkBuilder(source: path)
    summary = InputSummary(role: "lookup", file: path)
    if weightColumn == nil {
      var change: (column: Int, name: String, found: Bool)?
      if let given = columns.change {
        let column = try reader.column(named: given, role: "lookup change code")
        change = (column, reader.name(ofColumn: column), false)
      } else if let column = try reader.optionalColumn(namedAnyOf: LookupColumns.changeColumnNames) {
        change = (column, reader.name(ofColumn: column), true)
      }
      links = LookupLinks.Collector(path: path, direction: columns.direction, change: change)
    }
  }

  mutating func take(_ record: CSVRecord) throws {
    if links != nil {
      let kept = links!.take(record, zone: zoneColumn, target: footprintColumn, name: nameColumn)
      if kept { summary.rowsCounted += 1 } else { blankZone.rows += 1 }
      return
    }
    let zone = record[zoneColumn].trimmedString
    if zone.isEmpty {
      blankZone.rows += 1
      return
    }
    let footprint = record[footprintColumn].trimmedString
    if footprint.isEmpty {
      blankFootprint[zone, default: (0, 0)].rows += 1
      blankFootprint[zone, default: (0, 0)].amount = 1  // one zone, however many rows
      builder.add(zone: zone, footprint: nil, weight: 0, line: record.line)
      summary.rowsCounted += 1
      return
    }
    guard let weightColumn else { return }
    let weight = try record.number(at: weightColumn, column: weightName)
    guard weight >= 0 && weight <= 1 + builder.tolerance else {
      throw record.error("\(weightName) must lie between 0 and 1, found \(record[weightColumn].string)")
    }
    let name = nameColumn.map { record[$0].trimmedString }
    builder.add(zone: zone, footprint: footprint, weight: weight, name: name, line: record.line)
    summary.rowsCounted += 1
  }

  /// The outcome, with the account a report records for it, in the order it records them.
  func finish(rowsRead: Int, blankLines: Int) throws -> Outcome {
    var summary = self.summary
    summary.rowsRead = rowsRead
    summary.blankLines = blankLines
    summary.rowsLost = blankZone.rows
    var account = RunAccount()
    account.add(summary)
    account.lose(blankZone)
    if let links {
      return .links(links.finish(account: account))
    }
    account.exclude(Tally(reason: "zones with a blank footprint code", unit: "zones", destination: Crosswalk.unallocated, byCode: blankFootprint))
    let crosswalk = try builder.build(method: "lookup")
    account.figure("zones in crosswalk", Double(crosswalk.zones.count))
    account.figure("footprints in crosswalk", Double(crosswalk.realFootprintCodes.count))
    return .weighted(crosswalk, account)
  }
}
