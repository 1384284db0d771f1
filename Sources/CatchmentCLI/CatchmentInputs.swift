import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentTables

/// What `catchments` and `membership` share: the method, the population and either activity
/// or sites.
struct CatchmentInputs: ParsableArguments {
  @Option(help: ArgumentHelp("proportional (OHID), normalised, fptp, threshold:X, min-share:X (from --activity); nearest, huff (from --sites/--providers and --centroids).", valueName: "method"))
  var method = "proportional"

  @OptionGroup(title: "Population")
  var population: PopulationOptions

  @OptionGroup(title: "Activity (proportional, normalised, fptp, threshold:X, min-share:X)")
  var activity: ActivityOptions

  @OptionGroup(title: "Providers, sites and centroids (nearest, huff; --providers also names providers)")
  var sites: SiteOptions

  var parsedMethod: CatchmentMethod? { CatchmentMethod(method) }

  /// True when activity or sites were given (catchments can be computed).
  var isGiven: Bool { activity.isGiven || sites.sites != nil || sites.centroidOptions.centroids != nil }

  /// The check of the commands that need catchments: the method's source was given.
  func requireSource() throws {
    guard let method = parsedMethod else { return }
    if method.usesActivity && !activity.isGiven { throw ValidationError("--method \(method) needs --activity FILE (see --help)") }
  }

  func validate() throws {
    guard let method = parsedMethod else {
      throw ValidationError("--method \(self.method): expected proportional, normalised, fptp, threshold:X, min-share:X, nearest or huff (X in [0, 1])")
    }
    if !population.isGiven { throw ValidationError("give --population FILE --population-id COLUMN --population-value COLUMN") }
    if !method.usesActivity && activity.isGiven { throw ValidationError("--method \(method) models catchments from sites; --activity goes with the activity methods") }
  }

  /// The catchments over the zones of `crosswalk` when given, else over the population table's
  /// zones, with the provider names from --providers (nil without).
  func catchments(crosswalk: Crosswalk?, report: RunReport) throws -> (catchments: ProviderCatchments, names: [String: String]?) {
    let method = parsedMethod!
    let zones: CodeTable
    let owner: String
    if let crosswalk {
      zones = crosswalk.zones
      owner = "the crosswalk"
    } else {
      zones = try ZonePopulation.zones(inTable: population.population!, columns: population.columns)
      owner = "the population table"
      guard zones.count > 0 else { throw ValidationError("\(population.population!) holds no zone codes in column '\(population.id!)'") }
    }
    let lookup = crosswalk?.zoneLookup ?? ZoneLookup(zones: zones)
    let pop = try ZonePopulation.read(path: population.population!, columns: population.columns, zones: zones, lookup: lookup, of: owner, report: report)
      .excludingOtherNations(zones: zones, classifier: ZoneCodeClassifier(entity: lookup.entity), owner: owner, report: report)
    let codes = zones.codes
    let shares: ZoneProviderShares
    if method.usesActivity {
      let table = try ActivityTable.read(path: activity.activity!, columns: activity.columns, lookup: lookup, zoneCount: zones.count, report: report)
      shares = ActivityShares.shares(activity: table, zones: codes, method: method, report: report)
      let noActivity = table.rows.indices.filter { table.rows[$0].isEmpty && pop.values[$0] > 0 }
      if !noActivity.isEmpty {
        report.note("\(noActivity.count) zones with population have no activity; their population is UNATTRIBUTED")
      }
    } else {
      shares = try sites.shares(zones: codes, method: method, report: report)
    }
    let names = try sites.providerNames()
    if let names {
      let unnamed = shares.providers.filter { names[$0] == nil }
      if !unnamed.isEmpty {
        report.warn("\(unnamed.count) providers are not in \(sites.providers!) and have no name (merged or renamed trusts?)", codes: unnamed)
      }
    }
    let result = ProviderCatchments(shares: shares, population: pop.values)
    var total = 0.0
    for v in pop.values { total += v }
    report.figure("population counted", total)
    report.figure("providers", Double(shares.providers.count))
    report.figure("population UNATTRIBUTED", result.unattributed)
    return (result, names)
  }
}
