import Foundation

extension PolygonLayer {
  /// The grid on which near vertices are merged before a layer's zones are dissolved
  /// (``mergingNearVertices(grid:)``): a power of ten, 10⁻⁹ of the largest coordinate
  /// magnitude rounded down (10⁻⁴ m for England in British National Grid metres, 10⁻⁸ ° in
  /// degrees). Nil for an empty layer or one with non-finite coordinates.
  ///
  /// Boundary sets written by GDAL one council at a time repeat a shared vertex with
  /// different last digits (ONS LSOA 2011 BGC as GeoJSON per council: −0.02002988414692 and
  /// −0.020029884146919 for the same point), so GEOS finds neighbours "incorrectly noded" and
  /// refuses their coverage union. Differences at 10⁻¹⁵ of a coordinate fall in one cell of a
  /// grid of 10⁻⁹; a vertex merged moves by less than two grid steps.
  public var dissolveGrid: Double? {
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
    let extent = max(maxX - minX, maxY - minY, abs(maxX), abs(maxY), abs(minX), abs(minY))
    guard extent.isFinite, extent > 0 else { return nil }
    return pow(10, (log10(extent)).rounded(.down) - 9)
  }

  /// This layer with vertices that round to the same cell of `grid` made one: each takes the
  /// coordinates of the first vertex of its cell in layer order, so every coordinate of the
  /// result is a coordinate of the input and a layer without near-duplicates is returned
  /// unchanged. Two values straddling a cell border stay apart (for differences at 10⁻¹⁵ of a
  /// coordinate on a grid of 10⁻⁹, about one pair in a million); the dissolve then falls back
  /// to the general union for that footprint, as before.
  ///
  /// - Returns: the layer and how many vertices moved.
  public func mergingNearVertices(grid: Double) -> (layer: PolygonLayer, moved: Int) {
    var out = self
    var moved = 0
    // An open-addressing table of the first vertex of each cell (-1: empty), at most half
    // full: on national layers (millions of vertices) a Dictionary's hashing took ten times
    // as long.
    var capacity = 16
    while capacity < 2 * xs.count { capacity <<= 1 }
    let mask = capacity - 1
    var firstOfCell = [Int32](repeating: -1, count: capacity)
    @inline(__always) func cell(_ i: Int) -> (Int64, Int64) {
      // Finite coordinates no larger than 10^10 grid steps (the grid is 10⁻⁹ of the largest).
      (Int64((xs[i] / grid).rounded()), Int64((ys[i] / grid).rounded()))
    }
    for i in xs.indices {
      let key = cell(i)
      let mixed = UInt64(bitPattern: key.0) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: key.1) &* 0xC2B2_AE3D_27D4_EB4F
      var slot = Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) & UInt64(mask))
      while true {
        let j = Int(firstOfCell[slot])
        if j < 0 {
          firstOfCell[slot] = Int32(i)
          break
        }
        if cell(j) == key {
          if xs[j] != xs[i] || ys[j] != ys[i] {
            out.xs[i] = xs[j]
            out.ys[i] = ys[j]
            moved += 1
          }
          break
        }
        slot = (slot + 1) & mask
      }
    }
    return (out, moved)
  }
}
