import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentRegions
import CatchmentTables

/// The inputs of `regions`: flows of residents of each zone to units, where the units are, the
/// zones' population and adjacency (and, optionally, their polygons), turned into a
/// ``CatchmentRegions/ZoneGraph`` with every flow accounted for.
///
/// The zones are those of the adjacency file (a zone with no neighbour cannot be placed in a
/// contiguous region). Every flow read ends in the graph or in a tally of the account:
/// Σ flow read = Σ flow in the graph + Σ losses (amounts in the flow's unit; see
/// ``RegionFlowJoin``). With shares, flow = share × the zone's population, and the part of a
/// zone's population its shares leave unattributed (shares summing below 1) is an expected
/// exclusion, reported.
public struct RegionInputs: Sendable {
  /// The flow table: one row per zone of residence and unit.
  public struct Flows: Sendable, Equatable {
    public var path: String
    public var zoneColumn: String
    public var unitColumn: String
    /// Counts (`.count`), or shares of the zone's population (`.share`).
    public var measure: ActivityColumns.Measure
    /// Row filters `COLUMN=VALUE` (files that stack years or admission types).
    public var filters: [String]
    public init(path: String, zoneColumn: String, unitColumn: String, measure: ActivityColumns.Measure, filters: [String] = []) {
      self.path = path
      self.zoneColumn = zoneColumn
      self.unitColumn = unitColumn
      self.measure = measure
      self.filters = filters
    }
  }

  /// A zone population table.
  public struct Population: Sendable, Equatable {
    public var path: String
    public var columns: PopulationColumns
    public init(path: String, columns: PopulationColumns) {
      self.path = path
      self.columns = columns
    }
  }

  public var flows: Flows
  public var units: UnitPlacement
  /// The adjacency CSV (`zone_a,zone_b,shared_m,kind`).
  public var adjacency: String
  public var population: Population
  /// Zone polygons: area, perimeter and compactness of the regions, and where unit points lie.
  public var zones: LayerSpec?
  /// Projected, in metres.
  public var workingCRS: CRSReference
  public var workers: Int

  public init(
    flows: Flows, units: UnitPlacement, adjacency: String, population: Population, zones: LayerSpec?, workingCRS: CRSReference, workers: Int
  ) {
    self.flows = flows
    self.units = units
    self.adjacency = adjacency
    self.population = population
    self.zones = zones
    self.workingCRS = workingCRS
    self.workers = workers
  }

  /// The graph and the account of everything read, set aside and lost.
  ///
  /// - Throws: ``CatchmentTables/TableError`` (file and line) for bad rows of any table;
  ///   ``RegionInputError`` for settings that do not fit together; the readers' errors;
  ///   ``CatchmentRegions/RegionError`` when the graph itself is refused.
  public func load() throws -> (graph: ZoneGraph, account: RunAccount) {
    var account = RunAccount()
    let adjacency = try AdjacencyFile(path: self.adjacency)
    account.append(contentsOf: adjacency.account)
    guard !adjacency.zoneIDs.isEmpty else { throw RegionInputError.emptyAdjacency(file: self.adjacency) }
    var zoneTable = CodeTable()
    for id in adjacency.zoneIDs { _ = zoneTable.intern(id) }
    let lookup = ZoneLookup(zones: zoneTable)

    let (zonePopulation, populationAccount) = try ZonePopulation.read(
      path: population.path, columns: population.columns, zones: zoneTable, lookup: lookup, of: "the adjacency")
    account.append(contentsOf: populationAccount)

    var shapes: (area: [Double], perimeter: [Double])?
    var layer: PolygonLayer?
    if let zones {
      let loaded = try zones.loadProjected(workingCRS: workingCRS, workers: workers)
      account.append(contentsOf: loaded.account)
      layer = loaded.layer
      let measured = ZoneShapes.measure(loaded.layer)
      shapes = Self.shapes(measured, zoneIDs: adjacency.zoneIDs, file: zones.paths.joined(separator: ", "), account: &account)
    }

    let located: UnitLocations
    switch units {
    case .table(let table): located = try UnitLocations.read(table)
    case .points(let points):
      guard let layer else { throw RegionInputError.pointsNeedZones }
      located = try UnitLocations.locate(points, zones: layer, workingCRS: workingCRS, workers: workers)
    }
    account.append(contentsOf: located.account)

    let join = try RegionFlowJoin(
      flows: flows, zoneIDs: adjacency.zoneIDs, lookup: lookup, population: zonePopulation, zoneOfUnit: located.zoneOfUnit)
    account.append(contentsOf: join.account)

    let graph = try ZoneGraph(
      zoneIDs: adjacency.zoneIDs, population: zonePopulation.values, links: adjacency.links, units: join.units, unitZone: join.unitZone,
      flows: join.flows, zoneArea: shapes?.area, zonePerimeter: shapes?.perimeter)
    return (graph, account)
  }

  /// Area and perimeter per zone of the adjacency, from the polygons measured; nil (with a
  /// warning naming the zones) when some zone has no polygon, since a region's area would
  /// then be short.
  static func shapes(_ measured: ZoneShapes, zoneIDs: [String], file: String, account: inout RunAccount) -> (area: [Double], perimeter: [Double])? {
    var position: [String: Int] = [:]
    for (i, id) in measured.ids.enumerated() { position[id] = i }
    var area: [Double] = [], perimeter: [Double] = [], missing: [String] = []
    for id in zoneIDs {
      guard let i = position[id] else {
        missing.append(id)
        continue
      }
      area.append(measured.areaSquareMetres[i])
      perimeter.append(measured.perimeterMetres[i])
    }
    let inAdjacency = Set(zoneIDs)
    let extra = measured.ids.filter { !inAdjacency.contains($0) }
    if !extra.isEmpty {
      account.note("\(extra.count) zone polygons of \(file) are not in the adjacency (not used)", codes: extra)
    }
    guard missing.isEmpty else {
      account.warn("\(missing.count) zones of the adjacency have no polygon in \(file): area, perimeter and compactness are left out", codes: missing)
      return nil
    }
    return (area, perimeter)
  }
}

/// Why the inputs of `regions` do not fit together.
public enum RegionInputError: Error, Sendable, Equatable {
  /// The adjacency file has no rows.
  case emptyAdjacency(file: String)
  /// Units given as points but no zone polygons to locate them in.
  case pointsNeedZones
}
