import CatchmentTables

/// Collects (zone, footprint, weight) links and turns them into a ``Crosswalk``.
///
/// The rules applied by ``build(method:)``:
/// - links repeating the same zone and footprint are merged (weights added);
/// - a zone's weights may not exceed 1 by more than ``tolerance``: that is an error, since the
///   zone's population would be counted more than once;
/// - a zone whose weights fall short of 1 by more than ``tolerance`` gets a link to
///   ``Crosswalk/unallocated`` holding the remainder, so every zone's weights sum to 1;
/// - a zone seen with no footprint at all (blank footprint code) is wholly unallocated.
public struct CrosswalkBuilder {
  /// Weight sums within this of 1 are taken as 1 (rounding in published weights).
  public var tolerance = 1e-9

  private var zones = CodeTable()
  private var footprints = CodeTable()
  private var names: [String] = []
  private var linkZone: [Int32] = []
  private var linkFootprint: [Int32] = []  // -1: the zone was seen without a footprint
  private var linkWeight: [Double] = []
  /// The line where each zone was first seen, for messages.
  private var zoneLine: [Int] = []
  /// The file the links come from, for messages ("" when built in code).
  public var source: String

  public init(source: String = "") { self.source = source }

  /// Number of distinct zones added so far.
  public var zoneCount: Int { zones.count }

  /// Adds a link of `zone` to `footprint` with `weight`; a nil footprint records the zone as
  /// seen but unallocated. `line` locates the link in ``source`` for messages.
  public mutating func add(zone: String, footprint: String?, weight: Double, name: String? = nil, line: Int = 0) {
    let z = zones.intern(zone)
    if Int(z) == zoneLine.count { zoneLine.append(line) }
    linkZone.append(z)
    guard let footprint else {
      linkFootprint.append(-1)
      linkWeight.append(0)
      return
    }
    let f = footprints.intern(footprint)
    if Int(f) == names.count { names.append("") }
    if let name, !name.isEmpty, names[Int(f)].isEmpty { names[Int(f)] = name }
    linkFootprint.append(f)
    linkWeight.append(weight)
  }

  /// Sets the name of `footprint` (kept when it has none yet).
  public mutating func name(footprint: String, _ name: String) {
    let f = footprints.intern(footprint)
    if Int(f) == names.count { names.append("") }
    if names[Int(f)].isEmpty { names[Int(f)] = name }
  }

  /// Builds the crosswalk.
  ///
  /// - Throws: ``CrosswalkError/weightsExceedOne`` naming the first such zone.
  /// - Complexity: O(L log L) for L links.
  public func build(method: String) throws -> Crosswalk {
    let zoneCodes = zones.codes
    let footprintCodes = footprints.codes
    // Merge links per zone in footprint-code order.
    var perZone: [[(Int32, Double)]] = Array(repeating: [], count: zoneCodes.count)
    for k in linkZone.indices {
      let f = linkFootprint[k]
      guard f >= 0 else { continue }
      let z = Int(linkZone[k])
      if let i = perZone[z].firstIndex(where: { $0.0 == f }) {
        perZone[z][i].1 += linkWeight[k]
      } else {
        perZone[z].append((f, linkWeight[k]))
      }
    }
    // Final id orders: codes sorted by bytes; UNALLOCATED joins when any zone needs it.
    var needsUnallocated = false
    var remainders = Array(repeating: 0.0, count: zoneCodes.count)
    for z in perZone.indices {
      let total = perZone[z].reduce(0.0) { $0 + $1.1 }
      if total > 1 + tolerance {
        let detail = perZone[z].map { "\(footprintCodes[Int($0.0)])=\(NumberFormat.csv($0.1))" }.joined(separator: ", ")
        throw CrosswalkError.weightsExceedOne(zone: zoneCodes[z], total: total, detail: detail, origin: origin(line: zoneLine[z]))
      }
      if 1 - total > tolerance {
        remainders[z] = 1 - total
        needsUnallocated = true
      }
    }
    var sortedFootprints = footprintCodes.filter { $0 != Crosswalk.unallocated }
    if needsUnallocated || footprintCodes.contains(Crosswalk.unallocated) { sortedFootprints.append(Crosswalk.unallocated) }
    sortedFootprints.sort(by: Self.byteOrder)
    var finalFootprints = CodeTable(minimumCapacity: sortedFootprints.count)
    for code in sortedFootprints { finalFootprints.intern(code) }
    let remap = footprintCodes.map { finalFootprints.find($0)! }
    let unallocatedID = finalFootprints.find(Crosswalk.unallocated)
    var finalNames = Array(repeating: "", count: sortedFootprints.count)
    for (old, new) in remap.enumerated() { finalNames[Int(new)] = names[old] }

    let zoneOrder = zoneCodes.indices.sorted { Self.byteOrder(zoneCodes[$0], zoneCodes[$1]) }
    var finalZones = CodeTable(minimumCapacity: zoneCodes.count)
    var zoneStart: [Int32] = [0]
    var entryFootprint: [Int32] = []
    var entryWeight: [Double] = []
    zoneStart.reserveCapacity(zoneCodes.count + 1)
    for z in zoneOrder {
      finalZones.intern(zoneCodes[z])
      var entries = perZone[z].filter { $0.1 > 0 }.map { (remap[Int($0.0)], $0.1) }
      if remainders[z] > 0, let u = unallocatedID {
        if let i = entries.firstIndex(where: { $0.0 == u }) { entries[i].1 += remainders[z] } else { entries.append((u, remainders[z])) }
      }
      entries.sort { $0.0 < $1.0 }
      for (f, w) in entries {
        entryFootprint.append(f)
        entryWeight.append(w)
      }
      zoneStart.append(Int32(entryFootprint.count))
    }
    return Crosswalk(
      zones: finalZones, footprints: finalFootprints, footprintNames: finalNames, zoneStart: zoneStart,
      entryFootprint: entryFootprint, entryWeight: entryWeight, method: method)
  }

  /// "file:line" for messages, or "" when the links have no source.
  public func origin(line: Int) -> String {
    source.isEmpty ? "" : line > 0 ? "\(source):\(line)" : source
  }

  /// Byte order of UTF-8 codes (the order `sort` gives in C, pandas and polars).
  public static func byteOrder(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }
}

/// Problems that make a crosswalk unusable.
public enum CrosswalkError: Error, Sendable, CustomStringConvertible {
  case weightsExceedOne(zone: String, total: Double, detail: String, origin: String)
  case ambiguousZone(zone: String, footprints: [String], origin: String)

  public var description: String {
    switch self {
    case .weightsExceedOne(let zone, let total, let detail, let origin):
      return "\(origin.isEmpty ? "" : origin + ": ")zone \(zone) has weights summing to \(NumberFormat.csv(total)) (> 1): \(detail); its population would be counted more than once"
    case .ambiguousZone(let zone, let footprints, let origin):
      return "\(origin.isEmpty ? "" : origin + ": ")zone \(zone) maps to \(footprints.count) footprints (\(footprints.joined(separator: ", "))) and the lookup has no weight column; give --lookup-weight, or choose a lookup with one footprint per zone"
    }
  }
}
