/// Compressed rows from the lists given to ``ZoneGraph/init(zoneIDs:population:links:units:unitZone:flows:zoneArea:zonePerimeter:)``.
extension ZoneGraph {
  struct Adjacency {
    var start: [Int32], zone: [Int32], shared: [Double], kind: [ZoneLinkKind]
  }

  /// Both sides of every link, neighbours sorted by index; a pair given twice keeps the strongest kind
  /// (edge over link over corner) and the longest shared length, so input order never matters.
  static func buildAdjacency(_ links: [ZoneLink], zones n: Int) throws(RegionError) -> Adjacency {
    var half: [(a: Int32, b: Int32, shared: Double, kind: ZoneLinkKind)] = []
    half.reserveCapacity(links.count * 2)
    for (i, l) in links.enumerated() {
      guard l.a >= 0, Int(l.a) < n else { throw .indexOutOfRange(what: "links.a", position: i, index: l.a) }
      guard l.b >= 0, Int(l.b) < n else { throw .indexOutOfRange(what: "links.b", position: i, index: l.b) }
      guard l.sharedMetres.isFinite, l.sharedMetres >= 0 else {
        throw .invalidValue(what: "links.sharedMetres", position: i, value: l.sharedMetres)
      }
      if l.a == l.b { continue }
      half.append((l.a, l.b, l.sharedMetres, l.kind))
      half.append((l.b, l.a, l.sharedMetres, l.kind))
    }
    half.sort { ($0.a, $0.b) < ($1.a, $1.b) }
    var out = Adjacency(start: [Int32](repeating: 0, count: n + 1), zone: [], shared: [], kind: [])
    out.zone.reserveCapacity(half.count)
    var lastRow: Int32 = -1
    for h in half {
      if h.a == lastRow, out.zone.last == h.b {
        let k = out.zone.count - 1
        out.shared[k] = max(out.shared[k], h.shared)
        if strength(h.kind) > strength(out.kind[k]) { out.kind[k] = h.kind }
        continue
      }
      lastRow = h.a
      out.zone.append(h.b)
      out.shared.append(h.shared)
      out.kind.append(h.kind)
      out.start[Int(h.a) + 1] = Int32(out.zone.count)
    }
    // Rows without neighbours carry the previous end forward.
    for z in 0..<n where out.start[z + 1] < out.start[z] { out.start[z + 1] = out.start[z] }
    return out
  }

  private static func strength(_ k: ZoneLinkKind) -> Int {
    switch k {
    case .edge: 2
    case .link: 1
    case .corner: 0
    }
  }

  struct Flows {
    var unitStart: [Int32], unit: [Int32], unitValue: [Double]
    var outStart: [Int32], outZone: [Int32], outFlow: [Double]
    var inStart: [Int32], inZone: [Int32], inFlow: [Double]
  }

  /// Zone → unit rows (repeats summed), then zone → zone rows both ways.
  static func buildFlows(_ flows: [ZoneUnitFlow], zones n: Int, unitZone: [Int32]) throws(RegionError) -> Flows {
    let units = unitZone.count
    for (i, f) in flows.enumerated() {
      guard f.zone >= 0, Int(f.zone) < n else { throw .indexOutOfRange(what: "flows.zone", position: i, index: f.zone) }
      guard f.unit >= 0, Int(f.unit) < units else {
        throw .indexOutOfRange(what: "flows.unit", position: i, index: f.unit)
      }
      guard f.flow.isFinite, f.flow >= 0 else { throw .invalidValue(what: "flows.flow", position: i, value: f.flow) }
    }
    let byZoneUnit = flows.sorted { ($0.zone, $0.unit) < ($1.zone, $1.unit) }
    var result = Flows(
      unitStart: [], unit: [], unitValue: [], outStart: [], outZone: [], outFlow: [], inStart: [], inZone: [],
      inFlow: [])
    let unitRows = merged(byZoneUnit.map { ($0.zone, $0.unit, $0.flow) }, rows: n)
    (result.unitStart, result.unit, result.unitValue) = unitRows
    var zoneToZone: [(Int32, Int32, Double)] = []
    zoneToZone.reserveCapacity(byZoneUnit.count)
    for f in byZoneUnit { zoneToZone.append((f.zone, unitZone[Int(f.unit)], f.flow)) }
    zoneToZone.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    (result.outStart, result.outZone, result.outFlow) = merged(zoneToZone, rows: n)
    var reversed = zoneToZone.map { ($0.1, $0.0, $0.2) }
    reversed.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    (result.inStart, result.inZone, result.inFlow) = merged(reversed, rows: n)
    return result
  }

  /// Compressed rows from (row, column, value) sorted by (row, column), repeated cells summed.
  static func merged(_ cells: [(Int32, Int32, Double)], rows n: Int) -> ([Int32], [Int32], [Double]) {
    var start = [Int32](repeating: 0, count: n + 1)
    var column: [Int32] = []
    var value: [Double] = []
    column.reserveCapacity(cells.count)
    value.reserveCapacity(cells.count)
    var lastRow: Int32 = -1
    for (r, c, v) in cells {
      if r == lastRow, column.last == c {
        value[value.count - 1] += v
        continue
      }
      lastRow = r
      column.append(c)
      value.append(v)
      start[Int(r) + 1] = Int32(column.count)
    }
    for z in 0..<n where start[z + 1] < start[z] { start[z + 1] = start[z] }
    return (start, column, value)
  }
}
