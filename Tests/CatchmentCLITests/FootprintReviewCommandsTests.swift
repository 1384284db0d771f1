import CatchmentTestSupport
import Foundation
import Testing

/// `overlap`, `nesting`, `propose` and `compare` run as an analyst runs them, on the demo region
/// (data/: 363 LSOAs, 6 sub-ICB locations in 3 ICBs, 5 councils). Expected figures come from
/// the lookup and population files themselves (read here with a plain CSV split), not from the
/// tool.
@Suite struct FootprintReviewCommandsTests {
  let data = packageRoot.appendingPathComponent("data")
  var population: [String] {
    ["--population", data.appendingPathComponent("population_lsoa_mid2022.csv").path, "--population-id", "Area Codes", "--population-value", "All Ages"]
  }

  func crosswalk(_ column: String, in folder: URL) throws -> String {
    let out = folder.appendingPathComponent("crosswalk_\(column).csv")
    let result = try CommandRunner.run([
      "crosswalk", "--method", "lookup", "--lookup", data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path,
      "--lookup-zone", "LSOA21CD", "--lookup-footprint", column, "--output", out.path, "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return out.path
  }

  /// pop by LSOA and the lookup's rows, for independent sums (read with the tests' own CSV reader).
  func demoTables() throws -> (pop: [String: Double], lookup: [[String: String]]) {
    var pop: [String: Double] = [:]
    let population = try SimpleCSV(contentsOf: data.appendingPathComponent("population_lsoa_mid2022.csv"))
    for row in population.rows where row.count == population.header.count {
      pop[row[population.column("Area Codes")]] = Double(row[population.column("All Ages")].replacingOccurrences(of: ",", with: ""))
    }
    let lookup = try SimpleCSV(contentsOf: data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv"))
    let rows = lookup.rows.filter { $0.count == lookup.header.count }.map { Dictionary(uniqueKeysWithValues: zip(lookup.header, $0)) }
    return (pop, rows)
  }

  @Test func overlapOfCouncilsAndICBs() throws {
    let folder = try temporaryFolder()
    let lad = try crosswalk("LAD23CD", in: folder), icb = try crosswalk("ICB23CD", in: folder)
    let out = folder.appendingPathComponent("overlap.csv"), summary = folder.appendingPathComponent("summary.csv")
    let result = try CommandRunner.run(["overlap", "--a", lad, "--b", icb] + population + ["--output", out.path, "--summary-output", summary.path])
    #expect(result.status == 0, "\(result.stderr)")
    // Independent: Σ pop over LSOAs with both codes.
    let (pop, lookup) = try demoTables()
    var expected: [String: Double] = [:]
    for row in lookup { expected["\(row["LAD23CD"]!),\(row["ICB23CD"]!)", default: 0] += pop[row["LSOA21CD"]!] ?? 0 }
    let rows = try contents(out).split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(rows.count == expected.values.filter { $0 > 0 }.count)
    for r in rows { #expect(Double(r[2]) == expected["\(r[0]),\(r[1])"]) }
    // Symmetry: B against A gives the transposed pairs with swapped coverages.
    let swapped = folder.appendingPathComponent("swapped.csv")
    _ = try CommandRunner.run(["overlap", "--a", icb, "--b", lad] + population + ["--output", swapped.path, "--quiet"])
    let back = try contents(swapped).split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(Set(back.map { "\($0[1]),\($0[0]),\($0[2]),\($0[4]),\($0[3])" }) == Set(rows.map { "\($0[0]),\($0[1]),\($0[2]),\($0[3]),\($0[4])" }))
  }

  @Test func overlapRefusesTwoFractionalWeights() throws {
    let folder = try temporaryFolder()
    let split = folder.appendingPathComponent("split.csv")
    try "zone_id,footprint_id,weight\nE01100001,X,0.5\nE01100001,Y,0.5\nE01100002,X,1\n".write(to: split, atomically: false, encoding: .utf8)
    let result = try CommandRunner.run(["overlap", "--a", split.path, "--b", split.path] + population + ["--output", "-"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("1 zones are split by both crosswalks") && result.stderr.contains("E01100001"))
    #expect(result.stderr.contains("Give --zones, --a-footprints and --b-footprints to split them"))
  }

  @Test func nestingOfCouncilsInICBs() throws {
    let folder = try temporaryFolder()
    let lad = try crosswalk("LAD23CD", in: folder), icb = try crosswalk("ICB23CD", in: folder)
    let out = folder.appendingPathComponent("nesting.csv"), tree = folder.appendingPathComponent("tree.json")
    let result = try CommandRunner.run(["nesting", "--crosswalk", lad, "--crosswalk", icb, "--names", "council,icb"] + population + ["--output", out.path, "--tree-output", tree.path])
    #expect(result.status == 0, "\(result.stderr)")
    // Independent: councils whose LSOAs lie in more than one ICB do not nest.
    let (_, lookup) = try demoTables()
    var parents: [String: Set<String>] = [:]
    for row in lookup { parents[row["LAD23CD"]!, default: []].insert(row["ICB23CD"]!) }
    let notNesting = Set(parents.filter { $0.value.count > 1 }.keys)
    let rows = try contents(out).split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
    #expect(Set(rows.filter { $0[5] == "false" }.map { $0[1] }) == notNesting)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: tree)) as! [[String: Any]]
    #expect(json.count == Set(lookup.map { $0["ICB23CD"]! }).count)
  }

  @Test func pcnsNestByTheirPractices() throws {
    let folder = try temporaryFolder()
    let map = folder.appendingPathComponent("map.csv")
    try "PRACTICE_CODE,PCN_CODE,SUB_ICB\nP1,N1,S1\nP2,N1,S1\nP3,N2,S1\nP4,N2,S2\nP5,N2,S2\nP6,N3,\n".write(to: map, atomically: false, encoding: .utf8)
    let out = folder.appendingPathComponent("pcn.csv")
    let result = try CommandRunner.run(["nesting", "--practice-map", map.path, "--levels", "PCN_CODE,SUB_ICB", "--output", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    // N2: one practice in S1, two in S2 → main parent S2, a third outside. P6 has no sub-ICB: a loss.
    // Shares to 10 significant digits: 1/3 → 0.3333333333, 2/3 → 0.6666666667.
    #expect(try contents(out).contains("PCN_CODE,N2,3,S2,0.3333333333,false,S2:0.6666666667;S1:0.3333333333"))
    #expect(result.stderr.contains("practices with a blank code in a level column"))
  }

  /// Moving council E07000902 out of its ICB into a new footprint: the proposal's crosswalk,
  /// its polygons, and the comparison (populations from the lookup and population files).
  @Test func proposeAndCompare() throws {
    let folder = try temporaryFolder()
    let (pop, lookup) = try demoTables()
    let councils = Set(lookup.map { $0["LAD23CD"]! }).sorted()
    var mapping = "LAD23CD,FOOTPRINT\n"
    for c in councils { mapping += "\(c),\(c == "E07000902" ? "NEW" : "REST")\n" }
    let blocks = folder.appendingPathComponent("blocks.csv")
    try mapping.write(to: blocks, atomically: false, encoding: .utf8)
    let proposal = folder.appendingPathComponent("proposal.csv"), drawn = folder.appendingPathComponent("proposal.geojson")
    var result = try CommandRunner.run([
      "propose", "--blocks", blocks.path, "--block-column", "LAD23CD", "--footprint-column", "FOOTPRINT",
      "--lookup", data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path, "--lookup-zone", "LSOA21CD", "--lookup-footprint", "LAD23CD",
      "--output", proposal.path, "--zones", data.appendingPathComponent("lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD",
      "--dissolve-output", drawn.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    struct Collection: Decodable {
      struct Feature: Decodable { let properties: [String: String] }
      let features: [Feature]
    }
    let features = try JSONDecoder().decode(Collection.self, from: Data(contentsOf: drawn)).features.map(\.properties)
    func property(_ feature: [String: String], _ key: String) -> String? { feature[key] }
    #expect(features.compactMap { property($0, "FOOTPRINT_ID") } == ["NEW", "REST"])
    let newZones = lookup.filter { $0["LAD23CD"] == "E07000902" }.count
    #expect(property(features[0], "ZONES") == String(newZones))

    let icb = try crosswalk("ICB23CD", in: folder)
    let out = folder.appendingPathComponent("compare.csv")
    result = try CommandRunner.run(["compare", "--baseline", icb, "--proposal", proposal.path] + population + ["--output", out.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let newPopulation = lookup.filter { $0["LAD23CD"] == "E07000902" }.reduce(0.0) { $0 + (pop[$1["LSOA21CD"]!] ?? 0) }
    #expect(try contents(out).contains("\nproposal,NEW,,\(Int(newPopulation)),"))
  }
}
