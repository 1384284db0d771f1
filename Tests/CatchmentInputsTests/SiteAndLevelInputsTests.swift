import CatchmentAnalysis
import CatchmentCore
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentInputs

/// ``SiteInputs`` (nearest site, placement losses, typed errors) and ``PracticeMapLevels``,
/// on hand-worked cases.
@Suite struct SiteAndLevelInputsTests {
  /// Centroids on a line (British National Grid metres): Z1 at x = 0, Z2 at 10,000, Z3 at
  /// 30,000, Z4 has none. Sites: R1 at 1,000, R2 at 9,000, R2's S3 without coordinates or
  /// postcode (cannot be placed). Nearest: Z1 → R1 (1 km), Z2 → R2 (1 km), Z3 → R2 (21 km, within
  /// the 50 km maximum); Z4 has no centroid and no provider.
  func inputs(_ folder: URL, sitesText: String = "site,trust,x,y,postcode\nS1,R1,1000,0,\nS2,R2,9000,0,\nS3,R2,,,\n") throws -> SiteInputs {
    let centroids = folder.appendingPathComponent("centroids.csv"), sites = folder.appendingPathComponent("sites.csv")
    try "code,x,y\nZ1,0,0\nZ2,10000,0\nZ3,30000,0\n".write(to: centroids, atomically: false, encoding: .utf8)
    try sitesText.write(to: sites, atomically: false, encoding: .utf8)
    return SiteInputs(
      providers: nil,
      sites: .init(path: sites.path, providerColumn: "trust", idColumn: "site", xColumn: "x", yColumn: "y", crs: .epsg(27700), postcodeColumn: "postcode", attractivenessColumn: nil),
      sitesLabel: "sites", postcodes: nil,
      centroids: CentroidSpec(path: centroids.path, idColumn: "code", xColumn: "x", yColumn: "y", crs: CRSSetting(.epsg(27700), label: "centroid CRS")),
      parameters: .init(), workingCRS: .epsg(27700), workers: 1)
  }

  @Test func eachZoneGoesToItsNearestSite() throws {
    let report = RunReport(command: "t")
    let shares = recorded(try inputs(try temporaryFolder()).shares(zones: ["Z1", "Z2", "Z3", "Z4"], method: .nearest), in: report)
    func owner(_ z: Int) -> [String] { shares.entries(ofZone: z).map { shares.providers[Int(shares.provider[$0])] } }
    #expect(shares.providers == ["R1", "R2"])
    #expect(owner(0) == ["R1"] && owner(1) == ["R2"] && owner(2) == ["R2"] && owner(3) == [])
    let losses = Dictionary(uniqueKeysWithValues: report.losses.map { ($0.unit, $0.codes.map(\.code)) })
    #expect(losses["zones"] == ["Z4"])
    #expect(losses["sites"] == ["R2 S3"])
  }

  @Test func missingCentroidsAndPostcodeDirectoryAreTypedErrors() throws {
    var noCentroids = try inputs(try temporaryFolder())
    noCentroids.centroids = nil
    #expect(throws: SiteInputError.noCentroids(method: .huff)) { recorded(try noCentroids.shares(zones: ["Z1"], method: .huff), in: RunReport(command: "t")) }
    let byPostcode = try inputs(try temporaryFolder(), sitesText: "site,trust,x,y,postcode\nS1,R1,,,AA1 1AA\nS2,R2,,,BB1 1BB\n")
    #expect(throws: SiteInputError.needsPostcodes(count: 2)) { recorded(try byPostcode.shares(zones: ["Z1"], method: .nearest), in: RunReport(command: "t")) }
  }

  /// Levels PRACTICE → PCN → ICB; P2's blank PCN loses the row, reported under its column.
  @Test func practiceMapLevelsLinkConsecutiveColumns() throws {
    let path = try temporaryFile("PRACTICE,PCN,ICB\nP1,N1,I1\nP2,,I1\nP3,N2,I2\nP4,N1,I1\n")
    let report = RunReport(command: "t")
    let levels = recorded(try PracticeMapLevels.read(path: path, columns: ["PRACTICE", "PCN", "ICB"], columnRole: "level column"), in: report)
    #expect(levels.links[0].map { "\($0.child)>\($0.parent)" } == ["P1>N1", "P3>N2", "P4>N1"])
    #expect(levels.links[1].map { "\($0.child)>\($0.parent)" } == ["N1>I1", "N2>I2", "N1>I1"])
    #expect(levels.roots == ["I1", "I2"])
    #expect(report.losses.first?.codes.map(\.code) == ["PCN"])
    #expect(report.losses.first?.rows == 1)
  }
}
