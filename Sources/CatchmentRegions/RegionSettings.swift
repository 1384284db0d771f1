/// How zones are grouped into regions.
public enum RegionMethod: Sendable, Equatable {
  /// Dartmouth's rule: each zone to the seed (zone holding units) receiving the plurality of its flow,
  /// detached pieces and zones without flow joined to a neighbour, then small regions merged.
  case plurality
  /// The ONS travel-to-work-area procedure (Coombes & Bond 2008), contiguity enforced.
  case ttwa(TTWAParameters)
  /// Exactly ``RegionSettings/regions`` contiguous regions within the population bounds, maximising
  /// overall self-containment.
  case optimise
}

/// The parameters of the ONS travel-to-work-area validity test (Coombes & Bond 2008, *Travel-to-Work
/// Areas: the 2007 review*, ONS): a proto-region is valid when its self-containment reaches
/// `selfContainment` at size `minSize`, or `minSelfContainment` at size `targetSize`, the requirement
/// falling linearly in between (and staying at `minSelfContainment` above `targetSize`).
///
/// Self-containment here is the lesser of the supply side (internal / flow of its residents) and the
/// demand side (internal / flow into its units). Size is the population. ONS's sizes (3,500 and 25,000)
/// count economically active residents; with whole populations and hospital flows, larger sizes fit.
public struct TTWAParameters: Sendable, Equatable {
  /// Self-containment required at `minSize` (ONS: 0.75).
  public var selfContainment: Double
  /// Self-containment required at `targetSize` and above (ONS: 0.667).
  public var minSelfContainment: Double
  /// Size (population) from which `minSelfContainment` is enough (ONS: 25,000 workers).
  public var targetSize: Double
  /// Smallest valid size (population) (ONS: 3,500 workers).
  public var minSize: Double
  public init(
    selfContainment: Double = 0.75, minSelfContainment: Double = 0.667, targetSize: Double = 25_000,
    minSize: Double = 3_500
  ) {
    self.selfContainment = selfContainment
    self.minSelfContainment = minSelfContainment
    self.targetSize = targetSize
    self.minSize = minSize
  }
}

/// Zones grouped into blocks (e.g. zones → upper-tier councils): regions are then unions of whole blocks.
public struct ZoneBlocks: Sendable, Equatable {
  /// Block codes, unique.
  public var ids: [String]
  /// For each zone of the graph, the index of its block in `ids`.
  public var blockOfZone: [Int32]
  public init(ids: [String], blockOfZone: [Int32]) {
    self.ids = ids
    self.blockOfZone = blockOfZone
  }
}

/// Everything a regionalisation needs besides the graph.
public struct RegionSettings: Sendable, Equatable {
  public var method: RegionMethod
  /// Number of regions (required by `optimise`; `plurality` and `ttwa` ignore it).
  public var regions: Int?
  /// Regions below are merged (plurality) or grown (optimise); every method reports them.
  public var minPopulation: Double?
  /// Regions above are reported; `optimise` keeps below it when it can.
  public var maxPopulation: Double?
  public var contiguity: Contiguity
  public var blocks: ZoneBlocks?
  /// Threads to use (at least 1); results never depend on it.
  public var workers: Int
  public init(
    method: RegionMethod, regions: Int? = nil, minPopulation: Double? = nil, maxPopulation: Double? = nil,
    contiguity: Contiguity = .rook, blocks: ZoneBlocks? = nil, workers: Int = 1
  ) {
    self.method = method
    self.regions = regions
    self.minPopulation = minPopulation
    self.maxPopulation = maxPopulation
    self.contiguity = contiguity
    self.blocks = blocks
    self.workers = workers
  }
}
