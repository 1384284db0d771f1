import CatchmentCore
import CatchmentTables

/// A what-if layer: proposed footprints defined by which building blocks (zones, councils or
/// sub-ICBs) they are made of, e.g. a council moved from one ICS to another.
///
/// The mapping is a CSV of block → footprint rows (optionally with a weight, for a block shared
/// between footprints). Its zone crosswalk follows without geometry: with w(z, block) the base
/// crosswalk of the zones to the blocks (or, when the blocks are the zones, w = 1),
/// w′(z, f) = Σ_block w(z, block)·m(block, f). Blocks of the base that the mapping leaves out are
/// gaps: their zones' weight goes to UNALLOCATED, reported as a loss. Mapping rows for blocks the
/// base does not have are reported.
public struct BlockMapping: Sendable {
  /// m(block, f) by block, in file order.
  public let footprints: [String: [(footprint: String, weight: Double)]]
  /// Proposed footprint names (when a name column is given).
  public let names: [String: String]
  /// Blocks in file order.
  public let blocks: [String]
  /// Data rows read (header and blank lines excluded), for a manifest.
  public var rowsRead = 0

  /// Reads a mapping. A block listed under two footprints needs a weight column (an overlap);
  /// a block's weights must sum to 1 (± 10⁻⁹).
  public static func read(path: String, block: String, footprint: String, name: String? = nil, weight: String? = nil) throws -> BlockMapping {
    let reader = try CSVReader(path: path)
    let blockColumn = try reader.column(named: block, role: "building block")
    let footprintColumn = try reader.column(named: footprint, role: "proposed footprint")
    let nameColumn = try name.map { try reader.column(named: $0, role: "proposed footprint name") }
    let weightColumn = try weight.map { try reader.column(named: $0, role: "building block weight") }
    var map: [String: [(footprint: String, weight: Double)]] = [:]
    var names: [String: String] = [:]
    var order: [String] = []
    while let record = try reader.next() {
      let b = record[blockColumn].trimmedString, f = record[footprintColumn].trimmedString
      guard !b.isEmpty, !f.isEmpty else { throw record.error("a building block or a proposed footprint is empty") }
      let w = try weightColumn.map { try record.number(at: $0, column: reader.name(ofColumn: $0)) } ?? 1
      guard (0...1).contains(w) else { throw record.error("weight \(w) is outside [0, 1]") }
      if map[b] == nil { order.append(b) }
      if weightColumn == nil, let first = map[b]?.first {
        throw SharedBlockError(file: path, line: record.line, block: b, footprints: [first.footprint, f])
      }
      map[b, default: []].append((f, w))
      if let nameColumn, names[f] == nil { names[f] = record[nameColumn].trimmedString }
    }
    for b in order {
      var total = 0.0
      for entry in map[b]! { total += entry.weight }
      guard abs(total - 1) <= 1e-9 else { throw TableError(file: path, reason: "the weights of block \(b) add up to \(total), not 1") }
    }
    return BlockMapping(footprints: map, names: names, blocks: order, rowsRead: reader.recordsRead)
  }

  /// The zone crosswalk of the proposal. `base` maps zones to blocks; nil when the blocks are
  /// the zones themselves.
  public func crosswalk(base: Crosswalk?) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    var account = RunAccount()
    var builder = CrosswalkBuilder(source: "proposal")
    for (f, name) in names where !name.isEmpty { builder.name(footprint: f, name) }
    var gaps: [String: (rows: Int, amount: Double)] = [:]
    var used = Set<String>()
    if let base {
      for z in 0..<Int32(base.zones.count) {
        let zone = base.zones.code(z)
        for k in base.entries(ofZone: z) {
          let block = base.footprints.code(base.entryFootprint[k])
          let w = base.entryWeight[k]
          guard block != Crosswalk.unallocated else { continue }
          guard let targets = footprints[block] else {
            gaps[block, default: (0, 0)].rows += 1
            gaps[block, default: (0, 0)].amount += w
            builder.add(zone: zone, footprint: nil, weight: 0)
            continue
          }
          used.insert(block)
          for t in targets { builder.add(zone: zone, footprint: t.footprint, weight: w * t.weight) }
        }
        builder.add(zone: zone, footprint: nil, weight: 0)  // every zone of the base appears
      }
    } else {
      for block in blocks {
        used.insert(block)
        for t in footprints[block]! { builder.add(zone: block, footprint: t.footprint, weight: t.weight) }
      }
    }
    account.lose(Tally(reason: "building blocks of the base that the proposal leaves out (a gap: their zones are UNALLOCATED; amount: zone weight)", unit: "zone weight", destination: Crosswalk.unallocated, byCode: gaps))
    let unused = blocks.filter { !used.contains($0) }
    if !unused.isEmpty {
      account.warn("\(unused.count) blocks of the proposal are not in the base crosswalk", codes: unused)
    }
    let shared = blocks.filter { footprints[$0]!.count > 1 }
    if !shared.isEmpty {
      account.note("\(shared.count) blocks are shared between proposed footprints by weight (the footprints overlap there)", codes: shared)
    }
    return (try builder.build(method: "proposal"), account)
  }
}

/// A block mapped to two proposed footprints in a mapping without a weight column: the
/// footprints overlap there, and how the block is shared needs weights.
public struct SharedBlockError: Error, Sendable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let block: String
  /// The two footprints, in file order.
  public let footprints: [String]

  public var description: String { message(weightColumn: "name the mapping's weight column") }

  /// The message, with `weightColumn` phrasing how to name a weight column (a front end names
  /// its own setting for it).
  public func message(weightColumn: String) -> String {
    "\(file):\(line): block \(block) is mapped to \(footprints.joined(separator: " and to ")): the proposed footprints overlap there; \(weightColumn) to share it"
  }
}
