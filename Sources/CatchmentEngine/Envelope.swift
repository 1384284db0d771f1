/// An axis-aligned rectangle: minimum and maximum x and y, in the units of the layer's CRS
/// (metres in the working CRS).
///
/// An envelope with `minX > maxX` is empty (the envelope of an empty geometry, ``empty``); it
/// intersects nothing.
public struct Envelope: Sendable, Equatable, CustomStringConvertible {
  public var minX, minY, maxX, maxY: Double

  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// The empty envelope (inverted infinite bounds), the identity of ``union(_:)``.
  public static let empty = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

  /// True when the envelope holds no point.
  @inlinable public var isEmpty: Bool { !(minX <= maxX && minY <= maxY) }

  /// True when the rectangles share any point (edges included).
  @inlinable public func intersects(_ other: Envelope) -> Bool {
    minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
  }

  /// The smallest distance between the rectangles (0 when they meet).
  @inlinable public func distance(to other: Envelope) -> Double {
    let dx = max(0, max(other.minX - maxX, minX - other.maxX))
    let dy = max(0, max(other.minY - maxY, minY - other.maxY))
    return (dx * dx + dy * dy).squareRoot()
  }

  /// The smallest envelope holding both.
  @inlinable public func union(_ other: Envelope) -> Envelope {
    Envelope(
      minX: min(minX, other.minX), minY: min(minY, other.minY),
      maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
  }

  /// The envelope grown by `distance` on every side.
  @inlinable public func expanded(by distance: Double) -> Envelope {
    Envelope(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
  }

  public var description: String { "[\(minX), \(minY) – \(maxX), \(maxY)]" }
}
