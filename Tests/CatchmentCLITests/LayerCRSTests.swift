import CatchmentTestSupport
import Foundation
import Testing

/// Each layer's own CRS (issue 9): zones in a shapefile whose `.prj` has an unnamed datum
/// (PROJ offers only a ballpark to British National Grid, as for the ONS South West LSOA set)
/// against footprints in a CRS84 GeoJSON.
///
/// Zones: `boxes.shp` (A: 0..100 m square, B: two rings within 200..320 × 0..10 m, a null
/// shape), near the grid's false origin, at about 7.557° W, 49.767° N. Footprint W: the
/// lon/lat box 7.6..7.5° W × 49.7..49.8° N, which holds both zones whole (it spans some
/// 7 km × 11 km around them).
@Suite struct LayerCRSTests {
  /// The `.prj` of the ONS South West LSOA 2011 shapefile (a CRS definition, not data).
  static let unnamedDatumPrj = """
    PROJCS["Transverse_Mercator",GEOGCS["GCS_Airy 1830",DATUM["D_unknown",SPHEROID["airy",6377563.396,299.3249646]],\
    PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],\
    PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],\
    PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]
    """

  static let footprintsCRS84 = """
    {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"FP": "W"}, "geometry": {"type": "Polygon",
    "coordinates": [[[-7.6, 49.7], [-7.5, 49.7], [-7.5, 49.8], [-7.6, 49.8], [-7.6, 49.7]]]}}]}
    """

  /// Copies the box shapefile with the unnamed-datum `.prj` and writes the footprints.
  func layers() throws -> [String] {
    let folder = try temporaryFolder()
    for ext in ["shp", "shx", "dbf", "cpg"] {
      try FileManager.default.copyItem(atPath: fixture("geo/boxes.\(ext)"), toPath: folder.appendingPathComponent("zones.\(ext)").path)
    }
    try Self.unnamedDatumPrj.write(to: folder.appendingPathComponent("zones.prj"), atomically: false, encoding: .utf8)
    let footprints = folder.appendingPathComponent("footprints.geojson")
    try Self.footprintsCRS84.write(to: footprints, atomically: false, encoding: .utf8)
    return [
      "crosswalk", "--method", "area", "--zones", folder.appendingPathComponent("zones.shp").path, "--zone-id", "CODE",
      "--footprints", footprints.path, "--footprint-id", "FP", "-o", "-",
    ]
  }

  /// The ballpark warning names the option that sets the zones' CRS alone.
  @Test func ballparkAdviceNamesTheZonesOption() throws {
    let result = try CommandRunner.run(try layers())
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("ballpark"))
    #expect(result.stderr.contains("give --zones-crs EPSG:27700 (it sets this layer's CRS only)"), "\(result.stderr)")
    #expect(!result.stderr.contains("--force-crs EPSG:27700"))
  }

  /// --zones-crs corrects the zones alone: no ballpark for them, the footprints stay in CRS84,
  /// and both zones fall wholly in W. (The footprints get a ballpark of their own: at sea off
  /// Scilly they lie outside the area of use of the Helmert shift, and the advice says so.)
  @Test func zonesCRSAppliesToTheZonesOnly() throws {
    let result = try CommandRunner.run(try layers() + ["--zones-crs", "EPSG:27700"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("zones: PROJ found only a ballpark"))
    #expect(result.stderr.contains("footprints: PROJ found only a ballpark transformation from OGC:CRS84"))
    #expect(result.stderr.contains("outside the area where PROJ knows a datum shift, or the CRS is wrong (give --footprints-crs"))
    #expect(result.stderr.contains("zones: declared CRS"), "\(result.stderr)")
    #expect(result.stdout.contains("\nA,W,1,"))
    #expect(result.stdout.contains("\nB,W,1,"))
  }

  /// --footprints-crs is the footprints' own: forcing British National Grid on the CRS84
  /// footprints alone leaves the zones' ballpark warning in place.
  @Test func footprintsCRSAppliesToTheFootprintsOnly() throws {
    let result = try CommandRunner.run(try layers() + ["--footprints-crs", "OGC:CRS84"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("zones: PROJ found only a ballpark"), "\(result.stderr)")
    #expect(result.stdout.contains("\nA,W,1,"))
  }

  /// The trap of the issue: --force-crs EPSG:27700, as the old advice said, also applies to the
  /// CRS84 footprints, which then lie within metres of the grid's origin, away from every
  /// zone. The run is refused (exit 1) naming both extents, not reported as 100 % loss.
  @Test func aRunWhereNoZoneMeetsAnyFootprintIsRefused() throws {
    let result = try CommandRunner.run(try layers() + ["--force-crs", "EPSG:27700"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("none of the zones meets any of the footprints"), "\(result.stderr)")
    // The footprints' extent in their (forced) CRS: the degrees read as metres.
    #expect(result.stderr.contains("the footprints (EPSG:27700, from --force-crs) within x -7.6 … -7.5, y 49.7 … 49.8"), "\(result.stderr)")
    #expect(result.stderr.contains("the zones (EPSG:27700, from --force-crs) lie within x 0 … 320, y 0 … 100"), "\(result.stderr)")
    #expect(result.stderr.contains("--zones-crs for the zones, --footprints-crs for the footprints"))
  }

  /// The same check on best fit (zones projected up front).
  @Test func bestFitIsRefusedToo() throws {
    let arguments = try layers().map { $0 == "area" ? "best-fit" : $0 }
    let result = try CommandRunner.run(arguments + ["--force-crs", "EPSG:27700"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("none of the zones meets any of the footprints"), "\(result.stderr)")
  }

  /// A layer with no CRS names its own option.
  @Test func aLayerWithoutCRSNamesItsOption() throws {
    var arguments = try layers()
    let zones = arguments[arguments.firstIndex(of: "--zones")! + 1]
    try FileManager.default.removeItem(atPath: (zones as NSString).deletingPathExtension + ".prj")
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains("the zones files declare no CRS; give --zones-crs"), "\(result.stderr)")
    arguments += ["--zones-crs", "EPSG:27700"]
    #expect(try CommandRunner.run(arguments).status == 0)
  }
}
