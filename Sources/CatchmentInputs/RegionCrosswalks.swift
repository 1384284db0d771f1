import CatchmentCore
import CatchmentRegions
import CatchmentTables

/// Crosswalks read against the zones of a region graph: the blocks regions must be made of
/// (`zone → upper-tier council`), and an existing layer to measure (`zone → ICB`).
///
/// Each zone takes the footprint of its largest weight (ties: the lower code in byte order); a
/// zone split over several is reported with its codes. The UNALLOCATED footprint counts as none.
public enum RegionCrosswalks {
  /// The blocks of each zone of `zoneIDs`. A zone the crosswalk does not place is a block of its
  /// own (named by its zone code), a loss: it can join any region.
  public static func blocks(path: String, zoneIDs: [String]) throws -> (blocks: ZoneBlocks, account: RunAccount) {
    var (footprint, account) = try largest(path: path, zoneIDs: zoneIDs, what: "blocks")
    var missing: [String: (rows: Int, amount: Double)] = [:]
    var ids: [String] = [], index: [String: Int32] = [:]
    var blockOfZone: [Int32] = []
    for (z, id) in zoneIDs.enumerated() {
      let block = footprint[z] ?? id
      if footprint[z] == nil { missing[id] = (1, 1) }
      footprint[z] = block
    }
    for code in Set(footprint.map { $0! }).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      index[code] = Int32(ids.count)
      ids.append(code)
    }
    for f in footprint { blockOfZone.append(index[f!]!) }
    account.lose(Tally(reason: "zones the blocks crosswalk does not place (each a block of its own)", unit: "zones", destination: "own block", byCode: missing))
    account.figure("blocks", Double(ids.count - missing.count))
    return (ZoneBlocks(ids: ids, blockOfZone: blockOfZone), account)
  }

  /// The footprint of each zone of `zoneIDs` in an existing layer (nil for zones it does not
  /// place, reported as a loss: their flow is measured in a region of their own).
  public static func footprints(path: String, zoneIDs: [String]) throws -> (footprintOfZone: [String?], account: RunAccount) {
    let (footprint, read) = try largest(path: path, zoneIDs: zoneIDs, what: "evaluated layer")
    var account = read
    var missing: [String: (rows: Int, amount: Double)] = [:]
    for (z, id) in zoneIDs.enumerated() where footprint[z] == nil { missing[id] = (1, 1) }
    account.lose(Tally(reason: "zones the evaluated crosswalk does not place (gathered in one region with a blank id)", unit: "zones", destination: "region ''", byCode: missing))
    return (footprint, account)
  }

  /// The footprint of largest weight of each zone, the crosswalk's account, and a note of the
  /// zones split over several footprints and of the crosswalk's zones not in the graph.
  static func largest(path: String, zoneIDs: [String], what: String) throws -> ([String?], RunAccount) {
    let (crosswalk, read) = try Crosswalk.read(path: path)
    var account = read
    let codes = crosswalk.footprints.codes
    var result: [String?] = []
    var split: [String] = []
    var splitWeight = 0.0
    var known = Set<String>()
    for id in zoneIDs {
      known.insert(id)
      guard let z = crosswalk.zones.find(id) else {
        result.append(nil)
        continue
      }
      var best: (code: String, weight: Double)?
      let entries = crosswalk.entries(ofZone: z)
      for e in entries {
        let code = codes[Int(crosswalk.entryFootprint[e])]
        guard code != Crosswalk.unallocated else { continue }
        let w = crosswalk.entryWeight[e]
        if let b = best, b.weight > w || (b.weight == w && b.code.utf8.lexicographicallyPrecedes(code.utf8)) { continue }
        best = (code, w)
      }
      if entries.count > 1, let best {
        split.append(id)
        splitWeight += 1 - best.weight
      }
      result.append(best?.code)
    }
    if !split.isEmpty {
      account.note(
        "\(split.count) zones are split over several footprints of the \(what) (\(path)); each is taken whole into the footprint of its largest weight (Σ of the other weights: \(NumberFormat.csv(splitWeight)) zones)",
        codes: split)
    }
    let extra = crosswalk.zones.codes.filter { !known.contains($0) }
    if !extra.isEmpty { account.note("\(extra.count) zones of \(path) are not in the adjacency (not used)", codes: extra) }
    return (result, account)
  }
}
