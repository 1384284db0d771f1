import ArgumentParser
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs

/// The flows of `regions`: residents of each zone to units (`--flows ...`).
struct RegionFlowOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Flows: one row per zone of residence and unit (registrations per practice and LSOA, OHID activity per trust and MSOA).", valueName: "file"))
  var flows: String

  @Option(name: .customLong("flow-zone"), help: ArgumentHelp("Zone of residence column of the flows.", valueName: "column"))
  var zone: String

  @Option(name: .customLong("flow-unit"), help: ArgumentHelp("Unit code column of the flows (practice, trust, site).", valueName: "column"))
  var unit: String

  @Option(name: .customLong("flow-count"), help: ArgumentHelp("Flow column: counts (patients, registrations).", valueName: "column"))
  var count: String?

  @Option(name: .customLong("flow-share"), help: ArgumentHelp("Share column instead: flow = share × the zone's population (OHID proportional flow); the rest of a zone whose shares sum below 1 is reported as attributed to no unit.", valueName: "column"))
  var share: String?

  @Option(name: .customLong("flow-where"), help: ArgumentHelp("Keep only flow rows where COLUMN equals VALUE (repeatable), for files that stack years or admission types.", valueName: "column=value"))
  var filters: [String] = []

  func validate() throws {
    if (count == nil) == (share == nil) { throw ValidationError("give one of --flow-count COLUMN (counts) or --flow-share COLUMN (shares of the zone's population)") }
  }

  var spec: RegionInputs.Flows {
    RegionInputs.Flows(path: flows, zoneColumn: zone, unitColumn: unit, measure: count.map { .count($0) } ?? .share(share!), filters: filters)
  }
}

/// Where the units are: a unit → zone table, or points located in `--zones`.
struct RegionUnitOptions: ParsableArguments {
  @Option(name: .customLong("unit-locations"), help: ArgumentHelp("Table naming each unit's zone.", valueName: "file"))
  var locations: String?

  @Option(name: .customLong("unit-location-unit"), help: ArgumentHelp("Unit code column of --unit-locations.", valueName: "column"))
  var locationUnit: String?

  @Option(name: .customLong("unit-location-zone"), help: ArgumentHelp("Zone column of --unit-locations.", valueName: "column"))
  var locationZone: String?

  @Option(name: .customLong("unit-points"), help: ArgumentHelp("Unit points CSV (e.g. hospital sites), located in the --zones polygons; a unit with several rows is placed by the first that can be placed.", valueName: "file"))
  var points: String?

  @Option(name: .customLong("unit-point-id"), help: ArgumentHelp("Unit code column of --unit-points.", valueName: "column"))
  var pointID: String?

  @Option(name: .customLong("unit-point-x"), help: ArgumentHelp("x column of --unit-points (easting or longitude).", valueName: "column"))
  var pointX: String?

  @Option(name: .customLong("unit-point-y"), help: ArgumentHelp("y column of --unit-points (northing or latitude).", valueName: "column"))
  var pointY: String?

  @Option(name: .customLong("unit-point-crs"), help: ArgumentHelp("CRS of the unit point coordinates.", valueName: "crs"))
  var pointCRS = CRSReference.epsg(27700)

  @Option(name: .customLong("unit-point-postcode"), help: ArgumentHelp("Postcode column of --unit-points, for rows without coordinates (with --postcodes).", valueName: "column"))
  var pointPostcode: String?

  @OptionGroup var postcodeDirectory: PostcodeOptions

  func validate() throws {
    if (locations == nil) == (points == nil) {
      throw ValidationError("place the units: --unit-locations FILE --unit-location-unit COLUMN --unit-location-zone COLUMN, or --unit-points FILE --unit-point-id COLUMN --unit-point-x COLUMN --unit-point-y COLUMN with --zones")
    }
    if locations != nil && (locationUnit == nil || locationZone == nil) {
      throw ValidationError("--unit-locations needs --unit-location-unit COLUMN and --unit-location-zone COLUMN")
    }
    if points != nil {
      if pointID == nil { throw ValidationError("--unit-points needs --unit-point-id COLUMN") }
      if (pointX == nil) != (pointY == nil) { throw ValidationError("--unit-point-x and --unit-point-y go together") }
      if pointX == nil && pointPostcode == nil { throw ValidationError("--unit-points needs --unit-point-x COLUMN --unit-point-y COLUMN, or --unit-point-postcode COLUMN with --postcodes") }
    }
    if pointPostcode != nil && !postcodeDirectory.isGiven { throw ValidationError("--unit-point-postcode needs --postcodes PATH...") }
  }

  var placement: UnitPlacement {
    if let locations { return .table(.init(path: locations, unitColumn: locationUnit!, zoneColumn: locationZone!)) }
    return .points(
      .init(
        path: points!, idColumn: pointID!, xColumn: pointX, yColumn: pointY, crs: pointCRS, postcodeColumn: pointPostcode,
        postcodes: postcodeDirectory.isGiven ? postcodeDirectory.spec : nil))
  }
}

/// The zone polygons of `regions` (area, perimeter, compactness; where unit points lie).
struct RegionZoneOptions: ParsableArguments {
  @Option(parsing: .upToNextOption, help: ArgumentHelp("Zone polygons (files, folders or globs; one layer): the regions' area, perimeter and compactness, and where --unit-points lie.", valueName: "path"))
  var zones: [String] = []

  @Option(name: .customLong("zone-id"), help: ArgumentHelp("Zone id field of --zones (the adjacency's codes).", valueName: "field"))
  var zoneID: String?

  @Option(name: .customLong("zone-layer"), help: ArgumentHelp("Layer of the zone GeoPackage(s), when they hold several.", valueName: "name"))
  var zoneLayer: String?

  @Option(name: .customLong("zones-crs"), help: ArgumentHelp("CRS of --zones, whatever the files declare.", valueName: "crs"))
  var zonesCRS: CRSReference?

  @Option(help: ArgumentHelp("Working CRS, projected in metres: areas and perimeters are measured in it.", valueName: "crs"))
  var crs = CRSReference.epsg(27700)

  var isGiven: Bool { !zones.isEmpty }

  func validate() throws {
    if isGiven && zoneID == nil { throw ValidationError("--zones needs --zone-id FIELD (e.g. LSOA21CD)") }
    if !isGiven && (zoneID != nil || zonesCRS != nil || zoneLayer != nil) { throw ValidationError("--zone-id, --zone-layer and --zones-crs go with --zones PATH...") }
  }

  var spec: LayerSpec? {
    guard isGiven else { return nil }
    return LayerSpec(paths: zones, idField: zoneID!, gpkgLayer: zoneLayer, role: "zones", crs: CRSChoice(own: zonesCRS, ownLabel: "--zones-crs"))
  }
}
