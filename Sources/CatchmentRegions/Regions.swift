/// Zones grouped into regions.
///
/// Region ids: the code of the unit located in the region that receives the most flow from the
/// region's residents (ties: code order); a region holding no unit takes its first zone code in byte
/// order. ``ids`` are unique and in byte order; ``regionOfZone`` gives each zone's index into ``ids``.
public struct Regions: Sendable, Equatable {
  public var ids: [String]
  /// For each zone, the index of its region in ``ids``.
  public var regionOfZone: [Int32]
  /// What the run had to work around, for the report.
  public var notes: RegionNotes
  public init(ids: [String], regionOfZone: [Int32], notes: RegionNotes = RegionNotes()) {
    self.ids = ids
    self.regionOfZone = regionOfZone
    self.notes = notes
  }
}

/// Facts about a regionalisation the report should state (none is an error).
public struct RegionNotes: Sendable, Equatable {
  /// Blocks whose zones are not in one piece under the chosen contiguity (treated as one node anyway).
  public var blocksInPieces: [String] = []
  /// Zones whose residents send no flow to any located unit (joined to a neighbour by shared boundary).
  public var zonesWithoutFlow: Int = 0
  /// Detached pieces of plurality regions joined to a neighbour.
  public var piecesJoined: Int = 0
  /// Regions merged because they were below the minimum population.
  public var smallRegionsMerged: Int = 0
  /// Zones not in the evaluated layer (``Regionalisation/evaluate(_:footprintOfZone:)``), gathered in region "".
  public var zonesOutsideLayer: Int = 0
  public init() {}
}
