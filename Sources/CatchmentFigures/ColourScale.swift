import Foundation

/// A published colour map: its anchors and how values between them are coloured.
public enum ColourMap: String, Sendable, CaseIterable {
  /// Perceptually uniform, colour-blind safe, dark purple → yellow (matplotlib, CC0).
  case viridis
  /// viridis optimised for colour-vision deficiency, dark blue → yellow (Nuñez et al. 2018, CC0).
  case cividis
  /// ColorBrewer's diverging purple–orange (11 classes, colour-blind safe): orange for low,
  /// neutral #f7f7f7 in the centre, purple for high.
  case puOr = "PuOr"

  /// The colour at position `t` in 0...1 (clamped; NaN gives the lowest colour).
  ///
  /// viridis and cividis are matplotlib *listed* maps of 256 entries: like matplotlib's
  /// `colormaps[name](t)`, t picks entry min(⌊t·256⌋, 255), so every colour drawn is one of
  /// the published entries. PuOr is interpolated linearly in sRGB between its 11 anchors at
  /// t = k/10, so t = 0.5 is exactly its neutral centre.
  public func colour(at t: Double) -> Colour {
    let t = t.isNaN ? 0 : min(max(t, 0), 1)
    switch self {
    case .viridis, .cividis:
      let table = self == .viridis ? ColourTables.viridis : ColourTables.cividis
      let index = min(Int(t * Double(table.count)), table.count - 1)
      return Colour(table[index])
    case .puOr:
      let table = ColourTables.puOr
      let position = t * Double(table.count - 1)
      let lower = min(Int(position), table.count - 2)
      return Colour.mix(Colour(table[lower]), Colour(table[lower + 1]), position - Double(lower))
    }
  }
}

extension Colour {
  init(_ rgb: (Double, Double, Double)) { self.init(red: rgb.0, green: rgb.1, blue: rgb.2) }
}

/// Values to colours: a map over a domain of the measure's values.
///
/// Sequential: `low` → t = 0, `high` → t = 1, linear between. Diverging (``diverging(limit:map:)``):
/// the domain is −limit...limit, so 0 sits at t = 0.5, the map's neutral centre, and equal
/// magnitudes of opposite sign get equally strong colours.
public struct ColourScale: Sendable {
  public var map: ColourMap
  public var low: Double
  public var high: Double
  /// Colour of a missing value (no data): a light grey that none of the maps uses.
  public static let missing = Colour(red: 0.85, green: 0.85, blue: 0.85)

  /// Whether positions follow log₁₀ of the value (for counts spanning several orders of
  /// magnitude, such as a flow matrix: 9 and 328,555 patients). `low` is then positive.
  public var logarithmic = false

  public init(map: ColourMap, low: Double, high: Double, logarithmic: Bool = false) {
    self.map = map
    self.low = low
    self.high = high
    self.logarithmic = logarithmic && low > 0
  }

  /// A logarithmic scale from the smallest positive finite value (at least 1) to the largest
  /// (1...10 when there is none): each tenfold step gets the same share of the colours, so that
  /// 45 and 10,849 patients look different when the largest cell holds 328,555.
  public static func logarithmic(_ map: ColourMap = .viridis, values: [Double]) -> ColourScale {
    let positive = values.filter { $0.isFinite && $0 > 0 }
    let low = max(1, positive.min() ?? 1), high = positive.max() ?? 10
    return ColourScale(map: map, low: low, high: high > low ? high : low * 10, logarithmic: true)
  }

  /// A scale for the finite values given: from their minimum to their maximum (0...1 when
  /// there are none; a one-value domain is widened by 1 either side of it).
  public static func sequential(_ map: ColourMap = .viridis, values: [Double]) -> ColourScale {
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return ColourScale(map: map, low: 0, high: 1) }
    return lo < hi ? ColourScale(map: map, low: lo, high: hi) : ColourScale(map: map, low: lo - 1, high: hi + 1)
  }

  /// A scale for counts of people (residents, patients): from 0 to the largest finite value, so
  /// that colours compare amounts — two nearly equal counts get nearly equal colours, where a
  /// minimum-to-maximum domain would stretch a 1 % difference over the whole map. With a
  /// negative value it is ``sequential(_:values:)``; 0...1 when no value is positive.
  public static func counts(_ map: ColourMap = .viridis, values: [Double]) -> ColourScale {
    let finite = values.filter(\.isFinite)
    if finite.contains(where: { $0 < 0 }) { return sequential(map, values: finite) }
    let high = finite.max() ?? 0
    return ColourScale(map: map, low: 0, high: high > 0 ? high : 1)
  }

  /// A diverging scale centred on 0 over −limit...limit, limit = the largest magnitude among
  /// the finite values (1 when all are 0 or none is finite).
  public static func diverging(values: [Double], map: ColourMap = .puOr) -> ColourScale {
    let limit = values.filter(\.isFinite).map(abs).max() ?? 0
    return diverging(limit: limit > 0 ? limit : 1, map: map)
  }

  /// A diverging scale over −limit...limit.
  public static func diverging(limit: Double, map: ColourMap = .puOr) -> ColourScale {
    ColourScale(map: map, low: -limit, high: limit)
  }

  /// Position of `value` in the domain, 0...1 (clamped; on a logarithmic scale a value at or
  /// below `low`, 0 included, is at 0).
  public func position(_ value: Double) -> Double {
    guard high > low else { return 0.5 }
    if logarithmic {
      guard value > low else { return 0 }
      return min(max(log10(value / low) / log10(high / low), 0), 1)
    }
    return min(max((value - low) / (high - low), 0), 1)
  }

  /// The value at position `t` (0...1): the inverse of ``position(_:)`` within the domain.
  public func value(at t: Double) -> Double {
    logarithmic ? low * pow(high / low, t) : low + (high - low) * t
  }

  /// The colour of `value`; ``missing`` for nil or a value that is not finite.
  public func colour(_ value: Double?) -> Colour {
    guard let value, value.isFinite else { return Self.missing }
    return map.colour(at: position(value))
  }
}
