/// A uniform grid over points (provider sites), for "every site within d of here" queries.
///
/// Cells are squares of side `cellSize` metres; a query visits the cells that a circle of radius
/// d around the query point touches, so it costs the sites in about (2d/cellSize + 1)² cells
/// instead of all of them. Sites are stored cell by cell in flat arrays (compressed rows), in
/// ascending site index within each cell, so queries list sites in a fixed order.
struct SiteGrid: Sendable {
  let minX: Double, minY: Double
  let cellSize: Double
  let columns: Int, rows: Int
  /// Cell c holds sites `cellSites[cellStart[c]..<cellStart[c+1]]`.
  let cellStart: [Int]
  let cellSites: [Int32]

  /// Indexes the sites with finite coordinates. `cellSize` is clamped so the grid has at most
  /// about four million cells.
  init(xs: [Double], ys: [Double], cellSize requested: Double) {
    let finite = xs.indices.filter { xs[$0].isFinite && ys[$0].isFinite }
    let lowX = finite.map { xs[$0] }.min() ?? 0, highX = finite.map { xs[$0] }.max() ?? 0
    let lowY = finite.map { ys[$0] }.min() ?? 0, highY = finite.map { ys[$0] }.max() ?? 0
    let span = max(highX - lowX, highY - lowY, 1)
    let size = max(requested, span / 2048, 1e-9)
    minX = lowX
    minY = lowY
    cellSize = size
    columns = Int((highX - lowX) / size) + 1
    rows = Int((highY - lowY) / size) + 1
    var counts = [Int](repeating: 0, count: columns * rows + 1)
    var cellOf = [Int](repeating: -1, count: xs.count)
    for s in finite {
      let c = Int((ys[s] - lowY) / size) * columns + Int((xs[s] - lowX) / size)
      cellOf[s] = c
      counts[c + 1] += 1
    }
    for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
    var fill = counts
    var sites = [Int32](repeating: 0, count: finite.count)
    for s in finite {  // ascending site index within each cell
      let c = cellOf[s]
      sites[fill[c]] = Int32(s)
      fill[c] += 1
    }
    cellStart = counts
    cellSites = sites
  }

  /// Calls `body` with every site in a cell that a circle of radius `distance` around (x, y)
  /// touches (a superset of the sites within `distance`), cell row by cell row.
  @inline(__always)
  func forEachCandidate(nearX x: Double, y: Double, within distance: Double, _ body: (Int) -> Void) {
    guard !cellSites.isEmpty, x.isFinite, y.isFinite else { return }
    let c0 = max(0, Int(((x - distance - minX) / cellSize).rounded(.down)))
    let c1 = min(columns - 1, Int(((x + distance - minX) / cellSize).rounded(.down)))
    let r0 = max(0, Int(((y - distance - minY) / cellSize).rounded(.down)))
    let r1 = min(rows - 1, Int(((y + distance - minY) / cellSize).rounded(.down)))
    guard c0 <= c1, r0 <= r1 else { return }
    for r in r0...r1 {
      let base = r * columns
      for k in cellStart[base + c0]..<cellStart[base + c1 + 1] { body(Int(cellSites[k])) }
    }
  }
}
