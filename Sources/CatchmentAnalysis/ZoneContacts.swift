/// The zone pairs whose boundaries meet, with the length of boundary they share: every pair of
/// segments of different zones filed in one cell of a ``SegmentGrid`` is measured
/// (``SegmentContact``), and counted in the one cell that holds its contact point, so a pair
/// of segments filed together in several cells counts once.
///
/// Rows of cells are shared among the workers; each row's contacts are summed in cell order,
/// then the rows' sums are added in row order, so the lengths (to the last bit) do not depend on
/// how many workers ran or which row each took.
struct ZoneContacts {
  /// Zone pairs, `a < b`, ordered by (a, b).
  var a: [Int32] = []
  var b: [Int32] = []
  /// Length of boundary each pair shares, in metres (0 when they only touch).
  var shared: [Double] = []

  /// The contacts of the segments of `grid`, within `tolerance` metres.
  static func measure(_ grid: SegmentGrid, tolerance: Double, workers: Int) throws -> ZoneContacts {
    let rows = try ParallelChunks.map(count: grid.rows, workers: workers, makeState: { () }) { _, row in
      contacts(inRow: row, of: grid, tolerance: tolerance)
    }
    // Pairs keyed a·2³² + b, so the key order is the (a, b) order.
    var index: [UInt64: Int] = [:]
    var keys: [UInt64] = [], lengths: [Double] = []
    for row in rows {
      for (key, length) in zip(row.keys, row.lengths) {
        if let k = index[key] {
          lengths[k] += length
        } else {
          index[key] = keys.count
          keys.append(key)
          lengths.append(length)
        }
      }
    }
    var out = ZoneContacts()
    for k in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
      out.a.append(Int32(truncatingIfNeeded: keys[k] >> 32))
      out.b.append(Int32(truncatingIfNeeded: keys[k] & 0xFFFF_FFFF))
      out.shared.append(lengths[k])
    }
    return out
  }

  /// One row's pairs and lengths, summed in the order met (cells left to right, segment pairs
  /// in index order), keys in first-met order.
  private static func contacts(inRow row: Int, of grid: SegmentGrid, tolerance: Double) -> (keys: [UInt64], lengths: [Double]) {
    var index: [UInt64: Int] = [:]
    var keys: [UInt64] = [], lengths: [Double] = []
    // Contacts come in runs of one zone pair (a cell holds two or three zones' segments): the
    // last pair's slot saves most lookups.
    var lastKey = UInt64.max, lastSlot = 0
    for cell in (row * grid.columns)..<((row + 1) * grid.columns) {
      let first = Int(grid.cellStart[cell]), last = Int(grid.cellStart[cell + 1])
      guard last - first > 1 else { continue }
      for i in first..<(last - 1) {
        let s = Int(grid.cellSegments[i])
        let zs = grid.zone[s]
        let (ax, ay, bx, by) = grid.ends(s)
        let sMinX = min(ax, bx) - tolerance, sMaxX = max(ax, bx) + tolerance
        let sMinY = min(ay, by) - tolerance, sMaxY = max(ay, by) + tolerance
        for j in (i + 1)..<last {
          let t = Int(grid.cellSegments[j])
          let zt = grid.zone[t]
          guard zt != zs else { continue }
          let (cx, cy, dx, dy) = grid.ends(t)
          guard max(cx, dx) >= sMinX, min(cx, dx) <= sMaxX, max(cy, dy) >= sMinY, min(cy, dy) <= sMaxY else { continue }
          guard let contact = SegmentContact.between(ax, ay, bx, by, cx, cy, dx, dy, tolerance: tolerance),
            grid.cell(x: contact.x, y: contact.y) == cell
          else { continue }
          let key = zs < zt ? UInt64(zs) << 32 | UInt64(zt) : UInt64(zt) << 32 | UInt64(zs)
          if key == lastKey {
            lengths[lastSlot] += contact.shared
          } else if let k = index[key] {
            (lastKey, lastSlot) = (key, k)
            lengths[k] += contact.shared
          } else {
            (lastKey, lastSlot) = (key, keys.count)
            index[key] = keys.count
            keys.append(key)
            lengths.append(contact.shared)
          }
        }
      }
    }
    return (keys, lengths)
  }
}
