import CatchmentTestSupport
import Foundation
import Testing

/// `catchment crosswalk --method best-fit|area` on the box fixtures of `Tests/Fixtures/geo`
/// (weights worked by hand in `SpatialCrosswalkTests`).
@Suite struct GeometryCrosswalkTests {
  let layers = [
    "--zones", fixture("geo/zones.geojson"), "--zone-id", "zone_code", "--footprints", fixture("geo/footprints.geojson"),
    "--footprint-id", "fp_code", "--footprint-name", "NAME",
  ]

  @Test func bestFitWithCentroids() throws {
    let result = try CommandRunner.run(
      ["crosswalk", "--method", "best-fit"] + layers
        + ["--centroids", fixture("geo/centroids.csv"), "--centroid-id", "zone_code", "--centroid-x", "EASTING", "--centroid-y", "NORTHING",
          "--centroid-crs", "EPSG:27700", "-o", "-"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").map(String.init)
    #expect(rows.first == "zone_id,footprint_id,weight,footprint_name,method,distance_m")
    #expect(rows.contains("z1,A,1,Alpha,best-fit,"))
    #expect(rows.contains("z2,A,1,Alpha,best-fit,"))
    #expect(rows.contains("z4,B,1,Beta,best-fit,105"))
    #expect(rows.contains("z5,C,1,\"Gamma, with a hole\",best-fit,10"))
    #expect(rows.count == 8)
    #expect(result.stderr.contains("1 zones have no centroid"))
  }

  @Test func areaCovered() throws {
    let result = try CommandRunner.run(["crosswalk", "--method", "area"] + layers + ["-o", "-", "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == """
      zone_id,footprint_id,weight,footprint_name,method
      z1,A,1,Alpha,area
      z2,A,0.5,Alpha,area
      z2,B,0.5,Beta,area
      z3,A,0.25,Alpha,area
      z3,B,0.25,Beta,area
      z3,C,0.5,"Gamma, with a hole",area
      z4,UNALLOCATED,1,,area
      z5,UNALLOCATED,1,,area
      z6,B,0.5,Beta,area
      z6,C,0.5,"Gamma, with a hole",area
      z7,B,1,Beta,area

      """)
  }

  @Test func strictFailsOnUnplacedZones() throws {
    let result = try CommandRunner.run(["crosswalk", "--method", "area"] + layers + ["-o", "-", "--strict"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("zones outside every footprint"))
  }

  @Test func geographicWorkingCRSIsRefused() throws {
    let result = try CommandRunner.run(["crosswalk", "--method", "area"] + layers + ["-o", "-", "--crs", "EPSG:4326"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("is not a projected CRS"))
  }

  /// A working CRS PROJ cannot create is reported in PROJ's words (exit 1), not as "not a
  /// projected CRS" (issue 9).
  @Test func unknownWorkingCRSGivesPROJsReason() throws {
    let result = try CommandRunner.run(["crosswalk", "--method", "area"] + layers + ["-o", "-", "--crs", "EPSG:999999"])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("could not create the CRS 'EPSG:999999': crs not found"), "\(result.stderr)")
    #expect(!result.stderr.contains("not a projected CRS"))
  }

  /// Out of memory inside PROJ (provoked with `ulimit -v`): between the smallest address space
  /// the binary can start in and the one in which the run succeeds, PROJ fails to open its
  /// database; that run must say "out of memory", and no run may call EPSG:27700 "not a
  /// projected CRS" (issue 9). The window is found by search, as it depends on the build.
  @Test(.timeLimit(.minutes(2))) func outOfMemoryInsidePROJIsReportedAsSuch() throws {
    func run(limitKB: Int) throws -> CommandRunner.Result {
      let command = (["timeout", "20", CommandRunner.executable.path, "crosswalk", "--method", "area"] + layers + ["-o", "/dev/null", "--quiet", "--workers", "1"])
        .map { "'\($0)'" }.joined(separator: " ")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "ulimit -v \(limitKB) && exec \(command)"]
      let err = Pipe()
      process.standardError = err
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return CommandRunner.Result(status: process.terminationStatus, stdout: "", stderr: stderr)
    }
    func starts(_ r: CommandRunner.Result) -> Bool { !r.stderr.contains("error while loading shared libraries") && r.status != 127 }
    // The smallest limit (in 1 MB steps of a bisection) at which the binary starts.
    var low = 16_000, high = 4_000_000
    guard try starts(run(limitKB: high)) else { return }  // cannot start even with 4 GB: nothing to learn
    while high - low > 1_000 {
      let mid = (low + high) / 2
      if try starts(run(limitKB: mid)) { high = mid } else { low = mid }
    }
    var sawOutOfMemory = false
    for limit in stride(from: high, through: high + 60_000, by: 500) {
      let result = try run(limitKB: limit)
      #expect(!result.stderr.contains("not a projected CRS"), "ulimit -v \(limit): \(result.stderr)")
      if result.stderr.contains("out of memory") { sawOutOfMemory = true }
      if result.status == 0 { break }
    }
    #expect(sawOutOfMemory)
  }

  /// The demo polygons are laid out so that every LSOA lies in its lookup sub-ICB and ICB:
  /// best fit from the geometry must reproduce the lookup, zone for zone.
  @Test(arguments: [("icb_boundaries.shp", "ICB23CD"), ("sicbl_boundaries.geojson", "SICBL23CD")])
  func demoBestFitReproducesTheLookup(footprints: String, field: String) throws {
    let data = packageRoot.appendingPathComponent("data")
    let fromGeometry = try CommandRunner.run([
      "crosswalk", "--method", "best-fit", "--zones", data.appendingPathComponent("lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD",
      "--footprints", data.appendingPathComponent(footprints).path, "--footprint-id", field,
      "--centroids", data.appendingPathComponent("lsoa_pwc.csv").path, "--centroid-id", "LSOA21CD", "--centroid-x", "x", "--centroid-y", "y",
      "--centroid-crs", "EPSG:27700", "-o", "-", "--quiet", "--strict",
    ])
    let fromLookup = try CommandRunner.run([
      "crosswalk", "--lookup", data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path, "--lookup-zone", "LSOA21CD",
      "--lookup-footprint", field, "-o", "-", "--quiet",
    ])
    #expect(fromGeometry.status == 0, "\(fromGeometry.stderr)")
    func pairs(_ csv: String) -> [String] { csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") } }
    #expect(pairs(fromGeometry.stdout) == pairs(fromLookup.stdout))
    #expect(pairs(fromGeometry.stdout).count == 363)
  }

  /// Area weighting over the two overlapping proposed footprints conserves the population and
  /// reports the overlap.
  @Test func demoAreaOverProposedFootprintsConservesPopulation() throws {
    let data = packageRoot.appendingPathComponent("data")
    let crosswalk = try temporaryFolder().appendingPathComponent("area.csv")
    let area = try CommandRunner.run([
      "crosswalk", "--method", "area", "--zones", data.appendingPathComponent("lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD",
      "--footprints", data.appendingPathComponent("proposed_footprints.geojson").path, "--footprint-id", "FOOTPRINT_ID", "-o", crosswalk.path,
    ])
    #expect(area.status == 0, "\(area.stderr)")
    #expect(area.stderr.contains("footprints overlap each other"))
    let populations = try CommandRunner.run([
      "populations", "--population", data.appendingPathComponent("population_lsoa_mid2022.csv").path, "--population-id", "Area Codes",
      "--population-value", "All Ages", "--crosswalk", crosswalk.path, "-o", "-", "--quiet",
    ])
    let total = populations.stdout.split(separator: "\n").dropFirst().compactMap { Double($0.split(separator: ",").last!) }.reduce(0, +)
    // 615,066 residents in the 362 LSOAs listed (data/README.md), to rounding.
    #expect(abs(total - 615_066) < 1e-6)
  }
}
