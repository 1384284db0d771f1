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
  /// Snapping distances by zone id (metres), for best fit; empty when none was set.
  private var distances: [Int32: Double] = [:]
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

  /// Adds a link from the bytes of CSV fields (no `String` per row); `name` is read only when
  /// the footprint has no name yet.
  public mutating func add(
    zoneBytes: UnsafeRawBufferPointer, footprintBytes: UnsafeRawBufferPointer, weight: Double, line: Int,
    name: () -> String? = { nil }
  ) {
    let z = zones.intern(zoneBytes)
    if Int(z) == zoneLine.count { zoneLine.append(line) }
    linkZone.append(z)
    let f = footprints.intern(footprintBytes)
    if Int(f) == names.count { names.append("") }
    if names[Int(f)].isEmpty, let name = name(), !name.isEmpty { names[Int(f)] = name }
    linkFootprint.append(f)
    linkWeight.append(weight)
  }

  /// Records that `zone` was snapped to its footprint from `metres` away (best fit).
  public mutating func setDistance(zone: String, metres: Double) {
    distances[zones.intern(zone)] = metres
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
  /// - Complexity: O(L + Z log Z) for L links over Z zones (O(L) when zones came in order).
  public func build(method: String) throws -> Crosswalk {
    // Final orders: codes by bytes; UNALLOCATED joins the footprints when any zone needs it.
    let zoneOrder = zones.idsInByteOrder()
    var zoneRank = [Int32](repeating: 0, count: zones.count)
    for (rank, id) in zoneOrder.enumerated() { zoneRank[Int(id)] = Int32(rank) }

    // Links grouped by final zone rank (a counting sort keeps file order within a zone).
    var linkStart = [Int](repeating: 0, count: zones.count + 1)
    for z in linkZone { linkStart[Int(zoneRank[Int(z)]) + 1] += 1 }
    for k in 0..<zones.count { linkStart[k + 1] += linkStart[k] }
    var grouped = [Int](repeating: 0, count: linkZone.count)
    var fill = linkStart
    for (k, z) in linkZone.enumerated() {
      let rank = Int(zoneRank[Int(z)])
      grouped[fill[rank]] = k
      fill[rank] += 1
    }

    var unallocatedOld = footprints.find(Crosswalk.unallocated)
    var footprintTable = footprints
    // Merged links, flat: zone rank r owns mergedFootprint/mergedWeight[mergedStart[r]..<mergedStart[r+1]].
    var mergedStart: [Int] = [0]
    var mergedFootprint: [Int32] = []
    var mergedWeight: [Double] = []
    mergedStart.reserveCapacity(zones.count + 1)
    mergedFootprint.reserveCapacity(linkZone.count)
    mergedWeight.reserveCapacity(linkZone.count)
    for rank in 0..<zones.count {
      let first = mergedFootprint.count
      for k in grouped[linkStart[rank]..<linkStart[rank + 1]] {
        let f = linkFootprint[k]
        guard f >= 0 else { continue }
        if let i = mergedFootprint[first...].firstIndex(of: f) {
          mergedWeight[i] += linkWeight[k]
        } else {
          mergedFootprint.append(f)
          mergedWeight.append(linkWeight[k])
        }
      }
      var total = 0.0
      for w in mergedWeight[first...] { total += w }
      if total > 1 + tolerance {
        let z = zoneOrder[rank]
        let detail = (first..<mergedFootprint.count).map { "\(footprints.code(mergedFootprint[$0]))=\(NumberFormat.csv(mergedWeight[$0]))" }
          .joined(separator: ", ")
        throw CrosswalkError.weightsExceedOne(zone: zones.code(z), total: total, detail: detail, origin: origin(line: zoneLine[Int(z)]))
      }
      if 1 - total > tolerance {
        if unallocatedOld == nil { unallocatedOld = footprintTable.intern(Crosswalk.unallocated) }
        let u = unallocatedOld!
        if let i = mergedFootprint[first...].firstIndex(of: u) {
          mergedWeight[i] += 1 - total
        } else {
          mergedFootprint.append(u)
          mergedWeight.append(1 - total)
        }
      }
      mergedStart.append(mergedFootprint.count)
    }

    let footprintOrder = footprintTable.idsInByteOrder()
    var footprintRank = [Int32](repeating: 0, count: footprintTable.count)
    for (rank, id) in footprintOrder.enumerated() { footprintRank[Int(id)] = Int32(rank) }
    let finalNames = footprintOrder.map { Int($0) < names.count ? names[Int($0)] : "" }

    // Entries in final footprint ids, each zone's sorted (insertion sort: zones have few).
    var zoneStart: [Int32] = [0]
    var entryFootprint: [Int32] = []
    var entryWeight: [Double] = []
    zoneStart.reserveCapacity(zones.count + 1)
    entryFootprint.reserveCapacity(mergedFootprint.count)
    entryWeight.reserveCapacity(mergedFootprint.count)
    for rank in 0..<zones.count {
      let first = entryFootprint.count
      for i in mergedStart[rank]..<mergedStart[rank + 1] where mergedWeight[i] > 0 {
        var j = entryFootprint.count
        let f = footprintRank[Int(mergedFootprint[i])]
        entryFootprint.append(f)
        entryWeight.append(mergedWeight[i])
        while j > first && entryFootprint[j - 1] > f {
          entryFootprint.swapAt(j - 1, j)
          entryWeight.swapAt(j - 1, j)
          j -= 1
        }
      }
      zoneStart.append(Int32(entryFootprint.count))
    }
    return Crosswalk(
      zones: zones.reordered(zoneOrder), footprints: footprintTable.reordered(footprintOrder), footprintNames: finalNames,
      zoneStart: zoneStart, entryFootprint: entryFootprint, entryWeight: entryWeight, method: method,
      zoneDistance: distances.isEmpty ? nil : zoneOrder.map { distances[$0] ?? .nan })
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
  /// A lookup without a weight column maps `zones` zones to several footprints each (the first
  /// few are `examples`) and no split was chosen to weigh them.
  case splitNeeded(zones: Int, examples: [String], origin: String)
  /// A split was asked of a lookup whose weight `column` already gives the weights.
  case weightedLookup(column: String)

  public var description: String {
    switch self {
    case .weightsExceedOne(let zone, let total, let detail, let origin):
      return "\(origin.isEmpty ? "" : origin + ": ")zone \(zone) has weights summing to \(NumberFormat.csv(total)) (> 1): \(detail); its population would be counted more than once"
    case .splitNeeded:
      return message(weightColumn: "name the lookup's weight column", splitBy: "choose how to split them (by the targets' population, by area, or equally)")
    case .weightedLookup(let column):
      return "the lookup's weight column \(column) gives each zone's weights: a split is for lookups without one"
    }
  }

  /// The message, with `weightColumn` phrasing how to name a weight column and `splitBy` how to
  /// choose a split (a front end names its own settings); only
  /// ``splitNeeded(zones:examples:origin:)`` suggests them.
  public func message(weightColumn: String, splitBy: String) -> String {
    switch self {
    case .splitNeeded(let zones, let examples, let origin):
      let more = zones > examples.count ? ", …" : ""
      let which = zones == 1 ? "zone maps" : "zones map"
      return "\(origin.isEmpty ? "" : origin + ": ")\(zones) \(which) to several footprints (\(examples.joined(separator: ", "))\(more)) and the lookup has no weight column; \(weightColumn), or \(splitBy)"
    default:
      return description
    }
  }
}
