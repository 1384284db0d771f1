import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTables
import Foundation

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
  var siteCRS = "EPSG:27700"

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
  var crs = "EPSG:27700"

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount
  var workers: Int { workerCount.count }

  func validate() throws {
    if workers < 1 { throw ValidationError("--workers must be at least 1") }
    if (siteX == nil) != (siteY == nil) { throw ValidationError("--site-x and --site-y go together") }
    if sites != nil && siteX == nil && sitePostcode == nil { throw ValidationError("--sites needs --site-x COLUMN --site-y COLUMN, or --site-postcode COLUMN with --postcodes") }
    if !(maxDistance > 0) || !(minDistance >= 0) { throw ValidationError("--max-distance must be positive and --min-distance not negative") }
  }

  /// Names by provider code, from --providers; nil when not given.
  func providerNames() throws -> [String: String]? {
    guard let providers else { return nil }
    var names: [String: String] = [:]
    for p in try ProviderSites.readProviders(path: providers, columns: providerColumns) where names[p.code] == nil { names[p.code] = p.name }
    return names
  }

  var providerColumns: ProviderSites.ProviderColumns {
    ProviderSites.ProviderColumns(code: providerCode, name: providerName, postcode: providerPostcode)
  }

  /// Shares modelled from sites (`nearest` or `huff`) for the zones `zones`.
  func shares(zones: [String], method: CatchmentMethod, report: RunReport) throws -> ZoneProviderShares {
    guard var points = try centroidOptions.read(report: report) else { throw ValidationError("--method \(method) needs --centroids FILE --centroid-id COLUMN") }
    guard sites != nil || providers != nil else { throw ValidationError("--method \(method) needs --sites FILE and/or --providers FILE") }
    guard try CoordinateTransformer.isProjected(crs) else { throw ValidationError("--crs \(crs) is not a projected CRS in metres, e.g. EPSG:27700") }
    let pools = TransformerPool.Cache(target: crs, workers: workers)

    // Zone centroids, by zone of the population.
    try project(&points.xs, &points.ys, from: centroidOptions.centroidCRS, what: "centroids", pools: pools, report: report)
    var position: [String: Int] = [:]
    for (i, id) in points.ids.enumerated() where position[id] == nil { position[id] = i }
    var zoneXs = [Double](repeating: .nan, count: zones.count), zoneYs = zoneXs
    var withoutCentroid: [String: (rows: Int, amount: Double)] = [:]
    for (z, id) in zones.enumerated() {
      if let i = position[id] {
        zoneXs[z] = points.xs[i]
        zoneYs[z] = points.ys[i]
      } else {
        withoutCentroid[id] = (1, 1)
      }
    }
    report.lose(Tally(reason: "zones of the population without a centroid (their population is UNATTRIBUTED)", unit: "zones", destination: ProviderCatchments.unattributed, byCode: withoutCentroid))

    // Sites, and headquarters for providers without a site.
    let siteList = try sites.map {
      try ProviderSites.readSites(
        path: $0, columns: .init(provider: siteProvider, id: siteID, x: siteX, y: siteY, postcode: sitePostcode, attractiveness: siteAttractiveness))
    } ?? []
    let providerList = try providers.map { try ProviderSites.readProviders(path: $0, columns: providerColumns) } ?? []
    let withSites = Set(siteList.map(\.provider))
    let headquarters = providerList.filter { !withSites.contains($0.code) }
    let wanted = Set((siteList.filter { $0.point == nil }.map(\.postcode) + headquarters.map(\.postcode)).map(PostcodeDirectory.normalise).filter { !$0.isEmpty })
    var byPostcode: [String: (x: Double, y: Double)] = [:]
    if !wanted.isEmpty {
      guard postcodeDirectory.isGiven else { throw ValidationError("\(wanted.count) sites or headquarters are placed by postcode: give --postcodes PATH...") }
      let found = try postcodeDirectory.lookUp(wanted, report: report)
      let codes = found.keys.sorted()
      var xs = codes.map { found[$0]!.x }, ys = codes.map { found[$0]!.y }
      try project(&xs, &ys, from: postcodeDirectory.postcodeCRS, what: "postcodes", pools: pools, report: report)
      for (k, code) in codes.enumerated() { byPostcode[code] = (xs[k], ys[k]) }
    }
    var siteXs: [Double] = [], siteYs: [Double] = []
    var fromCoordinates: [Int] = []  // positions in siteXs of points still in the site CRS
    var siteProviders: [String] = [], weights: [Double] = []
    var unplaced: [String: (rows: Int, amount: Double)] = [:]
    for (k, site) in siteList.enumerated() {
      let label = "\(site.provider) \(site.id.isEmpty ? "site \(k + 1)" : site.id)"
      if let point = site.point {
        fromCoordinates.append(siteXs.count)
        siteXs.append(point.x)
        siteYs.append(point.y)
      } else if let point = byPostcode[PostcodeDirectory.normalise(site.postcode)] {
        siteXs.append(point.x)
        siteYs.append(point.y)
      } else {
        unplaced[label] = (1, 1)
        continue
      }
      siteProviders.append(site.provider)
      weights.append(site.attractiveness)
    }
    if !fromCoordinates.isEmpty {
      var xs = fromCoordinates.map { siteXs[$0] }, ys = fromCoordinates.map { siteYs[$0] }
      try project(&xs, &ys, from: siteCRS, what: "sites", pools: pools, report: report)
      for (k, i) in fromCoordinates.enumerated() {
        siteXs[i] = xs[k]
        siteYs[i] = ys[k]
      }
    }
    var placedAtHeadquarters: [String] = []
    for provider in headquarters {
      guard let point = byPostcode[PostcodeDirectory.normalise(provider.postcode)] else {
        unplaced["\(provider.code) headquarters"] = (1, 1)
        continue
      }
      siteXs.append(point.x)
      siteYs.append(point.y)
      siteProviders.append(provider.code)
      weights.append(1)
      placedAtHeadquarters.append(provider.code)
    }
    report.lose(Tally(reason: "sites that cannot be placed (no coordinates, and a postcode missing or not in the directory)", unit: "sites", destination: "not used", byCode: unplaced))
    if !placedAtHeadquarters.isEmpty {
      report.warn(
        "\(placedAtHeadquarters.count) providers have no site in \(sites ?? "--sites") and are placed at their headquarters postcode only (ODS etr.csv gives headquarters, not hospitals), attractiveness 1",
        codes: placedAtHeadquarters)
    }
    report.figure("sites placed", Double(siteXs.count))

    // Every provider read appears in the output, placed or not.
    let providerCodes = Set(siteList.map(\.provider) + providerList.map(\.code)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var index: [String: Int32] = [:]
    for (i, code) in providerCodes.enumerated() { index[code] = Int32(i) }
    let placed = ModelledCatchment.Sites(xs: siteXs, ys: siteYs, provider: siteProviders.map { index[$0]! }, attractiveness: weights)
    switch method {
    case .nearest:
      return ModelledCatchment.nearest(zones: zones, xs: zoneXs, ys: zoneYs, sites: placed, providers: providerCodes, maxDistance: maxDistance, workers: workers)
    default:
      let parameters = ModelledCatchment.HuffParameters(alpha: huffAlpha, beta: huffBeta, maxDistance: maxDistance, minDistance: minDistance)
      return ModelledCatchment.huff(zones: zones, xs: zoneXs, ys: zoneYs, sites: placed, providers: providerCodes, parameters: parameters, workers: workers)
    }
  }

  /// Brings points into the working CRS and reports the transformation PROJ chose.
  private func project(_ xs: inout [Double], _ ys: inout [Double], from source: String, what: String, pools: TransformerPool.Cache, report: RunReport) throws {
    try pools.pool(from: source).transform(&xs, &ys, reportingAs: what, from: source, to: report)
  }
}
