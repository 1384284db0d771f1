import Testing

@testable import CatchmentEngine

@Suite struct EnvelopeIndexTests {
  @Test func findsOverlaps() {
    let index = EnvelopeIndex([
      Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10), Envelope(minX: 20, minY: 0, maxX: 32, maxY: 1),
      Envelope(minX: 5, minY: 0, maxX: 15, maxY: 10),
    ])
    #expect(index.query(Envelope(minX: 6, minY: 6, maxX: 7, maxY: 7)) == [0, 2])
    #expect(index.query(Envelope(minX: 25, minY: 0.5, maxX: 25, maxY: 0.5)) == [1])
    #expect(index.query(Envelope(minX: 100, minY: 100, maxX: 101, maxY: 101)).isEmpty)
    #expect(index.byEnvelopeDistance(from: Envelope(minX: 17, minY: 5, maxX: 17, maxY: 5)).map(\.item) == [2, 1, 0])
  }

  @Test func envelopeArithmetic() {
    let a = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
    let b = Envelope(minX: 4, minY: 5, maxX: 6, maxY: 7)
    #expect(a.distance(to: b) == 5)  // dx 3, dy 4
    #expect(a.union(b) == Envelope(minX: 0, minY: 0, maxX: 6, maxY: 7))
    #expect(Envelope.empty.union(a) == a)
    #expect(Envelope.empty.isEmpty && !a.isEmpty)
    #expect(!Envelope.empty.intersects(a))
    #expect(a.expanded(by: 1) == Envelope(minX: -1, minY: -1, maxX: 2, maxY: 2))
  }

  /// Coordinates a corrupt file can carry (1e300, ±1.7e308, a flat layer, NaN and ∞ queries)
  /// index and query without trapping, and still find what they overlap.
  @Test func hugeAndNonFiniteCoordinatesNeverTrap() {
    let hugeWide = EnvelopeIndex([
      Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), Envelope(minX: 1e300, minY: 0, maxX: 1e300, maxY: 0),
    ])
    #expect(hugeWide.query(Envelope(minX: 0.5, minY: 0.5, maxX: 0.6, maxY: 0.6)) == [0])
    #expect(hugeWide.query(Envelope(minX: 1e300, minY: 0, maxX: 1e300, maxY: 0)) == [1])
    let extremes = EnvelopeIndex([
      Envelope(minX: -1.7e308, minY: -1.7e308, maxX: 0, maxY: 0), Envelope(minX: 0, minY: 0, maxX: 1.7e308, maxY: 1.7e308),
    ])
    #expect(extremes.query(Envelope(minX: 1, minY: 1, maxX: 2, maxY: 2)) == [1])
    #expect(extremes.query(Envelope(minX: -.infinity, minY: -.infinity, maxX: .infinity, maxY: .infinity)) == [0, 1])
    #expect(extremes.query(Envelope(minX: .nan, minY: .nan, maxX: .nan, maxY: .nan)).isEmpty)
    #expect(extremes.byEnvelopeDistance(from: Envelope(minX: 5, minY: 5, maxX: 5, maxY: 5)).first?.item == 1)
  }
}
