/// A spatial index over rectangles: a uniform grid of buckets, each listing the rectangles
/// that overlap it.
///
/// Footprint layers have tens to a few thousand features of similar size, for which a grid
/// sized to about one rectangle per cell answers "which rectangles may meet this one" in
/// near-constant time, deterministically (results in item order), in pure Swift and shareable
/// across tasks (unlike a GEOS STRtree, which belongs to one context).
public struct EnvelopeIndex: Sendable {
  private let envelopes: [Envelope]
  private let bounds: Envelope
  private let columns: Int, rows: Int
  private let cellWidth: Double, cellHeight: Double
  /// Items of cell c are `cellItems[cellStart[c]..<cellStart[c+1]]`, ascending.
  private let cellStart: [Int32]
  private let cellItems: [Int32]

  /// Indexes `envelopes` (empty envelopes are never returned).
  public init(_ envelopes: [Envelope]) {
    self.envelopes = envelopes
    let valid = envelopes.filter { $0.minX <= $0.maxX && $0.minY <= $0.maxY }
    var b = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
    for e in valid {
      b.minX = min(b.minX, e.minX)
      b.minY = min(b.minY, e.minY)
      b.maxX = max(b.maxX, e.maxX)
      b.maxY = max(b.maxY, e.maxY)
    }
    if valid.isEmpty { b = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1) }
    bounds = b
    // About one cell per item, in the bounds' aspect ratio.
    // Sizes are clamped as Doubles before any conversion to Int: coordinates as large as
    // 1e300 (a corrupt or mis-declared file) make widths, ratios and cell positions infinite
    // or NaN, which must give a coarse grid, not a trap.
    let width = max(b.maxX - b.minX, 1e-9), height = max(b.maxY - b.minY, 1e-9)
    let cells = max(1.0, Double(valid.count))
    columns = Self.count((cells * width / height).squareRoot().rounded(.up))
    rows = Self.count((cells / Double(columns)).rounded(.up))
    cellWidth = width / Double(columns)
    cellHeight = height / Double(rows)
    var counts = [Int32](repeating: 0, count: columns * rows + 1)
    var spans: [(Int, Int, Int, Int)] = []
    spans.reserveCapacity(envelopes.count)
    for e in envelopes {
      guard e.minX <= e.maxX && e.minY <= e.maxY else {
        spans.append((1, 0, 1, 0))
        continue
      }
      let span = Self.cellSpan(e, b, cellWidth, cellHeight, columns, rows)
      spans.append(span)
      for r in span.2...span.3 { for c in span.0...span.1 { counts[r * columns + c + 1] += 1 } }
    }
    for k in 0..<(columns * rows) { counts[k + 1] += counts[k] }
    var fill = counts
    var items = [Int32](repeating: 0, count: Int(counts.last!))
    for (i, span) in spans.enumerated() where span.0 <= span.1 {
      for r in span.2...span.3 {
        for c in span.0...span.1 {
          items[Int(fill[r * columns + c])] = Int32(i)
          fill[r * columns + c] += 1
        }
      }
    }
    cellStart = counts
    cellItems = items
  }

  private static func cellSpan(
    _ e: Envelope, _ b: Envelope, _ w: Double, _ h: Double, _ columns: Int, _ rows: Int
  ) -> (Int, Int, Int, Int) {
    // NaN (∞ − ∞, ∞ ÷ ∞) goes to cell 0; anything beyond the grid to its last cell.
    func clamp(_ v: Double, _ n: Int) -> Int {
      let cell = v.rounded(.down)
      guard cell >= 0 else { return 0 }
      return cell < Double(n - 1) ? Int(cell) : n - 1
    }
    return (clamp((e.minX - b.minX) / w, columns), clamp((e.maxX - b.minX) / w, columns),
            clamp((e.minY - b.minY) / h, rows), clamp((e.maxY - b.minY) / h, rows))
  }

  /// A number of grid columns or rows: `value` clamped to 1…4096 (NaN and ∞ included).
  private static func count(_ value: Double) -> Int {
    guard value >= 1 else { return 1 }
    return value < 4096 ? Int(value) : 4096
  }

  /// Items whose rectangle intersects `query`, ascending.
  public func query(_ query: Envelope) -> [Int] {
    guard query.intersects(bounds) else { return [] }
    let span = Self.cellSpan(query, bounds, cellWidth, cellHeight, columns, rows)
    var found: [Int] = []
    for r in span.2...span.3 {
      for c in span.0...span.1 {
        let cell = r * columns + c
        for k in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
          let item = Int(cellItems[k])
          if envelopes[item].intersects(query) { found.append(item) }
        }
      }
    }
    if span.0 != span.1 || span.2 != span.3 {
      found.sort()
      var unique: [Int] = []
      unique.reserveCapacity(found.count)
      for item in found where unique.last != item { unique.append(item) }
      return unique
    }
    return found
  }

  /// Items in ascending order of the distance between their rectangle and `query`, nearest
  /// first, with those distances (a lower bound of the true geometry distance).
  public func byEnvelopeDistance(from query: Envelope) -> [(item: Int, distance: Double)] {
    envelopes.indices.filter { envelopes[$0].minX <= envelopes[$0].maxX }
      .map { ($0, envelopes[$0].distance(to: query)) }
      .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
  }
}
