import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs
import Foundation

struct ProposeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "propose",
    abstract: "A what-if layer from building blocks: its zone crosswalk, and its polygons dissolved from the zones.",
    discussion: """
      The proposal is a CSV mapping building blocks (zones, councils or sub-ICBs) to proposed \
      footprints, e.g. moving a council from one ICS to another. With --crosswalk (or \
      --lookup …) mapping the zones to the blocks, the proposal's zone crosswalk is \
      w′(z,f) = Σ_block w(z,block)·m(block,f), written in the usual crosswalk format, no \
      geometry needed; without it the blocks are the zones. Blocks the proposal leaves out \
      are gaps (their zones UNALLOCATED, a loss); a block mapped to two footprints needs \
      --block-weight-column (an overlap). With --zones, --zone-id and --dissolve-output the \
      footprints are drawn: each footprint's zones unioned by GEOS (coverage union when the \
      zones share edges exactly) and written as GeoJSON in the zones' CRS.

      Example (after bash scripts/demo.sh): Demoshire's councils Northvale \
      E07000901 and Southvale E07000902 moved to a new footprint NEW, Westmoor \
      E06000902 (split today) wholly to Westmoor ICB, the other councils left in \
      their ICBs. First the proposal, one row per council, then its crosswalk and \
      its polygons:
        printf '%s\\n' LAD23CD,FOOTPRINT E06000901,E54000901 E07000901,NEW \\
          E07000902,NEW E08000901,E54000902 E06000902,E54000903 \\
          > out/proposal_blocks.csv
        catchment propose --blocks out/proposal_blocks.csv \\
          --block-column LAD23CD --footprint-column FOOTPRINT \\
          --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint LAD23CD \\
          --output out/crosswalk_lsoa_proposal.csv \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --dissolve-output out/proposal.geojson

      With --gpkg FILE (a GeoPackage) or --geojson FILE (RFC 7946, WGS 84) it also \
      writes the proposed footprints dissolved from --zones (one dissolve serves \
      --dissolve-output too) with their zones (zones with a weight > 0), \
      zone_weight (the sum of their weights) and, with --population, population \
      (as 'catchment populations' counts it); the GeoPackage adds a layer 'zones' \
      with each zone's proposed footprint and weight. Both are in the working CRS \
      (--crs) and written with the crosswalk, all or nothing.

      Example (the same proposal, for QGIS):
        catchment propose --blocks out/proposal_blocks.csv \\
          --block-column LAD23CD --footprint-column FOOTPRINT \\
          --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint LAD23CD \\
          --output out/crosswalk_lsoa_proposal.csv \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --gpkg out/proposal.gpkg
      """)

  @Option(help: ArgumentHelp("The proposal: building block → proposed footprint, one row each.", valueName: "file"))
  var blocks: String

  @Option(name: .customLong("block-column"), help: ArgumentHelp("Building block column (a zone, council or sub-ICB code).", valueName: "column"))
  var blockColumn: String

  @Option(name: .customLong("footprint-column"), help: ArgumentHelp("Proposed footprint column.", valueName: "column"))
  var footprintColumn: String

  @Option(name: .customLong("footprint-name-column"), help: ArgumentHelp("Proposed footprint name column.", valueName: "column"))
  var footprintNameColumn: String?

  @Option(name: .customLong("block-weight-column"), help: ArgumentHelp("Share of the block in the footprint, for blocks shared between footprints.", valueName: "column"))
  var blockWeightColumn: String?

  @Option(help: ArgumentHelp("Crosswalk of the zones to the building blocks (omit, with --lookup, when the blocks are the zones).", valueName: "file"))
  var crosswalk: String?

  @OptionGroup(title: "Zones → blocks by a lookup (instead of --crosswalk)")
  var lookup: LookupOptions

  @Option(name: .shortAndLong, help: ArgumentHelp("The proposal's zone crosswalk CSV.", valueName: "file"))
  var output: String

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Zone boundaries, to draw the proposed footprints.", valueName: "path"))
  var zones: [String] = []

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id attribute.", valueName: "field"))
  var zoneID: String?

  @Option(name: .customLong("dissolve-output"), help: ArgumentHelp("GeoJSON of the proposed footprints, dissolved from the zones.", valueName: "file"))
  var dissolveOutput: String?

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount
  var workers: Int { workerCount.count }

  @Option(help: ArgumentHelp("Working CRS (projected) of the --gpkg layers: the drawn footprints are transformed into it (--geojson is in WGS 84).", valueName: "crs"))
  var crs = CRSReference.epsg(27700)

  @OptionGroup(title: "Geodata (the proposed footprints for QGIS, R and geopandas)")
  var geodata: GeodataOptions

  @OptionGroup(title: "Population (the geodata's population column)")
  var population: PopulationOptions

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if crosswalk != nil && lookup.isGiven { throw ValidationError("give --crosswalk or --lookup, not both") }
    if population.isGiven && !geodata.isGiven { throw ValidationError("--population gives the geodata's population column; add --gpkg FILE or --geojson FILE") }
    try geodata.require(!zones.isEmpty && zoneID != nil, "--zones PATH... --zone-id FIELD (dissolved by the proposal's crosswalk)")
    let draws = dissolveOutput != nil || geodata.isGiven
    if draws == zones.isEmpty || (draws && zoneID == nil) {
      throw ValidationError("--dissolve-output needs --zones PATH... --zone-id FIELD (and they need it, or --gpkg/--geojson)")
    }
  }

  func run() throws {
    let report = RunReport(command: "propose")
    let mapping = try BlockMapping.read(path: blocks, block: blockColumn, footprint: footprintColumn, name: footprintNameColumn, weight: blockWeightColumn)
    let baseCrosswalk = try crosswalk.map { try readCrosswalk(path: $0, report: report) } ?? (lookup.isGiven ? try lookup.crosswalk(report: report) : nil)
    let (crosswalk, account) = try mapping.crosswalk(base: baseCrosswalk)
    report.record(account)
    report.figure("proposed footprints", Double(crosswalk.realFootprintCodes.count))
    try write(crosswalk.csv(byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if dissolveOutput != nil || geodata.isGiven, let zoneID {
      let drawing = try FootprintDrawing.dissolve(zonePaths: zones, idField: zoneID, crosswalk: crosswalk, workers: workers)
      report.record(drawing.account)
      if let dissolveOutput {
        try write(bytes: Array(drawing.geoJSON.utf8), to: dissolveOutput)
        report.note("wrote \(dissolveOutput) (\(drawing.count) footprints, in the zones' CRS \(drawing.crs))")
      }
      if geodata.isGiven {
        let polygons = try FootprintPolygons.projected(drawing, workingCRS: crs)
        let resident = try population.resident(crosswalk: crosswalk, report: report)
        try geodata.write(FootprintGeodata.crosswalk(crosswalk, polygons: polygons, population: resident), inputs: files, report: report)
      }
    }
    try runOptions.finish(report)
  }
}
