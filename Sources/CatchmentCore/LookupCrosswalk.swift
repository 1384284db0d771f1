import CatchmentTables

/// Which columns of an ONS-style lookup table define a crosswalk.
///
/// ONS lookups (e.g. `LSOA21_SICBL23_ICB23_LAD23_EN_LU.csv`) have one row per zone and one
/// column per footprint layer; NHS footprints are defined as aggregations of LSOAs, so these
/// tables are the authoritative crosswalk. A weight column turns the table into a fractional
/// crosswalk (e.g. an LSOA 2011 → 2021 lookup with split shares).
public struct LookupColumns: Sendable {
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
  public static func fromLookup(path: String, columns: LookupColumns, report: RunReport) throws -> Crosswalk {
    let reader = try CSVReader(path: path)
    let zoneColumn = try reader.column(named: columns.zone, role: "lookup zone code")
    let footprintColumn = try reader.column(named: columns.footprint, role: "lookup footprint code")
    let weightColumn = try columns.weight.map { try reader.column(named: $0, role: "lookup weight") }
    let nameColumn = try columns.name.map { try reader.column(named: $0, role: "lookup footprint name") }
    let weightName = columns.weight ?? ""

    var builder = CrosswalkBuilder(source: path)
    var summary = InputSummary(role: "lookup", file: path)
    var blankZone = Tally(reason: "lookup rows with a blank zone code", unit: "rows")
    var blankFootprint: [String: (rows: Int, amount: Double)] = [:]
    var firstFootprint: [String: String] = [:]
    var duplicates = 0
    try reader.forEachRecord { record in
      let zone = record[zoneColumn].trimmedString
      if zone.isEmpty {
        blankZone.rows += 1
        return
      }
      let footprint = record[footprintColumn].trimmedString
      if footprint.isEmpty {
        blankFootprint[zone, default: (0, 0)].rows += 1
        blankFootprint[zone]!.amount = 1  // one zone, however many rows
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
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    summary.rowsLost = blankZone.rows
    report.add(summary)
    report.lose(blankZone)
    report.exclude(Tally(reason: "zones with a blank footprint code", unit: "zones", destination: Crosswalk.unallocated, byCode: blankFootprint))
    if duplicates > 0 {
      report.note("\(path): \(duplicates) rows repeat a zone–footprint pair already read and were merged")
    }
    let crosswalk = try builder.build(method: "lookup")
    report.figure("zones in crosswalk", Double(crosswalk.zones.count))
    report.figure("footprints in crosswalk", Double(crosswalk.realFootprintCodes.count))
    return crosswalk
  }
}
