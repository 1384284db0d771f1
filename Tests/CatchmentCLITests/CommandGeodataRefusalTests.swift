import CatchmentTestSupport
import Foundation
import Testing

/// `--gpkg` and `--geojson` on the single commands when they cannot be written: a command
/// without polygons refuses them naming what is missing; an input is never an output; and the
/// geodata is staged with the other outputs, so a run that fails writes neither; and the same
/// inputs give the same bytes.
@Suite struct CommandGeodataRefusalTests {
  func scratch() throws -> URL {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
    return root
  }

  static let lookupICB = [
    "--lookup", "data/lsoa_sicbl_icb_lad_lookup.csv", "--lookup-zone", "LSOA21CD", "--lookup-footprint", "ICB23CD",
  ]
  static let population = ["--population", "data/population_lsoa_mid2022.csv", "--population-id", "Area Codes", "--population-value", "All Ages"]

  /// Each command without polygons: usage error (64) naming the options that give them; no file.
  @Test(arguments: [
    (["crosswalk"] + lookupICB + ["--output", "out/x.csv", "--gpkg", "out/x.gpkg"], "--zones PATH... --zone-id FIELD"),
    (["flows"] + lookupICB + ["--registrations", "data/gp_reg_pat_prac_lsoa.csv", "--practice-map", "data/gp_reg_pat_prac_map.csv",
      "--practice-footprint", "ONS_ICB_CODE", "--output", "out/x.csv", "--geojson", "out/x.geojson"], "--footprints PATH... --footprint-id FIELD"),
    (["overlap", "--a", "out/a.csv", "--b", "out/a.csv"] + population + ["--output", "out/x.csv", "--gpkg", "out/x.gpkg"], "--zones PATH... --zone-id FIELD"),
    (["propose", "--blocks", "out/a.csv", "--block-column", "A", "--footprint-column", "B", "--output", "out/x.csv", "--gpkg", "out/x.gpkg"],
     "--zones PATH... --zone-id FIELD"),
  ])
  func withoutPolygonsTheGeodataIsRefused(arguments: [String], remedy: String) throws {
    let root = try scratch()
    try Data("zone_id,footprint_id,weight\nE01100001,X,1\n".utf8).write(to: root.appendingPathComponent("out/a.csv"))
    let result = try CommandRunner.run(arguments + ["--quiet"], in: root)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("needs footprint polygons") && result.stderr.contains(remedy), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/x.csv").path))
  }

  /// --population on crosswalk and propose feeds only the geodata: without it, a usage error.
  @Test(arguments: [
    ["crosswalk"] + lookupICB + ["--output", "out/x.csv"] + population,
    ["propose", "--blocks", "out/a.csv", "--block-column", "A", "--footprint-column", "B", "--output", "out/x.csv"] + population,
  ])
  func populationWithoutGeodataIsRefused(arguments: [String]) throws {
    let root = try scratch()
    let result = try CommandRunner.run(arguments + ["--quiet"], in: root)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("--population gives the geodata's population column"), "\(result.stderr)")
  }

  /// --geojson naming the zone file read: refused before anything is read; the zones unchanged.
  @Test func theZonesReadAreNeverTheGeodataWritten() throws {
    let root = try scratch()
    let zones = root.appendingPathComponent("data/lsoa_boundaries.geojson")
    let before = try Data(contentsOf: zones)
    let result = try CommandRunner.run(
      ["crosswalk"] + Self.lookupICB + ["--output", "out/x.csv", "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD",
       "--geojson", "data/lsoa_boundaries.geojson", "--quiet"], in: root)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--geojson") && result.stderr.contains("overwrite its own input"), "\(result.stderr)")
    #expect(try Data(contentsOf: zones) == before)
  }

  /// A working CRS without an EPSG code cannot be a GeoPackage's srs: the run fails (exit 1)
  /// naming the layer and its CRS, after the crosswalk was staged, and writes neither.
  @Test func aGeoPackageThatCannotBeWrittenTakesTheCrosswalkWithIt() throws {
    let root = try scratch()
    let crs = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +type=crs"
    let result = try CommandRunner.run(
      ["crosswalk"] + Self.lookupICB + ["--output", "out/x.csv", "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD",
       "--crs", crs, "--gpkg", "out/x.gpkg", "--quiet"], in: root)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("layer footprints") && result.stderr.contains("no EPSG code"), "\(result.stderr)")
    for name in ["x.csv", "x.gpkg"] { #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/\(name)").path)) }
  }

  /// The same inputs give the same bytes: `last_change` is the newest input's modification time
  /// (to the second), not the clock.
  @Test func theSameInputsGiveTheSameGeoPackage() throws {
    let root = try scratch()
    let zones = root.appendingPathComponent("data/lsoa_boundaries.geojson").path
    let newest = Date(timeIntervalSince1970: 1_700_000_000)
    try FileManager.default.setAttributes([.modificationDate: newest], ofItemAtPath: zones)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: root.appendingPathComponent("data/lsoa_sicbl_icb_lad_lookup.csv").path)
    var written: [Data] = []
    for run in 1...2 {
      let result = try CommandRunner.run(
        ["crosswalk"] + Self.lookupICB + ["--output", "out/x\(run).csv", "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD",
         "--gpkg", "out/x\(run).gpkg", "--quiet"], in: root)
      #expect(result.status == 0, "\(result.stderr)")
      written.append(try Data(contentsOf: root.appendingPathComponent("out/x\(run).gpkg")))
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(written[0] == written[1])
    let listing = try runTool(
      try #require(GeodataReadBack.ogrinfo), ["-ro", "-q", root.appendingPathComponent("out/x1.gpkg").path, "-sql", "SELECT last_change FROM gpkg_contents"])
    // 1,700,000,000 s after 1970 is 2023-11-14T22:13:20Z.
    #expect(listing.contains("last_change (DateTime) = 2023/11/14 22:13:20"), "\(listing)")
  }

  /// A proposal that leaves a council out loses its zones: with --strict the run fails (exit 3)
  /// and writes neither the crosswalk nor the geodata, though both were staged.
  @Test func aFailedRunWritesNoGeodata() throws {
    let root = try scratch()
    try Data("LAD23CD,FOOTPRINT\nE06000901,E54000901\n".utf8).write(to: root.appendingPathComponent("out/blocks.csv"))
    let arguments = [
      "propose", "--blocks", "out/blocks.csv", "--block-column", "LAD23CD", "--footprint-column", "FOOTPRINT", "--lookup",
      "data/lsoa_sicbl_icb_lad_lookup.csv", "--lookup-zone", "LSOA21CD", "--lookup-footprint", "LAD23CD", "--output", "out/proposal.csv",
      "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD", "--gpkg", "out/proposal.gpkg", "--geojson", "out/proposal.geojson",
      "--quiet",
    ]
    let strict = try CommandRunner.run(arguments + ["--strict"], in: root)
    #expect(strict.status == 3, "\(strict.stderr)")
    for name in ["proposal.csv", "proposal.gpkg", "proposal.geojson"] {
      #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/\(name)").path), "\(name)")
    }
    // Without --strict the same run writes all three.
    #expect(try CommandRunner.run(arguments, in: root).status == 0)
    for name in ["proposal.csv", "proposal.gpkg", "proposal.geojson"] {
      #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/\(name)").path), "\(name)")
    }
  }
}
