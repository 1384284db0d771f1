import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry

/// Providers, their sites and zone centroids brought into the working CRS, for the modelled
/// catchment methods (nearest, Huff), and provider names for every method.
///
/// A provider with no site is placed at its headquarters postcode; sites without coordinates
/// are placed by postcode. Everything that cannot be placed is reported as a loss.
public struct SiteInputs: Sendable {
  /// A provider list (e.g. ODS etr.csv), columns as names or 1-based positions.
  public struct Providers: Sendable, Equatable {
    public var path: String
    public var codeColumn: String
    public var nameColumn: String
    public var postcodeColumn: String

    public init(path: String, codeColumn: String, nameColumn: String, postcodeColumn: String) {
      self.path = path
      self.codeColumn = codeColumn
      self.nameColumn = nameColumn
      self.postcodeColumn = postcodeColumn
    }

    var columns: ProviderSites.ProviderColumns { .init(code: codeColumn, name: nameColumn, postcode: postcodeColumn) }
  }

  /// A sites CSV with a header: provider code, and coordinates (in `crs`) or a postcode per site.
  public struct Sites: Sendable, Equatable {
    public var path: String
    public var providerColumn: String
    public var idColumn: String?
    public var xColumn: String?
    public var yColumn: String?
    public var crs: CRSReference
    public var postcodeColumn: String?
    /// Attractiveness for Huff (e.g. beds); 1 for every site without.
    public var attractivenessColumn: String?

    public init(
      path: String, providerColumn: String, idColumn: String?, xColumn: String?, yColumn: String?, crs: CRSReference, postcodeColumn: String?,
      attractivenessColumn: String?
    ) {
      self.path = path
      self.providerColumn = providerColumn
      self.idColumn = idColumn
      self.xColumn = xColumn
      self.yColumn = yColumn
      self.crs = crs
      self.postcodeColumn = postcodeColumn
      self.attractivenessColumn = attractivenessColumn
    }
  }

  public var providers: Providers?
  public var sites: Sites?
  /// How the front end names the sites setting, for the warning about providers placed at
  /// their headquarters when no sites file was given.
  public var sitesLabel: String
  public var postcodes: PostcodeSpec?
  public var centroids: CentroidSpec?
  /// Huff's exponents and the distances (metres); nearest uses the maximum distance only.
  public var parameters: ModelledCatchment.HuffParameters
  /// Projected, in metres: distances are measured in it.
  public var workingCRS: CRSReference
  public var workers: Int

  public init(
    providers: Providers?, sites: Sites?, sitesLabel: String, postcodes: PostcodeSpec?, centroids: CentroidSpec?, parameters: ModelledCatchment.HuffParameters,
    workingCRS: CRSReference, workers: Int
  ) {
    self.providers = providers
    self.sites = sites
    self.sitesLabel = sitesLabel
    self.postcodes = postcodes
    self.centroids = centroids
    self.parameters = parameters
    self.workingCRS = workingCRS
    self.workers = workers
  }

  /// Names by provider code (the first row of each code); nil without a provider list.
  public func providerNames() throws -> [String: String]? {
    guard let providers else { return nil }
    var names: [String: String] = [:]
    for p in try ProviderSites.readProviders(path: providers.path, columns: providers.columns) where names[p.code] == nil { names[p.code] = p.name }
    return names
  }

