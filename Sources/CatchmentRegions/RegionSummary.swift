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
  /// Regions' self-containment weighted by their residents' flow: Σ (internal/resident)·resident /
  /// Σ resident, which is Σ internal / Σ flow, the overall figure (kept because the curve reports it).
  public var meanSelfContainment: Double
  public var populationRange: ClosedRange<Double>
  /// Ids of regions below the minimum or above the maximum population, byte order.
  public var outOfBounds: [String]
  /// Ids of regions in more than one piece, byte order.
  public var inPieces: [String]

  /// Measures `regions` on `graph`; `parts` counted under `contiguity`; regions below `minPopulation`
  /// or above `maxPopulation` listed in ``outOfBounds``.
  public init(
    _ graph: ZoneGraph, _ regions: Regions, minPopulation: Double? = nil, maxPopulation: Double? = nil,
    contiguity: Contiguity = .rook
  ) {
    let m = regions.ids.count
    let label = regions.regionOfZone
    let state = RegionState(graph, label: label, count: m)
    let (population, resident, internalFlow, inflow) = (state.population, state.resident, state.internalFlow, state.inflow)
    var area = [Double](repeating: 0, count: m), perimeter = area
    var units = [Int](repeating: 0, count: m)
    for z in 0..<graph.zoneCount {
      let r = Int(label[z])
      if let a = graph.zoneArea { area[r] += a[z] }
      if let p = graph.zonePerimeter {
        perimeter[r] += p[z]
        // Each inner boundary is counted by both its zones: once per side here.
        for k in Int(graph.adjStart[z])..<Int(graph.adjStart[z + 1]) where Int(label[Int(graph.adjZone[k])]) == r {
          perimeter[r] -= graph.adjShared[k]
        }
      }
    }
    for u in graph.unitZone { units[Int(label[Int(u)])] += 1 }
    let parts = Neighbours(graph, contiguity).partsPerRegion(label, regions: m)
    let hasShapes = graph.zoneArea != nil && graph.zonePerimeter != nil
    rows = (0..<m).map { r in
      let a = hasShapes ? area[r] / 1e6 : nil
      let p = hasShapes ? max(0, perimeter[r]) / 1e3 : nil
      var compactness: Double? = nil
      if let a, let p, a > 0 { compactness = p / (2 * (Double.pi * a).squareRoot()) }
      return Row(
        regionID: regions.ids[r], population: population[r], zones: Int(state.size[r]), units: units[r],
        residentFlow: resident[r], internalFlow: internalFlow[r],
        selfContainment: resident[r] > 0 ? internalFlow[r] / resident[r] : 0,
        marketShare: inflow[r] > 0 ? internalFlow[r] / inflow[r] : 0, parts: parts[r], areaKm2: a,
        perimeterKm: p, compactness: compactness)
    }
    rows.sort { $0.regionID.bytePrecedes($1.regionID) }
    let totalInternal = internalFlow.reduce(0, +)
    let totalResident = resident.reduce(0, +)
    overallSelfContainment = totalResident > 0 ? totalInternal / totalResident : 0
    // Flow-weighted mean of internal/resident is Σ internal / Σ resident over regions with flow, the
    // same as the overall figure; kept as its own field because the curve reports both.
    meanSelfContainment = overallSelfContainment
    minSelfContainment = rows.map(\.selfContainment).min() ?? 0
    let pops = rows.map(\.population)
    populationRange = (pops.min() ?? 0)...(pops.max() ?? 0)
    outOfBounds = rows.filter { r in
      (minPopulation.map { r.population < $0 } ?? false) || (maxPopulation.map { r.population > $0 } ?? false)
    }.map(\.regionID)
    inPieces = rows.filter { $0.parts > 1 }.map(\.regionID)
  }
}
