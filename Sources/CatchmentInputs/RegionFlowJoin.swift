import CatchmentAnalysis
import CatchmentCore
import CatchmentRegions
import CatchmentTables

/// A flow table joined to the zones of the adjacency and to the units' locations: the flows,
/// units and unit zones of a ``CatchmentRegions/ZoneGraph``, and the account of every row.
///
/// Flow of a row: its count, or share × the zone's population. Each row ends in exactly one
/// place: the graph, or one of these tallies (amounts in flow):
/// - lost: blank unit code; negative value; zone not in the adjacency (with shares: amount in
///   shares, the population being unknown); zone without population (shares only: amount in
///   shares); unit with no location; unit located in a zone that is not in the adjacency;
/// - kept, reported: repeated (zone, unit) rows are summed (a warning: stacked files need a filter).
/// With shares, the population each zone's shares leave (1 − Σ shares) × pop is an expected
/// exclusion. Zones of the adjacency that send no flow and placed units that receive none are
/// stated (they stay in the graph).
struct RegionFlowJoin {
  /// Units placed in a zone of the adjacency, byte order.
  let units: [String]
  let unitZone: [Int32]
  /// Summed per (zone, unit), sorted by zone then unit.
  let flows: [ZoneUnitFlow]
  var account = RunAccount()

