import CatchmentAnalysis
import CatchmentCore
import CatchmentTables

/// What `catchments`, `membership` and `compare` need for provider catchments: the method, the
/// population table, and either an activity table (activity methods) or sites (nearest, Huff).
public struct CatchmentSources: Sendable {
  public var method: CatchmentMethod
  /// The population table: residents by zone.
  public var populationPath: String
  public var populationColumns: PopulationColumns
  /// The activity table (activity methods only).
  public var activityPath: String?
  public var activityColumns: ActivityColumns?
  /// Sites and centroids (nearest, Huff) and provider names (every method).
  public var sites: SiteInputs
  /// The run's input tables: the population, activity and provider list are parsed once
  /// however many crosswalks the catchments are computed for.
  public var tables = InputTables()
  /// A crosswalk re-keying the population and activity tables before their join (`--recode`,
  /// see ``CatchmentAnalysis/ZoneRecode``); nil to read them as they are.
  public var recode: Crosswalk?

  public init(
    method: CatchmentMethod, populationPath: String, populationColumns: PopulationColumns, activityPath: String?, activityColumns: ActivityColumns?,
    sites: SiteInputs, tables: InputTables = InputTables()
  ) {
    self.method = method
    self.populationPath = populationPath
    self.populationColumns = populationColumns
    self.activityPath = activityPath
    self.activityColumns = activityColumns
    self.sites = sites
    self.tables = tables
  }

  /// The catchments over the zones of `crosswalk` when given, else over the population table's
  /// zones, with the provider names of the provider list (nil without) and the account of every
  /// step.
  public func catchments(crosswalk: Crosswalk?) throws -> (catchments: ProviderCatchments, names: [String: String]?, account: RunAccount) {
    var account = RunAccount()
    var table = try tables.population(path: populationPath, columns: populationColumns)
    if let recode {
      let recoded = try table.recoded(through: recode)
      account.append(contentsOf: recoded.account)
      table = recoded.table
    }
    let zones: CodeTable
    let owner: String
    if let crosswalk {
      zones = crosswalk.zones
      owner = "the crosswalk"
    } else {
      zones = try table.studyZones()
      owner = "the population table"
      guard zones.count > 0 else { throw CatchmentSourceError.noZoneCodes(path: populationPath, column: populationColumns.id) }
    }
    let lookup = crosswalk?.zoneLookup ?? ZoneLookup(zones: zones)
    let (joined, joinedAccount) = try ZonePopulation.join(table, zones: zones, lookup: lookup, of: owner)
    account.append(contentsOf: joinedAccount)
    let population = ZoneCodeCensus(table.codes), zoneCensus = crosswalk.map { ZoneCodeCensus($0.zones) } ?? population
    if crosswalk != nil {
      account.append(contentsOf: VintageCheck.account(table: population, role: "population", file: populationPath, against: zoneCensus))
    } else {
      account.zoneVintage(ZoneVintageFinding(role: "population", file: populationPath, census: population))
    }
    let (pop, excluded) = joined.excludingOtherNations(zones: zones, classifier: ZoneCodeClassifier(entity: lookup.entity), owner: owner)
    account.append(contentsOf: excluded)
    let codes = zones.codes
    let shares: ZoneProviderShares
    if method.usesActivity {
      guard let activityPath, let activityColumns else { throw CatchmentSourceError.noActivity(method: "\(method)") }
      var rows = try tables.activity(path: activityPath, columns: activityColumns)
      if let recode {
        let recoded = try rows.recoded(through: recode)
        account.append(contentsOf: recoded.account)
        rows = recoded.rows
      }
      let (table, tableAccount) = try ActivityTable.join(rows, lookup: lookup, zoneCount: zones.count)
      account.append(contentsOf: tableAccount)
      account.append(contentsOf: VintageCheck.account(
        table: ZoneCodeCensus(rows.zones), role: "activity", file: activityPath, against: zoneCensus,
        crosswalkRole: crosswalk == nil ? "population table" : "crosswalk", crosswalkFile: crosswalk == nil ? populationPath : nil))
      let computed = ActivityShares.shares(activity: table, zones: codes, method: method)
      account.append(contentsOf: computed.account)
      shares = computed.shares
      let noActivity = table.rows.indices.filter { table.rows[$0].isEmpty && pop.values[$0] > 0 }
      if !noActivity.isEmpty {
        account.note("\(noActivity.count) zones with population have no activity; their population is UNATTRIBUTED")
      }
    } else {
      let modelled = try sites.shares(zones: codes, method: method)
      shares = modelled.shares
      account.append(contentsOf: modelled.account)
    }
    let names = try tables.providerNames(sites)
    if let names, let providers = sites.providers {
      let unnamed = shares.providers.filter { names[$0] == nil }
      if !unnamed.isEmpty {
        account.warn("\(unnamed.count) providers are not in \(providers.path) and have no name (merged or renamed trusts?)", codes: unnamed)
      }
    }
    let result = ProviderCatchments(shares: shares, population: pop.values)
    var total = 0.0
    for v in pop.values { total += v }
    account.figure("population counted", total)
    account.figure("providers", Double(shares.providers.count))
    account.figure("population UNATTRIBUTED", result.unattributed)
    return (result, names, account)
  }
}

/// Why provider catchments cannot be computed.
public enum CatchmentSourceError: Error, Sendable, Equatable {
  /// The population table holds no zone codes in its id column.
  case noZoneCodes(path: String, column: String)
  /// An activity method without an activity table.
  case noActivity(method: String)
}
