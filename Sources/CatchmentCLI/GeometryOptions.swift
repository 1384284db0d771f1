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

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id attribute (e.g. LSOA21CD).", valueName: "field"))
  var zoneID: String?

  @Option(parsing: .upToNextOption, help: ArgumentHelp("Footprint boundaries: GeoJSON, Shapefile or GeoPackage files, directories or globs.", valueName: "path"))
  var footprints: [String] = []

  @Option(name: .customLong("footprint-id"), help: ArgumentHelp("Footprint id attribute (e.g. ICB23CD).", valueName: "field"))
  var footprintID: String?

  @Option(name: .customLong("footprint-name"), help: ArgumentHelp("Footprint name attribute (e.g. ICB23NM).", valueName: "field"))
  var footprintName: String?

  @Option(name: .customLong("zone-layer"), help: ArgumentHelp("Layer of the zone GeoPackage(s), when they hold several.", valueName: "name"))
  var zoneLayer: String?

  @Option(name: .customLong("footprint-layer"), help: ArgumentHelp("Layer of the footprint GeoPackage(s), when they hold several.", valueName: "name"))
  var footprintLayer: String?

  @Option(help: ArgumentHelp("Population-weighted centroids CSV, for best fit (e.g. ONS LSOA PWC).", valueName: "file"))
  var centroids: String?

  @Option(name: .customLong("centroid-id"), help: ArgumentHelp("Centroid id column.", valueName: "column"))
  var centroidID: String?

  @Option(name: .customLong("centroid-x"), help: ArgumentHelp("Centroid x column (easting or longitude).", valueName: "column"))
  var centroidX = "X"

  @Option(name: .customLong("centroid-y"), help: ArgumentHelp("Centroid y column (northing or latitude).", valueName: "column"))
  var centroidY = "Y"

  @Option(name: .customLong("centroid-crs"), help: ArgumentHelp("CRS of the centroid coordinates (OGC:CRS84 for longitude/latitude, EPSG:27700 for British National Grid).", valueName: "crs"))
  var centroidCRS = "OGC:CRS84"

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
    if centroids != nil && centroidID == nil { throw ValidationError("--centroids needs --centroid-id COLUMN (e.g. lsoa11cd)") }
  }

  /// Zones and footprints in the working CRS, with the readers' and PROJ's findings reported.
  func load(report: RunReport) throws -> (zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?) {
    guard CoordinateTransformer.isProjected(crs) else {
      throw ValidationError("--crs \(crs) is not a projected CRS; areas and distances need one in metres, e.g. EPSG:27700")
    }
    var points: PointLayer?
    if let centroids {
      var layer = try PointsCSV.read(
        path: centroids, columns: .init(id: centroidID!, x: centroidX, y: centroidY), crs: .definition(centroidCRS))
      try project(&layer.xs, &layer.ys, from: .definition(centroidCRS), what: "centroids \(centroids)", report: report)
      report.figure("centroids read", Double(layer.count))
      points = layer
    }
    // Best fit with a centroid for every zone never uses the zones' coordinates: leave them
    // untransformed (reprojecting 4 million vertices is most of such a run).
    let centroidIDs = Set(points?.ids ?? [])
    let zones = try layer(
      paths: zones, id: zoneID!, name: nil, gpkgLayer: zoneLayer, role: "zones", report: report,
      project: { layer in points == nil || layer.ids.contains { !centroidIDs.contains($0) } })
    let footprints = try layer(paths: footprints, id: footprintID!, name: footprintName, gpkgLayer: footprintLayer, role: "footprints", report: report)
    return (zones, footprints, points)
  }

  /// Reads a layer and brings it into the working CRS, unless `project` says its coordinates
  /// will not be used.
  private func layer(
    paths: [String], id: String, name: String?, gpkgLayer: String?, role: String, report: RunReport,
    project shouldProject: (PolygonLayer) -> Bool = { _ in true }
  ) throws -> PolygonLayer {
    let result = try LayerSource.read(paths: paths, fields: BoundaryFields(id: id, name: name), layer: gpkgLayer)
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
    guard shouldProject(layer) else {
      report.note("\(role): every zone has a centroid, so the zone polygons were not needed and not reprojected")
      return layer
    }
    try project(&layer.xs, &layer.ys, from: declared, what: role, report: report)
    layer.crs = .definition(crs)
    return layer
  }

  private func project(_ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, report: RunReport) throws {
    guard let definition = source.projDefinition else {
      throw ValidationError("the \(what) declare no CRS; give --assume-crs (e.g. EPSG:27700)")
    }
    let transformer = try CoordinateTransformer.transformInParallel(xs: &xs, ys: &ys, from: definition, to: crs, workers: workers)
    if transformer.isIdentity { return }
    let accuracy = transformer.accuracyMetres.map { "stated accuracy \(NumberFormat.csv($0)) m" } ?? "accuracy not stated"
    report.note("\(what): \(source) → \(crs) by PROJ: \(transformer.operationDescription) (\(accuracy))")
    if transformer.isBallpark {
      report.warn("\(what): PROJ found only a ballpark transformation from \(source) to \(crs) (no datum shift known, errors of up to ~100 m); if the file is in British National Grid, give --force-crs EPSG:27700 or fix its .prj")
    }
  }
}