  init(flows spec: RegionInputs.Flows, zoneIDs: [String], lookup: ZoneLookup, population: ZonePopulation, zoneOfUnit: [String: String]) throws {
    let rows = try ActivityRows(path: spec.path, columns: ActivityColumns(zone: spec.zoneColumn, provider: spec.unitColumn, measure: spec.measure, filters: spec.filters))
    let isShare = rows.isShare

    // Units: those placed in a zone of the adjacency, in byte order.
    var zoneIndex: [String: Int32] = [:]
    for (z, id) in zoneIDs.enumerated() { zoneIndex[id] = Int32(z) }
    let placed = zoneOfUnit.keys.filter { zoneIndex[zoneOfUnit[$0]!] != nil }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let unitIndex = Dictionary(uniqueKeysWithValues: placed.enumerated().map { ($0.element, Int32($0.offset)) })
    units = placed
    unitZone = placed.map { zoneIndex[zoneOfUnit[$0]!]! }

    let zoneOfCode = (0..<Int32(rows.zones.count)).map { c in rows.zones.withBytes(of: c) { lookup.find($0) } }
    let unitCodes = rows.providers.codes
    let zoneCodes = rows.zones.codes
    typealias Tallies = [String: (rows: Int, amount: Double)]
    var blankUnit: Tallies = [:], negative: Tallies = [:], outsideZone: Tallies = [:], noPopulation: Tallies = [:]
    var noLocation: Tallies = [:], unitOutside: Tallies = [:]
    var sums: [Int64: Double] = [:], rowsOfPair: [Int64: Int] = [:]
    var shareOfZone = [Double](repeating: 0, count: zoneIDs.count)
    var read = 0.0
    var summary = rows.summary
    summary.role = "flows"
    for row in rows.rowZone.indices {
      if let error = rows.valueError(ofRow: row) { throw error }
      let value = rows.rowValue[row]
      let zoneCode = zoneCodes[Int(rows.rowZone[row])], unitCode = unitCodes[Int(rows.rowProvider[row])]
      let zone = zoneOfCode[Int(rows.rowZone[row])]
      summary.rowsLost += 1  // undone below for rows that reach the graph
      if !isShare { read += value }
      guard value >= 0 else {
        negative["\(zoneCode) \(unitCode)", default: (0, 0)].rows += 1
        negative["\(zoneCode) \(unitCode)", default: (0, 0)].amount += value
        continue
      }
      guard let zone else {
        outsideZone[zoneCode.isEmpty ? "(blank)" : zoneCode, default: (0, 0)].rows += 1
        outsideZone[zoneCode.isEmpty ? "(blank)" : zoneCode, default: (0, 0)].amount += value
        continue
      }
      if isShare && !population.present[Int(zone)] {
        noPopulation[zoneCode, default: (0, 0)].rows += 1
        noPopulation[zoneCode, default: (0, 0)].amount += value
        continue
      }
      let flow = isShare ? value * population.values[Int(zone)] : value
      if isShare {
        read += flow
        shareOfZone[Int(zone)] += value
      }
      guard !unitCode.isEmpty else {
        blankUnit[zoneCode, default: (0, 0)].rows += 1
        blankUnit[zoneCode, default: (0, 0)].amount += flow
        continue
      }
      guard let unit = unitIndex[unitCode] else {
        if zoneOfUnit[unitCode] == nil {
          noLocation[unitCode, default: (0, 0)].rows += 1
          noLocation[unitCode, default: (0, 0)].amount += flow
        } else {
          unitOutside[unitCode, default: (0, 0)].rows += 1
          unitOutside[unitCode, default: (0, 0)].amount += flow
        }
        continue
      }
      summary.rowsLost -= 1
      summary.rowsCounted += 1
      let key = Int64(zone) << 32 | Int64(unit)
      sums[key, default: 0] += flow
      rowsOfPair[key, default: 0] += 1
    }
    if let failure = rows.readFailure { throw failure }
    let flowUnit = isShare ? "flow (share × population)" : "flow"
    account.add(summary)
    account.figure(isShare ? "flow read (share × population, zones of the adjacency with population)" : "flow read", read)
    account.lose(Tally(reason: "rows with a negative flow", unit: isShare ? "share" : "flow", destination: "not counted", byCode: negative))
    account.lose(Tally(reason: "flows from zones not in the adjacency", unit: isShare ? "share" : "flow", destination: "not counted", byCode: outsideZone))
    account.lose(Tally(reason: "flows from zones without population (share of an unknown population)", unit: "share", destination: "not counted", byCode: noPopulation))
    account.lose(Tally(reason: "flows with a blank unit code", unit: flowUnit, destination: "not counted", byCode: blankUnit))
    account.lose(Tally(reason: "flows to units with no location", unit: flowUnit, destination: "not counted", byCode: noLocation))
    account.lose(Tally(reason: "flows to units located in zones not in the adjacency", unit: flowUnit, destination: "not counted", byCode: unitOutside))
    account.attribute(to: spec.path)

    let keys = sums.keys.sorted()
    flows = keys.map { ZoneUnitFlow(zone: Int32($0 >> 32), unit: Int32($0 & 0xFFFF_FFFF), flow: sums[$0]!) }
    let total = keys.reduce(0.0) { $0 + sums[$1]! }
    account.figure("flow in the regions' graph", total)
    let repeated = rowsOfPair.values.filter { $0 > 1 }.count
    if repeated > 0 {
      account.warn("\(repeated) (zone, unit) pairs of \(spec.path) have several rows, summed: a file that stacks years or admission types needs a row filter")
    }
    if isShare { reportUnattributed(shareOfZone: shareOfZone, zoneIDs: zoneIDs, population: population) }
    var sending = [Bool](repeating: false, count: zoneIDs.count)
    for f in flows { sending[Int(f.zone)] = true }
    let silent = zoneIDs.indices.filter { !sending[$0] }.map { zoneIDs[$0] }
    if !silent.isEmpty {
      account.warn("\(silent.count) zones of the adjacency send no flow to a located unit (they join a neighbouring region)", codes: silent)
    }
    var receiving = [Bool](repeating: false, count: units.count)
    for f in flows { receiving[Int(f.unit)] = true }
    let idle = units.indices.filter { !receiving[$0] }.map { units[$0] }
    if !idle.isEmpty { account.note("\(idle.count) located units receive no flow", codes: idle) }
    let unplacedUnits = zoneOfUnit.keys.filter { unitIndex[$0] == nil }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    if !unplacedUnits.isEmpty { account.note("\(unplacedUnits.count) units are located in zones that are not in the adjacency", codes: unplacedUnits) }
  }

  /// (1 − Σ shares) × pop per zone: the people the flow file attributes to no unit (OHID's
  /// shares count patients of trusts outside the file too), expected; shares above 1 warned.
  private mutating func reportUnattributed(shareOfZone: [Double], zoneIDs: [String], population: ZonePopulation) {
    var remainder: [String: (rows: Int, amount: Double)] = [:]
    var over: [String] = []
    for z in zoneIDs.indices where population.present[z] {
      let s = shareOfZone[z]
      if s < 1 - 1e-9 { remainder[zoneIDs[z]] = (1, (1 - s) * population.values[z]) }
      if s > 1 + 1e-6 { over.append(zoneIDs[z]) }
    }
    account.exclude(Tally(reason: "population of zones whose shares sum below 1, attributed to no unit", unit: "people", destination: "not in any flow", byCode: remainder))
    if !over.isEmpty { account.warn("\(over.count) zones have shares summing above 1 (their flow exceeds their population)", codes: over) }
  }
}
