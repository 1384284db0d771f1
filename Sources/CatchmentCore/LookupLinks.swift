import CatchmentTables

/// A lookup table without a weight column read as links, each zone to its targets, before any
/// weights: the form in which a bridge between vintages waits for its split.
///
/// ONS's LSOA 2011 → 2021 bridge has one row per (2011, 2021) pair with a change code: U
/// unchanged, S one 2011 zone split into several 2021 zones, M several merged into one, X
/// complex (many to many). Read forward, S and X zones have several targets; read in reverse,
/// M and X zones do. A zone with one target keeps weight 1; the weights of the others come
/// from a split (``crosswalk(split:)``; CatchmentAnalysis's `LookupSplit` makes them).
///
/// Zones are in byte order of their codes; each zone's targets are distinct and in byte order.
public struct LookupLinks: Sendable {
  public let path: String
  public let direction: LookupDirection
  /// The change-code column read (as written in the header), nil when none.
  public let changeColumn: String?
  /// True when the change column was found by its name (``LookupColumns/changeColumnNames``)
  /// rather than given.
  public let changeColumnFound: Bool
  /// Zone codes, in byte order.
  public let zones: [String]
  /// Per zone, its change code ("" without a change column or with a blank one). A zone whose
  /// rows disagree takes the most complex: X, then M, then S, then U (other codes rank below U).
  public let zoneChange: [String]
  /// Per zone, the start of its targets in ``targetCodes`` (one more entry than zones).
  let targetStart: [Int]
  /// The targets of every zone, flat.
  let targetCodes: [String]
  /// Target names, where the lookup has a name column.
  let names: [String: String]
  /// The reading's account: the input summary, blank codes, repeated pairs.
  public let account: RunAccount

  /// The targets of zone `z` (an index into ``zones``), distinct and in byte order; empty when
  /// the zone's target code is blank (it is wholly unallocated).
  public func targets(ofZone z: Int) -> ArraySlice<String> { targetCodes[targetStart[z]..<targetStart[z + 1]] }

  /// The zones (indices into ``zones``) with more than one target: those a split weighs.
  public var splitZones: [Int] { zones.indices.filter { targetStart[$0 + 1] - targetStart[$0] > 1 } }

  /// The crosswalk when no zone has several targets.
  ///
  /// - Throws: ``CrosswalkError/splitNeeded(zones:examples:origin:)`` naming how many zones have
  ///   several targets and the first few.
  public func crosswalk() throws -> (crosswalk: Crosswalk, account: RunAccount) {
    let split = splitZones
    guard split.isEmpty else {
      throw CrosswalkError.splitNeeded(zones: split.count, examples: split.prefix(5).map { zones[$0] }, origin: path)
    }
    return try crosswalk { _ in ([], "") }
  }

