/// Projected coordinates (metres, y north) to drawing coordinates (pixels, y down).
///
/// The layer's bounding box is fitted into `width` × `height` less `margin` on every side,
/// with one scale for both axes (the aspect kept) and centred; y is flipped.
public struct MapFrame: Sendable, Equatable {
  public let width: Double
  public let height: Double
  /// Pixels per layer unit (per metre in a projected CRS).
  public let scale: Double
  let originX: Double
  let originY: Double

  /// A frame fitting the box minX...maxX × minY...maxY. A box of no extent (one point) is drawn
  /// at scale 1 in the middle.
  public init(minX: Double, minY: Double, maxX: Double, maxY: Double, width: Double, height: Double, margin: Double) {
    self.width = width
    self.height = height
    let spanX = maxX - minX, spanY = maxY - minY
    let innerW = max(width - 2 * margin, 1), innerH = max(height - 2 * margin, 1)
    var s = min(spanX > 0 ? innerW / spanX : .infinity, spanY > 0 ? innerH / spanY : .infinity)
    if !s.isFinite || s <= 0 { s = 1 }
    scale = s
    // The box's centre goes to the drawing's centre.
    originX = width / 2 - (minX + maxX) / 2 * s
    originY = height / 2 + (minY + maxY) / 2 * s
  }

  /// A frame fitting every coordinate of `xs`/`ys` within `width` × `height`, then trimmed to
  /// the drawing (plus its margin) so that a wide region leaves no empty band above and below,
  /// nor a tall one at its sides. Throws when a coordinate is not finite or there is none.
  public init(xs: [Double], ys: [Double], width: Double, height: Double, margin: Double) throws(FigureError) {
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    for (x, y) in zip(xs, ys) {
      guard x.isFinite && y.isFinite else { throw .coordinateNotFinite }
      minX = min(minX, x)
      maxX = max(maxX, x)
      minY = min(minY, y)
      maxY = max(maxY, y)
    }
    guard minX <= maxX else { throw .nothingToDraw }
    let fit = MapFrame(minX: minX, minY: minY, maxX: maxX, maxY: maxY, width: width, height: height, margin: margin)
    // Whole pixels, rounded up so that the drawing still fits.
    let trimmedW = min(width, ((maxX - minX) * fit.scale + 2 * margin).rounded(.up))
    let trimmedH = min(height, ((maxY - minY) * fit.scale + 2 * margin).rounded(.up))
    self.init(minX: minX, minY: minY, maxX: maxX, maxY: maxY, width: trimmedW, height: trimmedH, margin: margin)
  }

  /// The drawing position of (x, y).
  public func project(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
    (originX + x * scale, originY - y * scale)
  }
}

/// Why a figure cannot be drawn.
public enum FigureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A polygon coordinate is NaN or infinite.
  case coordinateNotFinite
  /// The layer has no vertex to draw.
  case nothingToDraw
  /// A matrix row does not have as many values as there are column labels.
  case matrixRowLength(row: String, expected: Int, found: Int)

  public var description: String {
    switch self {
    case .coordinateNotFinite: "a polygon coordinate is not a finite number"
    case .nothingToDraw: "the layer has no polygon to draw"
    case .matrixRowLength(let row, let expected, let found): "matrix row \(row) has \(found) values for \(expected) columns"
    }
  }
}
