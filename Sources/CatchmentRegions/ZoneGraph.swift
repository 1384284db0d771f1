/// Zones, their adjacencies and the flows between them, in compact arrays.
///
/// Flow semantics: the flow of residents of zone z to unit u lands in the zone holding u
/// (`unitZone[u]`), so the unit flows become a zone → zone matrix, kept both ways in compressed rows
/// (``outStart``/``outZone``/``outFlow`` by residents' zone, ``inStart``/``inZone``/``inFlow`` by the
/// units' zone). A region's self-containment is its internal flow over its residents' flow; its market
/// share, internal over the flow into its units; overall self-containment, Σ internal / Σ flow.
public struct ZoneGraph: Sendable {
  /// Zone codes, unique, in the order given (indices are positions here).
  public let zoneIDs: [String]
  public let population: [Double]
  /// Unit codes, unique.
  public let units: [String]
  /// For each unit, the zone holding it.
  public let unitZone: [Int32]
  /// Square metres per zone, when polygons were at hand.
  public let zoneArea: [Double]?
  /// Metres of boundary per zone (all rings), when polygons were at hand.
  public let zonePerimeter: [Double]?

  /// Adjacency in compressed rows: the neighbours of zone z are `adjZone[adjStart[z]..<adjStart[z+1]]`,
  /// in increasing index order, each pair once per side (a pair given twice keeps its strongest kind
  /// and longest shared length).
  public let adjStart: [Int32]
  public let adjZone: [Int32]
  public let adjShared: [Double]
  public let adjKind: [ZoneLinkKind]

  /// Zone → zone flow by residents' zone (destinations in increasing order, z → z included).
  public let outStart: [Int32]
  public let outZone: [Int32]
  public let outFlow: [Double]
  /// The same flows by destination zone (origins in increasing order).
  public let inStart: [Int32]
  public let inZone: [Int32]
  public let inFlow: [Double]
  /// Zone → unit flows by zone (units in increasing index order, repeated pairs summed).
  public let unitFlowStart: [Int32]
  public let unitFlowUnit: [Int32]
  public let unitFlowValue: [Double]

  /// Flow of each zone's residents (to any located unit).
  public let residentFlow: [Double]
  /// Flow into the units of each zone.
  public let inflow: [Double]
  /// Flow from each zone's residents to units in the same zone.
  public let selfFlow: [Double]
  /// Σ of every flow.
  public let totalFlow: Double

  public var zoneCount: Int { zoneIDs.count }

  /// Builds the graph, checking every index and value.
  ///
  /// - Parameters:
  ///   - zoneIDs: unique zone codes.
  ///   - population: residents per zone (≥ 0).
  ///   - links: adjacencies (indices into `zoneIDs`; self-pairs ignored).
  ///   - units: unique unit codes; `unitZone`: the zone holding each.
  ///   - flows: zone → unit flows (≥ 0; repeated pairs summed).
  ///   - zoneArea: square metres per zone; `zonePerimeter`: metres per zone (both optional).
  public init(
    zoneIDs: [String], population: [Double], links: [ZoneLink], units: [String], unitZone: [Int32],
    flows: [ZoneUnitFlow], zoneArea: [Double]? = nil, zonePerimeter: [Double]? = nil
  ) throws(RegionError) {
    let n = zoneIDs.count
    guard n > 0 else { throw .noZones }
    try Self.checkUnique(zoneIDs, what: "zone")
    try Self.checkUnique(units, what: "unit")
    guard population.count == n else { throw .countMismatch(what: "population", expected: n, found: population.count) }
    guard unitZone.count == units.count else {
      throw .countMismatch(what: "unitZone", expected: units.count, found: unitZone.count)
    }
    try Self.checkValues(population, what: "population")
    if let zoneArea {
      guard zoneArea.count == n else { throw .countMismatch(what: "zoneArea", expected: n, found: zoneArea.count) }
      try Self.checkValues(zoneArea, what: "zoneArea")
    }
    if let zonePerimeter {
      guard zonePerimeter.count == n else {
        throw .countMismatch(what: "zonePerimeter", expected: n, found: zonePerimeter.count)
      }
      try Self.checkValues(zonePerimeter, what: "zonePerimeter")
    }
    for (i, z) in unitZone.enumerated() where z < 0 || Int(z) >= n {
      throw .indexOutOfRange(what: "unitZone", position: i, index: z)
    }
    self.zoneIDs = zoneIDs
    self.population = population
    self.units = units
    self.unitZone = unitZone
    self.zoneArea = zoneArea
    self.zonePerimeter = zonePerimeter

    let adjacency = try Self.buildAdjacency(links, zones: n)
    adjStart = adjacency.start
    adjZone = adjacency.zone
    adjShared = adjacency.shared
    adjKind = adjacency.kind

    let built = try Self.buildFlows(flows, zones: n, unitZone: unitZone)
    unitFlowStart = built.unitStart
    unitFlowUnit = built.unit
    unitFlowValue = built.unitValue
    outStart = built.outStart
    outZone = built.outZone
    outFlow = built.outFlow
    inStart = built.inStart
    inZone = built.inZone
    inFlow = built.inFlow
    var resident = [Double](repeating: 0, count: n)
    var into = [Double](repeating: 0, count: n)
    var own = [Double](repeating: 0, count: n)
    var total = 0.0
    for z in 0..<n {
      for k in Int(outStart[z])..<Int(outStart[z + 1]) {
        let f = outFlow[k]
        resident[z] += f
        into[Int(outZone[k])] += f
        if Int(outZone[k]) == z { own[z] += f }
        total += f
      }
    }
    residentFlow = resident
    inflow = into
    selfFlow = own
    totalFlow = total
  }

  private static func checkUnique(_ ids: [String], what: String) throws(RegionError) {
    var seen = Set<String>(minimumCapacity: ids.count)
    for id in ids where !seen.insert(id).inserted { throw .duplicateID(what: what, id: id) }
  }

  private static func checkValues(_ values: [Double], what: String) throws(RegionError) {
    for (i, v) in values.enumerated() where !(v.isFinite && v >= 0) {
      throw .invalidValue(what: what, position: i, value: v)
    }
  }
}
