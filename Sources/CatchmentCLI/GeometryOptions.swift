import ArgumentParser
import CatchmentAnalysis
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

  @Option(name: .customLong("zones-crs"), help: ArgumentHelp("CRS of the zone files, whatever they declare: assumed when they declare none, used instead of what they declare when that is wrong (e.g. EPSG:27700 for a British National Grid .prj with an unnamed datum). The zones only.", valueName: "crs"))
  var zonesCRS: String?

  @Option(name: .customLong("footprints-crs"), help: ArgumentHelp("CRS of the footprint files, whatever they declare (as --zones-crs, for the footprints only).", valueName: "crs"))
  var footprintsCRS: String?

  @Option(name: .customLong("assume-crs"), help: ArgumentHelp("CRS for boundary files of either layer that declare none (without it such files are an error); --zones-crs/--footprints-crs take precedence.", valueName: "crs"))
  var assumeCRS: String?

  @Option(name: .customLong("force-crs"), help: ArgumentHelp("CRS for the boundary files of both layers whatever they declare; --zones-crs/--footprints-crs take precedence. To correct one layer, use those: forcing a British National Grid CRS on a GeoJSON layer (lon/lat) too puts it off the map.", valueName: "crs"))
  var forceCRS: String?

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount
  var workers: Int { workerCount.count }

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
    return (inputs.zones, inputs.footprints, { xs, ys in try project(&xs, &ys, with: pool, from: source, what: "zones", option: "--zones-crs", report: report) })
  }

  private func load(report: RunReport, projectZonesNow: Bool, pools: TransformerPool.Cache) throws -> (
    zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?
  ) {
    // A CRS PROJ cannot create (unknown, out of memory) is a PROJError with PROJ's reason.
    guard try CoordinateTransformer.isProjected(crs) else {
      throw ValidationError("--crs \(crs) is not a projected CRS; areas and distances need one in metres, e.g. EPSG:27700")
    }
    var points: PointLayer?
    var centroidExtent: LayerExtent?
    if var layer = try centroidOptions.read(report: report) {
      let own = LayerExtent.envelope(xs: layer.xs, ys: layer.ys)
      try project(&layer.xs, &layer.ys, from: layer.crs, what: "centroids \(centroidOptions.centroids!)", option: "--centroid-crs", pools: pools, report: report)
      centroidExtent = LayerExtent(role: "centroids", crs: "\(layer.crs)", own: own, working: LayerExtent.envelope(xs: layer.xs, ys: layer.ys))
      points = layer
    }
    let (zones, zoneExtent) = try layer(
      paths: zones, id: zoneID!, name: nil, gpkgLayer: zoneLayer, role: "zones", given: zonesCRS, option: "--zones-crs", pools: pools, report: report,
      coordinates: !projectZonesNow ? .unprojected : points.map { .unlessEveryID(in: Set($0.ids)) } ?? .projected)
    let (footprints, footprintExtent) = try layer(
      paths: footprints, id: footprintID!, name: footprintName, gpkgLayer: footprintLayer, role: "footprints", given: footprintsCRS,
      option: "--footprints-crs", pools: pools, report: report)
    // A layer read in the wrong CRS lies far from the other: refuse rather than send every
    // zone to UNALLOCATED. Zones without coordinates (best fit by centroid) are judged by
    // their centroids.
    do {
      if !zoneExtent.own.isEmpty {
        var extent = zoneExtent
        if !projectZonesNow, let definition = zones.crs.projDefinition {
          let pool = try pools.pool(from: definition)
          extent.working = try LayerExtent.workingBox(of: extent.own) { xs, ys in try pool.transform(xs: &xs, ys: &ys) }
        }
        try LayerExtent.requireMeeting(extent, footprintExtent, workingCRS: crs)
      }
      if let centroidExtent { try LayerExtent.requireMeeting(centroidExtent, footprintExtent, workingCRS: crs) }
    } catch let error as DisjointLayersError {
      throw Failure(
        "\(error). Give each layer its CRS: --zones-crs for the zones, --footprints-crs for the footprints\(centroidExtent != nil ? ", --centroid-crs for the centroids" : "") (each applies to its own layer only; --force-crs applies to both).")
    }
    return (zones, footprints, points)
  }

  /// A run that cannot go on (exit 1), with its reason.
  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
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
  ///
  /// The layer's CRS: `given` (its own option, `option`) whatever the files declare, else
  /// --force-crs whatever they declare, else what they declare, else --assume-crs.
  private func layer(
    paths: [String], id: String, name: String?, gpkgLayer: String?, role: String, given: String?, option: String, pools: TransformerPool.Cache,
    report: RunReport, coordinates: CoordinateUse = .projected
  ) throws -> (layer: PolygonLayer, extent: LayerExtent) {
    // A GeoPackage of several layers is answered with this layer's option.
    func read(_ fields: BoundaryFields) throws -> LayerSource.Result {
      do { return try LayerSource.read(paths: paths, fields: fields, layer: gpkgLayer) } catch let error as GeoIOError {
        throw ErrorMessages.layerChoice(error, option: role == "zones" ? "--zone-layer" : "--footprint-layer")
      }
    }
    var result: LayerSource.Result
    var needsCoordinates = true
    if case .unlessEveryID(let known) = coordinates {
      result = try read(BoundaryFields(id: id, name: name, readsGeometry: false))
      if result.layer.ids.allSatisfy(known.contains) {
        needsCoordinates = false
        report.note("\(role): every feature has a centroid, so the polygons were not needed and not read")
      } else {
        result = try read(BoundaryFields(id: id, name: name))
      }
    } else {
      result = try read(BoundaryFields(id: id, name: name))
    }
    var layer = result.layer
    let files = result.files
    let features = files.reduce(0) { $0 + $1.features }
    report.figure("\(role): features read from \(files.count) file\(files.count == 1 ? "" : "s")", Double(features))
    let empty = files.reduce(0) { $0 + $1.emptyGeometries }, other = files.reduce(0) { $0 + $1.nonPolygonal }
    if empty > 0 { report.warn("\(empty) \(role) have no geometry (null or empty) and are kept without area") }
    if other > 0 { report.warn("\(other) \(role) have a geometry that is not a polygon and are kept without area") }
    if !result.duplicateIDs.isEmpty {
      report.warn(
        "\(result.duplicateIDs.count) \(role) ids occur in more than one feature (\(role == "zones" ? "the first feature of each is used" : "their features are treated as one footprint"))",
        codes: result.duplicateIDs.map { "\($0.id) ×\($0.count)" })
    }
    var declared = layer.crs
    var origin = "as declared"
    if let given {
      if declared != .unknown && declared != .definition(given) { report.note("\(role): declared CRS \(declared) replaced by \(option) \(given)") }
      declared = .definition(given)
      origin = "from \(option)"
    } else if let forceCRS {
      if declared != .unknown && declared != .definition(forceCRS) { report.note("\(role): declared CRS \(declared) replaced by --force-crs \(forceCRS)") }
      declared = .definition(forceCRS)
      origin = "from --force-crs"
    } else if declared == .unknown {
      guard let assumeCRS else {
        throw ValidationError("the \(role) files declare no CRS; give \(option) (e.g. EPSG:27700)")
      }
      declared = .definition(assumeCRS)
      origin = "from --assume-crs"
    }
    let own = LayerExtent.envelope(xs: layer.xs, ys: layer.ys)
    var extent = LayerExtent(role: role, crs: "\(declared), \(origin)", own: own, working: own)
    // Coordinates far outside where their CRS is defined: probably the wrong CRS.
    if let definition = declared.projDefinition, let warning = extent.areaOfUseWarning(definition: definition) { report.warn(warning) }
    if case .unprojected = coordinates { needsCoordinates = false }
    guard needsCoordinates else {
      layer.crs = declared
      return (layer, extent)
    }
    try project(&layer.xs, &layer.ys, from: declared, what: role, option: option, pools: pools, report: report)
    layer.crs = .definition(crs)
    extent.working = LayerExtent.envelope(xs: layer.xs, ys: layer.ys)
    return (layer, extent)
  }

  private func project(
    _ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, option: String, pools: TransformerPool.Cache,
    report: RunReport
  ) throws {
    try project(&xs, &ys, with: try transformers(from: source, what: what, pools: pools), from: source, what: what, option: option, report: report)
  }

  /// Transformers from `source` into the working CRS (an error when the source is unknown).
  private func transformers(from source: CRSReference, what: String, pools: TransformerPool.Cache) throws -> TransformerPool {
    guard let definition = source.projDefinition else {
      throw ValidationError("the \(what) declare no CRS; give --assume-crs (e.g. EPSG:27700)")
    }
    return try pools.pool(from: definition)
  }

  /// Transforms the points and reports the transformation PROJ chose (once per report); a
  /// ballpark warning names `option`, the option that sets this layer's CRS alone.
  private func project(
    _ xs: inout [Double], _ ys: inout [Double], with pool: TransformerPool, from source: CRSReference, what: String, option: String,
    report: RunReport
  ) throws {
    // A projected source with a ballpark is typically a .prj with an unnamed datum; a
    // geographic one (CRS84) gets a ballpark only outside the area of PROJ's datum shifts.
    let projected = source.projDefinition.flatMap { try? CRSInfo($0) }?.isProjected ?? false
    let advice = projected
      ? "; if these files are in British National Grid, give \(option) EPSG:27700 (it sets this layer's CRS only) or fix their .prj"
      : "; the points may lie outside the area where PROJ knows a datum shift, or the CRS is wrong (give \(option) to set this layer's CRS only)"
    try pool.transform(&xs, &ys, reportingAs: what, from: "\(source)", advice: advice, to: report)
  }
}
