import CatchmentGeometry

/// Every ring segment of a projected layer, filed in a uniform grid of square cells, for
/// finding the segments of other zones near a segment without comparing every pair.
///
/// A segment is filed in every cell that holds a point within ``margin`` of it (a
/// supercover of the segment thickened by the margin, column by column, not its bounding
/// box: a long diagonal segment covers a band of cells, not a square of them). Two segments
/// whose distance is at most the margin therefore share a cell, and a point within the
/// margin of both lies in a cell that files both: ``ZoneContacts`` counts each pair once, in
/// the cell of such a point.
///
/// The cell side is twice the mean segment length, larger when needed to keep the cells fewer
/// than about four per segment, so the grid's memory stays proportional to the layer. Cells
/// are kept compressed (offsets into one array of segment indices, segments in index order in
/// each cell), filled by counting in two passes: no sort, no hashing.
struct SegmentGrid: Sendable {
  /// Segment `s` runs from point `start[s]` to point `start[s] + 1` of the layer.
  let start: [Int32]
  /// The zone of each segment (index into the unique ids).
  let zone: [Int32]
  let xs: [Double]
  let ys: [Double]
  /// Lower-left corner of cell (0, 0), the cell side and the grid size.
  let originX: Double, originY: Double, side: Double
  let columns: Int, rows: Int
  /// Cell `c` (row-major: row × columns + column) files segments `cellSegments[cellStart[c]..<cellStart[c + 1]]`.
  let cellStart: [Int32]
  let cellSegments: [Int32]
  /// Distance within which segments are filed together, in metres.
  let margin: Double

  /// The segments of `layer` (zero-length ones left out: they bound nothing), `zoneOfFeature`
  /// giving each feature's zone.
  init(_ layer: PolygonLayer, zoneOfFeature: [Int32], margin: Double) {
    var start: [Int32] = [], zone: [Int32] = []
    start.reserveCapacity(layer.xs.count)
    zone.reserveCapacity(layer.xs.count)
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    var totalLength = 0.0
    let xs = layer.xs, ys = layer.ys
    for f in 0..<layer.count {
      for p in layer.polygons(ofFeature: f) {
        for r in layer.rings(ofPolygon: p) {
          let points = layer.points(ofRing: r)
          for i in points.lowerBound..<(points.upperBound - 1) where xs[i] != xs[i + 1] || ys[i] != ys[i + 1] {
            start.append(Int32(i))
            zone.append(zoneOfFeature[f])
            minX = min(minX, xs[i])
            maxX = max(maxX, xs[i])
            minY = min(minY, ys[i])
            maxY = max(maxY, ys[i])
            totalLength += ((xs[i + 1] - xs[i]) * (xs[i + 1] - xs[i]) + (ys[i + 1] - ys[i]) * (ys[i + 1] - ys[i])).squareRoot()
          }
        }
      }
    }
    self.start = start
    self.zone = zone
    self.xs = xs
    self.ys = ys
    self.margin = margin
    let n = max(1, start.count)
    // Ring ends are the starts of their rings, so the starts' box is every segment's box.
    if start.isEmpty { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }
    let width = maxX - minX + 2 * margin, height = maxY - minY + 2 * margin
    var side = max(2 * totalLength / Double(n), (width * height / (4 * Double(n))).squareRoot(), 100 * margin)
    side = max(side, width / (4 * Double(n)), height / (4 * Double(n)))
    self.side = side
    originX = minX - margin
    originY = minY - margin
    columns = Int(width / side) + 1
    rows = Int(height / side) + 1
    // The cells of every segment in one pass, then filed by counting (segments stay in index
    // order within each cell).
    var cellOf: [Int32] = [], segmentOf: [Int32] = []
    cellOf.reserveCapacity(start.count * 2)
    segmentOf.reserveCapacity(start.count * 2)
    let geometry = (originX: originX, originY: originY, side: side, margin: margin, columns: columns, rows: rows)
    for s in 0..<start.count {
      let i = Int(start[s])
      Self.cover(xs[i], ys[i], xs[i + 1], ys[i + 1], geometry) { c in
        cellOf.append(Int32(c))
        segmentOf.append(Int32(s))
      }
    }
    var counts = [Int32](repeating: 0, count: columns * rows + 1)
    for c in cellOf { counts[Int(c) + 1] += 1 }
    for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
    cellStart = counts
    var cells = [Int32](repeating: 0, count: cellOf.count)
    for (c, s) in zip(cellOf, segmentOf) {
      cells[Int(counts[Int(c)])] = s
      counts[Int(c)] += 1
    }
    cellSegments = cells
  }

  var count: Int { start.count }

  /// The end points of segment `s`.
  @inline(__always) func ends(_ s: Int) -> (x0: Double, y0: Double, x1: Double, y1: Double) {
    let i = Int(start[s])
    return (xs[i], ys[i], xs[i + 1], ys[i + 1])
  }

  /// The cell holding point (x, y), clamped to the grid.
  @inline(__always) func cell(x: Double, y: Double) -> Int {
    let column = min(columns - 1, max(0, Int(((x - originX) / side).rounded(.down))))
    let row = min(rows - 1, max(0, Int(((y - originY) / side).rounded(.down))))
    return row * columns + column
  }

  /// Calls `body` with every cell holding a point within the margin of segment (x0, y0)–(x1, y1).
  ///
  /// A segment whose thickened box spans at most 2 × 2 cells (most of them: cells are twice the
  /// mean segment long) is filed in the cells of that box. A longer one, for each column its
  /// thickened box meets, in the rows its y spans over that column's x range widened by the
  /// margin, widened by the margin again: a point within the margin of the segment is within
  /// it of a point of the segment whose x lies in the point's column widened by the margin.
  @inline(__always)
  private static func cover(
    _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
    _ grid: (originX: Double, originY: Double, side: Double, margin: Double, columns: Int, rows: Int), _ body: (Int) -> Void
  ) {
    let (originX, originY, side, margin, columns, rows) = grid
    func column(_ x: Double) -> Int { min(columns - 1, max(0, Int(((x - originX) / side).rounded(.down)))) }
    func row(_ y: Double) -> Int { min(rows - 1, max(0, Int(((y - originY) / side).rounded(.down)))) }
    var (x0, y0, x1, y1) = (x0, y0, x1, y1)
    if x1 < x0 { (x0, y0, x1, y1) = (x1, y1, x0, y0) }
    let c0 = column(x0 - margin), c1 = column(x1 + margin)
    let r0 = row(min(y0, y1) - margin), r1 = row(max(y0, y1) + margin)
    if c1 - c0 <= 1 && r1 - r0 <= 1 {
      for r in r0...r1 { for c in c0...c1 { body(r * columns + c) } }
      return
    }
    let dx = x1 - x0
    for c in c0...c1 {
      // The part of the segment whose x lies in the column widened by the margin.
      let left = max(x0, originX + Double(c) * side - margin), right = min(x1, originX + Double(c + 1) * side + margin)
      // A vertical segment, or (by rounding) no overlap: the whole y span, which covers more.
      var low = min(y0, y1), high = max(y0, y1)
      if dx > 0 && left <= right {
        let ya = y0 + (y1 - y0) * ((left - x0) / dx), yb = y0 + (y1 - y0) * ((right - x0) / dx)
        low = min(ya, yb)
        high = max(ya, yb)
      }
      for r in row(low - margin)...row(high + margin) { body(r * columns + c) }
    }
  }
}
