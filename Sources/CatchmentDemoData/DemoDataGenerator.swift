import Foundation

/// Generates fictional, deterministic NHS/ONS input files in their published layouts.
///
/// The same scale and seed always give byte-identical files: all randomness comes from
/// `SplitMix64`, all arithmetic is integer and nothing is written in dictionary order. Each
/// stage draws from its own stream (geography 1, population 2, registrations 3, sex split 4,
/// trusts 5, activity 6, LSOA 2011 zones 7, their population 8), so adding a stage leaves the files of the others unchanged.
///
/// ```swift
/// let summary = try DemoDataGenerator(scale: .demo).write(to: URL(fileURLWithPath: "data"))
/// ```
public struct DemoDataGenerator: Sendable {
  /// The seed the committed `data/` files were generated with.
  public static let defaultSeed: UInt64 = 20_251_001

  /// The scale to generate.
  public let scale: DemoScale
  /// The seed of every random draw.
  public let seed: UInt64

  /// A generator for `scale`; keep the default seed to reproduce the committed files.
  public init(scale: DemoScale, seed: UInt64 = DemoDataGenerator.defaultSeed) {
    self.scale = scale
    self.seed = seed
  }

  /// Writes the files of `DemoFile.files(for: scale)` into `directory` (created if needed,
  /// existing files replaced) and returns what was written.
  public func write(to directory: URL) throws -> DemoDataSummary {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // Separate streams: changing how one stage draws leaves the others' draws unchanged.
    var geographyRNG = SplitMix64(seed: seed, stream: 1)
    var populationRNG = SplitMix64(seed: seed, stream: 2)
    var registrationRNG = SplitMix64(seed: seed, stream: 3)
    var sexRNG = SplitMix64(seed: seed, stream: 4)
    var trustRNG = SplitMix64(seed: seed, stream: 5)
    var activityRNG = SplitMix64(seed: seed, stream: 6)
    var vintageRNG = SplitMix64(seed: seed, stream: 7)
    var population2011RNG = SplitMix64(seed: seed, stream: 8)

    let blueprint: GeographyBlueprint
    switch scale {
    case .demo: blueprint = DemoBlueprint.make()
    case .national: blueprint = NationalBlueprint.make(rng: &geographyRNG)
    }
    let geo = GeographyBuilder.build(blueprint, rng: &geographyRNG)
    let population = PopulationModel.draw(lsoaCount: geo.lsoas.count, rng: &populationRNG)
    let model = RegistrationModel(
      geography: geo, population: population, tuning: .forScale(scale), rng: &registrationRNG)

    func url(_ file: DemoFile) -> URL { directory.appendingPathComponent(file.rawValue) }
    try LookupFileWriter.write(geo, to: url(.lookup))
    try PopulationFileWriter.write(geo, population: population, to: url(.population))
    let files = DemoFile.files(for: scale)
    let tally = try RegistrationFileWriter.write(
      geo, model: model, to: url(.registrations),
      bySexURL: files.contains(.registrationsBySex) ? url(.registrationsBySex) : nil,
      rng: &sexRNG)
    try PracticeMapWriter.write(geo, to: url(.practiceMap))
    if files.contains(.zoneBoundaries) { try BoundaryFileWriter.write(geo, to: directory) }
    var trusts: DemoTrusts?
    var activity: ActivityModel?
    var postcodeRows = 0
    if files.contains(.trusts) {
      let placed = TrustBuilder.build(TrustBlueprint.demo(), geography: geo, rng: &trustRNG)
      let model = ActivityModel(
        geography: geo, population: population, trusts: placed, rng: &activityRNG)
      try TrustFileWriter.writeOrganisations(placed, geography: geo, to: url(.trusts))
      try TrustFileWriter.writeSites(placed, to: url(.trustSites))
      try ActivityFileWriter.write(model, to: url(.trustActivity))
      postcodeRows = try PostcodeFileWriter.write(placed, to: url(.postcodes))
      trusts = placed
      activity = model
    }

    let bridge = VintageBridge.draw(
      geo, layout: BoundaryFileWriter.layout(geo), tuning: .forScale(scale), rng: &vintageRNG)
    try BridgeFileWriter.writeLookup(bridge, geography: geo, to: url(.bridgeLookup))
    try BridgeFileWriter.writePopulation(
      bridge, population: Population2011Model.draw(bridge, population: population, rng: &population2011RNG),
      geography: geo, to: url(.population2011))
    if files.contains(.zoneBoundaries2011) {
      try BridgeFileWriter.writeBoundaries(bridge, to: url(.zoneBoundaries2011))
    }

    let sizes = try files.map { file -> Int in
      let attributes = try FileManager.default.attributesOfItem(atPath: url(file).path)
      return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
    let missing = geo.missingPopulationLSOA
    return DemoDataSummary(
      scale: scale, seed: seed, lsoas: geo.lsoas.count, councils: geo.councils.count,
      subICBs: geo.subICBs.count, icbs: geo.icbs.count, practices: tally.practicesWithRows,
      mappedPractices: geo.practices.filter(\.inMap).count, registrationRows: tally.rows,
      totalPatients: tally.patients,
      population: population.indices.reduce(0) { $0 + ($1 == missing ? 0 : population[$1]) },
      pseudoCodePatients: tally.pseudoCodePatients,
      otherNationPatients: tally.otherNationPatients,
      outOfAreaPatients: tally.outOfAreaPatients,
      unmappedPractice: geo.practices.first { !$0.inMap }?.code,
      unmappedPracticePatients: tally.unmappedPracticePatients,
      missingPopulationLSOA: missing.map { geo.lsoas[$0].code },
      trusts: trusts?.trusts.count ?? 0, trustSites: trusts?.listedSiteCount ?? 0,
      headquartersOnlyTrust: trusts?.headquartersOnlyTrust,
      unplaceableSite: trusts?.unplaceableSite, activityRows: activity?.rows.count ?? 0,
      activityOutOfAreaZone: activity?.outOfAreaZone, postcodes: postcodeRows,
      lsoas2011: bridge.zones.count, bridgeRowsByChange: bridge.rowsByChange,
      fileSizes: sizes)
  }
}
