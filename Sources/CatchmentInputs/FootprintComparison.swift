import CatchmentAnalysis
import CatchmentCore

/// A baseline footprint layer and a proposal side by side, as `catchment compare` and the
/// review's comparison step compute them: per scenario the resident population, with
/// registrations the registered list, retention and capture, with councils the coterminosity,
/// with the inputs of catchments the member providers.
///
/// Every input is parsed once (``InputTables``) and joined to each scenario's crosswalk. The
/// baseline's steps report into the run's report; the proposal's into a report of their own,
/// merged labelled `proposal`, so every loss of either side reaches the run's report.
public struct FootprintComparison: Sendable {
  /// Registrations and where the practices are.
  public struct Registrations: Sendable {
    public var path: String
    /// The practice map (NHS gp-reg-pat-prac-map.csv).
    public var practiceMap: String
    /// The map's column of the baseline's footprints (e.g. ONS_ICB_CODE).
    public var baselineFootprint: String
    /// The map's column of the proposal's footprints; nil to place each practice with the zone
    /// most of its patients live in.
    public var proposalFootprint: String?

    public init(path: String, practiceMap: String, baselineFootprint: String, proposalFootprint: String? = nil) {
      self.path = path
      self.practiceMap = practiceMap
      self.baselineFootprint = baselineFootprint
      self.proposalFootprint = proposalFootprint
    }
  }

  public var populationPath: String
  public var populationColumns: PopulationColumns
  public var registrations: Registrations?
  /// A zone → council crosswalk, for coterminosity.
  public var councils: Crosswalk?
  /// The inputs of provider catchments, for member providers.
  public var sources: CatchmentSources?
  /// Membership threshold of member providers.
  public var threshold: Double
  /// Appended in brackets to the note that practices go with the zone most of their patients
  /// live in (the CLI names its option there).
  public var mostPatientsHint: String?
  /// The run's input tables.
  public var tables: InputTables

  public init(
    populationPath: String, populationColumns: PopulationColumns, registrations: Registrations? = nil, councils: Crosswalk? = nil,
    sources: CatchmentSources? = nil, threshold: Double = 0.05, mostPatientsHint: String? = nil, tables: InputTables = InputTables()
  ) {
    self.populationPath = populationPath
    self.populationColumns = populationColumns
    self.registrations = registrations
    self.councils = councils
    self.sources = sources
    self.threshold = threshold
    self.mostPatientsHint = mostPatientsHint
    self.tables = tables
  }

  /// What the comparison found: the measures per scenario (baseline first), the memberships
  /// (with the inputs of catchments) and the provider names.
  public struct Result: Sendable {
    public var scenarios: [ScenarioMeasures]
    public var memberships: [Membership]
    public var providerNames: [String: String]?
  }

  /// Compares `baseline` with `proposal`, recording in `report`.
  public func run(baseline: Crosswalk, proposal: Crosswalk, report: RunReport) throws -> Result {
    var result = Result(scenarios: [], memberships: [], providerNames: nil)
    var sources = self.sources
    sources?.tables = tables
    var countsAdded = false
    for (name, crosswalk) in [("baseline", baseline), ("proposal", proposal)] {
      let side = name == "baseline" ? report : RunReport(command: report.command)
      defer { if side !== report { report.merge(side, label: name) } }
      let population = try tables.population(path: populationPath, columns: populationColumns)
      let (zones, zonesAccount) = try ZonePopulation.join(population, crosswalk: crosswalk)
      side.record(zonesAccount)
      let resident = ResidentPopulation(population: zones, crosswalk: crosswalk)
      side.record(resident.unallocatedLoss())
      var measures = ScenarioMeasures(scenario: name, resident: resident)
      if let registrations {
        let counts = UnitZoneCounts(table: try tables.registrations(path: registrations.path), crosswalk: crosswalk)
        if !countsAdded {
          report.add(counts.summary)
          report.repeated(counts.repeatedRows)
          countsAdded = true
        }
        let map = try practiceMap(for: name, registrations: registrations, counts: counts, crosswalk: crosswalk, report: side)
        let matrix = FlowMatrix(counts: counts, crosswalk: crosswalk, map: map)
        side.record(matrix.account)
        measures.add(flows: FlowSummary(matrix: matrix))
      }
      if let councils {
        let overlap = try FootprintOverlap(a: crosswalk, b: councils, population: zones)
        side.record(overlap.account)
        measures.add(councils: overlap)
      }
      if let sources {
        let (catchments, names) = try sources.catchments(crosswalk: crosswalk, report: side)
        result.providerNames = names
        let membership = Membership(catchments: catchments, crosswalk: crosswalk, threshold: threshold)
        measures.add(membership: membership)
        result.memberships.append(membership)
      }
      result.scenarios.append(measures)
    }
    return result
  }

  /// The practices' footprints in a scenario: a practice map column, or, for a proposal without
  /// one, the footprint holding most of the zone where most of the practice's patients live.
  func practiceMap(
    for scenario: String, registrations: Registrations, counts: UnitZoneCounts, crosswalk: Crosswalk, report: RunReport
  ) throws -> UnitFootprintMap {
    if let column = scenario == "baseline" ? registrations.baselineFootprint : registrations.proposalFootprint {
      // Both scenarios' columns in one pass over the map.
      let both = [registrations.baselineFootprint, registrations.proposalFootprint].compactMap { $0 }.map { UnitMapColumns(footprint: $0) }
      return try tables.practiceMap(
        path: registrations.practiceMap, columns: UnitMapColumns(footprint: column), readingAlso: both, report: report)
    }
    let map = UnitFootprintMap.byMostPatients(counts: counts, crosswalk: crosswalk)
    report.note(
      "\(scenario == "baseline" ? "baseline: " : "")each practice goes with the zone most of its patients live in"
        + (mostPatientsHint.map { " (\($0))" } ?? ""))
    return map
  }
}
