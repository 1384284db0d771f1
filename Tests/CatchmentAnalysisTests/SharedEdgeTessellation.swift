import CatchmentGeometry
import CatchmentTestSupport

/// Zones that tile a plane the way ONS sets do: irregular cells whose shared edges are the same
/// vertices in both neighbours, so that footprints dissolved from them share every vertex of
/// their boundary with the zones (the normal case for ICBs dissolved from LSOAs, and the one
/// that broke clipped intersections).
///
/// A grid of `columns × rows` cells of about `cell` metres in British National Grid, whose
/// corners are jittered and whose edges carry `edgePoints` jittered intermediate vertices, each
/// edge generated once and walked forwards by one cell and backwards by the other. Besides the
/// cells, the tessellation has:
/// - a hole in cell (2, 2), filled exactly by an island zone `ISLAND` (its ring reversed);
/// - one multipolygon zone `PAIR` made of cells (0, 0) and (2, 0), which are not adjacent.
///
/// Each zone is put in one of `groups` footprints: the nearest of `groups` seed cells (a
/// Voronoi partition of the grid, so footprints have ragged, irregular borders), the island in
/// another group than the cell around it, and the pair in the group of its first cell.
struct SharedEdgeTessellation {
  let columns: Int
  let rows: Int
  /// The zones, in EPSG:27700.
  var zones = PolygonLayer(crs: .epsg(27700))
  /// The footprint of each zone id (`F0`, `F1` …).
  var membership: [String: String] = [:]

  init(columns: Int = 14, rows: Int = 11, cell: Double = 100, edgePoints: Int = 3, groups: Int = 5, seed: UInt64) {
    self.columns = columns
    self.rows = rows
    var random = SeededGenerator(seed: seed)
    let origin = (x: 412_345.0, y: 287_654.0)
    func jitter(_ amount: Double) -> Double { Double.random(in: -amount...amount, using: &random) }
    // Corners, jittered by up to a fifth of a cell.
    var corners = [[(x: Double, y: Double)]]()
    for i in 0...columns {
      corners.append((0...rows).map { j in (origin.x + Double(i) * cell + jitter(cell / 5), origin.y + Double(j) * cell + jitter(cell / 5)) })
    }
    // Intermediate vertices of each edge, from its lower corner to its upper one.
    func edge(from a: (x: Double, y: Double), to b: (x: Double, y: Double)) -> [(x: Double, y: Double)] {
      (1...edgePoints).map { k in
        let t = Double(k) / Double(edgePoints + 1)
        return (a.x + (b.x - a.x) * t + jitter(cell / 12), a.y + (b.y - a.y) * t + jitter(cell / 12))
      }
    }
    // horizontal[i][j]: from corner (i, j) to (i+1, j); vertical[i][j]: from (i, j) to (i, j+1).
    let horizontal = (0..<columns).map { i in (0...rows).map { j in edge(from: corners[i][j], to: corners[i + 1][j]) } }
    let vertical = (0...columns).map { i in (0..<rows).map { j in edge(from: corners[i][j], to: corners[i][j + 1]) } }

    /// The anticlockwise ring of cell (i, j).
    func ring(_ i: Int, _ j: Int) -> [(x: Double, y: Double)] {
      [corners[i][j]] + horizontal[i][j] + [corners[i + 1][j]] + vertical[i + 1][j] + [corners[i + 1][j + 1]]
        + horizontal[i][j + 1].reversed() + [corners[i][j + 1]] + vertical[i][j].reversed()
    }
    /// A small diamond inside cell (i, j), anticlockwise.
    func diamond(_ i: Int, _ j: Int) -> [(x: Double, y: Double)] {
      let c = (x: origin.x + (Double(i) + 0.5) * cell, y: origin.y + (Double(j) + 0.5) * cell), r = cell / 6
      return [(c.x, c.y - r), (c.x + r, c.y), (c.x, c.y + r), (c.x - r, c.y)]
    }

    // Footprints: nearest seed cell (squared distance in cells, ties to the lower seed).
    let seeds = (0..<groups).map { _ in (Int.random(in: 0..<columns, using: &random), Int.random(in: 0..<rows, using: &random)) }
    func group(_ i: Int, _ j: Int) -> Int {
      seeds.indices.min { a, b in
        let da = (seeds[a].0 - i) * (seeds[a].0 - i) + (seeds[a].1 - j) * (seeds[a].1 - j)
        let db = (seeds[b].0 - i) * (seeds[b].0 - i) + (seeds[b].1 - j) * (seeds[b].1 - j)
        return da != db ? da < db : a < b
      }!
    }

    func add(_ rings: [[(x: Double, y: Double)]]) {
      for r in rings {
        for p in r { zones.addPoint(x: p.x, y: p.y) }
        zones.endRing()
      }
      zones.endPolygon()
    }
    for i in 0..<columns {
      for j in 0..<rows where !(j == 0 && (i == 0 || i == 2)) {
        let id = "Z\(i)_\(j)"
        if i == 2 && j == 2 {
          add([ring(i, j), diamond(i, j).reversed()])
        } else {
          add([ring(i, j)])
        }
        zones.endFeature(id: id, origin: "tessellation#\(id)")
        membership[id] = "F\(group(i, j))"
      }
    }
    add([ring(0, 0)])
    add([ring(2, 0)])
    zones.endFeature(id: "PAIR", origin: "tessellation#PAIR")
    membership["PAIR"] = "F\(group(0, 0))"
    add([diamond(2, 2)])
    zones.endFeature(id: "ISLAND", origin: "tessellation#ISLAND")
    membership["ISLAND"] = "F\((group(2, 2) + 1) % groups)"
  }
}
