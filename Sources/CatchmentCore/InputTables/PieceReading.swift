import CatchmentTables
import Dispatch
import Foundation

/// A piece of a table file read by one worker: the rows between two line ends, with its own
/// code tables, appended in file order to the pieces before it.
protocol TablePiece: Sendable {
  associatedtype Layout: Sendable
  /// Reads every record `reader` delivers.
  init(reader: CSVReader, layout: Layout) throws
  /// Appends the piece that follows this one in the file, renumbering its codes into this
  /// piece's tables (so ids stay in order of first appearance in the file).
  mutating func append(_ next: Self)
}

extension TablePiece {
  /// Reads the file of `reader` (past its header) in one piece per worker when the data exceed
  /// `parallelAbove` bytes, else in one pass; the pieces are appended in file order, so the
  /// result is the one pass's. Should any piece fail (a cut inside a quoted field spanning
  /// lines, a bad value), the file is read again in one pass, which gives errors their exact
  /// line numbers. Returns the whole file's piece and how many pieces were read.
  static func read(reader: CSVReader, layout: Layout, requiredFieldCount: Int, workers: Int, parallelAbove: Int) throws -> (piece: Self, pieces: Int) {
    let points = workers > 1 ? try CSVReader.splitPoints(of: reader, from: reader.dataStartOffset, parts: workers) : []
    if points.count > 2, let last = points.last, let first = points.first, last - first > parallelAbove,
      var pieces = readInParallel(reader: reader, points: points, layout: layout, requiredFieldCount: requiredFieldCount)
    {
      let count = pieces.count
      var piece = pieces.removeFirst()
      for next in pieces { piece.append(next) }
      return (piece, count)
    }
    return (try Self(reader: reader, layout: layout), 1)
  }

  /// Reads the pieces between `points` at once, one thread each; nil when any piece fails.
  private static func readInParallel(reader whole: CSVReader, points: [Int], layout: Layout, requiredFieldCount: Int) -> [Self]? {
    let results = PieceResults<Self>(count: points.count - 1)
    let shared = SharedDescriptor(whole)
    DispatchQueue.concurrentPerform(iterations: points.count - 1) { k in
      do {
        let reader = try CSVReader(piecesOf: shared.reader, byteRange: points[k]..<points[k + 1], firstLine: 0)
        reader.requiredFieldCount = requiredFieldCount
        results.set(k, try Self(reader: reader, layout: layout))
      } catch {
        results.set(k, nil)  // read again in one pass, which reports the error with its line
      }
    }
    return results.all
  }
}

/// Slots for the pieces read by concurrent workers; each worker writes only its own slot.
final class PieceResults<Piece: Sendable>: @unchecked Sendable {
  private var pieces: [Piece?]
  private var failed = false
  private let lock = NSLock()

  init(count: Int) { pieces = Array(repeating: nil, count: count) }

  func set(_ k: Int, _ piece: Piece?) {
    lock.withLock {
      pieces[k] = piece
      if piece == nil { failed = true }
    }
  }

  var all: [Piece]? { lock.withLock { failed ? nil : pieces.compactMap { $0 } } }
}

/// The whole-file reader whose descriptor the pieces of a parallel read read through. Safe to
/// share between threads: the pieces only `pread` through its descriptor (which moves no file
/// offset) and never touch its buffer, and it reads nothing itself until they are done.
final class SharedDescriptor: @unchecked Sendable {
  let reader: CSVReader
  init(_ reader: CSVReader) { self.reader = reader }
}
