/// The regionalisation methods on a ``ZoneGraph``.
public enum Regionalisation {
  /// Regions drawn by `settings.method`; every region is in one piece under `settings.contiguity` when
  /// the graph is connected under it.
  ///
  /// - Throws: ``RegionError/regionCountRequired`` (optimise without a count),
  ///   ``RegionError/regionCountOutOfRange(requested:available:)``, ``RegionError/invalidBounds(minimum:maximum:)``,
  ///   ``RegionError/countMismatch(what:expected:found:)`` for blocks of another layer.
  public static func regions(_ graph: ZoneGraph, _ settings: RegionSettings) throws(RegionError) -> Regions {
    fatalError("not yet")
  }

  /// The regions of an existing layer (e.g. ICB codes per zone). Zones with nil are gathered in one
  /// region with id "" (counted in ``RegionNotes/zonesOutsideLayer``) so that every flow stays accounted for.
  public static func evaluate(_ graph: ZoneGraph, footprintOfZone: [String?]) -> Regions {
    fatalError("not yet")
  }

  /// One ``CurvePoint`` per K in `regions`, the other settings as given (the method must be `optimise`;
  /// others give the same regions at every K). Deterministic whatever `settings.workers`.
  public static func curve(_ graph: ZoneGraph, _ settings: RegionSettings, regions: ClosedRange<Int>)
    throws(RegionError) -> [CurvePoint]
  {
    fatalError("not yet")
  }
}
