import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs

struct AdjacencyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "adjacency",
    abstract: "Which zones are neighbours: shared boundary lengths, corners, and links joining islands.",
    discussion: """
      Reads zone polygons (files of one layer split by council are merged: zones in \
      different files are found adjacent; features with one id are one zone) and writes \
      zone_a,zone_b,shared_m,kind, each pair once with zone_a before zone_b in byte order: \
      edge when their boundaries share more than --min-shared metres of line, corner \
      when they touch otherwise (at a point, or along no more than --min-shared), and \
      link for the joins that make the graph connected. Shared lengths are measured on \
      the geometry in the working CRS (--crs), not by matching vertices: boundaries \
      within 1 cm of one line are shared, so a vertex of one zone in the middle of \
      another's segment counts (libpysal's rook misses such pairs). A zone filling \
      another's hole is its neighbour. Unless --no-links, every connected component \
      but the largest (islands) is joined from its zone nearest to the rest to the \
      nearest zone outside it (shared_m 0; the gap is in the report), shortest gaps \
      first, until one component is left. Rook contiguity is edge and link pairs; \
      queen adds corners.

      Example on the demo data:
        catchment adjacency --zones data/lsoa_boundaries.geojson \\
          --zone-id LSOA21CD --output out/adjacency.csv
      """)

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Zone boundaries: GeoJSON, Shapefile or GeoPackage files, directories or globs, merged (e.g. an ONS MSOA set split by local authority).", valueName: "path"))
  var zones: [String] = []

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id attribute (e.g. MSOA11CD).", valueName: "field"))
  var zoneID: String

  @Option(name: .customLong("zone-layer"), help: ArgumentHelp("Layer of the zone GeoPackage(s), when they hold several.", valueName: "name"))
  var zoneLayer: String?

  @Option(name: .customLong("zones-crs"), help: ArgumentHelp("CRS of the zone files, whatever they declare (needed when they declare none).", valueName: "crs"))
  var zonesCRS: CRSReference?

  @Option(help: ArgumentHelp("Working CRS, projected in metres: shared lengths and gaps are measured in it.", valueName: "crs"))
  var crs = CRSReference.epsg(27700)

  @Option(name: .customLong("min-shared"), help: ArgumentHelp("Metres of shared boundary above which a pair is an edge; at or below, a corner.", valueName: "metres"))
  var minShared = 1.0

  @Flag(name: .customLong("no-links"), help: "Leave the components apart: no link pairs.")
  var noLinks = false

  @Option(name: .shortAndLong, help: ArgumentHelp("Adjacency CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if zones.isEmpty { throw ValidationError("give the zone boundaries: --zones PATH... --zone-id FIELD") }
    if !(minShared >= 0) || !minShared.isFinite { throw ValidationError("--min-shared must be a number of metres, at least 0") }
  }

  func run() throws {
    let report = RunReport(command: "adjacency")
    let spec = LayerSpec(paths: zones, idField: zoneID, gpkgLayer: zoneLayer, role: "zones", crs: CRSChoice(own: zonesCRS, ownLabel: "--zones-crs"))
    let (layer, account) = try spec.loadProjected(workingCRS: crs, workers: workerCount.count)
    report.record(account)
    let adjacency = try ZoneAdjacency.measure(layer, minShared: minShared, links: !noLinks, workers: workerCount.count)
    report.record(adjacency.account)
    try write(adjacency.csv(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    try runOptions.finish(report)
  }
}
