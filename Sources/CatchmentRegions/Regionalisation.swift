/// The regionalisation methods on a ``ZoneGraph``.
///
/// Every method works on the graph with its zones and units in byte order of their codes (the graph
/// is rebuilt in that order when it is not), so ties broken by index are broken by code and the result
/// does not depend on the order of the input.
public enum Regionalisation {
  /// Regions drawn by `settings.method`; every region is in one piece under `settings.contiguity` when
  /// the graph is connected under it (blocks in pieces excepted, reported in ``RegionNotes/blocksInPieces``).
  ///
  /// - Throws: ``RegionError/regionCountRequired`` (optimise without a count),
  ///   ``RegionError/regionCountOutOfRange(requested:available:)``,
  ///   ``RegionError/regionCountBelowComponents(requested:components:)`` (islands not linked),
  ///   ``RegionError/invalidBounds(minimum:maximum:)``,
  ///   ``RegionError/countMismatch(what:expected:found:)`` or ``RegionError/indexOutOfRange(what:position:index:)``
  ///   for blocks that do not fit the graph, ``RegionError/invalidTTWAParameters``.
  public static func regions(_ graph: ZoneGraph, _ settings: RegionSettings) throws(RegionError) -> Regions {
    try check(graph, settings)
    if let blocks = settings.blocks {
      let coarse = try BlockGraph(graph, blocks, contiguity: settings.contiguity)
      var plain = settings
      plain.blocks = nil
      let onBlocks = try regions(coarse.graph, plain)
      var notes = onBlocks.notes
      notes.blocksInPieces = coarse.blocksInPieces
      let label = coarse.blockOfZone.map { onBlocks.regionOfZone[Int($0)] }
      return RegionNaming.regions(graph, label: label, count: onBlocks.ids.count, notes: notes)
    }
    if let (canonical, order) = try graph.canonical() {
      let inOrder = try regions(canonical, settings)
      var label = [Int32](repeating: 0, count: graph.zoneCount)
      for (i, z) in order.enumerated() { label[Int(z)] = inOrder.regionOfZone[i] }
      return Regions(ids: inOrder.ids, regionOfZone: label, notes: inOrder.notes)
    }
    let nb = Neighbours(graph, settings.contiguity)
    if case .optimise = settings.method, let k = settings.regions {
      let components = nb.pieces(of: [Int32](repeating: 0, count: graph.zoneCount)).count
      if k < components { throw .regionCountBelowComponents(requested: k, components: components) }
    }
    switch settings.method {
    case .plurality:
      let result = Plurality.labels(graph, nb, minPopulation: settings.minPopulation)
      return RegionNaming.regions(graph, label: result.label, count: result.count, notes: result.notes)
    case .ttwa(let parameters):
      let result = TTWA.labels(graph, nb, parameters)
      return RegionNaming.regions(graph, label: result.label, count: result.count)
    case .optimise:
      let result = try Optimise(
        graph, nb, contiguity: settings.contiguity, minPopulation: settings.minPopulation,
        maxPopulation: settings.maxPopulation
      ).labels(regions: settings.regions!)
      return RegionNaming.regions(graph, label: result.label, count: result.count)
    }
  }

  /// The regions of an existing layer (e.g. ICB codes per zone), ids = the layer's codes in byte order.
  /// Zones with nil are gathered in one region with id "" (counted in ``RegionNotes/zonesOutsideLayer``),
  /// so that every flow stays accounted for; a `footprintOfZone` of the wrong length is read as far as it
  /// goes, the missing zones being outside the layer.
  public static func evaluate(_ graph: ZoneGraph, footprintOfZone: [String?]) -> Regions {
    var notes = RegionNotes()
    let codes = (0..<graph.zoneCount).map { z -> String in
      guard z < footprintOfZone.count, let code = footprintOfZone[z] else {
        notes.zonesOutsideLayer += 1
        return ""
      }
      return code
    }
    let ids = Set(codes).sorted { $0.bytePrecedes($1) }
    var index: [String: Int32] = [:]
    for (i, id) in ids.enumerated() { index[id] = Int32(i) }
    return Regions(ids: ids, regionOfZone: codes.map { index[$0]! }, notes: notes)
  }

