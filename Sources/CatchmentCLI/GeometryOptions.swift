import ArgumentParser
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs

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
  var crs = CRSReference.epsg(27700)

  @Option(name: .customLong("zones-crs"), help: ArgumentHelp("CRS of the zone files, whatever they declare: assumed when they declare none, used instead of what they declare when that is wrong (e.g. EPSG:27700 for a British National Grid .prj with an unnamed datum). The zones only.", valueName: "crs"))
  var zonesCRS: CRSReference?

  @Option(name: .customLong("footprints-crs"), help: ArgumentHelp("CRS of the footprint files, whatever they declare (as --zones-crs, for the footprints only).", valueName: "crs"))
  var footprintsCRS: CRSReference?

  @Option(name: .customLong("assume-crs"), help: ArgumentHelp("CRS for boundary files of either layer that declare none (without it such files are an error); --zones-crs/--footprints-crs take precedence.", valueName: "crs"))
  var assumeCRS: CRSReference?

  @Option(name: .customLong("force-crs"), help: ArgumentHelp("CRS for the boundary files of both layers whatever they declare; --zones-crs/--footprints-crs take precedence. To correct one layer, use those: forcing a British National Grid CRS on a GeoJSON layer (lon/lat) too puts it off the map.", valueName: "crs"))
  var forceCRS: CRSReference?

  @Option(name: .customLong("workers"), help: ArgumentHelp("Tasks to run at once.", valueName: "n"))
  var workerCount: WorkerCount = .processorCount
  var workers: Int { workerCount.count }

  func validate() throws {
    if workers < 1 { throw ValidationError("--workers must be at least 1") }
  }

  /// The settings as the library takes them; each layer's CRS labelled with the option that sets it.
  var inputs: GeometryInputs {
    let forced = forceCRS.map { CRSSetting($0, label: "--force-crs") }, assumed = assumeCRS.map { CRSSetting($0, label: "--assume-crs") }
    return GeometryInputs(
      zones: zoneSpec,
      footprints: LayerSpec(
        paths: footprints, idField: footprintID!, nameField: footprintName, gpkgLayer: footprintLayer, role: "footprints",
        crs: CRSChoice(own: footprintsCRS, ownLabel: "--footprints-crs", forced: forced, assumed: assumed)),
      centroids: centroidOptions.spec, workingCRS: crs, workers: workers)
  }

  /// The zones as the library takes them (needs --zone-id), their CRS labelled as in ``inputs``.
  var zoneSpec: LayerSpec {
    let forced = forceCRS.map { CRSSetting($0, label: "--force-crs") }, assumed = assumeCRS.map { CRSSetting($0, label: "--assume-crs") }
    return LayerSpec(
      paths: zones, idField: zoneID ?? "", gpkgLayer: zoneLayer, role: "zones",
      crs: CRSChoice(own: zonesCRS, ownLabel: "--zones-crs", forced: forced, assumed: assumed))
  }

  /// Zones and footprints in the working CRS, with their account (see ``GeometryInputs/load()``).
  func load() throws -> (zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?, account: RunAccount) {
    try inputs.load()
  }

  /// Footprints in the working CRS and zones in their own, with their account (see
  /// ``GeometryInputs/loadLeavingZonesUnprojected()``).
  func loadLeavingZonesUnprojected() throws -> (
    zones: PolygonLayer, footprints: PolygonLayer, projectZones: (inout [Double], inout [Double]) throws -> RunAccount, account: RunAccount
  ) {
    try inputs.loadLeavingZonesUnprojected()
  }
}
