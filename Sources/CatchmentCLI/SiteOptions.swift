import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs

/// Providers, their sites and zone centroids, for the modelled methods (nearest, Huff), and
/// provider names for every method.
struct SiteOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Provider list, e.g. ODS etr.csv (no header: code in column 1, name 2, headquarters postcode 10). Gives names; a provider without a row in --sites is placed at its headquarters.", valueName: "file"))
  var providers: String?

  @Option(name: .customLong("provider-code"), help: ArgumentHelp("Provider code column: a name, or a 1-based position for files without a header.", valueName: "column"))
  var providerCode = "1"

  @Option(name: .customLong("provider-name"), help: ArgumentHelp("Provider name column: a name or a 1-based position.", valueName: "column"))
  var providerName = "2"

  @Option(name: .customLong("provider-postcode"), help: ArgumentHelp("Provider headquarters postcode column: a name or a 1-based position.", valueName: "column"))
  var providerPostcode = "10"

  @Option(help: ArgumentHelp("Sites CSV with a header: provider code, and coordinates or a postcode per site.", valueName: "file"))
  var sites: String?

  @Option(name: .customLong("site-provider"), help: ArgumentHelp("Provider code column of the sites.", valueName: "column"))
  var siteProvider = "provider_id"

  @Option(name: .customLong("site-id"), help: ArgumentHelp("Site id column (for messages).", valueName: "column"))
  var siteID: String?

  @Option(name: .customLong("site-x"), help: ArgumentHelp("Site x column (easting or longitude).", valueName: "column"))
  var siteX: String?

  @Option(name: .customLong("site-y"), help: ArgumentHelp("Site y column (northing or latitude).", valueName: "column"))
  var siteY: String?

  @Option(name: .customLong("site-crs"), help: ArgumentHelp("CRS of the site coordinates.", valueName: "crs"))
  var siteCRS = CRSReference.epsg(27700)

  @Option(name: .customLong("site-postcode"), help: ArgumentHelp("Site postcode column, for sites without coordinates (with --postcodes).", valueName: "column"))
  var sitePostcode: String?

  @Option(name: .customLong("site-attractiveness"), help: ArgumentHelp("Attractiveness column for Huff (e.g. beds); default 1 for every site.", valueName: "column"))
  var siteAttractiveness: String?

  @OptionGroup var postcodeDirectory: PostcodeOptions

  @OptionGroup var centroidOptions: CentroidOptions

  @Option(name: .customLong("huff-alpha"), help: ArgumentHelp("Huff attractiveness exponent α.", valueName: "α"))
  var huffAlpha = 1.0

  @Option(name: .customLong("huff-beta"), help: ArgumentHelp("Huff distance-decay exponent β.", valueName: "β"))
  var huffBeta = 2.0

  @Option(name: .customLong("max-distance"), help: ArgumentHelp("Sites farther than this from a zone's centroid are not considered (metres).", valueName: "m"))
  var maxDistance = 50_000.0

  @Option(name: .customLong("min-distance"), help: ArgumentHelp("Huff: nearer distances count as this (metres), so a site at a centroid does not take everything.", valueName: "m"))
  var minDistance = 100.0

  @Option(help: ArgumentHelp("Working CRS, projected in metres: distances are measured in it.", valueName: "crs"))
  var crs = CRSReference.epsg(27700)

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount
  var workers: Int { workerCount.count }

  func validate() throws {
    if workers < 1 { throw ValidationError("--workers must be at least 1") }
    if (siteX == nil) != (siteY == nil) { throw ValidationError("--site-x and --site-y go together") }
    if sites != nil && siteX == nil && sitePostcode == nil { throw ValidationError("--sites needs --site-x COLUMN --site-y COLUMN, or --site-postcode COLUMN with --postcodes") }
    if !(maxDistance > 0) || !(minDistance >= 0) { throw ValidationError("--max-distance must be positive and --min-distance not negative") }
  }

  /// The settings as the library takes them.
  var inputs: SiteInputs {
    SiteInputs(
      providers: providers.map { SiteInputs.Providers(path: $0, codeColumn: providerCode, nameColumn: providerName, postcodeColumn: providerPostcode) },
      sites: sites.map {
        SiteInputs.Sites(
          path: $0, providerColumn: siteProvider, idColumn: siteID, xColumn: siteX, yColumn: siteY, crs: siteCRS, postcodeColumn: sitePostcode,
          attractivenessColumn: siteAttractiveness)
      },
      sitesLabel: "--sites", postcodes: postcodeDirectory.isGiven ? postcodeDirectory.spec : nil, centroids: centroidOptions.spec,
      parameters: ModelledCatchment.HuffParameters(alpha: huffAlpha, beta: huffBeta, maxDistance: maxDistance, minDistance: minDistance),
      workingCRS: crs, workers: workers)
  }

  /// Names by provider code, from --providers; nil when not given.
  func providerNames() throws -> [String: String]? {
    try inputs.providerNames()
  }

  /// Shares modelled from sites (`nearest` or `huff`) for the zones `zones` (see
  /// ``SiteInputs/shares(zones:method:)``), with their account.
  func shares(zones: [String], method: CatchmentMethod) throws -> (shares: ZoneProviderShares, account: RunAccount) {
    try inputs.shares(zones: zones, method: method)
  }
}
