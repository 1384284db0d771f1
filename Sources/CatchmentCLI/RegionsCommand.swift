import ArgumentParser
import CatchmentCore
import CatchmentInputs
import CatchmentOutputs
import CatchmentRegions

struct RegionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "regions",
    abstract: "Contiguous regions drawn from patient flows (natural footprints), and their self-containment.",
    discussion: """
      Groups zones into contiguous regions from the flows of their residents \
      to units (practices, trusts, sites), where the units are, the zones' \
      population and their adjacency (from 'catchment adjacency'). A region's \
      self-containment is the share of its residents' flow that goes to units \
      in the region (Dartmouth's localisation index); its market share, the \
      share of the flow into its units that comes from its residents; overall \
      self-containment, Σ internal flow / Σ flow.

      Methods: plurality (each zone to the unit receiving most of its flow, \
      seeds the zones holding units, detached pieces joined to the neighbour \
      sharing most boundary, regions under --min-population merged), ttwa (the \
      ONS travel-to-work-area procedure, contiguity enforced) and optimise \
      (exactly --regions K within --min-population and --max-population, \
      maximising overall self-containment, contiguity held at every move). \
      Region ids: the code of the unit in the region receiving most of its \
      residents' flow; a region holding no unit, its first zone code.

      With --blocks CROSSWALK (zones → councils) regions are unions of whole \
      blocks, and the same method is run without blocks too: the report states \
      the self-containment lost (the price of coterminosity). With --evaluate \
      CROSSWALK an existing layer (the ICBs) is measured on the same flows. \
      Every flow read ends in a region or in a reported count; regions outside \
      the population bounds or in several pieces are losses (--strict fails).

      Example (the adjacency first, then plurality regions of the demo trusts, \
      placed at their sites):
        catchment adjacency --zones data/lsoa_boundaries.geojson \\
          --zone-id LSOA21CD --output out/lsoa_adjacency.csv
        catchment regions --method plurality --adjacency out/lsoa_adjacency.csv \\
          --flows data/trust_activity.csv --flow-zone lsoa21cd \\
          --flow-unit trust_code --flow-count patients \\
          --flow-where catchment_year=2022 --flow-where admission_type=All \\
          --unit-points data/trust_sites.csv --unit-point-id trust_code \\
          --unit-point-x x --unit-point-y y \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/regions_crosswalk.csv --summary-output out/regions.csv

      Example (three regions of 100,000 to 350,000 people, the K = 2…5 curve, \
      and the ICBs measured on the same flows, with the crosswalk that the \
      example of 'catchment crosswalk --help' writes):
        catchment regions --method optimise --regions 3 \\
          --min-population 100000 --max-population 350000 \\
          --adjacency out/lsoa_adjacency.csv \\
          --flows data/trust_activity.csv --flow-zone lsoa21cd \\
          --flow-unit trust_code --flow-count patients \\
          --flow-where catchment_year=2022 --flow-where admission_type=All \\
          --unit-points data/trust_sites.csv --unit-point-id trust_code \\
          --unit-point-x x --unit-point-y y \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/regions3_crosswalk.csv \\
          --summary-output out/regions3.csv \\
          --curve 2:5 --curve-output out/regions_curve.csv
        catchment regions --evaluate out/lsoa_icb.csv \\
          --adjacency out/lsoa_adjacency.csv \\
          --flows data/trust_activity.csv --flow-zone lsoa21cd \\
          --flow-unit trust_code --flow-count patients \\
          --flow-where catchment_year=2022 --flow-where admission_type=All \\
          --unit-points data/trust_sites.csv --unit-point-id trust_code \\
          --unit-point-x x --unit-point-y y \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --summary-output out/icb_self_containment.csv
      """)

  @OptionGroup(title: "Flows")
  var flowOptions: RegionFlowOptions

  @OptionGroup(title: "Units")
  var unitOptions: RegionUnitOptions

  @Option(help: ArgumentHelp("Adjacency CSV written by 'catchment adjacency' (zone_a,zone_b,shared_m,kind): its zones are the zones of the regions.", valueName: "file"))
  var adjacency: String

  @OptionGroup(title: "Population")
  var population: PopulationOptions

  @OptionGroup(title: "Zone polygons")
  var zoneOptions: RegionZoneOptions

  @OptionGroup(title: "Method")
  var methodOptions: RegionMethodOptions

  @Option(help: ArgumentHelp("Crosswalk of the zones to blocks (e.g. upper-tier councils): regions are unions of whole blocks; a zone split over blocks goes whole to its largest.", valueName: "file"))
  var blocks: String?

  @Option(help: ArgumentHelp("Crosswalk of the zones to an existing layer (e.g. the ICBs) to measure on the same flows instead of drawing regions (with --summary-output).", valueName: "file"))
  var evaluate: String?

  @Option(name: .shortAndLong, help: ArgumentHelp("Crosswalk of the zones to the regions: zone_id,footprint_id,weight (weight 1).", valueName: "file"))
  var output: String?

  @Option(name: .customLong("summary-output"), help: ArgumentHelp("Per region: region_id,population,zones,units,resident_flow,internal_flow,self_containment,market_share,parts,area_km2,perimeter_km,compactness.", valueName: "file"))
  var summaryOutput: String?

  @Option(help: ArgumentHelp("Region counts K1:K2 for the self-containment curve (optimise).", valueName: "K1:K2"))
  var curve: RegionCountRange?

  @Option(name: .customLong("curve-output"), help: ArgumentHelp("The curve: regions,self_containment,min_self_containment,mean_self_containment,min_population,max_population.", valueName: "file"))
  var curveOutput: String?

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if !population.isGiven { throw ValidationError("give the zones' population: --population FILE --population-id COLUMN --population-value COLUMN") }
    if unitOptions.points != nil && !zoneOptions.isGiven { throw ValidationError("--unit-points are located in the zone polygons: add --zones PATH... --zone-id FIELD") }
    if (curve == nil) != (curveOutput == nil) { throw ValidationError("--curve K1:K2 and --curve-output FILE go together") }
    if evaluate != nil {
      if methodOptions.method != nil || output != nil || blocks != nil || curve != nil {
        throw ValidationError("--evaluate measures an existing layer: give it without --method, --output, --blocks and --curve")
      }
      if summaryOutput == nil { throw ValidationError("--evaluate writes --summary-output FILE; add it") }
      return
    }
    guard let method = methodOptions.method else { throw ValidationError("give --method plurality|ttwa|optimise (or --evaluate CROSSWALK)") }
    if output == nil && summaryOutput == nil { throw ValidationError("give --output FILE (the regions' crosswalk) and/or --summary-output FILE") }
    if curve != nil && method != .optimise { throw ValidationError("--curve needs --method optimise (the other methods draw the same regions at every K)") }
  }

  func run() throws {
    let report = RunReport(command: "regions")
    let inputs = RegionInputs(
      flows: flowOptions.spec, units: unitOptions.placement, adjacency: adjacency,
      population: .init(path: population.population!, columns: population.columns), zones: zoneOptions.spec, workingCRS: zoneOptions.crs,
      workers: workerCount.count)
    let (graph, account) = try inputs.load()
    report.record(account)
    let numbers = runOptions.numbers, bom = runOptions.bom
    if let evaluate {
      let (footprints, read) = try RegionCrosswalks.footprints(path: evaluate, zoneIDs: graph.zoneIDs)
      report.record(read)
      let regions = Regionalisation.evaluate(graph, footprintOfZone: footprints)
      let summary = describe(graph, regions, report: report, label: "footprints of the evaluated layer")
      try write(RegionTables.summary(summary, numbers: numbers, byteOrderMark: bom), to: summaryOutput!)
      try runOptions.finish(report)
      return
    }
    var zoneBlocks: ZoneBlocks?
    if let blocks {
      let (read, blockAccount) = try RegionCrosswalks.blocks(path: blocks, zoneIDs: graph.zoneIDs)
      report.record(blockAccount)
      zoneBlocks = read
    }
    let settings = methodOptions.settings(blocks: zoneBlocks, workers: workerCount.count)
    let regions = try Regionalisation.regions(graph, settings)
    let summary = describe(graph, regions, report: report, label: "regions")
    if zoneBlocks != nil { try priceOfBlocks(graph, settings: settings, blocked: summary, regions: regions.ids.count, report: report) }
    if let output { try write(RegionTables.crosswalk(zoneIDs: graph.zoneIDs, regions: regions, byteOrderMark: bom), to: output) }
    if let summaryOutput { try write(RegionTables.summary(summary, numbers: numbers, byteOrderMark: bom), to: summaryOutput) }
    if let curve, let curveOutput {
      let points = try Regionalisation.curve(graph, settings, regions: curve.range)
      try write(RegionTables.curve(points, numbers: numbers, byteOrderMark: bom), to: curveOutput)
      let outside = points.filter { $0.outOfBounds > 0 }.map { String($0.regions) }
      if !outside.isEmpty { report.warn("the curve has regions outside the population bounds at K = \(outside.joined(separator: ", "))") }
    }
    try runOptions.finish(report)
  }

  /// The summary of `regions`, its figures and what must be reported: regions outside the
  /// bounds or in pieces (losses: --strict fails), and what the method worked around.
  private func describe(_ graph: ZoneGraph, _ regions: Regions, report: RunReport, label: String) -> RegionSummary {
    let summary = RegionSummary(
      graph, regions, minPopulation: methodOptions.minPopulation, maxPopulation: methodOptions.maxPopulation, contiguity: methodOptions.contiguity)
    report.figure("regions", Double(summary.rows.count))
    report.figure("overall self-containment", summary.overallSelfContainment)
    report.figure("lowest self-containment of a region", summary.minSelfContainment)
    report.figure("mean self-containment of the regions (flow-weighted)", summary.meanSelfContainment)
    report.figure("smallest region population", summary.populationRange.lowerBound)
    report.figure("largest region population", summary.populationRange.upperBound)
    let byID = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.regionID, $0) })
    let bounds = "\(methodOptions.minPopulation.map { NumberFormat.csv($0) } ?? "0")–\(methodOptions.maxPopulation.map { NumberFormat.csv($0) } ?? "∞")"
    report.lose(
      Tally(
        reason: "\(label) outside the population bounds \(bounds)", unit: "people", destination: "reported",
        byCode: Dictionary(uniqueKeysWithValues: summary.outOfBounds.map { ($0, (rows: 1, amount: byID[$0]?.population ?? 0)) })))
    report.lose(
      Tally(
        reason: "\(label) in more than one piece (\(methodOptions.contiguity.rawValue) contiguity)", unit: "people", destination: "reported",
        byCode: Dictionary(uniqueKeysWithValues: summary.inPieces.map { ($0, (rows: 1, amount: byID[$0]?.population ?? 0)) })))
    let notes = regions.notes
    if notes.zonesWithoutFlow > 0 { report.note("\(notes.zonesWithoutFlow) zones send no flow to a located unit and joined the neighbour they share most boundary with") }
    if notes.piecesJoined > 0 { report.note("\(notes.piecesJoined) detached pieces joined the neighbouring region they share most boundary with") }
    if notes.smallRegionsMerged > 0 { report.note("\(notes.smallRegionsMerged) regions under the minimum population merged into the neighbour they exchange most flow with") }
    if !notes.blocksInPieces.isEmpty { report.warn("\(notes.blocksInPieces.count) blocks are not in one piece under \(methodOptions.contiguity.rawValue) contiguity (each treated as one)", codes: notes.blocksInPieces) }
    if notes.zonesOutsideLayer > 0 { report.note("\(notes.zonesOutsideLayer) zones are in no footprint of the evaluated layer: measured as one region with a blank id") }
    return summary
  }

  /// The same method without blocks, and the self-containment the blocks cost.
  private func priceOfBlocks(_ graph: ZoneGraph, settings: RegionSettings, blocked: RegionSummary, regions: Int, report: RunReport) throws {
    var free = settings
    free.blocks = nil
    let unconstrained = RegionSummary(
      graph, try Regionalisation.regions(graph, free), minPopulation: settings.minPopulation, maxPopulation: settings.maxPopulation,
      contiguity: settings.contiguity)
    report.figure("overall self-containment without blocks", unconstrained.overallSelfContainment)
    report.figure("self-containment lost to the blocks (price of coterminosity)", unconstrained.overallSelfContainment - blocked.overallSelfContainment)
    if unconstrained.rows.count != regions {
      report.note("without blocks the method draws \(unconstrained.rows.count) regions, with blocks \(regions): the price compares different counts")
    }
  }
}

extension RegionsCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--flows", flowOptions.flows)
    files.input("--unit-locations", unitOptions.locations)
    files.input("--unit-points", unitOptions.points)
    files.add(unitOptions.postcodeDirectory)
    files.input("--adjacency", adjacency)
    files.add(population)
    files.input("--zones", zoneOptions.zones, .boundaries)
    files.input("--blocks", blocks)
    files.input("--evaluate", evaluate)
    files.output("--output", output)
    files.output("--summary-output", summaryOutput)
    files.output("--curve-output", curveOutput)
    files.add(runOptions)
  }
}
