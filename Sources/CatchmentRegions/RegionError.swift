/// What can go wrong when building a zone graph or drawing regions. Never names a command-line flag:
/// the CLI maps each case to its own message.
public enum RegionError: Error, Sendable, Equatable {
  /// The zones' arrays do not have one entry per zone (`what`: population, zoneArea, zonePerimeter,
  /// blockOfZone, footprintOfZone).
  case countMismatch(what: String, expected: Int, found: Int)
  /// The same zone (or unit, or block) code twice.
  case duplicateID(what: String, id: String)
  /// An index that is not that of a zone (or unit, or block): `what` says which array, `position` where.
  case indexOutOfRange(what: String, position: Int, index: Int32)
  /// A population, flow, area or perimeter that is negative, NaN or infinite.
  case invalidValue(what: String, position: Int, value: Double)
  /// A graph without zones.
  case noZones
  /// `regions` must lie in 1…zones (or 1…blocks when regions are made of blocks).
  case regionCountOutOfRange(requested: Int, available: Int)
  /// Fewer regions asked for than the graph has connected pieces under the contiguity (no links between
  /// islands): contiguous regions cannot be that few.
  case regionCountBelowComponents(requested: Int, components: Int)
  /// The method needs a number of regions (`optimise`) and none was given.
  case regionCountRequired
  /// Minimum population above the maximum.
  case invalidBounds(minimum: Double, maximum: Double)
  /// TTWA parameters out of order (sizes or self-containments, see ``TTWAParameters``).
  case invalidTTWAParameters
}
