import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentCLI

/// `catchment review` on the demo study: every CSV of the pack has the bytes the single command
/// writes on the same inputs, and the manifest's SHA-256 of every input is what `sha256sum`
/// prints for the file.
@Suite struct ReviewCommandTests {
  /// A copy of data/ in a temporary folder (the study's output, `../out/review`, lands beside it
  /// in the same folder), and the pack's folder.
  func demoCopy() throws -> (root: URL, data: URL, pack: URL) {
    let root = try temporaryFolder()
    let data = root.appendingPathComponent("data")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: data)
    return (root, data, root.appendingPathComponent("out/review"))
  }

  func run(_ arguments: [String], in folder: URL) throws {
    let result = try CommandRunner.run(arguments + ["--quiet"], in: folder)
    #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
  }

  /// The pack's files, those in figures/ too, as paths relative to the pack, sorted.
  func packFiles(_ pack: URL) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: pack.path).filter {
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: pack.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }.sorted()
  }

  /// What `/usr/bin/sha256sum` prints for `file`: 64 hexadecimal digits, then the name.
  func sha256sum(_ file: URL) throws -> String {
    let result = try ShellRunner.run("/usr/bin/sha256sum \(ShellRunner.quote(file.path))", in: file.deletingLastPathComponent())
    #expect(result.status == 0, "\(result.output)")
    return result.output
  }

  @Test func packTablesAreTheSingleCommandsBytes() throws {
    let (root, data, pack) = try demoCopy()
    try run(["review", "data/demo_study.toml"], in: root)
    let single = root.appendingPathComponent("single")
    try FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
    let lookup = data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").path
    let population = [
      "--population", data.appendingPathComponent("population_lsoa_mid2022.csv").path, "--population-id", "Area Codes",
      "--population-value", "All Ages",
    ]
    var expected: [String] = []
    func out(_ name: String) -> String {
      expected.append(name)
      return single.appendingPathComponent(name).path
    }
    for (layer, code, name) in [("icb", "ICB23CD", "ICB23NM"), ("sicbl", "SICBL23CD", "SICBL23NM"), ("lad", "LAD23CD", "LAD23NM")] {
      let crosswalk = out("crosswalk_\(layer).csv")
      try run(
        [
          "crosswalk", "--method", "lookup", "--lookup", lookup, "--lookup-zone", "LSOA21CD", "--lookup-footprint", code,
          "--lookup-name", name, "--output", crosswalk,
        ], in: root)
      try run(["populations", "--crosswalk", crosswalk] + population + ["--output", out("population_\(layer).csv")], in: root)
    }
    // The polygon layers, with the CRSs their files state (the study's are assumed only when a file states none).
    let geometry = [
      "--zones", data.appendingPathComponent("lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD",
    ]
    try run(
      [
        "crosswalk", "--method", "best-fit", "--footprints", data.appendingPathComponent("icb_boundaries.shp").path,
        "--footprint-id", "ICB23CD", "--footprint-name", "ICB23NM", "--centroids", data.appendingPathComponent("lsoa_pwc.csv").path,
        "--centroid-id", "LSOA21CD", "--centroid-x", "x", "--centroid-y", "y", "--centroid-crs", "EPSG:27700",
        "--output", out("crosswalk_icb_bestfit.csv"),
      ] + geometry, in: root)
    try run(
      [
        "crosswalk", "--method", "area", "--footprints", data.appendingPathComponent("proposed_footprints.geojson").path,
        "--footprint-id", "FOOTPRINT_ID", "--footprint-name", "FOOTPRINT_NAME", "--output", out("crosswalk_proposed.csv"),
      ] + geometry, in: root)
    for layer in ["icb_bestfit", "proposed"] {
      try run(
        ["populations", "--crosswalk", single.appendingPathComponent("crosswalk_\(layer).csv").path] + population + [
          "--output", out("population_\(layer).csv"),
        ], in: root)
    }
    let icb = single.appendingPathComponent("crosswalk_icb.csv").path
    try run(
      [
        "flows", "--crosswalk", icb, "--registrations", data.appendingPathComponent("gp_reg_pat_prac_lsoa.csv").path,
        "--practice-map", data.appendingPathComponent("gp_reg_pat_prac_map.csv").path, "--practice-footprint", "ONS_ICB_CODE",
        "--output", out("flows_icb.csv"), "--matrix-output", out("flow_matrix_icb.csv"), "--summary-output",
        out("flow_summary_icb.csv"), "--practice-output", out("practice_flows_icb.csv"),
      ] + population, in: root)
    for other in ["lad", "sicbl", "icb_bestfit", "proposed"] {
      try run(
        [
          "overlap", "--a", icb, "--b", single.appendingPathComponent("crosswalk_\(other).csv").path, "--output",
          out("overlap_icb_\(other).csv"), "--matrix-output", out("overlap_matrix_icb_\(other).csv"), "--summary-output",
          out("overlap_summary_icb_\(other).csv"),
        ] + population, in: root)
    }
    // [review] nesting = ["sicbl", "icb"]: the crosswalks smallest first, named as the layers.
    try run(
      [
        "nesting", "--crosswalk", single.appendingPathComponent("crosswalk_sicbl.csv").path, "--crosswalk", icb, "--names",
        "sicbl,icb", "--output", out("nesting_sicbl_icb.csv"), "--tree-output", out("nesting_sicbl_icb.json"),
      ] + population, in: root)
    // [providers]: the demo's trust admissions, proportional, threshold 0.05, names from etr.csv.
    let activity = [
      "--method", "proportional", "--activity", data.appendingPathComponent("trust_activity.csv").path, "--activity-zone", "lsoa21cd",
      "--activity-provider", "trust_code", "--activity-count", "patients", "--activity-total", "total_patients", "--where",
      "admission_type=All", "--where", "catchment_year=2022", "--providers", data.appendingPathComponent("trusts_etr.csv").path,
    ] + population
    try run(["catchments", "--output", out("catchments.csv"), "--zone-output", out("catchment_zones.csv")] + activity, in: root)
    try run(
      [
        "membership", "--crosswalk", icb, "--threshold", "0.05", "--output", out("membership_icb.csv"), "--summary-output",
        out("membership_summary_icb.csv"),
      ] + activity, in: root)
    try run(
      [
        "system-overlap", "--membership", single.appendingPathComponent("membership_icb.csv").path, "--output",
        out("system_overlap_icb.csv"), "--shared-matrix-output", out("system_overlap_shared_icb.csv"), "--served-matrix-output",
        out("system_overlap_served_icb.csv"),
      ], in: root)
    // [[proposals]] councils-whole: the councils (layer lad) as blocks, drawn from the zones.
    try run(
      [
        "propose", "--blocks", data.appendingPathComponent("proposal_councils_whole.csv").path, "--block-column", "block_id",
        "--footprint-column", "footprint_id", "--footprint-name-column", "footprint_name", "--crosswalk",
        single.appendingPathComponent("crosswalk_lad.csv").path, "--output", out("crosswalk_proposal_councils-whole.csv"),
        "--zones", data.appendingPathComponent("lsoa_boundaries.geojson").path, "--zone-id", "LSOA21CD", "--dissolve-output",
        out("proposal_councils-whole.geojson"),
      ], in: root)
    try run(
      [
        "compare", "--baseline", icb, "--proposal", single.appendingPathComponent("crosswalk_proposal_councils-whole.csv").path,
        "--registrations", data.appendingPathComponent("gp_reg_pat_prac_lsoa.csv").path, "--practice-map",
        data.appendingPathComponent("gp_reg_pat_prac_map.csv").path, "--practice-footprint", "ONS_ICB_CODE", "--councils",
        single.appendingPathComponent("crosswalk_lad.csv").path, "--threshold", "0.05", "--output", out("compare_councils-whole.csv"),
        "--membership-changes-output", out("membership_changes_councils-whole.csv"),
      ] + activity, in: root)
    for name in expected {
      let review = try Data(contentsOf: pack.appendingPathComponent(name))
      let alone = try Data(contentsOf: single.appendingPathComponent(name))
      #expect(!review.isEmpty)
      #expect(review == alone, "\(name) differs from the single command's output")
    }
    // Every file of the pack but report.json, manifest.json, the drawn footprints (no single
    // command writes them yet: FootprintPolygonsTests checks them) and the report (report.html and
    // figures/, which `catchment report` draws: ReviewReportPackTests) is one of those compared.
    let packTables = try FileManager.default.contentsOfDirectory(atPath: pack.path).filter {
      $0 != "report.json" && $0 != "manifest.json" && !($0.hasPrefix("footprints_") && $0.hasSuffix(".geojson"))
        && $0 != "report.html" && $0 != "figures"
    }
    #expect(Set(packTables) == Set(expected))
  }

  @Test func manifestDigestsAreSha256sum() throws {
    let (root, data, pack) = try demoCopy()
    try run(["review", "data/demo_study.toml"], in: root)
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: pack.appendingPathComponent("manifest.json"))) as? [String: Any])
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    let keys = Set(inputs.compactMap { $0["key"] as? String })
    #expect(
      keys.isSuperset(of: [
        "population.file", "layers.icb.lookup", "registrations.file", "registrations.practice_map", "zones.path",
        "zones.centroids.file", "layers.icb_bestfit.polygons", "layers.proposed.polygons", "providers.activity", "providers.names",
        "proposals[1].assign",
      ]),
      "\(keys.sorted())")
    // The Shapefile's sidecars are listed with it.
    let paths = Set(inputs.compactMap { $0["path"] as? String })
    #expect(paths.isSuperset(of: ["icb_boundaries.shp", "icb_boundaries.dbf", "icb_boundaries.shx", "icb_boundaries.prj", "icb_boundaries.cpg"]))
    for input in inputs {
      let path = try #require(input["path"] as? String)
      let file = data.appendingPathComponent(path)
      let sum = try sha256sum(file)
      #expect(input["sha256"] as? String == String(sum.prefix(64)), "\(path)")
      let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber
      #expect((input["size"] as? NSNumber)?.int64Value == size?.int64Value, "\(path)")
    }
    // Outputs: every file of the pack but the manifest (figures/ too), each with the SHA-256 of its bytes.
    let outputs = try #require(manifest["outputs"] as? [[String: Any]])
    let files = try packFiles(pack).filter { $0 != "manifest.json" }
    #expect(Set(outputs.compactMap { $0["path"] as? String }) == Set(files))
    for output in outputs {
      let path = try #require(output["path"] as? String)
      let sum = try sha256sum(pack.appendingPathComponent(path))
      #expect(output["sha256"] as? String == String(sum.prefix(64)), "\(path)")
    }
    #expect((manifest["options"] as? [String: String])?["review.baseline"] == "icb")
    // The demo registrations state EXTRACT_DATE 01Oct2025 on every row.
    #expect(inputs.first { $0["key"] as? String == "registrations.file" }?["stated_date"] as? String == "01Oct2025")
  }

  func json(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  /// The demo population with a `period` column stating `period` on every row (as Trafford's
  /// MYE files have it), then the review: the report's warnings and the manifest's population
  /// input.
  func reviewWithPopulationPeriod(_ period: String) throws -> (warnings: [String], notes: [String], population: [String: Any]) {
    let (root, data, pack) = try demoCopy()
    let file = data.appendingPathComponent("population_lsoa_mid2022.csv")
    // The file's lines end in CRLF, which Swift's String sees as one character: LF from here.
    let lines = try contents(file).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    let stated = lines.enumerated().map { i, line in
      line.isEmpty ? "" : (i == 0 ? "period," : "\(period),") + line
    }
    try stated.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
    try run(["review", "data/demo_study.toml"], in: root)
    let report = try json(pack.appendingPathComponent("report.json"))
    let inputs = try #require(try json(pack.appendingPathComponent("manifest.json"))["inputs"] as? [[String: Any]])
    let population = try #require(inputs.first { $0["key"] as? String == "population.file" })
    return (report["warnings"] as? [String] ?? [], report["notes"] as? [String] ?? [], population)
  }

  /// `[population] year = 2022` against a file whose rows state mid-2021: a warning in
  /// report.json naming both years, and the stated date in the manifest.
  @Test func populationYearMismatchIsWarned() throws {
    let (warnings, _, population) = try reviewWithPopulationPeriod("2021-06-30")
    #expect(
      warnings.contains {
        $0.contains("population.year is 2022") && $0.contains("population_lsoa_mid2022.csv states 2021")
          && $0.contains("column \"period\"")
      }, "\(warnings)")
    #expect(population["stated_date"] as? String == "2021-06-30")
  }

  /// The same file stating mid-2022: no warning, a note that they agree, the date recorded. The
  /// demo file as published (no year in it) records none.
  @Test func populationYearThatAgreesIsRecorded() throws {
    let (warnings, notes, population) = try reviewWithPopulationPeriod("2022-06-30")
    #expect(!warnings.contains { $0.contains("population") && $0.contains("year") }, "\(warnings)")
    #expect(notes.contains { $0.contains("population.year 2022 agrees") }, "\(notes)")
    #expect(population["stated_date"] as? String == "2022-06-30")
    let (root, _, pack) = try demoCopy()
    try run(["review", "data/demo_study.toml"], in: root)
    let inputs = try #require(try json(pack.appendingPathComponent("manifest.json"))["inputs"] as? [[String: Any]])
    #expect(inputs.first { $0["key"] as? String == "population.file" }?["stated_date"] == nil)
  }

  /// The manifest's provenance of the tool and the run: the source revision (this checkout's
  /// commit as git gives it, `-dirty` with local changes, or unknown), every table input with
  /// its rows read, and the defaults in force besides the study's keys.
  @Test func manifestRecordsRevisionRowsAndDefaults() throws {
    let (root, _, pack) = try demoCopy()
    try run(["review", "data/demo_study.toml"], in: root)
    let manifest = try json(pack.appendingPathComponent("manifest.json"))
    let tool = try #require(manifest["tool"] as? [String: Any])
    let revision = try #require(tool["revision"] as? String)
    if revision != "unknown" {
      let head = try ShellRunner.run("git -C \(ShellRunner.quote(packageRoot.path)) rev-parse HEAD", in: packageRoot)
      let commit = head.output.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(revision == commit || revision == commit + "-dirty", "\(revision) vs \(commit)")
    }
    let inputs = try #require(manifest["inputs"] as? [[String: Any]])
    for input in inputs {
      let path = try #require(input["path"] as? String)
      guard path.hasSuffix(".csv") else { continue }
      #expect((input["rows_read"] as? Int ?? 0) > 0, "\(path) has no rows_read")
    }
    let options = try #require(manifest["options"] as? [String: String])
    let expected = [
      "run.strict": "false", "run.byte_order_mark": "false", "overlap.min_coverage": "0.01", "overlap.coterminous": "0.95",
      "nesting.tolerance": "0.001", "crosswalk.working_crs": "EPSG:27700", "crosswalk.best_fit.snap_distance_m": "1000",
      "crosswalk.area.basis": "covered", "providers.threshold": "0.05", "providers.method": "proportional",
      "proposals[1].block_column": "block_id", "review.nesting": "sicbl,icb",
    ]
    for (key, value) in expected {
      #expect(options[key] == value, "\(key): \(options[key] ?? "absent")")
    }
    #expect(options["run.numbers"]?.hasPrefix("readable") == true)
  }

  /// `[zones] path` as a glob: the demo's LSOA polygons split into two files, read as one layer
  /// (the pack's crosswalks are those of the single file), and both listed in the manifest with
  /// the SHA-256 `sha256sum` prints.
  @Test func zonesGlobListsEachFile() throws {
    let (root, data, pack) = try demoCopy()
    let single = try json(data.appendingPathComponent("lsoa_boundaries.geojson"))
    let features = try #require(single["features"] as? [Any])
    let zones = data.appendingPathComponent("zones")
    try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
    for (name, part) in [("part1.geojson", features[..<180]), ("part2.geojson", features[180...])] {
      var collection = single
      collection["features"] = Array(part)
      try JSONSerialization.data(withJSONObject: collection).write(to: zones.appendingPathComponent(name))
    }
    try run(["review", "data/demo_study.toml"], in: root)
    let whole = root.appendingPathComponent("whole")
    try FileManager.default.moveItem(at: pack, to: whole)
    let study = data.appendingPathComponent("demo_study.toml")
    let text = try contents(study).replacingOccurrences(
      of: "path = \"lsoa_boundaries.geojson\"", with: "path = \"zones/*.geojson\"")
    try text.write(to: study, atomically: false, encoding: .utf8)
    try run(["review", "data/demo_study.toml"], in: root)
    for name in ["crosswalk_icb_bestfit.csv", "crosswalk_proposed.csv"] {
      #expect(try Data(contentsOf: pack.appendingPathComponent(name)) == Data(contentsOf: whole.appendingPathComponent(name)), "\(name)")
    }
    let inputs = try #require(try json(pack.appendingPathComponent("manifest.json"))["inputs"] as? [[String: Any]])
    let listed = inputs.filter { $0["key"] as? String == "zones.path" }
    #expect(listed.compactMap { $0["path"] as? String } == ["zones/part1.geojson", "zones/part2.geojson"])
    for input in listed {
      let path = try #require(input["path"] as? String)
      #expect(input["sha256"] as? String == String(try sha256sum(data.appendingPathComponent(path)).prefix(64)), "\(path)")
      // The demo data's zone codes (E011…) are fictional: not ONS LSOA codes of either vintage.
      #expect(input["vintage"] as? String == "not ONS LSOA 2011/2021 codes", "\(path)")
    }
  }

  @Test func badStudyFileExitsOneWithItsMessageAndWritesNothing() throws {
    let (root, data, pack) = try demoCopy()
    let study = data.appendingPathComponent("demo_study.toml")
    var text = try String(contentsOf: study, encoding: .utf8)
    text = text.replacingOccurrences(of: "baseline = \"icb\"", with: "baseline = \"icbx\"")
    try text.write(to: study, atomically: false, encoding: .utf8)
    let result = try CommandRunner.run(["review", "data/demo_study.toml"], in: root)
    #expect(result.status == 1)
    #expect(result.stderr.contains("review.baseline"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pack.path))
  }

  /// Two runs of the same study on the same inputs: the same files with the same bytes, and
  /// manifests that differ only in `run_at`.
  @Test func twoRunsGiveTheSamePackApartFromTheTimestamp() throws {
    let (root, _, pack) = try demoCopy()
    try run(["review", "data/demo_study.toml"], in: root)
    let first = root.appendingPathComponent("first")
    try FileManager.default.moveItem(at: pack, to: first)
    Thread.sleep(forTimeInterval: 1.1)
    try run(["review", "data/demo_study.toml"], in: root)
    let names = try packFiles(pack)
    #expect(names == (try packFiles(first)))
    func withoutTimestamp(_ url: URL) throws -> String {
      try contents(url).split(separator: "\n").filter { !$0.contains("\"run_at\"") }.joined(separator: "\n")
    }
    let manifest = pack.appendingPathComponent("manifest.json"), earlier = first.appendingPathComponent("manifest.json")
    // report.html and figures/ too: the page shows no time.
    #expect(names.contains("report.html") && names.contains { $0.hasPrefix("figures/") })
    for name in names where name != "manifest.json" {
      #expect(try Data(contentsOf: pack.appendingPathComponent(name)) == Data(contentsOf: first.appendingPathComponent(name)), "\(name)")
    }
    #expect(try contents(manifest) != contents(earlier), "run_at should differ a second later")
    #expect(try withoutTimestamp(manifest) == withoutTimestamp(earlier))
  }

  /// `--strict` applies to the whole review: the demo loses a zone's population (E01100151 has
  /// no population row) and patients of unknown zones, so the run fails with exit 3 and writes
  /// no file of the pack.
  @Test func strictFailsOnTheDemoLossesAndWritesNothing() throws {
    let (root, _, pack) = try demoCopy()
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--strict", "--quiet"], in: root)
    #expect(result.status == 3, "\(result.stderr)")
    #expect(result.stderr.contains("E01100151") || result.stderr.contains("lost"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pack.path))
  }

  /// The review's file options (`--report`) are listed for the input/output check, with the
  /// study file as an input.
  @Test func reviewFileOptionsAreListed() throws {
    let command = try CatchmentCommand.parseAsRoot(["review", "s.toml", "--report", "r.json"])
    let files = try #require(command as? NamesFiles).files
    #expect(files.inputs.map(\.path) == ["s.toml"])
    #expect(files.outputs.map(\.option) == ["--report"])
  }

  /// A Shapefile without its `.prj` declares no CRS: the review stops (exit 1) naming the study
  /// key that gives it, not an option, and writes nothing.
  @Test func undeclaredCRSNamesTheStudyKey() throws {
    let (root, data, pack) = try demoCopy()
    try FileManager.default.removeItem(at: data.appendingPathComponent("icb_boundaries.prj"))
    let result = try CommandRunner.run(["review", "data/demo_study.toml"], in: root)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("layers.icb_bestfit.crs"), "\(result.stderr)")
    #expect(!result.stderr.contains("--"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pack.path))
  }
}
