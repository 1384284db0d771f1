import CatchmentTestSupport
import Foundation
import Testing

/// `catchments`, `membership` and `system-overlap` run as an analyst runs them, on the
/// hand-worked case of `Tests/CatchmentAnalysisTests/ProviderCatchmentTests.swift`: zones
/// E02000001–3 with 1,000, 2,000 and 500 people; 2019 `All` activity R1/R2 60/30 of 100 in the
/// first, R1/R2/R3 40/40/20 of 100 in the second, none in the third.
@Suite struct CatchmentCommandsTests {
  let population = """
    Area Codes,Name,All Ages
    E02000001,One,"1,000"
    E02000002,Two,"2,000"
    E02000003,Three,500
    E06000001,A council,"3,500"
    W02000001,Welsh zone,700

    """
  let activity = """
    catchment_year,admission_type,msoa,trust_code,patients,total_patients,proportion
    2019,All,E02000001,R1,60,100,0.6
    2019,All,E02000001,R2,30,100,0.3
    2019,All,E02000002,R1,40,100,0.4
    2019,All,E02000002,R2,40,100,0.4
    2019,All,E02000002,R3,20,100,0.2
    2018,All,E02000001,R3,99,100,0.99
    2019,Elective,E02000001,R3,50,100,0.5

    """
  /// ODS etr.csv layout: no header, code 1, name 2, postcode 10 (27 columns in the real file).
  let providers = """
    "R1","ALPHA HOSPITALS NHS TRUST","Y61","QAA","1 HIGH ST","","","ALPHA","","AA1 1AA","20000401","","","","","","","","","","","0","","B","","",""
    "R2","BETA NHS FOUNDATION TRUST","Y61","QAA","2 HIGH ST","","","BETA","","BB1  1BB","20000401","","","","","","","","","","","0","","B","","",""
    "R3","GAMMA NHS TRUST","Y61","QAA","3 HIGH ST","","","GAMMA","","CC1 1CC","20000401","","","","","","","","","","","0","","B","","",""

    """

  func inputs(_ folder: URL) throws -> [String] {
    let pop = folder.appendingPathComponent("population.csv"), act = folder.appendingPathComponent("activity.csv")
    let etr = folder.appendingPathComponent("etr.csv")
    try population.write(to: pop, atomically: false, encoding: .utf8)
    try activity.write(to: act, atomically: false, encoding: .utf8)
    try providers.write(to: etr, atomically: false, encoding: .utf8)
    return [
      "--population", pop.path, "--population-id", "Area Codes", "--population-value", "All Ages",
      "--activity", act.path, "--activity-zone", "msoa", "--activity-provider", "trust_code",
      "--activity-count", "patients", "--activity-total", "total_patients",
      "--where", "catchment_year=2019", "--where", "admission_type=All", "--providers", etr.path,
    ]
  }

