import CatchmentEngine
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentAnalysis
@testable import CatchmentCLI

/// Library errors name no option (``LibraryMessagesTests``); the CLI maps each remedy to the
/// option that applies, so the user still reads the flag to change.
@Suite struct ErrorMessagesTests {
  let data = packageRoot.appendingPathComponent("data")

  /// A column missing from a table names the option that chose it.
  @Test func missingColumnNamesItsOption() throws {
    let result = try CommandRunner.run([
      "populations", "--population", fixture("tiny/population.csv"), "--population-id", "LSOA", "--population-value", "All Ages",
      "--crosswalk", fixture("tiny/crosswalk_fractional.csv"), "-o", "-",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("no column 'LSOA' for the population zone code (--population-id); the header has: Area Codes, Area Names, All Ages"), "\(result.stderr)")
  }

  /// Every column role the CLI maps is one a library reader uses (a role renamed in the library
  /// would silently lose its option).
  @Test func everyMappedRoleIsALibraryRole() throws {
    var sources = ""
    for library in LibraryMessagesTests.libraries {
      let folder = packageRoot.appendingPathComponent("Sources").appendingPathComponent(library)
      let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
      for case let url as URL in enumerator where url.pathExtension == "swift" { sources += try String(contentsOf: url, encoding: .utf8) }
    }
    let literals = Set(SwiftStringLiterals.of(sources))
    #expect(ErrorMessages.columnOptions.keys.filter { !literals.contains($0) }.sorted() == [])
    #expect(Set(ErrorMessages.columnOptions.values).count == ErrorMessages.columnOptions.count)
    // Conversely, every role a library reader gives is mapped, or is a column no option names
    // (fixed names such as the crosswalk's, or columns whose option differs between commands).
    let given = sources.matches(of: /\.column\(named[^\n]*?role: "([^"\\]+)"\)/).map { String($0.1) }
    let unmapped: Set = [
      "crosswalk zone", "crosswalk footprint", "crosswalk weight", "practice code", "unit code", "zone code", "count", "postcode", "postcode x", "postcode y",
      "adjacency zone_a", "adjacency zone_b", "adjacency shared_m", "adjacency kind",
    ]
    #expect(given.count > 30)
    #expect(Set(given).subtracting(ErrorMessages.columnOptions.keys).subtracting(unmapped).sorted() == [])
  }

  /// A GeoPackage of several layers names the option of the layer being read.
  @Test(arguments: [(zones: true, option: "--zone-layer"), (zones: false, option: "--footprint-layer")])
  func geoPackageLayerChoiceNamesTheLayersOption(zones: Bool, option: String) throws {
    let gpkg = [fixture("geo/readers.gpkg"), "CODE"], geojson = zones ? [fixture("geo/footprints.geojson"), "fp_code"] : [fixture("geo/zones.geojson"), "zone_code"]
    let (z, f) = zones ? (gpkg, geojson) : (geojson, gpkg)
    let result = try CommandRunner.run([
      "crosswalk", "--method", "area", "--zones", z[0], "--zone-id", z[1], "--footprints", f[0], "--footprint-id", f[1], "-o", "-",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("readers.gpkg: 2 feature layers (zones, zones_z): choose one with \(option)"), "\(result.stderr)")
    #expect(!result.stderr.contains("--layer "))
  }

  /// A lookup that puts a zone in two footprints without weights names --lookup-weight and --split-by.
  @Test func ambiguousLookupNamesTheWeightOption() throws {
    let folder = try temporaryFolder()
    let lookup = folder.appendingPathComponent("lookup.csv")
    try "LSOA,ICB\nE01000001,X\nE01000001,Y\n".write(to: lookup, atomically: false, encoding: .utf8)
    let result = try CommandRunner.run(["crosswalk", "--method", "lookup", "--lookup", lookup.path, "--lookup-zone", "LSOA", "--lookup-footprint", "ICB", "-o", "-"])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "1 zone maps to several footprints (E01000001) and the lookup has no weight column; give --lookup-weight, or choose --split-by population|area|equal"),
      "\(result.stderr)")
  }

  /// A block mapped to two proposed footprints without weights names --block-weight-column.
  @Test func sharedBlockNamesTheWeightOption() throws {
    let folder = try temporaryFolder()
    let blocks = folder.appendingPathComponent("blocks.csv")
    try "LAD23CD,FOOTPRINT\nE07000902,A\nE07000902,B\n".write(to: blocks, atomically: false, encoding: .utf8)
    let result = try CommandRunner.run([
      "propose", "--blocks", blocks.path, "--block-column", "LAD23CD", "--footprint-column", "FOOTPRINT",
      "--lookup", data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path, "--lookup-zone", "LSOA21CD", "--lookup-footprint", "LAD23CD",
      "--output", folder.appendingPathComponent("proposal.csv").path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("blocks.csv:3: block E07000902 is mapped to A and to B: the proposed footprints overlap there; give --block-weight-column to share it"), "\(result.stderr)")
  }

  /// Zones split by both crosswalks: `overlap` names its polygon options; the library's own
  /// words name none.
  @Test func splitRefusalNamesOverlapsOptions() throws {
    let refusal = FootprintOverlap.Refusal(zones: ["E01000001"])
    #expect(refusal.description.hasSuffix("Give zone polygons and both layers' polygons to split them by the area of each piece."))
    #expect("\(ErrorMessages.cli(refusal, command: "overlap"))".hasSuffix("Give --zones, --a-footprints and --b-footprints to split them by the area of each piece."))
    #expect("\(ErrorMessages.cli(refusal, command: "nesting"))" == refusal.description)
  }

  /// A layer of unknown CRS given to PROJ names --assume-crs.
  @Test func unknownCRSNamesAssumeCRS() throws {
    let error = #expect(throws: PROJError.self) { try CoordinateTransformer(from: .unknown, to: "EPSG:27700") }
    #expect(error?.sourceCRSUnknown == true)
    #expect(error.map { "\(ErrorMessages.cli($0))".hasSuffix("give --assume-crs") } == true)
  }
}
