import CatchmentAnalysis
import CatchmentCore

/// A baseline footprint layer and a proposal side by side, as `catchment compare` and the
/// review's comparison step compute them: per scenario the resident population, with
/// registrations the registered list, retention and capture, with councils the coterminosity,
/// with the inputs of catchments the member providers.
///
/// Every input is parsed once (``InputTables``) and joined to each scenario's crosswalk. Each
/// side's steps return an account: the baseline's is recorded in the run's report, the
/// proposal's merged labelled `proposal` (``CatchmentCore/RunReport/merge(_:label:)-(RunAccount,_)``),
/// so every loss of either side reaches the run's report.
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
  /// (with the inputs of catchments), the provider names, and each side's account.
  public struct Result: Sendable {
    public var scenarios: [ScenarioMeasures]
    public var memberships: [Membership]
    public var providerNames: [String: String]?
    /// What the baseline's steps found (with the registrations' row counts): recorded in the
    /// run's report as it is.
    public var baselineAccount = RunAccount()
    /// What the proposal's steps found: merged into the run's report labelled `proposal`.
    public var proposalAccount = RunAccount()
  }

  /// Compares `baseline` with `proposal`; each side's findings are in the result's accounts.
  public func run(baseline: Crosswalk, proposal: Crosswalk) throws -> Result {
    var result = Result(scenarios: [], memberships: [], providerNames: nil)
    var sources = self.sources
    sources?.tables = tables
    var countsAdded = false
    for (name, crosswalk) in [("baseline", baseline), ("proposal", proposal)] {
      var side = RunAccount()
      let population = try tables.population(path: populationPath, columns: populationColumns)
      let (zones, zonesAccount) = try ZonePopulation.join(population, crosswalk: crosswalk)
      side.append(contentsOf: zonesAccount)
      let resident = ResidentPopulation(population: zones, crosswalk: crosswalk)
      side.append(contentsOf: resident.unallocatedLoss())
      var measures = ScenarioMeasures(scenario: name, resident: resident)
      if let registrations {
        let counts = UnitZoneCounts(table: try tables.registrations(path: registrations.path), crosswalk: crosswalk)
        if !countsAdded {
          side.add(counts.summary)
          side.repeated(counts.repeatedRows)
          countsAdded = true
        }
        let (map, placed) = try practiceMap(for: name, registrations: registrations, counts: counts, crosswalk: crosswalk)
        side.append(contentsOf: placed)
        let matrix = FlowMatrix(counts: counts, crosswalk: crosswalk, map: map)
        side.append(contentsOf: matrix.account)
        measures.add(flows: FlowSummary(matrix: matrix))
      }
      if let councils {
        let overlap = try FootprintOverlap(a: crosswalk, b: councils, population: zones)
        side.append(contentsOf: overlap.account)
        measures.add(councils: overlap)
      }
      if let sources {
        let (catchments, names, found) = try sources.catchments(crosswalk: crosswalk)
        side.append(contentsOf: found)
        result.providerNames = names
        let membership = Membership(catchments: catchments, crosswalk: crosswalk, threshold: threshold)
        measures.add(membership: membership)
        result.memberships.append(membership)
      }
      result.scenarios.append(measures)
      if name == "baseline" { result.baselineAccount = side } else { result.proposalAccount = side }
    }
    return result
  }

  /// The practices' footprints in a scenario: a practice map column, or, for a proposal without
  /// one, the footprint holding most of the zone where most of the practice's patients live.
  func practiceMap(
    for scenario: String, registrations: Registrations, counts: UnitZoneCounts, crosswalk: Crosswalk
  ) throws -> (map: UnitFootprintMap, account: RunAccount) {
    if let column = scenario == "baseline" ? registrations.baselineFootprint : registrations.proposalFootprint {
      // Both scenarios' columns in one pass over the map.
      let both = [registrations.baselineFootprint, registrations.proposalFootprint].compactMap { $0 }.map { UnitMapColumns(footprint: $0) }
      return try tables.practiceMap(path: registrations.practiceMap, columns: UnitMapColumns(footprint: column), readingAlso: both)
    }
    let map = UnitFootprintMap.byMostPatients(counts: counts, crosswalk: crosswalk)
    var account = RunAccount()
    account.note(
      "\(scenario == "baseline" ? "baseline: " : "")each practice goes with the zone most of its patients live in"
        + (mostPatientsHint.map { " (\($0))" } ?? ""))
    return (map, account)
  }
}
