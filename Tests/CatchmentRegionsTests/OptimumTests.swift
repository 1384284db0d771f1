import Testing

@testable import CatchmentRegions

/// The optimiser against the optimum found by enumerating every partition of a small grid into K
/// contiguous regions (restricted-growth strings; each region checked for one piece and for the bounds),
/// an independent computation of Σ internal flow from the raw flows.
@Suite struct OptimumTests {
  /// Best overall self-containment over all partitions of the grid into exactly k rook-contiguous regions
  /// with population in `bounds`.
  static func bruteForce(_ grid: GridFixture, k: Int, bounds: ClosedRange<Double>) -> Double {
    let n = grid.rows * grid.columns
    // flow[z][w]: from residents of zone z to units in zone w.
    var flow = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    var total = 0.0
    for f in grid.flows {
      flow[Int(f.zone)][grid.unitCells[Int(f.unit)]] += f.flow
      total += f.flow
    }
    var label = [Int](repeating: 0, count: n)
    var population = [Double](repeating: 0, count: k)
    var internalFlow = 0.0
    var best = -1.0
    func contiguous(_ r: Int) -> Bool {
      let cells = (0..<n).filter { label[$0] == r }
      var seen: Set<Int> = [cells[0]]
      var stack = [cells[0]]
      while let z = stack.popLast() {
        let (row, col) = (z / grid.columns, z % grid.columns)
        for (dr, dc) in [(0, 1), (1, 0), (0, -1), (-1, 0)] {
          let (nr, nc) = (row + dr, col + dc)
          guard nr >= 0, nr < grid.rows, nc >= 0, nc < grid.columns else { continue }
          let w = nr * grid.columns + nc
          if label[w] == r && seen.insert(w).inserted { stack.append(w) }
        }
      }
      return seen.count == cells.count
    }
    func visit(_ i: Int, _ used: Int) {
      if i == n {
        guard used == k, population.allSatisfy({ bounds.contains($0) }) else { return }
        guard internalFlow / total > best, (0..<k).allSatisfy(contiguous) else { return }
        best = internalFlow / total
        return
      }
      if n - i < k - used { return }
      for r in 0..<min(used + 1, k) where population[r] + grid.population[i] <= bounds.upperBound {
        label[i] = r
        population[r] += grid.population[i]
        // Flow between zone i and the zones already in r, both ways, and its own.
        var added = flow[i][i]
        for w in 0..<i where label[w] == r { added += flow[i][w] + flow[w][i] }
        internalFlow += added
        visit(i + 1, max(used, r + 1))
        internalFlow -= added
        population[r] -= grid.population[i]
      }
    }
    visit(0, 0)
    return best
  }

  /// More units than regions, as in practice (136 hospital zones for 42 regions in England), flows
  /// falling with distance, seeded noise on all but the last.
  @Test(arguments: [
    (GridFixture(rows: 3, columns: 4, unitCells: [0, 2, 5, 7, 9, 11], noise: 1), 3, 300.0...500.0),
    (GridFixture(rows: 3, columns: 4, unitCells: [0, 3, 5, 6, 8, 11], noise: 2), 3, 200.0...600.0),
    (GridFixture(rows: 3, columns: 4, unitCells: [1, 2, 4, 7, 8, 10], noise: 5), 4, 200.0...400.0),
    (GridFixture(rows: 3, columns: 3, unitCells: [0, 2, 4, 6, 8], noise: 4), 2, 300.0...600.0),
    (GridFixture(rows: 3, columns: 4, unitCells: [0, 1, 5, 6, 10, 11], noise: 9), 2, 400.0...800.0),
    (GridFixture(rows: 4, columns: 3, unitCells: [0, 2, 4, 7, 9, 11]), 3, 300.0...500.0),
  ])
  func optimiseReachesTheEnumeratedOptimum(grid: GridFixture, k: Int, bounds: ClosedRange<Double>) throws {
    let graph = try grid.graph()
    let regions = try Regionalisation.regions(
      graph,
      RegionSettings(method: .optimise, regions: k, minPopulation: bounds.lowerBound, maxPopulation: bounds.upperBound))
    let summary = RegionSummary(graph, regions, minPopulation: bounds.lowerBound, maxPopulation: bounds.upperBound)
    let optimum = Self.bruteForce(grid, k: k, bounds: bounds)
    #expect(regions.ids.count == k)
    #expect(summary.outOfBounds.isEmpty)
    #expect(regionPieces(graph, regions).allSatisfy { $0 == 1 })
    #expect(abs(summary.overallSelfContainment - optimum) < 1e-9, "optimum \(optimum)")
  }
}
