/// The adjacency of a ``ZoneGraph`` kept to the kinds a ``Contiguity`` admits, in compressed rows.
struct Neighbours: Sendable {
  var start: [Int32]
  var zone: [Int32]
  /// Shared boundary in metres (0 for links and corners).
  var shared: [Double]

  init(_ graph: ZoneGraph, _ contiguity: Contiguity) {
    let n = graph.zoneCount
    start = [Int32](repeating: 0, count: n + 1)
    zone = []
    shared = []
    zone.reserveCapacity(graph.adjZone.count)
    shared.reserveCapacity(graph.adjZone.count)
    for z in 0..<n {
      for k in Int(graph.adjStart[z])..<Int(graph.adjStart[z + 1]) where contiguity.admits(graph.adjKind[k]) {
        zone.append(graph.adjZone[k])
        shared.append(graph.adjShared[k])
      }
      start[z + 1] = Int32(zone.count)
    }
  }

  @inline(__always) func range(_ z: Int) -> Range<Int> { Int(start[z])..<Int(start[z + 1]) }

  /// Connected pieces of each region: `piece[z]` numbers the pieces 0, 1, … in order of their first zone,
  /// and `count` is how many there are. Zones with a negative region are pieces of their own kind
  /// (grouped like a region labelled -1).
  func pieces(of region: [Int32]) -> (piece: [Int32], count: Int) {
    let n = region.count
    var piece = [Int32](repeating: -1, count: n)
    var stack: [Int32] = []
    var count: Int32 = 0
    for s in 0..<n where piece[s] < 0 {
      piece[s] = count
      stack.append(Int32(s))
      while let z = stack.popLast() {
        for k in range(Int(z)) {
          let w = Int(zone[k])
          if piece[w] < 0, region[w] == region[s] {
            piece[w] = count
            stack.append(Int32(w))
          }
        }
      }
      count += 1
    }
    return (piece, Int(count))
  }

  /// Pieces per region label (labels 0..<regions; negative labels ignored).
  func partsPerRegion(_ region: [Int32], regions: Int) -> [Int] {
    let (piece, count) = pieces(of: region)
    var seen = [Bool](repeating: false, count: count)
    var parts = [Int](repeating: 0, count: regions)
    for z in 0..<region.count where region[z] >= 0 && !seen[Int(piece[z])] {
      seen[Int(piece[z])] = true
      parts[Int(region[z])] += 1
    }
    return parts
  }
}
