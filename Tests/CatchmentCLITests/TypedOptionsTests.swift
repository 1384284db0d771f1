import CatchmentTestSupport
import Foundation
import Testing

/// Options that hold a CRS or a method are typed: a value that is none is refused when the
/// command line is parsed (exit 64, as every usage error), with the choices named, before any
/// file is read; the help still shows each default.
@Suite struct TypedOptionsTests {
  static let crsForms = "Please provide one of 'EPSG:CODE', 'AUTHORITY:CODE', 'OGC:CRS84', '+proj=…' or 'WKT'."

  /// Every CRS option of every command, each with a value that is no CRS.
  static let crsCases: [(command: String, option: String, value: String)] = [
    ("crosswalk", "--crs", "EPSG:notanumber"),
    ("crosswalk", "--zones-crs", "27700"),
    ("crosswalk", "--footprints-crs", "British National Grid"),
    ("crosswalk", "--assume-crs", "EPSG:"),
    ("crosswalk", "--force-crs", "ESRI:abc"),
    ("crosswalk", "--centroid-crs", "lonlat"),
    ("flows", "--crs", "EPSG:notanumber"),
    ("flows", "--postcode-crs", "27700"),
    ("overlap", "--crs", "EPSG:notanumber"),
    ("catchments", "--crs", "EPSG:notanumber"),
    ("catchments", "--site-crs", "27700"),
    ("catchments", "--centroid-crs", "EPSG:4326x"),
    ("membership", "--postcode-crs", "OSGB"),
    ("compare", "--site-crs", "EPSG:27 700"),
  ]

  @Test(arguments: crsCases.indices) func aValueThatIsNoCRSIsAUsageError(_ k: Int) throws {
    let c = Self.crsCases[k]
    let result = try CommandRunner.run([c.command, c.option, c.value])
    #expect(result.status == 64, "\(c.command) \(c.option): \(result.stderr)")
    #expect(result.stderr.contains("The value '\(c.value)' is invalid for '\(c.option) <crs>'. \(Self.crsForms)"), "\(result.stderr)")
  }

  static let methodList = "  - proportional\n  - normalised\n  - fptp\n  - threshold:X\n  - min-share:X\n  - nearest\n  - huff"

  /// The catchment method of `catchments`, `membership` and `compare`; `crosswalk`'s method and
  /// area basis.
  static let choiceCases: [(arguments: [String], expected: String)] = [
    (["catchments", "--method", "bestfit"], "The value 'bestfit' is invalid for '--method <method>'. Please provide one of the following:\n" + methodList),
    (["membership", "--method", "threshold:1.5"], "The value 'threshold:1.5' is invalid for '--method <method>'. Please provide one of the following:\n" + methodList),
    (["compare", "--method", "min-share"], "The value 'min-share' is invalid for '--method <method>'. Please provide one of the following:\n" + methodList),
    (["crosswalk", "--method", "bestfit"], "The value 'bestfit' is invalid for '--method <method>'. Please provide one of 'lookup', 'best-fit' or 'area'."),
    (["crosswalk", "--area-basis", "zones"], "The value 'zones' is invalid for '--area-basis <area-basis>'. Please provide one of 'covered' and 'zone'."),
  ]

  @Test(arguments: choiceCases.indices) func aValueThatIsNoChoiceIsAUsageErrorListingThem(_ k: Int) throws {
    let c = Self.choiceCases[k]
    let result = try CommandRunner.run(c.arguments)
    #expect(result.status == 64, "\(c.arguments): \(result.stderr)")
    #expect(result.stderr.contains(c.expected), "\(result.stderr)")
  }

  /// The help, its lines joined: each typed option still shows its default and lists its forms.
  func help(_ command: String) throws -> String {
    let text = try CommandRunner.run([command, "--help"]).stdout
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test func theHelpShowsEachDefaultAndTheChoices() throws {
    let crosswalk = try help("crosswalk")
    #expect(crosswalk.contains("are measured in it. (values: EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT; default: EPSG:27700)"))
    #expect(crosswalk.contains("EPSG:27700 for British National Grid). (values: EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT; default: OGC:CRS84)"))
    #expect(crosswalk.contains("(values: covered, zone; default: covered)"))
    let catchments = try help("catchments")
    #expect(catchments.contains("(values: proportional, normalised, fptp, threshold:X, min-share:X, nearest, huff; default: proportional)"))
    #expect(catchments.contains("--site-crs <crs> CRS of the site coordinates. (values: EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT; default: EPSG:27700)"))
    let flows = try help("flows")
    #expect(flows.contains("--postcode-crs <crs> CRS of the postcode coordinates. (values: EPSG:CODE, AUTHORITY:CODE, OGC:CRS84, +proj=…, WKT; default: EPSG:27700)"))
  }

  /// A CRS written in another accepted form runs as before: lower-case authority, a PROJ
  /// string for the working CRS (British National Grid's parameters; `+type=crs`, without
  /// which PROJ reads a PROJ string as an operation, not a CRS).
  @Test func otherWrittenFormsRun() throws {
    let folder = try temporaryFolder()
    let zones = folder.appendingPathComponent("zones.geojson")
    try """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"ID":"Z1"},"geometry":{"type":"Polygon","coordinates":[[[-1.5,53.0],[-1.4,53.0],[-1.4,53.1],[-1.5,53.1],[-1.5,53.0]]]}}
      ]}
      """.write(to: zones, atomically: false, encoding: .utf8)
    let bng = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs +type=crs"
    let result = try CommandRunner.run([
      "crosswalk", "--method", "area", "--zones", zones.path, "--zone-id", "ID", "--footprints", zones.path, "--footprint-id", "ID",
      "--zones-crs", "ogc:crs84", "--crs", bng, "-o", "-",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Z1,Z1,1"), "\(result.stdout)")
  }
}
