import ArgumentParser
import CatchmentGeometry
import CatchmentInputs

/// The polygons a command that reads only crosswalks draws its footprints from for `--gpkg` and
/// `--geojson` (`flows`): the footprints' own boundaries, or the zone boundaries dissolved by
/// the command's crosswalk.
struct FootprintPolygonOptions: ParsableArguments {
  @Option(
    name: .customLong("zones"), parsing: .upToNextOption,
    help: ArgumentHelp("Zone boundaries (files, folders or globs): dissolved by the crosswalk to draw the footprints, and the geodata's zones layer.", valueName: "path"))
  var zones: [String] = []

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id attribute of --zones (e.g. LSOA21CD).", valueName: "field"))
  var zoneID: String?

  @Option(
    name: .customLong("footprints"), parsing: .upToNextOption,
    help: ArgumentHelp("Footprint boundaries (files, folders or globs), drawn as they are instead of dissolving --zones.", valueName: "path"))
  var footprints: [String] = []

  @Option(name: .customLong("footprint-id"), help: ArgumentHelp("Footprint id attribute of --footprints (e.g. ICB23CD), with the crosswalk's codes.", valueName: "field"))
  var footprintID: String?

  @Option(name: .customLong("footprint-name"), help: ArgumentHelp("Footprint name attribute of --footprints (e.g. ICB23NM).", valueName: "field"))
  var footprintName: String?

  @Option(name: .customLong("assume-crs"), help: ArgumentHelp("CRS for boundary files that declare none (without it such files are an error).", valueName: "crs"))
  var assumeCRS: CRSReference?

  func validate() throws {
    if !zones.isEmpty && zoneID == nil { throw ValidationError("--zones needs --zone-id FIELD (e.g. LSOA21CD)") }
    if zones.isEmpty && zoneID != nil { throw ValidationError("--zone-id needs --zones PATH...") }
    if !footprints.isEmpty && footprintID == nil { throw ValidationError("--footprints needs --footprint-id FIELD (e.g. ICB23CD)") }
    if footprints.isEmpty && (footprintID != nil || footprintName != nil) { throw ValidationError("--footprint-id and --footprint-name need --footprints PATH...") }
  }

  /// Whether any polygons were given.
  var isGiven: Bool { !zones.isEmpty || !footprints.isEmpty }

  /// Where the footprints come from: their own boundaries (with the zones for the zones layer
  /// when given), else the zones dissolved; nil when neither is given.
  var source: FootprintPolygons.Source? {
    let assumed = assumeCRS.map { CRSSetting($0, label: "--assume-crs") }
    let zoneSpec = zones.isEmpty
      ? nil : LayerSpec(paths: zones, idField: zoneID ?? "", role: "zones", crs: CRSChoice(own: nil, ownLabel: "--assume-crs", assumed: assumed))
    if !footprints.isEmpty {
      let spec = LayerSpec(
        paths: footprints, idField: footprintID ?? "", nameField: footprintName, role: "footprints",
        crs: CRSChoice(own: nil, ownLabel: "--assume-crs", assumed: assumed))
      return .own(footprints: spec, zones: zoneSpec)
    }
    return zoneSpec.map { .dissolved(zones: $0) }
  }
}

extension FootprintPolygonOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--zones", zones, .boundaries)
    files.input("--footprints", footprints, .boundaries)
  }
}
