import Testing

@testable import CatchmentAnalysis

@Suite struct ParallelChunksTests {
  struct Failure: Error, Equatable { let item: Int }

  @Test(arguments: [1, 2, 3, 7])
  func resultsComeInItemOrder(workers: Int) throws {
    // The state counts the items each task did: every item is done exactly once.
    let squares = try ParallelChunks.map(count: 5_000, workers: workers, makeState: { 0 }) { done, i in
      done += 1
      return i * i
    }
    #expect(squares == (0..<5_000).map { $0 * $0 })
    #expect(try ParallelChunks.map(count: 0, workers: workers, makeState: { 0 }) { _, i in i }.isEmpty)
  }

  @Test(arguments: [1, 2, 3, 7])
  func theFirstFailingItemIsReportedWhateverTheScheduling(workers: Int) {
    #expect(throws: Failure(item: 1_234)) {
      _ = try ParallelChunks.map(count: 5_000, workers: workers, makeState: { () }) { _, i in
        if i == 4_321 || i == 1_234 { throw Failure(item: i) }
        return i
      }
    }
  }
}