  /// One ``CurvePoint`` per K in `regions`, the other settings as given, measured as ``RegionSummary``
  /// measures them. With `optimise`, one agglomeration serves every K and each K's local search runs on
  /// its own thread (up to `settings.workers`); the points do not depend on the number of threads.
  /// Other methods do not take K: every point is then the same regions.
  public static func curve(_ graph: ZoneGraph, _ settings: RegionSettings, regions range: ClosedRange<Int>)
    throws(RegionError) -> [CurvePoint]
  {
    var first = settings
    first.regions = range.lowerBound
    try check(graph, first)
    first.regions = range.upperBound
    try check(graph, first)
    let all = try curveRegions(graph, settings, regions: range)
    return zip(range, all).map { k, regions in
      let summary = RegionSummary(
        graph, regions, minPopulation: settings.minPopulation, maxPopulation: settings.maxPopulation,
        contiguity: settings.contiguity)
      return CurvePoint(
        regions: k, overallSelfContainment: summary.overallSelfContainment,
        minSelfContainment: summary.minSelfContainment, meanSelfContainment: summary.meanSelfContainment,
        minPopulation: summary.populationRange.lowerBound, maxPopulation: summary.populationRange.upperBound,
        outOfBounds: summary.outOfBounds.count)
    }
  }

  /// The regions of each K of the curve (checked settings).
  static func curveRegions(_ graph: ZoneGraph, _ settings: RegionSettings, regions range: ClosedRange<Int>)
    throws(RegionError) -> [Regions]
  {
    if let blocks = settings.blocks {
      // Drawn on the block graph, expanded to zones and measured there like a single run.
      let coarse = try BlockGraph(graph, blocks, contiguity: settings.contiguity)
      var plain = settings
      plain.blocks = nil
      return try curveRegions(coarse.graph, plain, regions: range).map { onBlocks in
        var notes = onBlocks.notes
        notes.blocksInPieces = coarse.blocksInPieces
        let label = coarse.blockOfZone.map { onBlocks.regionOfZone[Int($0)] }
        return RegionNaming.regions(graph, label: label, count: onBlocks.ids.count, notes: notes)
      }
    }
    guard case .optimise = settings.method else {
      var each: [Regions] = []
      for k in range {
        var s = settings
        s.regions = k
        each.append(try regions(graph, s))
      }
      return each
    }
    let (g, order) = try graph.canonical() ?? (graph, (0..<graph.zoneCount).map { Int32($0) })
    let nb = Neighbours(g, settings.contiguity)
    let components = nb.pieces(of: [Int32](repeating: 0, count: g.zoneCount)).count
    if range.lowerBound < components {
      throw .regionCountBelowComponents(requested: range.lowerBound, components: components)
    }
    let labels = try Optimise(
      g, nb, contiguity: settings.contiguity, minPopulation: settings.minPopulation,
      maxPopulation: settings.maxPopulation
    ).curve(regions: range, workers: max(1, settings.workers))
    return labels.map { result in
      let named = RegionNaming.regions(g, label: result.label, count: result.count)
      var label = [Int32](repeating: 0, count: graph.zoneCount)
      for (i, z) in order.enumerated() { label[Int(z)] = named.regionOfZone[i] }
      return Regions(ids: named.ids, regionOfZone: label)
    }
  }

  /// The settings' own consistency and their fit to the graph.
  static func check(_ graph: ZoneGraph, _ settings: RegionSettings) throws(RegionError) {
    if let lo = settings.minPopulation, let hi = settings.maxPopulation, lo > hi {
      throw .invalidBounds(minimum: lo, maximum: hi)
    }
    if let blocks = settings.blocks {
      guard blocks.blockOfZone.count == graph.zoneCount else {
        throw .countMismatch(what: "blockOfZone", expected: graph.zoneCount, found: blocks.blockOfZone.count)
      }
      for (i, b) in blocks.blockOfZone.enumerated() where b < 0 || Int(b) >= blocks.ids.count {
        throw .indexOutOfRange(what: "blockOfZone", position: i, index: b)
      }
    }
    switch settings.method {
    case .optimise:
      guard let k = settings.regions else { throw .regionCountRequired }
      let available = settings.blocks.map { Set($0.blockOfZone).count } ?? graph.zoneCount
      guard k >= 1, k <= available else { throw .regionCountOutOfRange(requested: k, available: available) }
    case .ttwa(let p):
      guard p.minSize >= 0, p.minSize <= p.targetSize, p.minSelfContainment <= p.selfContainment,
        p.minSelfContainment >= 0, p.selfContainment <= 1
      else { throw .invalidTTWAParameters }
    case .plurality:
      break
    }
  }
}