  @Test func catchmentsFromActivity() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("catchments.csv"), zones = folder.appendingPathComponent("zones.csv")
    let result = try CommandRunner.run(["catchments"] + inputs(folder) + ["--output", out.path, "--zone-output", zones.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try contents(out) == """
        provider_id,provider_name,catchment_population,zones
        R1,ALPHA HOSPITALS NHS TRUST,1400,2
        R2,BETA NHS FOUNDATION TRUST,1100,2
        R3,GAMMA NHS TRUST,400,1
        UNATTRIBUTED,,600,2

        """)
    #expect(
      try contents(zones).hasPrefix(
        "zone_id,provider_id,provider_name,share,catchment_population\nE02000001,R1,ALPHA HOSPITALS NHS TRUST,0.6,600\nE02000001,R2,BETA NHS FOUNDATION TRUST,0.3,300\nE02000001,UNATTRIBUTED,,"))
    // The council total and the Welsh zone are expected exclusions, not losses.
    #expect(result.stderr.contains("losses: none"))
    #expect(result.stderr.contains("rows skipped by rule") || result.stderr.contains("2 skipped"))
  }

  @Test func sharesAsGivenGiveTheSameCatchments() throws {
    let folder = try temporaryFolder()
    var arguments = try inputs(folder)
    let count = arguments.firstIndex(of: "--activity-count")!
    arguments.replaceSubrange(count..<(count + 4), with: ["--activity-share", "proportion"])
    let out = folder.appendingPathComponent("catchments.csv")
    let result = try CommandRunner.run(["catchments"] + arguments + ["--output", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(out).contains("R1,ALPHA HOSPITALS NHS TRUST,1400,2\nR2,BETA NHS FOUNDATION TRUST,1100,2\nR3,GAMMA NHS TRUST,400,1\n"))
  }

  @Test func strictFailsOnAnUnknownZone() throws {
    let folder = try temporaryFolder()
    var arguments = try inputs(folder)
    let act = folder.appendingPathComponent("activity.csv")
    try (activity + "2019,All,E02999999,R1,5,100,0.05\n").write(to: act, atomically: false, encoding: .utf8)
    arguments.append(contentsOf: ["--output", folder.appendingPathComponent("c.csv").path])
    let lenient = try CommandRunner.run(["catchments"] + arguments)
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("E02999999 (unknown zone)"))
    let strict = try CommandRunner.run(["catchments"] + arguments + ["--strict"])
    #expect(strict.status == 3)
  }

  @Test func badMethodIsAClearError() throws {
    let folder = try temporaryFolder()
    let result = try CommandRunner.run(["catchments"] + inputs(folder) + ["--method", "threshold:1.5", "--output", "-"])
    // Refused by the parser, as any usage error, with the methods listed.
    #expect(result.status == 64)
    #expect(result.stderr.contains("The value 'threshold:1.5' is invalid for '--method <method>'"), "\(result.stderr)")
    #expect(result.stderr.contains("  - proportional\n  - normalised\n  - fptp\n  - threshold:X\n  - min-share:X\n  - nearest\n  - huff"))
  }

  /// Membership over a fractional crosswalk, then system overlap (numbers worked in
  /// `MembershipTests`).
  @Test func membershipThenSystemOverlap() throws {
    let folder = try temporaryFolder()
    let crosswalk = folder.appendingPathComponent("crosswalk.csv")
    try "zone_id,footprint_id,weight\nE02000001,A,1\nE02000002,A,0.75\nE02000002,B,0.25\nE02000003,B,1\n".write(to: crosswalk, atomically: false, encoding: .utf8)
    let membership = folder.appendingPathComponent("membership.csv"), summary = folder.appendingPathComponent("multi.csv")
    var result = try CommandRunner.run(
      ["membership"] + inputs(folder) + ["--crosswalk", crosswalk.path, "--threshold", "0.15", "--output", membership.path, "--summary-output", summary.path])
    #expect(result.status == 0, "\(result.stderr)")
    // 200 / 1100 = 0.181818…, to 10 significant digits.
    #expect(try contents(membership).contains("\nR2,BETA NHS FOUNDATION TRUST,B,200,0.1818181818,0.2,true\n"))
    #expect(try contents(summary) == "provider_id,provider_name,systems,footprint_ids\nR2,BETA NHS FOUNDATION TRUST,2,A;B\nR3,GAMMA NHS TRUST,2,A;B\n")
    let overlap = folder.appendingPathComponent("overlap.csv"), served = folder.appendingPathComponent("served.csv")
    result = try CommandRunner.run(["system-overlap", "--membership", membership.path, "--output", overlap.path, "--served-matrix-output", served.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(overlap) == "system_a,system_b,shared_members,population_a_served_by_b\nA,A,3,2400\nA,B,2,1200\nB,A,2,500\nB,B,2,300\n")
    #expect(try contents(served) == "system,A,B\nA,2400,1200\nB,500,300\n")
  }

  /// Nearest site, with sites by coordinates and by postcode, a provider placed at its
  /// headquarters only, and a site that cannot be placed. Centroids on a line (metres):
  /// E02000001 at x = 0, E02000002 at 10,000, E02000003 at 30,000; R1's site at 1,000, R2's
  /// (by postcode BB1 1BB) at 9,000; R3 has no site and sits at its headquarters CC1 1CC,
  /// 29,000. Each zone goes to its nearest: R1 1,000, R2 2,000, R3 500.
  @Test func nearestSitesWithHeadquartersAndUnplacedSites() throws {
    let folder = try temporaryFolder()
    var arguments = try inputs(folder)
    let start = arguments.firstIndex(of: "--activity")!
    arguments.removeSubrange(start..<(start + 14))  // the activity options and the two --where
    let centroids = folder.appendingPathComponent("centroids.csv"), sites = folder.appendingPathComponent("sites.csv")
    let postcodes = folder.appendingPathComponent("postcodes.csv")
    try "code,x,y\nE02000001,0,0\nE02000002,10000,0\nE02000003,30000,0\n".write(to: centroids, atomically: false, encoding: .utf8)
    try "site,trust,x,y,postcode,beds\nS1,R1,1000,0,,100\nS2,R2,,,BB1 1BB,200\nS9,R2,,,ZZ9 9ZZ,50\n".write(to: sites, atomically: false, encoding: .utf8)
    try "pcds,oseast1m,osnrth1m\nBB1 1BB,9000,0\nCC1  1CC,29000,0\n".write(to: postcodes, atomically: false, encoding: .utf8)
    let out = folder.appendingPathComponent("nearest.csv")
    let result = try CommandRunner.run(
      ["catchments", "--method", "nearest"] + arguments + [
        "--centroids", centroids.path, "--centroid-id", "code", "--centroid-x", "x", "--centroid-y", "y", "--centroid-crs", "EPSG:27700",
        "--sites", sites.path, "--site-provider", "trust", "--site-id", "site", "--site-x", "x", "--site-y", "y", "--site-postcode", "postcode",
        "--postcodes", postcodes.path, "--output", out.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try contents(out) == """
        provider_id,provider_name,catchment_population,zones
        R1,ALPHA HOSPITALS NHS TRUST,1000,1
        R2,BETA NHS FOUNDATION TRUST,2000,1
        R3,GAMMA NHS TRUST,500,1
        UNATTRIBUTED,,0,0

        """)
    #expect(result.stderr.contains("placed at their headquarters postcode only"))
    #expect(result.stderr.contains("sites that cannot be placed"))
    #expect(result.stderr.contains("R2 S9"))
  }
}
