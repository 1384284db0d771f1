import CatchmentRegions
import CatchmentTestSupport

/// A grid of 1 km square zones ("r0c0" … in byte order when rows and columns are below 10), rook edges
/// of 1,000 m and queen corners, units in chosen cells, and flows from every zone to every unit falling
/// with distance (population × 1 / (1 + d²), d in cells), optionally with seeded noise.
struct GridFixture {
  var rows: Int
  var columns: Int
  var unitCells: [Int]
  var population: [Double]
  var noise: UInt64? = nil

  init(rows: Int, columns: Int, unitCells: [Int], population: [Double]? = nil, noise: UInt64? = nil) {
    self.rows = rows
    self.columns = columns
    self.unitCells = unitCells
    self.population = population ?? Array(repeating: 100, count: rows * columns)
    self.noise = noise
  }

  var zoneIDs: [String] { (0..<rows * columns).map { "r\($0 / columns)c\($0 % columns)" } }
  var units: [String] { unitCells.indices.map { "U\($0)" } }

  var links: [ZoneLink] {
    var out: [ZoneLink] = []
    for r in 0..<rows {
      for c in 0..<columns {
        let z = Int32(r * columns + c)
        if c + 1 < columns { out.append(ZoneLink(a: z, b: z + 1, sharedMetres: 1000, kind: .edge)) }
        if r + 1 < rows { out.append(ZoneLink(a: z, b: z + Int32(columns), sharedMetres: 1000, kind: .edge)) }
        if r + 1 < rows && c + 1 < columns {
          out.append(ZoneLink(a: z, b: z + Int32(columns) + 1, sharedMetres: 0, kind: .corner))
        }
        if r + 1 < rows && c > 0 {
          out.append(ZoneLink(a: z, b: z + Int32(columns) - 1, sharedMetres: 0, kind: .corner))
        }
      }
    }
    return out
  }

  var flows: [ZoneUnitFlow] {
    var generator = SeededGenerator(seed: noise ?? 0)
    var out: [ZoneUnitFlow] = []
    for z in 0..<rows * columns {
      for (u, cell) in unitCells.enumerated() {
        let dr = Double(z / columns - cell / columns), dc = Double(z % columns - cell % columns)
        var f = population[z] / (1 + dr * dr + dc * dc)
        if noise != nil { f *= 0.5 + Double(generator.next() % 1000) / 1000 }
        out.append(ZoneUnitFlow(zone: Int32(z), unit: Int32(u), flow: (f * 1000).rounded() / 1000))
      }
    }
    return out
  }

  func graph(shapes: Bool = false) throws -> ZoneGraph {
    let n = rows * columns
    return try ZoneGraph(
      zoneIDs: zoneIDs, population: population, links: links, units: units,
      unitZone: unitCells.map { Int32($0) }, flows: flows,
      zoneArea: shapes ? Array(repeating: 1e6, count: n) : nil,
      zonePerimeter: shapes ? Array(repeating: 4000, count: n) : nil)
  }
}

/// Pieces of each region by a plain search over the rook (or queen) neighbours: the tests' own count.
func regionPieces(_ graph: ZoneGraph, _ regions: Regions, queen: Bool = false) -> [Int] {
  var pieces = [Int](repeating: 0, count: regions.ids.count)
  var seen = [Bool](repeating: false, count: graph.zoneCount)
  for s in 0..<graph.zoneCount where !seen[s] {
    pieces[Int(regions.regionOfZone[s])] += 1
    var stack = [s]
    seen[s] = true
    while let z = stack.popLast() {
      for k in Int(graph.adjStart[z])..<Int(graph.adjStart[z + 1]) {
        let w = Int(graph.adjZone[k])
        if graph.adjKind[k] == .corner && !queen { continue }
        if !seen[w] && regions.regionOfZone[w] == regions.regionOfZone[s] {
          seen[w] = true
          stack.append(w)
        }
      }
    }
  }
  return pieces
}
