import ArgumentParser
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTables
import Foundation

/// Zones, footprints, centroids and the working CRS, for the geometry methods.
struct GeometryOptions: ParsableArguments {
  @Option(parsing: .upToNextOption, help: ArgumentHelp("Zone boundaries: GeoJSON, Shapefile or GeoPackage files, directories or globs, merged (e.g. an ONS LSOA set split by local authority).", valueName: "path"))
  var zones: [String] = []

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id attribute (e.g. LSOA21CD). In GeoJSON, `id` also finds each Feature's own \"id\" member when the properties have no id.", valueName: "field"))
  var zoneID: String?

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Footprint boundaries: GeoJSON, Shapefile or GeoPackage files, directories or globs.", valueName: "path"))
  var footprints: [String] = []

  @Option(name: .customLong("footprint-id"), help: ArgumentHelp("Footprint id attribute (e.g. ICB23CD). In GeoJSON, `id` also finds each Feature's own \"id\" member when the properties have no id.", valueName: "field"))
  var footprintID: String?

  @Option(name: .customLong("footprint-name"), help: ArgumentHelp("Footprint name attribute (e.g. ICB23NM).", valueName: "field"))
  var footprintName: String?

  @Option(name: .customLong("zone-layer"), help: ArgumentHelp("Layer of the zone GeoPackage(s), when they hold several.", valueName: "name"))
  var zoneLayer: String?

  @Option(name: .customLong("footprint-layer"), help: ArgumentHelp("Layer of the footprint GeoPackage(s), when they hold several.", valueName: "name"))
  var footprintLayer: String?

  @OptionGroup(title: "Centroids (best fit)")
  var centroidOptions: CentroidOptions

  @Option(help: ArgumentHelp("Working CRS, projected in metres: areas and distances are measured in it.", valueName: "crs"))
  var crs = "EPSG:27700"

  @Option(name: .customLong("assume-crs"), help: ArgumentHelp("CRS for boundary files that declare none (without it such files are an error).", valueName: "crs"))
  var assumeCRS: String?

  @Option(name: .customLong("force-crs"), help: ArgumentHelp("CRS to use for every boundary file whatever it declares (e.g. EPSG:27700 for a British National Grid .prj with an unnamed datum).", valueName: "crs"))
  var forceCRS: String?

