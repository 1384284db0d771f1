import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import Foundation

/// `--gpkg FILE` and `--geojson FILE` on the single commands (`crosswalk`, `flows`, `overlap`,
/// `propose`): the drawn footprints with the command's measures, staged with its other outputs.
struct GeodataOptions: ParsableArguments {
  @Option(
    name: .customLong("gpkg"),
    help: ArgumentHelp(
      "Also write the footprints with this command's measures as a GeoPackage (layers 'footprints' and, with zone polygons, 'zones'), in the working CRS.",
      valueName: "file"))
  var gpkg: String?

  @Option(
    name: .customLong("geojson"),
    help: ArgumentHelp("Also write the footprints with this command's measures as RFC 7946 GeoJSON (WGS 84).", valueName: "file"))
  var geojson: String?

  var isGiven: Bool { gpkg != nil || geojson != nil }

  /// The option(s) given, for messages: "--gpkg", "--geojson" or "--gpkg/--geojson".
  var given: String { [gpkg.map { _ in "--gpkg" }, geojson.map { _ in "--geojson" }].compactMap { $0 }.joined(separator: "/") }

  /// Refuses the options when the command has no polygons to draw, naming what is missing.
  func require(_ polygonsKnown: Bool, _ missing: String) throws {
    if isGiven && !polygonsKnown { throw ValidationError("\(given) needs footprint polygons: give \(missing)") }
  }

  /// Stages the geodata with the run's other outputs (written only when they all are); records
  /// its account in `report`. `inputs` are the files the command read: the GeoPackage's
  /// `last_change` is the newest of their modification times (``lastChange(of:)``).
  func write(_ built: (geodata: FootprintGeodata, account: RunAccount), inputs: FileArguments, report: RunReport) throws {
    report.record(built.account)
    if let gpkg {
      let lastChange = Self.lastChange(of: inputs.inputs.map(\.path))
      try CatchmentCLI.write(bytes: try built.geodata.geoPackage(lastChange: lastChange), to: gpkg)
      report.note("wrote \(gpkg) (layers \(built.geodata.tableNames.joined(separator: ", ")))")
    }
    if let geojson {
      try CatchmentCLI.write(bytes: try built.geodata.geoJSON(), to: geojson)
      report.note("wrote \(geojson)")
    }
  }
}

extension GeodataOptions {
  /// When the content last changed (`gpkg_contents.last_change`): the newest modification time
  /// of the inputs (a folder's own; a pattern that names no file counts for nothing), to the
  /// whole second, or 1970-01-01 when none can be read. Not the clock: the same inputs give the
  /// same bytes.
  static func lastChange(of paths: [String]) -> Date {
    var newest = Date(timeIntervalSince1970: 0)
    for path in paths {
      guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
      newest = max(newest, modified)
    }
    return Date(timeIntervalSince1970: newest.timeIntervalSince1970.rounded(.down))
  }
}

extension PopulationOptions {
  /// The residents per footprint of `crosswalk` (P(f) = Σz w(z,f)·pop(z), as `catchment
  /// populations` counts them) for a geodata's `population` column, the reads and losses
  /// recorded in `report`; nil without --population.
  func resident(crosswalk: Crosswalk, report: RunReport) throws -> ResidentPopulation? {
    guard let path = population else { return nil }
    let (zones, account) = try ZonePopulation.read(path: path, columns: columns, crosswalk: crosswalk)
    report.record(account)
    let resident = ResidentPopulation(population: zones, crosswalk: crosswalk)
    report.figure("population counted", resident.counted)
    report.record(resident.unallocatedLoss())
    return resident
  }
}

extension GeodataOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.output("--gpkg", gpkg)
    files.output("--geojson", geojson)
  }
}
