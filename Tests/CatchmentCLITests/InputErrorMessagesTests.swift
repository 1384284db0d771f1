import CatchmentTestSupport
import Foundation
import Testing

/// The CatchmentInputs errors whose messages the CLI now words (ErrorMessages.inputs): each
/// names the option that fixes it and keeps its exit code (64, a usage error), as when the
/// option groups threw them. Inputs of ``CatchmentCommandsTests``, sites as in its nearest test.
@Suite struct InputErrorMessagesTests {
  func nearest(_ folder: URL, extra: [String]) throws -> CommandRunner.Result {
    var arguments = try CatchmentCommandsTests().inputs(folder)
    let start = arguments.firstIndex(of: "--activity")!
    arguments.removeSubrange(start..<(start + 14))  // the activity options and the two --where
    return try CommandRunner.run(["catchments", "--method", "nearest"] + arguments + extra + ["--output", "-"])
  }

  func sites(_ folder: URL) throws -> [String] {
    let centroids = folder.appendingPathComponent("centroids.csv"), sites = folder.appendingPathComponent("sites.csv")
    try "code,x,y\nE02000001,0,0\nE02000002,10000,0\nE02000003,30000,0\n".write(to: centroids, atomically: false, encoding: .utf8)
    try "site,trust,x,y,postcode\nS1,R1,1000,0,\nS2,R2,,,BB1 1BB\n".write(to: sites, atomically: false, encoding: .utf8)
    return [
      "--centroids", centroids.path, "--centroid-id", "code", "--centroid-x", "x", "--centroid-y", "y", "--centroid-crs", "EPSG:27700",
      "--sites", sites.path, "--site-provider", "trust", "--site-id", "site", "--site-x", "x", "--site-y", "y", "--site-postcode", "postcode",
    ]
  }

  @Test func nearestWithoutCentroidsNamesTheCentroidOptions() throws {
    let result = try nearest(try temporaryFolder(), extra: [])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--method nearest needs --centroids FILE --centroid-id COLUMN"), "\(result.stderr)")
  }

  @Test func sitesPlacedByPostcodeNeedThePostcodeDirectory() throws {
    let folder = try temporaryFolder()
    let result = try nearest(folder, extra: try sites(folder))
    #expect(result.status == 64)
    // BB1 1BB for S2, and the headquarters postcodes of the providers without a site.
    #expect(result.stderr.contains("sites or headquarters are placed by postcode: give --postcodes PATH..."), "\(result.stderr)")
  }

  @Test func aGeographicWorkingCRSIsRefusedForDistances() throws {
    let folder = try temporaryFolder()
    let result = try nearest(folder, extra: try sites(folder) + ["--crs", "OGC:CRS84"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--crs OGC:CRS84 is not a projected CRS in metres, e.g. EPSG:27700"), "\(result.stderr)")
  }

  @Test func postcodeColumnsMustBeThree() throws {
    let folder = try temporaryFolder()
    let result = try nearest(folder, extra: try sites(folder) + ["--postcodes", folder.path, "--postcode-columns", "pcds,x"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--postcode-columns takes three columns: postcode,x,y"), "\(result.stderr)")
  }
}
