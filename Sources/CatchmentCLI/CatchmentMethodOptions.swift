import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs

/// What `catchments` and `membership` share: the method, the population and either activity
/// or sites.
struct CatchmentMethodOptions: ParsableArguments {
  @Option(help: ArgumentHelp("proportional (OHID), normalised, fptp, threshold:X, min-share:X (X in [0, 1]; from --activity); nearest, huff (from --sites/--providers and --centroids).", valueName: "method"))
  var method: CatchmentMethod = .proportional

  @OptionGroup(title: "Population")
  var population: PopulationOptions

  @OptionGroup(title: "Activity (proportional, normalised, fptp, threshold:X, min-share:X)")
  var activity: ActivityOptions

  @OptionGroup(title: "Providers, sites and centroids (nearest, huff; --providers also names providers)")
  var sites: SiteOptions

  /// True when activity or sites were given (catchments can be computed).
  var isGiven: Bool { activity.isGiven || sites.sites != nil || sites.centroidOptions.centroids != nil }

  /// The check of the commands that need catchments: the method's source was given.
  func requireSource() throws {
    if method.usesActivity && !activity.isGiven { throw ValidationError("--method \(method) needs --activity FILE (see --help)") }
  }

  func validate() throws {
    if !population.isGiven { throw ValidationError("give --population FILE --population-id COLUMN --population-value COLUMN") }
    if !method.usesActivity && activity.isGiven { throw ValidationError("--method \(method) models catchments from sites; --activity goes with the activity methods") }
  }

  /// The catchments over the zones of `crosswalk` when given, else over the population table's
  /// zones, with the provider names from --providers (nil without); see
  /// ``CatchmentSources/catchments(crosswalk:)``, with the account of every step.
  func catchments(crosswalk: Crosswalk?) throws -> (catchments: ProviderCatchments, names: [String: String]?, account: RunAccount) {
    try sources.catchments(crosswalk: crosswalk)
  }

  /// The inputs of catchments as CatchmentInputs takes them (each file parsed once, however
  /// many crosswalks the catchments are computed for).
  var sources: CatchmentSources {
    CatchmentSources(
      method: method, populationPath: population.population!, populationColumns: population.columns, activityPath: activity.activity,
      activityColumns: activity.isGiven ? activity.columns : nil, sites: sites.inputs)
  }
}
