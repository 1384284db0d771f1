import CatchmentGeometry
import CatchmentTestSupport

/// A tessellation for the border tests: `columns` × `rows` cells of 100 × 100 m whose inner
/// borders zigzag (seeded), each border built once and used by both its cells, so neighbours
/// share their vertices exactly; the outer borders are straight lines with points along them.
struct JaggedGrid {
  let columns: Int
  let rows: Int
  /// Vertical border at column line i (0...columns), row j: points from bottom to top.
  var vertical: [[[(x: Double, y: Double)]]] = []
  /// Horizontal border at row line j (0...rows), column i: points from left to right.
  var horizontal: [[[(x: Double, y: Double)]]] = []

  init(columns: Int, rows: Int, seed: UInt64) {
    self.columns = columns
    self.rows = rows
    var random = SeededGenerator(seed: seed)
    func jitter(_ inner: Bool) -> Double { inner ? Double(Int(random.next() % 17) - 8) : 0 }
    for i in 0...columns {
      let inner = i > 0 && i < columns
      var borders: [[(x: Double, y: Double)]] = []
      for j in 0..<rows {
        var points: [(x: Double, y: Double)] = []
        for k in 0...10 {
          let dx: Double = k == 0 || k == 10 ? 0 : jitter(inner)
          points.append((Double(i * 100) + dx, Double(j * 100 + k * 10)))
        }
        borders.append(points)
      }
      vertical.append(borders)
    }
    for j in 0...rows {
      let inner = j > 0 && j < rows
      var borders: [[(x: Double, y: Double)]] = []
      for i in 0..<columns {
        var points: [(x: Double, y: Double)] = []
        for k in 0...10 {
          let dy: Double = k == 0 || k == 10 ? 0 : jitter(inner)
          points.append((Double(i * 100 + k * 10), Double(j * 100) + dy))
        }
        borders.append(points)
      }
      horizontal.append(borders)
    }
  }

  /// The cells as a layer, anticlockwise rings, ids "c{i}-{j}".
  var layer: PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for j in 0..<rows {
      for i in 0..<columns {
        var ring = horizontal[j][i]
        ring += vertical[i + 1][j].dropFirst()
        ring += horizontal[j + 1][i].reversed().dropFirst()
        ring += vertical[i][j].reversed().dropFirst()
        for p in ring { layer.addPoint(x: p.x, y: p.y) }
        layer.endRing()
        layer.endPolygon()
        layer.endFeature(id: "c\(i)-\(j)", name: "Cell \(i),\(j)")
      }
    }
    return layer
  }
}

/// Drawn edges of rings (closed point lists), undirected, with how many ring sides use each.
func drawnEdgeUses(_ rings: [[(x: Double, y: Double)]]) -> [DrawnEdge: Int] {
  var uses: [DrawnEdge: Int] = [:]
  for ring in rings {
    for k in 0..<(ring.count - 1) where ring[k] != ring[k + 1] { uses[DrawnEdge(ring[k], ring[k + 1]), default: 0] += 1 }
  }
  return uses
}

struct DrawnEdge: Hashable {
  let a: [Double]
  let b: [Double]
  init(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double)) {
    let (u, v) = ([p.x, p.y], [q.x, q.y])
    (a, b) = u.lexicographicallyPrecedes(v) ? (u, v) : (v, u)
  }
}

extension DrawnEdge {
  /// Whether both ends lie on the border of the drawing (0...width × 0...height).
  func onFrame(width: Double, height: Double) -> Bool {
    func on(_ p: [Double]) -> Bool { p[0] == 0 || p[0] == width || p[1] == 0 || p[1] == height }
    return on(a) && on(b)
  }
}