  /// Shares modelled from sites (`nearest` or `huff`) for the zones `zones`, with the account of
  /// what was read and what could not be placed.
  public func shares(zones: [String], method: CatchmentMethod) throws -> (shares: ZoneProviderShares, account: RunAccount) {
    guard let centroids else { throw SiteInputError.noCentroids(method: method) }
    var account = RunAccount()
    var (points, read) = try centroids.read()
    account.append(contentsOf: read)
    guard sites != nil || providers != nil else { throw SiteInputError.noSitesOrProviders(method: method) }
    guard let target = workingCRS.projDefinition, try CoordinateTransformer.isProjected(target) else {
      throw SiteInputError.notProjected(crs: workingCRS.written)
    }
    let pools = TransformerPool.Cache(target: target, workers: workers)

    // Zone centroids, by zone of the population.
    account.append(contentsOf: try project(&points.xs, &points.ys, from: centroids.crs.crs, what: "centroids", pools: pools))
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
    account.lose(Tally(reason: "zones of the population without a centroid (their population is UNATTRIBUTED)", unit: "zones", destination: ProviderCatchments.unattributed, byCode: withoutCentroid))

    // Sites, and headquarters for providers without a site.
    let siteList = try sites.map {
      try ProviderSites.readSites(
        path: $0.path,
        columns: .init(provider: $0.providerColumn, id: $0.idColumn, x: $0.xColumn, y: $0.yColumn, postcode: $0.postcodeColumn, attractiveness: $0.attractivenessColumn))
    } ?? []
    let providerList = try providers.map { try ProviderSites.readProviders(path: $0.path, columns: $0.columns) } ?? []
    let withSites = Set(siteList.map(\.provider))
    let headquarters = providerList.filter { !withSites.contains($0.code) }
    let wanted = Set((siteList.filter { $0.point == nil }.map(\.postcode) + headquarters.map(\.postcode)).map(PostcodeDirectory.normalise).filter { !$0.isEmpty })
    var byPostcode: [String: (x: Double, y: Double)] = [:]
    if !wanted.isEmpty {
      guard let postcodes else { throw SiteInputError.needsPostcodes(count: wanted.count) }
      let (found, lookedUp) = try postcodes.lookUp(wanted)
      account.append(contentsOf: lookedUp)
      let codes = found.keys.sorted()
      var xs = codes.map { found[$0]!.x }, ys = codes.map { found[$0]!.y }
      account.append(contentsOf: try project(&xs, &ys, from: postcodes.crs, what: "postcodes", pools: pools))
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
    if !fromCoordinates.isEmpty, let sites {
      var xs = fromCoordinates.map { siteXs[$0] }, ys = fromCoordinates.map { siteYs[$0] }
      account.append(contentsOf: try project(&xs, &ys, from: sites.crs, what: "sites", pools: pools))
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
    account.lose(Tally(reason: "sites that cannot be placed (no coordinates, and a postcode missing or not in the directory)", unit: "sites", destination: "not used", byCode: unplaced))
    if !placedAtHeadquarters.isEmpty {
      account.warn(
        "\(placedAtHeadquarters.count) providers have no site in \(sites?.path ?? sitesLabel) and are placed at their headquarters postcode only (ODS etr.csv gives headquarters, not hospitals), attractiveness 1",
        codes: placedAtHeadquarters)
    }
    account.figure("sites placed", Double(siteXs.count))

    // Every provider read appears in the output, placed or not.
    let providerCodes = Set(siteList.map(\.provider) + providerList.map(\.code)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var index: [String: Int32] = [:]
    for (i, code) in providerCodes.enumerated() { index[code] = Int32(i) }
    let placed = ModelledCatchment.Sites(xs: siteXs, ys: siteYs, provider: siteProviders.map { index[$0]! }, attractiveness: weights)
    switch method {
    case .nearest:
      let shares = ModelledCatchment.nearest(
        zones: zones, xs: zoneXs, ys: zoneYs, sites: placed, providers: providerCodes, maxDistance: parameters.maxDistance, workers: workers)
      return (shares, account)
    default:
      let shares = ModelledCatchment.huff(zones: zones, xs: zoneXs, ys: zoneYs, sites: placed, providers: providerCodes, parameters: parameters, workers: workers)
      return (shares, account)
    }
  }

  /// Brings points into the working CRS, with the account of the transformation PROJ chose.
  private func project(_ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, pools: TransformerPool.Cache) throws -> RunAccount {
    try pools.pool(from: source.written).transform(&xs, &ys, reportingAs: what, from: source.written)
  }
}

/// Why catchments cannot be modelled from sites. The cases name the method that needs what is
/// missing.
public enum SiteInputError: Error, Sendable, Equatable {
  /// No zone centroids to measure distances from.
  case noCentroids(method: CatchmentMethod)
  /// Neither sites nor providers to place.
  case noSitesOrProviders(method: CatchmentMethod)
  /// The working CRS is not projected in metres.
  case notProjected(crs: String)
  /// `count` sites or headquarters are placed by postcode and no postcode directory was given.
  case needsPostcodes(count: Int)
}