  /// The crosswalk, the weights of each zone with several targets given by `split`: for zone
  /// `z`, one weight per target of ``targets(ofZone:)`` in that order, summing to 1, and the
  /// method that made them ("split by population"), which the account counts by change code.
  ///
  /// The account adds to the reading's: zones and footprints in the crosswalk, and per change
  /// code the zones weighed by each method.
  public func crosswalk(split: (Int) throws -> (weights: [Double], method: String)) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    var builder = CrosswalkBuilder(source: path)
    for (target, name) in names { builder.name(footprint: target, name) }
    var methods: [String: [String: Int]] = [:]
    for z in zones.indices {
      let targets = self.targets(ofZone: z)
      var method = "one target (weight 1)"
      switch targets.count {
      case 0:
        builder.add(zone: zones[z], footprint: nil, weight: 0)
        method = "blank target (\(Crosswalk.unallocated))"
      case 1:
        builder.add(zone: zones[z], footprint: targets.first!, weight: 1)
      default:
        let (weights, how) = try split(z)
        precondition(weights.count == targets.count, "one weight per target")
        for (target, weight) in zip(targets, weights) { builder.add(zone: zones[z], footprint: target, weight: weight) }
        method = how
      }
      methods[zoneChange[z], default: [:]][method, default: 0] += 1
    }
    let crosswalk = try builder.build(method: "lookup")
    var account = self.account
    account.figure("zones in crosswalk", Double(crosswalk.zones.count))
    account.figure("footprints in crosswalk", Double(crosswalk.realFootprintCodes.count))
    if let changeColumn, changeColumnFound { account.note("\(path): change codes read from its column \(changeColumn)") }
    for change in methods.keys.sorted(by: Self.changeOrder) {
      let which = changeColumn == nil ? "lookup zones" : change.isEmpty ? "lookup zones with no change code" : "lookup zones with change code \(change)"
      for (method, count) in methods[change]!.sorted(by: { CrosswalkBuilder.byteOrder($0.key, $1.key) }) {
        account.figure("\(which): \(method)", Double(count))
      }
    }
    return (crosswalk, account)
  }

  /// How complex a change code is: X (redrawn) above M (merged) above S (split) above U.
  static func changeRank(_ code: String) -> Int {
    switch code {
    case "X": return 4
    case "M": return 3
    case "S": return 2
    case "U": return 1
    case "": return -1
    default: return 0
    }
  }

  /// Report order: U, S, M, X, other codes in byte order, blank last.
  static func changeOrder(_ a: String, _ b: String) -> Bool {
    func key(_ c: String) -> Int { ["U": 0, "S": 1, "M": 2, "X": 3][c] ?? (c.isEmpty ? 5 : 4) }
    return key(a) != key(b) ? key(a) < key(b) : CrosswalkBuilder.byteOrder(a, b)
  }

  /// Gathers the links row by row, codes interned from the fields' bytes.
  struct Collector {
    let path: String
    let direction: LookupDirection
    let change: (column: Int, name: String, found: Bool)?
    var zoneCodes = CodeTable()
    var targetCodes = CodeTable()
    var changeCodes = CodeTable()
    /// Per link: zone id, target id (−1: blank target), change id (−1: none).
    var linkZone: [Int32] = []
    var linkTarget: [Int32] = []
    var linkChange: [Int32] = []
    var names: [Int32: String] = [:]

    /// Takes a row; false when its zone code is blank (a loss the caller counts).
    mutating func take(_ record: CSVRecord, zone: Int, target: Int, name: Int?) -> Bool {
      guard !record[zone].withTrimmedBytes({ $0.isEmpty }) else { return false }
      let z = record[zone].withTrimmedBytes { zoneCodes.intern($0) }
      let t = record[target].withTrimmedBytes { $0.isEmpty ? -1 : targetCodes.intern($0) }
      linkZone.append(z)
      linkTarget.append(t)
      linkChange.append(change.map { c in record[c.column].withTrimmedBytes { changeCodes.intern($0) } } ?? -1)
      if t >= 0, let name, names[t] == nil {
        let text = record[name].trimmedString
        if !text.isEmpty { names[t] = text }
      }
      return true
    }

    /// The links grouped by zone, with `account` (the reading's so far) completed.
    func finish(account: RunAccount) -> LookupLinks {
      var account = account
      let zoneOrder = zoneCodes.idsInByteOrder()
      var zoneRank = [Int](repeating: 0, count: zoneCodes.count)
      for (rank, id) in zoneOrder.enumerated() { zoneRank[Int(id)] = rank }
      var targetRank = [Int](repeating: 0, count: targetCodes.count)
      for (rank, id) in targetCodes.idsInByteOrder().enumerated() { targetRank[Int(id)] = rank }
      let changes = changeCodes.codes
      var perZone = [[Int32]](repeating: [], count: zoneCodes.count)
      var zoneChange = [String](repeating: "", count: zoneCodes.count)
      var blank: [String: (rows: Int, amount: Double)] = [:]
      var duplicates = 0
      for k in linkZone.indices {
        let rank = zoneRank[Int(linkZone[k])]
        if linkChange[k] >= 0 {
          let code = changes[Int(linkChange[k])]
          let current = zoneChange[rank]
          let (a, b) = (LookupLinks.changeRank(code), LookupLinks.changeRank(current))
          if a > b || (a == b && CrosswalkBuilder.byteOrder(code, current)) { zoneChange[rank] = code }
        }
        let t = linkTarget[k]
        guard t >= 0 else {
          let code = zoneCodes.code(linkZone[k])
          blank[code, default: (0, 1)].rows += 1
          continue
        }
        if perZone[rank].contains(t) { duplicates += 1 } else { perZone[rank].append(t) }
      }
      var targetStart = [0]
      var flat: [String] = []
      for rank in perZone.indices {
        for t in perZone[rank].sorted(by: { targetRank[Int($0)] < targetRank[Int($1)] }) { flat.append(targetCodes.code(t)) }
        targetStart.append(flat.count)
      }
      account.exclude(Tally(reason: "zones with a blank footprint code", unit: "zones", destination: Crosswalk.unallocated, byCode: blank))
      if duplicates > 0 {
        account.note("\(path): \(duplicates) rows repeat a zone–footprint pair already read and were merged")
      }
      var named: [String: String] = [:]
      for (t, name) in names { named[targetCodes.code(t)] = name }
      return LookupLinks(
        path: path, direction: direction, changeColumn: change?.name, changeColumnFound: change?.found ?? false,
        zones: zoneOrder.map { zoneCodes.code($0) }, zoneChange: zoneChange, targetStart: targetStart, targetCodes: flat, names: named,
        account: account)
    }
  }
}
