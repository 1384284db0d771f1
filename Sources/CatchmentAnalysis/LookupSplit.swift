import CatchmentCore
import CatchmentGeometry
import CatchmentTables

/// Where the weights of a lookup's zones with several targets come from (`--split-by`).
public enum SplitMethod: String, Sendable, CaseIterable {
  /// The targets' populations: w(a→b) = pop(b) ÷ Σb′ pop(b′) over a's targets.
  case population
  /// The area of each piece: w(a→b) = area(a ∩ b) ÷ Σb′ area(a ∩ b′) over a's targets.
  case area
  /// Equal shares, 1 ÷ n for n targets: an assumption, which the report names.
  case equal
}

/// The polygons an area split measures: the crosswalk's zones (the lookup's source side after
/// its direction) and their targets.
public struct SplitPolygons {
  /// The zones, in their own CRS when ``projectZones`` is given, else in the working CRS.
  public var zones: PolygonLayer
  /// Brings zone coordinates into the working CRS (see ``SpatialCrosswalk/area(zones:projectZones:footprints:basis:minWeight:workers:)``).
  public var projectZones: ((inout [Double], inout [Double]) throws -> RunAccount)?
  /// The targets, in the working CRS (projected, metres).
  public var targets: PolygonLayer
  public var workers: Int

  public init(zones: PolygonLayer, projectZones: ((inout [Double], inout [Double]) throws -> RunAccount)?, targets: PolygonLayer, workers: Int) {
    self.zones = zones
    self.projectZones = projectZones
    self.targets = targets
    self.workers = workers
  }
}

/// A split without what it weighs by.
public enum LookupSplitError: Error, Sendable, CustomStringConvertible {
  /// A population split without a population table, or an area split without polygons.
  case missingSource(SplitMethod)

  public var description: String {
    switch self {
    case .missingSource(.area): return "an area split needs the polygons of the zones and of their targets"
    case .missingSource: return "a population split needs a population table of the targets"
    }
  }
}

/// Weighs the zones of a lookup that have several targets (``CatchmentCore/LookupLinks``), the
/// bridge between boundary vintages: by the targets' populations, by area, or equally.
///
/// Rules, each reported:
/// - a zone with one target keeps weight 1, whatever the method;
/// - complex (X) zones are weighed by area whenever polygons are given, otherwise by population
///   (a warning names them), or by the chosen method when there is no population either;
/// - a population split that meets a target with population 0 or missing splits that zone
///   equally (named); an area split of a zone that meets none of its targets' polygons falls
///   back to population when a table is given, else to equal shares (named);
/// - equal shares are an assumption: the report says so, naming the zones.
/// The account counts the zones of each change code by the method that weighed them.
public struct LookupSplit {
  public var method: SplitMethod
  /// The targets' populations (e.g. LSOA 2011 estimates going 2021 → 2011).
  public var population: PopulationTable?
  public var polygons: SplitPolygons?

  public init(method: SplitMethod, population: PopulationTable? = nil, polygons: SplitPolygons? = nil) {
    self.method = method
    self.population = population
    self.polygons = polygons
  }

  /// The crosswalk of `links`, with the reading's account and the split's.
  ///
  /// - Throws: ``LookupSplitError`` when the method's source is missing; a population row of a
  ///   target whose value is not a valid amount, or the line that ended the table's read.
  public func crosswalk(_ links: LookupLinks) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    if method == .population && population == nil { throw LookupSplitError.missingSource(.population) }
    if method == .area && polygons == nil { throw LookupSplitError.missingSource(.area) }
    let split = links.splitZones
    var account = RunAccount()
    // Each split zone's first choice: X zones by area when polygons are given.
    var primary: [Int: SplitMethod] = [:]
    for z in split {
      guard links.zoneChange[z] == "X" else {
        primary[z] = method
        continue
      }
      if polygons != nil {
        primary[z] = .area
      } else if population != nil {
        primary[z] = .population
      } else {
        primary[z] = method
      }
    }
    let complexWithoutArea = split.filter { links.zoneChange[$0] == "X" && polygons == nil }.map { links.zones[$0] }
    if !complexWithoutArea.isEmpty {
      let how = population != nil ? "by the targets' population" : method == .equal ? "equally" : "by \(method.rawValue)"
      account.warn("\(complexWithoutArea.count) complex (X) zones were split \(how), not by area: no polygons were given", codes: complexWithoutArea)
    }

    let areas = try measuredAreas(links, zones: split.filter { primary[$0] == .area }, account: &account)
    let populations = try targetPopulations(links, zones: split, account: &account)

    var equalByChoice: [String] = []
    var zeroPopulation: [String] = []
    var noOverlap: [String] = []
    let result = try links.crosswalk { z in
      let targets = links.targets(ofZone: z)
      let equal = (weights: [Double](repeating: 1 / Double(targets.count), count: targets.count), method: "split equally")
      func byPopulation() -> (weights: [Double], method: String)? {
        let values = targets.map { populations[$0] ?? 0 }
        guard values.allSatisfy({ $0 > 0 }) else { return nil }
        let total = values.reduce(0, +)
        return (values.map { $0 / total }, "split by population")
      }
      switch primary[z]! {
      case .equal:
        equalByChoice.append(links.zones[z])
        return equal
      case .population:
        if let weights = byPopulation() { return weights }
        zeroPopulation.append(links.zones[z])
        return equal
      case .area:
        let pieces = areas[z] ?? []
        let total = pieces.reduce(0, +)
        if total > 0 { return (pieces.map { $0 / total }, "split by area") }
        noOverlap.append(links.zones[z])
        if population != nil {
          if let weights = byPopulation() { return weights }
          zeroPopulation.append(links.zones[z])
        }
        return equal
      }
    }
    account.figure("lookup zones with several targets, split", Double(split.count))
    if !equalByChoice.isEmpty {
      account.warn("\(equalByChoice.count) zones were split equally between their targets: an assumption, not a measure of where their people live", codes: equalByChoice)
    }
    if !noOverlap.isEmpty {
      account.warn(
        "\(noOverlap.count) zones meet none of their targets' polygons (or have none): split \(population != nil ? "by the targets' population" : "equally") instead of by area",
        codes: noOverlap)
    }
    if !zeroPopulation.isEmpty, let population {
      account.warn("\(zeroPopulation.count) zones have a target with population 0 or missing in \(population.path): split equally", codes: zeroPopulation)
    }
    var combined = result.account
    combined.append(contentsOf: account)
    return (result.crosswalk, combined)
  }

  /// The population of each target of the split zones, from ``population`` (empty without one);
  /// the table's input summary goes in `account`.
  func targetPopulations(_ links: LookupLinks, zones: [Int], account: inout RunAccount) throws -> [String: Double] {
    guard let population else { return [:] }
    if let failure = population.readFailure { throw failure }
    var summary = population.summary
    summary.role = "split population"
    summary.rowsCounted = population.rowCode.count
    account.add(summary)
    var wanted = Set<Int32>()
    for z in zones { for target in links.targets(ofZone: z) { if let id = population.codes.find(target) { wanted.insert(id) } } }
    // A target whose row holds no valid amount is an error, as in any population read.
    for row in population.rowCode.indices where population.rowValue[row].isNaN && wanted.contains(population.rowCode[row]) {
      if let error = population.error(ofRow: row) { throw error }
    }
    var values: [String: Double] = [:]
    for id in wanted { values[population.codes.code(id)] = population.valuePerCode[Int(id)] }
    return values
  }
}
