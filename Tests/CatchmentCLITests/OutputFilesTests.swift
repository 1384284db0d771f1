import CatchmentTestSupport
import Foundation
import Testing

/// Never overwrite an input, never leave a half-written run: the built binary run on copies of
/// the tiny fixtures (so that a regression overwrites a copy, not the fixture) and of the geo
/// fixtures.
@Suite struct OutputFilesTests {
  /// A temporary folder holding copies of the tiny fixtures and the geo zones.
  func workspace() throws -> URL {
    let folder = try temporaryFolder()
    for name in ["lookup.csv", "registrations.csv", "practice_map.csv", "population.csv"] {
      try FileManager.default.copyItem(atPath: fixture("tiny/\(name)"), toPath: folder.appendingPathComponent(name).path)
    }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("zones"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: fixture("geo/zones.geojson"), toPath: folder.appendingPathComponent("zones/zones.geojson").path)
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
      try FileManager.default.copyItem(atPath: fixture("geo/boxes.\(ext)"), toPath: folder.appendingPathComponent("boxes.\(ext)").path)
    }
    try "zone_id,footprint_id,weight\nz1,F,1\n".write(to: folder.appendingPathComponent("blocks.csv"), atomically: false, encoding: .utf8)
    return folder
  }

  /// `flows` on the tiny fixtures (relative paths, run in the workspace), without outputs.
  let flows = [
    "flows", "--registrations", "registrations.csv", "--lookup", "lookup.csv", "--lookup-zone", "LSOA11CD", "--lookup-footprint", "CCG20CD",
    "--practice-map", "practice_map.csv", "--practice-footprint", "ONS_CCG_CODE",
  ]

  /// Temporary files left anywhere under `folder`.
  func leftovers(_ folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.contains(".catchment-") }
  }

  // MARK: An output naming an input

  /// `-o` naming the registrations file, spelled as another path to the same file: refused
  /// before anything is read (the crosswalk given does not exist, so reading would fail with
  /// exit 1), and the file is untouched.
  @Test(arguments: ["registrations.csv", "./registrations.csv", "sub/../registrations.csv", "ABSOLUTE", "link.csv"])
  func outputNamingTheRegistrationsIsRefused(spelling: String) throws {
    let folder = try workspace()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "registrations.csv")
    let before = try contents(folder.appendingPathComponent("registrations.csv"))
    let output = spelling == "ABSOLUTE" ? folder.appendingPathComponent("registrations.csv").path : spelling
    var arguments = flows
    arguments[arguments.firstIndex(of: "--lookup")!] = "--crosswalk"
    arguments[arguments.firstIndex(of: "lookup.csv")!] = "missing.csv"
    arguments.removeSubrange(arguments.firstIndex(of: "--lookup-zone")!..<arguments.firstIndex(of: "--practice-map")!)
    let result = try CommandRunner.run(arguments + ["-o", output], in: folder)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("--output \(output) is the input --registrations registrations.csv"), "\(result.stderr)")
    #expect(try contents(folder.appendingPathComponent("registrations.csv")) == before)
  }

  @Test func crosswalkOutputNamingTheZonesIsRefused() throws {
    let folder = try workspace()
    let zones = folder.appendingPathComponent("zones/zones.geojson")
    let before = try contents(zones)
    let result = try CommandRunner.run(
      [
        "crosswalk", "--method", "area", "--zones", "zones/zones.geojson", "--zone-id", "ZONE_CODE", "--footprints", fixture("geo/footprints.geojson"),
        "--footprint-id", "FOOTPRINT_ID", "-o", zones.path,
      ], in: folder)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("the input --zones zones/zones.geojson"), "\(result.stderr)")
    #expect(try contents(zones) == before)
  }

  /// `--dissolve-output` naming the zones file, a new file in the zones folder, a file the
  /// zones pattern matches, or a part of an input Shapefile.
  @Test(arguments: [
    ("zones/zones.geojson", "zones/zones.geojson"), ("zones", "zones/new.geojson"), ("zones/*.geojson", "zones/new.geojson"),
    ("boxes.shp", "boxes.dbf"),
  ])
  func proposeDissolveOutputNamingTheZonesIsRefused(zones: String, output: String) throws {
    let folder = try workspace()
    let result = try CommandRunner.run(
      [
        "propose", "--blocks", "blocks.csv", "--block-column", "zone_id", "--footprint-column", "footprint_id", "-o", "proposal.csv",
        "--zones", zones, "--zone-id", "ZONE_CODE", "--dissolve-output", output,
      ], in: folder)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("--dissolve-output \(output)") && result.stderr.contains("the input --zones \(zones)"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("proposal.csv").path))
  }

  @Test func twoOutputsNamingOneFileAreRefused() throws {
    let folder = try workspace()
    let result = try CommandRunner.run(flows + ["-o", "flows.csv", "--summary-output", "./flows.csv"], in: folder)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("--output flows.csv and --summary-output ./flows.csv name the same file"), "\(result.stderr)")
  }

  // MARK: All or nothing

  /// `propose` used to write `-o` before reading `--zones`: a zones file without the id field
  /// now fails the run (exit 1) with `-o` neither replaced nor created.
  @Test func proposeFailingOnTheZonesWritesNothing() throws {
    let folder = try workspace()
    try "before\n".write(to: folder.appendingPathComponent("proposal.csv"), atomically: false, encoding: .utf8)
    let result = try CommandRunner.run(
      [
        "propose", "--blocks", "blocks.csv", "--block-column", "zone_id", "--footprint-column", "footprint_id", "-o", "proposal.csv",
        "--zones", "zones/zones.geojson", "--zone-id", "NO_SUCH_FIELD", "--dissolve-output", "out/proposal.geojson",
      ], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(try contents(folder.appendingPathComponent("proposal.csv")) == "before\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    #expect(leftovers(folder).isEmpty)
  }

  /// `flows` used to write `-o` and then fail on `--summary-output`.
  @Test func flowsWithAnUnwritableSummaryWritesNothing() throws {
    let folder = try workspace()
    try "before\n".write(to: folder.appendingPathComponent("flows.csv"), atomically: false, encoding: .utf8)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("summary"), withIntermediateDirectories: true)
    let result = try CommandRunner.run(flows + ["-o", "flows.csv", "--summary-output", "summary"], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(try contents(folder.appendingPathComponent("flows.csv")) == "before\n")
  }

  /// A `--strict` failure (the tiny fixtures lose patients) creates and replaces no output,
  /// `-o -` included, but writes the report, which says why.
  @Test func strictFailureWritesOnlyTheReport() throws {
    let folder = try workspace()
    try "before\n".write(to: folder.appendingPathComponent("flows.csv"), atomically: false, encoding: .utf8)
    var result = try CommandRunner.run(
      flows + ["-o", "flows.csv", "--matrix-output", "new/matrix.csv", "--summary-output", "-", "--report", "report.json", "--strict", "--quiet"], in: folder)
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(try contents(folder.appendingPathComponent("flows.csv")) == "before\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path))
    #expect(try contents(folder.appendingPathComponent("report.json")).contains("missing from the practice map"))
    #expect(leftovers(folder).isEmpty)

    // The same run without --strict succeeds and puts everything in place.
    result = try CommandRunner.run(flows + ["-o", "flows.csv", "--matrix-output", "new/matrix.csv", "--summary-output", "-", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("footprint_id,"))
    #expect(try contents(folder.appendingPathComponent("flows.csv")).hasPrefix("residence_footprint,"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("new/matrix.csv").path))
    #expect(leftovers(folder).isEmpty)
  }

  /// Replacing a file keeps its permissions.
  @Test func replacedFileKeepsItsMode() throws {
    let folder = try workspace()
    let target = folder.appendingPathComponent("flows.csv")
    try "before\n".write(to: target, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
    let result = try CommandRunner.run(flows + ["-o", "flows.csv", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o640)
  }

  // MARK: Messages for paths

  @Test func outputThatIsADirectoryIsNamed() throws {
    let folder = try workspace()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
    let result = try CommandRunner.run(flows + ["-o", "out/"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: cannot write out/: it is a directory\n")
  }

  @Test func outputUnderAFileIsNamed() throws {
    let folder = try workspace()
    let result = try CommandRunner.run(flows + ["-o", "lookup.csv/flows.csv"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: cannot write lookup.csv/flows.csv: lookup.csv is a file, not a folder\n")
  }

  /// A missing parent folder is created (as before); a folder that cannot be written is named.
  /// (Root writes anywhere, so the read-only case is checked only when not run as root.)
  @Test func missingAndReadOnlyFolders() throws {
    let folder = try workspace()
    var result = try CommandRunner.run(flows + ["-o", "a/b/flows.csv", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/b/flows.csv").path))
    guard getuid() != 0 else { return }
    let locked = folder.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
    result = try CommandRunner.run(flows + ["-o", "locked/new/flows.csv"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: cannot write locked/new/flows.csv: the folder locked is not writable (permission denied)\n")
  }
}
