import CatchmentTables

/// Which columns of an ONS-style lookup table define a crosswalk.
///
/// ONS lookups (e.g. `LSOA21_SICBL23_ICB23_LAD23_EN_LU.csv`) have one row per zone and one
/// column per footprint layer; NHS footprints are defined as aggregations of LSOAs, so these
/// tables are the authoritative crosswalk. A weight column turns the table into a fractional
/// crosswalk (e.g. an LSOA 2011 → 2021 lookup with split shares).
public struct LookupColumns: Sendable, Hashable {
  public var zone: String
  public var footprint: String
  public var weight: String?
  public var name: String?

  public init(zone: String, footprint: String, weight: String? = nil, name: String? = nil) {
    self.zone = zone
    self.footprint = footprint
    self.weight = weight
    self.name = name
  }
}

extension Crosswalk {
  /// Reads a crosswalk from a lookup table (method "lookup").
  ///
  /// Rules: a row with a blank zone code is a loss; a zone with a blank footprint code is kept
  /// and wholly unallocated (reported); rows repeating a zone–footprint pair are merged (an
  /// OA→LSOA→MSOA table read at LSOA level has one row per OA), which is noted; without a
  /// weight column a zone may map to only one footprint. Weights must be numbers in [0, 1].
  ///
  /// - Throws: ``TableError`` for missing files, columns or bad weights, ``CrosswalkError``
  ///   for ambiguous zones or weights over 1.
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
}

/// One column set of a lookup being read: its builder and what it has set aside so far.
private struct LookupReading {
  let path: String
  let zoneColumn: Int, footprintColumn: Int
  let weightColumn: Int?, nameColumn: Int?
  let weightName: String
  var builder: CrosswalkBuilder
  var summary: InputSummary
  var blankZone = Tally(reason: "lookup rows with a blank zone code", unit: "rows")
  var blankFootprint: [String: (rows: Int, amount: Double)] = [:]
  var firstFootprint: [String: String] = [:]
  var duplicates = 0

  init(path: String, columns: LookupColumns, reader: CSVReader) throws {
    self.path = path
    zoneColumn = try reader.column(named: columns.zone, role: "lookup zone code")
    footprintColumn = try reader.column(named: columns.footprint, role: "lookup footprint code")
    weightColumn = try columns.weight.map { try reader.column(named: $0, role: "lookup weight") }
    nameColumn = try columns.name.map { try reader.column(named: $0, role: "lookup footprint name") }
    weightName = columns.weight ?? ""
    builder = CrosswalkBuilder(source: path)
    summary = InputSummary(role: "lookup", file: path)
  }

  mutating func take(_ record: CSVRecord) throws {
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
    var weight = 1.0
    if let weightColumn {
      weight = try record.number(at: weightColumn, column: weightName)
      guard weight >= 0 && weight <= 1 + builder.tolerance else {
        throw record.error("\(weightName) must lie between 0 and 1, found \(record[weightColumn].string)")
      }
    } else {
      if let other = firstFootprint[zone] {
        guard other == footprint else {
          throw CrosswalkError.ambiguousZone(zone: zone, footprints: [other, footprint], origin: builder.origin(line: record.line))
        }
        duplicates += 1
        summary.rowsCounted += 1
        return
      }
      firstFootprint[zone] = footprint
    }
    let name = nameColumn.map { record[$0].trimmedString }
    builder.add(zone: zone, footprint: footprint, weight: weight, name: name, line: record.line)
    summary.rowsCounted += 1
  }

  /// The crosswalk and the account a report records for it, in the order it records them.
  func finish(rowsRead: Int, blankLines: Int) throws -> (Crosswalk, RunAccount) {
    var summary = self.summary
    summary.rowsRead = rowsRead
    summary.blankLines = blankLines
    summary.rowsLost = blankZone.rows
    var account = RunAccount()
    account.add(summary)
    account.lose(blankZone)
    account.exclude(Tally(reason: "zones with a blank footprint code", unit: "zones", destination: Crosswalk.unallocated, byCode: blankFootprint))
    if duplicates > 0 {
      account.note("\(path): \(duplicates) rows repeat a zone–footprint pair already read and were merged")
    }
    let crosswalk = try builder.build(method: "lookup")
    account.figure("zones in crosswalk", Double(crosswalk.zones.count))
    account.figure("footprints in crosswalk", Double(crosswalk.realFootprintCodes.count))
    return (crosswalk, account)
  }
}