  @Option(help: ArgumentHelp("Tasks to run at once (default: the processor count).", valueName: "n"))
  var workers: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    if workers < 1 { throw ValidationError("--workers must be at least 1") }
  }

  /// Zones and footprints in the working CRS, with the readers' and PROJ's findings reported.
  func load(report: RunReport) throws -> (zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?) {
    let inputs = try load(report: report, projectZonesNow: true, pools: TransformerPool.Cache(target: crs, workers: workers))
    return (inputs.zones, inputs.footprints, inputs.centroids)
  }

  /// Footprints in the working CRS and zones still in their own CRS, with the function that
  /// brings zone coordinates into the working CRS (reporting PROJ's choice), for methods that
  /// reproject only the zones they measure (area).
  func loadLeavingZonesUnprojected(report: RunReport) throws -> (
    zones: PolygonLayer, footprints: PolygonLayer, projectZones: (inout [Double], inout [Double]) throws -> Void
  ) {
    let pools = TransformerPool.Cache(target: crs, workers: workers)
    let inputs = try load(report: report, projectZonesNow: false, pools: pools)
    let source = inputs.zones.crs
    let pool = try transformers(from: source, what: "zones", pools: pools)
    return (inputs.zones, inputs.footprints, { xs, ys in try project(&xs, &ys, with: pool, from: source, what: "zones", report: report) })
  }

  private func load(report: RunReport, projectZonesNow: Bool, pools: TransformerPool.Cache) throws -> (
    zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?
  ) {
    guard CoordinateTransformer.isProjected(crs) else {
      throw ValidationError("--crs \(crs) is not a projected CRS; areas and distances need one in metres, e.g. EPSG:27700")
    }
    var points: PointLayer?
    if var layer = try centroidOptions.read(report: report) {
      try project(&layer.xs, &layer.ys, from: layer.crs, what: "centroids \(centroidOptions.centroids!)", pools: pools, report: report)
      points = layer
    }
    let zones = try layer(
      paths: zones, id: zoneID!, name: nil, gpkgLayer: zoneLayer, role: "zones", pools: pools, report: report,
      coordinates: !projectZonesNow ? .unprojected : points.map { .unlessEveryID(in: Set($0.ids)) } ?? .projected)
    let footprints = try layer(paths: footprints, id: footprintID!, name: footprintName, gpkgLayer: footprintLayer, role: "footprints", pools: pools, report: report)
    return (zones, footprints, points)
  }

  /// What a command needs of a layer's coordinates.
  enum CoordinateUse {
    /// In the working CRS.
    case projected
    /// In the layer's own CRS (the caller reprojects what it uses; the layer keeps its CRS).
    case unprojected
    /// None, when every feature id is in the set (best fit with a centroid for every zone:
    /// reprojecting 2 million vertices would be most of the run, and skipping their parsing
    /// halves the reading); else in the working CRS.
    case unlessEveryID(in: Set<String>)
  }

  /// Reads a layer and brings its coordinates where `coordinates` says.
  private func layer(
    paths: [String], id: String, name: String?, gpkgLayer: String?, role: String, pools: TransformerPool.Cache, report: RunReport,
    coordinates: CoordinateUse = .projected
  ) throws -> PolygonLayer {
    var result: LayerSource.Result
    var needsCoordinates = true
    if case .unlessEveryID(let known) = coordinates {
      result = try LayerSource.read(paths: paths, fields: BoundaryFields(id: id, name: name, readsGeometry: false), layer: gpkgLayer)
      if result.layer.ids.allSatisfy(known.contains) {
        needsCoordinates = false
        report.note("\(role): every feature has a centroid, so the polygons were not needed and not read")
      } else {
        result = try LayerSource.read(paths: paths, fields: BoundaryFields(id: id, name: name), layer: gpkgLayer)
      }
    } else {
      result = try LayerSource.read(paths: paths, fields: BoundaryFields(id: id, name: name), layer: gpkgLayer)
    }
    var layer = result.layer
    let files = result.files
    let features = files.reduce(0) { $0 + $1.features }
    report.figure("\(role): features read from \(files.count) file\(files.count == 1 ? "" : "s")", Double(features))
    let empty = files.reduce(0) { $0 + $1.emptyGeometries }, other = files.reduce(0) { $0 + $1.nonPolygonal }
    if empty > 0 { report.warn("\(empty) \(role) have no geometry (null or empty) and are kept without area") }
    if other > 0 { report.warn("\(other) \(role) have a geometry that is not a polygon and are kept without area") }
    if !result.duplicateIDs.isEmpty {
      let list = result.duplicateIDs.prefix(8).map { "\($0.id) ×\($0.count)" }.joined(separator: ", ")
      report.warn("\(result.duplicateIDs.count) \(role) ids occur in more than one feature (\(list)\(result.duplicateIDs.count > 8 ? ", …" : "")); \(role == "zones" ? "the first feature of each is used" : "their features are treated as one footprint")")
    }
    var declared = layer.crs
    if let forceCRS {
      if declared != .unknown && declared != .definition(forceCRS) { report.note("\(role): declared CRS \(declared) replaced by --force-crs \(forceCRS)") }
      declared = .definition(forceCRS)
    } else if declared == .unknown {
      guard let assumeCRS else {
        throw ValidationError("the \(role) files declare no CRS; give --assume-crs (e.g. EPSG:27700)")
      }
      declared = .definition(assumeCRS)
    }
    if case .unprojected = coordinates { needsCoordinates = false }
    guard needsCoordinates else {
      layer.crs = declared
      return layer
    }
    try project(&layer.xs, &layer.ys, from: declared, what: role, pools: pools, report: report)
    layer.crs = .definition(crs)
    return layer
  }

  private func project(
    _ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, pools: TransformerPool.Cache, report: RunReport
  ) throws {
    try project(&xs, &ys, with: try transformers(from: source, what: what, pools: pools), from: source, what: what, report: report)
  }

  /// Transformers from `source` into the working CRS (an error when the source is unknown).
  private func transformers(from source: CRSReference, what: String, pools: TransformerPool.Cache) throws -> TransformerPool {
    guard let definition = source.projDefinition else {
      throw ValidationError("the \(what) declare no CRS; give --assume-crs (e.g. EPSG:27700)")
    }
    return try pools.pool(from: definition)
  }

  /// Transforms the points and reports the transformation PROJ chose (once per report).
  private func project(
    _ xs: inout [Double], _ ys: inout [Double], with pool: TransformerPool, from source: CRSReference, what: String, report: RunReport
  ) throws {
    try pool.transform(
      &xs, &ys, reportingAs: what, from: "\(source)",
      advice: "; if the file is in British National Grid, give --force-crs EPSG:27700 or fix its .prj", to: report)
  }
}
