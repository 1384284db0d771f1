import CatchmentTables

/// The crosswalk CSV, the contract between commands.
///
/// Header `zone_id,footprint_id,weight`, then `footprint_name` when any footprint has a name,
/// then `method`, then `distance_m` for best-fit crosswalks where some zone was snapped (the
/// distance on that zone's footprint row, empty elsewhere). Rows are sorted by zone_id then footprint_id (byte order), and every zone's
/// weights sum to 1, the remainder held by `UNALLOCATED`. Later columns (e.g. `distance_m`
/// from geometry methods) are ignored when read.
extension Crosswalk {
  /// The crosswalk as CSV.
  public func csv(byteOrderMark: Bool = false) -> CSVWriter {
    let named = hasNames
    var header = ["zone_id", "footprint_id", "weight"]
    if named { header.append("footprint_name") }
    header.append("method")
    let distances = zoneDistance.flatMap { d in d.contains { !$0.isNaN } ? d : nil }
    if distances != nil { header.append("distance_m") }
    var out = CSVWriter(header: header, byteOrderMark: byteOrderMark)
    var row: [String] = []
    for z in 0..<zones.count {
      let zone = zones.code(Int32(z))
      for e in entries(ofZone: Int32(z)) {
        let f = entryFootprint[e]
        row.removeAll(keepingCapacity: true)
        row.append(zone)
        row.append(footprints.code(f))
        // Always exact (never rounded, even without --full-precision): the file is read back, and
        // a zone's weights must still sum to 1.
        row.append(NumberFormat.exact(entryWeight[e]))
        if named { row.append(footprintNames[Int(f)]) }
        row.append(method)
        if let distances {
          let d = distances[z]
          // Centimetres: finer would only show the noise of the datum transformation.
          row.append(d.isNaN || f == unallocatedID ? "" : NumberFormat.fixed(d, decimals: 2))
        }
        out.append(row)
      }
    }
    return out
  }

  /// Reads a crosswalk CSV written by any `catchment crosswalk` method.
  ///
  /// The file must satisfy the contract: weights in (0, 1] summing to 1 per zone (within
  /// 1e-9). A file that does not is refused with the zone named, rather than silently fixed.
  /// Returns the crosswalk with its account (the file's row counts), to record in the run's report.
  public static func read(path: String) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    let reader = try CSVReader(path: path)
    let zoneColumn = try reader.column(named: "zone_id", role: "crosswalk zone")
    let footprintColumn = try reader.column(named: "footprint_id", role: "crosswalk footprint")
    let weightColumn = try reader.column(named: "weight", role: "crosswalk weight")
    let nameColumn = try reader.optionalColumn(namedAnyOf: ["footprint_name"])
    let methodColumn = try reader.optionalColumn(namedAnyOf: ["method"])
    var builder = CrosswalkBuilder(source: path)
    var methods = Set<String>()
    var lastMethod: [UInt8] = []
    var summary = InputSummary(role: "crosswalk", file: path)
    while let record = try reader.next() {
      let zoneField = record[zoneColumn], footprintField = record[footprintColumn]
      guard let zone = zoneField.directTrimmedBytes, let footprint = footprintField.directTrimmedBytes else {
        throw record.error("zone_id and footprint_id must be plain codes, found '\(zoneField.string)', '\(footprintField.string)'")
      }
      guard !zone.isEmpty else { throw record.error("zone_id is empty") }
      guard !footprint.isEmpty else { throw record.error("footprint_id is empty for zone \(zoneField.trimmedString)") }
      let weight = try record.number(at: weightColumn, column: "weight")
      guard weight >= 0 && weight <= 1 + builder.tolerance else {
        throw record.error("weight must lie between 0 and 1, found \(record[weightColumn].string)")
      }
      if let methodColumn {
        let method = record[methodColumn]
        if lastMethod.withUnsafeBytes({ bytes in method.directTrimmedBytes.map { bytesEqual(bytes, $0) } ?? false }) == false {
          lastMethod = Array(method.trimmedString.utf8)
          methods.insert(method.trimmedString)
        }
      }
      builder.add(zoneBytes: zone, footprintBytes: footprint, weight: weight, line: record.line) {
        nameColumn.map { record[$0].trimmedString }
      }
      summary.rowsCounted += 1
    }
    summary.rowsRead = reader.recordsRead
    summary.blankLines = reader.blankLines
    var account = RunAccount()
    account.add(summary)
    let method = methods.count == 1 ? methods.first! : (methods.isEmpty ? "file" : methods.sorted().joined(separator: "+"))
    let crosswalk = try builder.build(method: method)
    return (crosswalk, account)
  }
}
