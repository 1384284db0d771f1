import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs

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

      Between boundary vintages (the ONS LSOA 2011 → 2021 bridge, one row per \
      pair with a change code U, S, M or X), --lookup-direction reverse reads \
      the file from --lookup-footprint's codes to --lookup-zone's, and a zone \
      with several targets is split by --split-by: the targets' population, \
      the area of each piece (--zones: the crosswalk's zones, --footprints: \
      their targets) or equal shares (an assumption). Complex (X) zones are \
      split by area whenever polygons are given. The report counts the zones \
      of each change code by the method that weighed them.

      Example (LSOA 2021 → 2011 through the bridge read in reverse, merged \
      zones split by the 2011 zones' population):
        catchment crosswalk --method lookup \\
          --lookup data/lsoa11_lsoa21_lookup.csv \\
          --lookup-zone LSOA11CD --lookup-footprint LSOA21CD \\
          --lookup-direction reverse --lookup-name LSOA11NM \\
          --split-by population \\
          --split-population data/population_lsoa11_mid2020.csv \\
          --split-population-id "Area Codes" \\
          --split-population-value "All Ages" \\
          --output out/lsoa21_lsoa11.csv

      With --gpkg FILE (a GeoPackage) or --geojson FILE (RFC 7946, WGS 84) it also \
      writes the footprints with their zones (zones with a weight > 0), \
      zone_weight (the sum of their weights) and, with --population, population \
      (as 'catchment populations' counts it): best-fit and area draw the \
      footprints' own polygons (a footprint in several features unioned), lookup \
      dissolves the zone polygons of --zones/--zone-id by the crosswalk; the \
      GeoPackage adds a layer 'zones' with each crosswalk row's zone polygon, \
      footprint and weight. Both are in the working CRS (--crs) and written with \
      the crosswalk, all or nothing.

      Example (the same crosswalk, with its footprints for QGIS):
        catchment crosswalk --method lookup \\
          --lookup data/lsoa_sicbl_icb_lad_lookup.csv \\
          --lookup-zone LSOA21CD --lookup-footprint ICB23CD \\
          --lookup-name ICB23NM --output out/lsoa_icb.csv \\
          --zones data/lsoa_boundaries.geojson --zone-id LSOA21CD \\
          --gpkg out/lsoa_icb.gpkg
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

  @OptionGroup(title: "Geodata (footprints for QGIS, R and geopandas)")
  var geodata: GeodataOptions

  @OptionGroup(title: "Population (the geodata's population column)")
  var population: PopulationOptions

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if population.isGiven && !geodata.isGiven { throw ValidationError("--population gives the geodata's population column; add --gpkg FILE or --geojson FILE") }
    switch method {
    case .lookup:
      if !lookup.isGiven { throw ValidationError("--method lookup needs --lookup FILE --lookup-zone COLUMN --lookup-footprint COLUMN") }
      try geodata.require(!geometry.zones.isEmpty && geometry.zoneID != nil, "--zones PATH... --zone-id FIELD to dissolve the zones by the lookup's crosswalk")
      try validateSplitPolygons()
    case .bestFit, .area:
      if lookup.split.anyGiven { throw ValidationError("--lookup-direction, --lookup-change and --split-… are for --method lookup") }
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
    // One read of each boundary file serves the crosswalk and the geodata.
    let inputs = method == .lookup ? nil : geometry.inputs
    // A lookup's split polygons and its geodata's dissolve share one read of the zones.
    let lookupReads = BoundaryReads()
    if geodata.isGiven, let zones = inputs?.zones {
      inputs?.reads.willNeedGeometry(paths: zones.paths, idField: zones.idField, gpkgLayer: zones.gpkgLayer)
    }
    switch method {
    case .lookup:
      crosswalk = try lookup.crosswalk(report: report, polygons: splitPolygons(report: report, reads: lookupReads))
    case .bestFit:
      let inputs = try (inputs ?? geometry.inputs).load()
      report.record(inputs.account)
      let bestFit = try SpatialCrosswalk.bestFit(
        zones: inputs.zones, centroids: inputs.centroids, footprints: inputs.footprints, snapDistance: snapDistance,
        workers: geometry.workers)
      report.record(bestFit.account)
      crosswalk = bestFit.crosswalk
    case .area:
      let inputs = try (inputs ?? geometry.inputs).loadLeavingZonesUnprojected()
      report.record(inputs.account)
      let area = try SpatialCrosswalk.area(
        zones: inputs.zones, projectZones: inputs.projectZones, footprints: inputs.footprints, basis: areaBasis, minWeight: minWeight, workers: geometry.workers)
      report.record(area.account)
      crosswalk = area.crosswalk
    }
    report.record(VintageCheck.account(crosswalk: crosswalk, file: method == .lookup ? lookup.lookup! : output))
    try write(crosswalk.csv(byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if geodata.isGiven {
      let source: FootprintPolygons.Source
      if let inputs { source = .own(footprints: inputs.footprints, zones: inputs.zones) } else { source = .dissolved(zones: geometry.zoneSpec) }
      let polygons = try FootprintPolygons.drawn(
        source, crosswalk: crosswalk, workingCRS: geometry.crs, workers: geometry.workers, reads: inputs?.reads ?? lookupReads)
      report.record(polygons.account)
      let resident = try population.resident(crosswalk: crosswalk, report: report)
      try geodata.write(FootprintGeodata.crosswalk(crosswalk, polygons: polygons, population: resident), inputs: files, report: report)
    }
    try runOptions.finish(report)
  }
}
