import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

struct CrosswalkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "crosswalk",
    abstract: "Write the zone → footprint crosswalk (zone_id,footprint_id,weight) that the other commands read.",
    discussion: """
      Every zone read appears in the output and its weights sum to 1: a zone not \
      wholly allocated gets a row UNALLOCATED with the remainder. Rows are sorted \
      by zone_id then footprint_id. Columns: zone_id, footprint_id, weight, \
      footprint_name (when known), method.

      Example (ONS LSOA 2021 → Sub-ICB → ICB → LAD lookup, ICB layer):
        catchment crosswalk --method lookup \\
          --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint ICB23CD \\
          --lookup-name ICB23NM --output out/lsoa_icb.csv
      """)

  @Option(help: "How zones are assigned to footprints.")
  var method: CrosswalkMethod = .lookup

  @OptionGroup(title: "Lookup")
  var lookup: LookupOptions

  @OptionGroup(title: "Geometry (best-fit, area)")
  var geometry: GeometryOptions

  @Option(name: .customLong("snap-distance"), help: ArgumentHelp("best-fit: a centroid outside every footprint goes to the nearest within this many metres.", valueName: "metres"))
  var snapDistance = 1000.0

  @Option(name: .customLong("area-basis"), help: "area: divide by the area covered by footprints (covered, as tobler's allocate_total) or by the zone's area (zone; the rest UNALLOCATED).")
  var areaBasis: AreaBasis = .covered

  @Option(name: .customLong("min-weight"), help: ArgumentHelp("area: drop links below this weight (slivers) and share their weight over the zone's other footprints.", valueName: "w"))
  var minWeight: Double?

  @Option(name: .shortAndLong, help: ArgumentHelp("Crosswalk CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    switch method {
    case .lookup:
      if !lookup.isGiven { throw ValidationError("--method lookup needs --lookup FILE --lookup-zone COLUMN --lookup-footprint COLUMN") }
    case .bestFit, .area:
      if geometry.zones.isEmpty || geometry.zoneID == nil || geometry.footprints.isEmpty || geometry.footprintID == nil {
        throw ValidationError("--method \(method.rawValue) needs --zones PATH... --zone-id FIELD --footprints PATH... --footprint-id FIELD")
      }
      if method == .area && geometry.centroidOptions.centroids != nil { throw ValidationError("--centroids is for --method best-fit") }
      if let minWeight, !(0..<1).contains(minWeight) { throw ValidationError("--min-weight must lie in [0, 1)") }
    }
  }

  func run() throws {
    let report = RunReport(command: "crosswalk")
    let crosswalk: Crosswalk
    switch method {
    case .lookup:
      crosswalk = try lookup.crosswalk(report: report)
    case .bestFit:
      let inputs = try geometry.load()
      report.record(inputs.account)
      let bestFit = try SpatialCrosswalk.bestFit(
        zones: inputs.zones, centroids: inputs.centroids, footprints: inputs.footprints, snapDistance: snapDistance,
        workers: geometry.workers)
      report.record(bestFit.account)
      crosswalk = bestFit.crosswalk
    case .area:
      let inputs = try geometry.loadLeavingZonesUnprojected()
      report.record(inputs.account)
      let area = try SpatialCrosswalk.area(
        zones: inputs.zones, projectZones: inputs.projectZones, footprints: inputs.footprints, basis: areaBasis, minWeight: minWeight, workers: geometry.workers)
      report.record(area.account)
      crosswalk = area.crosswalk
    }
    try write(crosswalk.csv(byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    try runOptions.finish(report)
  }
}
