/// Per-region measures (the `--summary-output` columns) and the overall figures of a regionalisation.
public struct RegionSummary: Sendable, Equatable {
  /// One region: `region_id,population,zones,units,resident_flow,internal_flow,self_containment,
  /// market_share,parts,area_km2,perimeter_km,compactness`.
  public struct Row: Sendable, Equatable {
    public var regionID: String
    public var population: Double
    public var zones: Int
    /// Units located in the region's zones.
    public var units: Int
    /// Flow of the region's residents.
    public var residentFlow: Double
    /// Flow of the region's residents to units in the region.
    public var internalFlow: Double
    /// internal / resident flow (0 when the region's residents send no flow).
    public var selfContainment: Double
    /// internal / flow into the region's units (0 when none flows in).
    public var marketShare: Double
    /// Connected pieces under the chosen contiguity (1 for a contiguous region).
    public var parts: Int
    /// Σ zone areas in km², nil without polygons.
    public var areaKm2: Double?
    /// Σ zone perimeters − 2 · Σ shared lengths between zones of the region, in km; nil without polygons.
    public var perimeterKm: Double?
    /// perimeter / (2·√(π·area)): 1 for a circle; nil without polygons or with no area.
    public var compactness: Double?
  }

  /// Rows in byte order of region id.
  public var rows: [Row]
  /// Σ internal / Σ flow.
  public var overallSelfContainment: Double
  public var minSelfContainment: Double
  /// Regions' self-containment weighted by their residents' flow.
  public var meanSelfContainment: Double
  public var populationRange: ClosedRange<Double>
  /// Ids of regions below the minimum or above the maximum population, byte order.
  public var outOfBounds: [String]
  /// Ids of regions in more than one piece, byte order.
  public var inPieces: [String]

  public init(
    _ graph: ZoneGraph, _ regions: Regions, minPopulation: Double? = nil, maxPopulation: Double? = nil,
    contiguity: Contiguity = .rook
  ) {
    fatalError("not yet")
  }
}
