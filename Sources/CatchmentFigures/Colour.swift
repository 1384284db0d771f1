import Foundation

/// An sRGB colour, components in 0...1, written as `#rrggbb`.
public struct Colour: Sendable, Equatable {
  public var red: Double
  public var green: Double
  public var blue: Double

  public init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// `#rrggbb`, each component round(v × 255) with ties to even (as matplotlib's `to_hex`,
  /// Python's `round`), clamped to 0...255.
  public var hex: String {
    let digits = Array("0123456789abcdef")
    var out = "#"
    for v in [red, green, blue] {
      let scaled = (min(max(v.isFinite ? v : 0, 0), 1) * 255).rounded(.toNearestOrEven)
      let byte = Int(scaled)  // finite and in 0...255 by the clamp above
      out.append(digits[byte / 16])
      out.append(digits[byte % 16])
    }
    return out
  }

  /// Relative luminance (WCAG 2.x: linearised sRGB, 0.2126 R + 0.7152 G + 0.0722 B), 0...1.
  public var luminance: Double {
    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// Black or white, whichever contrasts more with this colour (for text drawn on it).
  public var textColour: String {
    // Contrast ratios (L1 + 0.05) / (L2 + 0.05) against black (L = 0) and white (L = 1) are
    // equal at L = 0.179.
    luminance > 0.179 ? "#000000" : "#ffffff"
  }

  /// Linear interpolation in sRGB between `a` (t = 0) and `b` (t = 1), as matplotlib does
  /// between the anchors of a segmented map.
  static func mix(_ a: Colour, _ b: Colour, _ t: Double) -> Colour {
    Colour(red: a.red + (b.red - a.red) * t, green: a.green + (b.green - a.green) * t, blue: a.blue + (b.blue - a.blue) * t)
  }
}
