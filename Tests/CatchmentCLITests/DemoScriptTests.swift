import CatchmentTestSupport
import Foundation
import Testing

/// The main job: `bash scripts/demo.sh` (with the test's binary: no set-up, no build) runs
/// `catchment review data/demo_study.toml`, which writes the pack and prints where it is and its
/// five headline figures; the figures are checked against the pack's tables, the tables against
/// the single commands.
@Suite(.serialized) struct DemoScriptTests {
  /// A folder holding `scripts/demo.sh` and the files of data/ that `keep` accepts, and the
  /// environment that runs the test's binary and links it in `bin/`.
  func workspace(keep: (String) -> Bool = { _ in true }) throws -> (folder: URL, environment: [String: String]) {
    let folder = try temporaryFolder()
    let data = folder.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("data").path) where keep(name) {
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("data").appendingPathComponent(name), to: data.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appendingPathComponent("scripts/demo.sh"), to: folder.appendingPathComponent("scripts/demo.sh"))
    let bin = folder.appendingPathComponent("bin").path
    return (folder, ["CATCHMENT_BIN": CommandRunner.executable.path, "CATCHMENT_LINK_DIR": bin])
  }

  /// `catchment review` prints the pack's folder and the five figures on stdout, each equal to
  /// the figure computed from the pack's tables; the report goes to stderr.
  @Test func reviewPrintsWhereThePackIsAndFiguresEqualToItsTables() throws {
    let (folder, _) = try workspace()
    let result = try CommandRunner.run(["review", "data/demo_study.toml"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let expected = PackHeadline(pack: folder.appendingPathComponent("out/review"), baseline: "icb")
    #expect(result.stdout == ([try expected.packLine(), ""] + (try expected.figureLines(threshold: "5%"))).joined(separator: "\n") + "\n")
    #expect(result.stderr.contains("catchment review:"), "\(result.stderr)")
    #expect(!result.stderr.contains("Headline figures"))
  }

  @Test func quietPrintsNoFigures() throws {
    let (folder, _) = try workspace()
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/review/manifest.json").path))
  }

  /// demo.sh: the pack in out/review, the figures printed equal to its tables', its baseline
  /// tables the bytes of the single commands, and the binary linked.
  @Test func demoScriptRunsTheReviewOfTheDemoStudy() throws {
    let (folder, environment) = try workspace()
    let result = try ShellRunner.run("bash scripts/demo.sh 2>demo.err", in: folder, environment: environment)
    let stderr = try contents(folder.appendingPathComponent("demo.err"))
    #expect(result.status == 0, "\(result.output)\n\(stderr)")
    let pack = folder.appendingPathComponent("out/review")
    let expected = PackHeadline(pack: pack, baseline: "icb")
    let figures = ([try expected.packLine(), ""] + (try expected.figureLines(threshold: "5%"))).joined(separator: "\n")
    #expect(result.output.contains(figures), "\(result.output)")
    #expect(stderr.contains("+ catchment review data/demo_study.toml"))
    // The baseline's crosswalk, population and flows, by the single commands on the same files.
    let single = folder.appendingPathComponent("single")
    try FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
    func data(_ name: String) -> String { folder.appendingPathComponent("data").appendingPathComponent(name).path }
    func out(_ name: String) -> String { single.appendingPathComponent(name).path }
    let population = ["--population", data("population_lsoa_mid2022.csv"), "--population-id", "Area Codes", "--population-value", "All Ages"]
    for command in [
      [
        "crosswalk", "--method", "lookup", "--lookup", data("lsoa_sicbl_icb_lad_lookup.csv"), "--lookup-zone", "LSOA21CD",
        "--lookup-footprint", "ICB23CD", "--lookup-name", "ICB23NM", "--output", out("crosswalk_icb.csv"),
      ],
      ["populations", "--crosswalk", out("crosswalk_icb.csv"), "--output", out("population_icb.csv")] + population,
      [
        "flows", "--crosswalk", out("crosswalk_icb.csv"), "--registrations", data("gp_reg_pat_prac_lsoa.csv"), "--practice-map",
        data("gp_reg_pat_prac_map.csv"), "--practice-footprint", "ONS_ICB_CODE", "--output", out("flows_icb.csv"), "--matrix-output",
        out("flow_matrix_icb.csv"), "--summary-output", out("flow_summary_icb.csv"), "--practice-output", out("practice_flows_icb.csv"),
      ] + population,
    ] {
      let run = try CommandRunner.run(command + ["--quiet"])
      #expect(run.status == 0, "\(command.joined(separator: " ")): \(run.stderr)")
    }
    for name in ["crosswalk_icb.csv", "population_icb.csv", "flows_icb.csv", "flow_matrix_icb.csv", "flow_summary_icb.csv", "practice_flows_icb.csv"] {
      let review = try Data(contentsOf: pack.appendingPathComponent(name))
      let alone = try Data(contentsOf: single.appendingPathComponent(name))
      #expect(!review.isEmpty && review == alone, "\(name)")
    }
    // Every output the manifest lists is in the pack.
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: pack.appendingPathComponent("manifest.json"))) as? [String: Any])
    let outputs = try #require(manifest["outputs"] as? [[String: Any]]).compactMap { $0["path"] as? String }
    #expect(outputs.count > 30)
    for name in outputs { #expect(FileManager.default.fileExists(atPath: pack.appendingPathComponent(name).path), "\(name)") }
    let link = folder.appendingPathComponent("bin/catchment").path
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == CommandRunner.executable.path)
  }

  /// The README shows what `catchment review data/demo_study.toml` prints: the pack line (its
  /// folder and file count aside, which depend on the checkout and on the pack's contents) and
  /// every figure line as the review prints it.
  @Test func readmeShowsTheFiguresTheReviewPrints() throws {
    let (folder, _) = try workspace()
    let result = try CommandRunner.run(["review", "data/demo_study.toml"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let readme = try contents(packageRoot.appendingPathComponent("README.md"))
    let block = try #require(
      readme.components(separatedBy: "$ catchment review data/demo_study.toml\n").dropFirst().first?.components(separatedBy: "```").first)
    let shown = block.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("The review pack") || $0.hasPrefix("The report is") || $0.hasPrefix("Headline") || $0.hasPrefix("  ")
    }
    let printed = result.stdout.split(separator: "\n").map(String.init)
    #expect(shown.count == 8 && printed.count == 8, "\(shown)\n\(printed)")
    func general(_ line: String) -> String {
      line.replacingOccurrences(of: #"is in .* \(\d+ files"#, with: "is in PACK (N files", options: .regularExpression)
        .replacingOccurrences(of: #"The report is .*/report.html"#, with: "The report is PACK/report.html", options: .regularExpression)
    }
    #expect(shown.map(general) == printed.map(general))
  }

  /// The README shows the demo study as committed.
  @Test func readmeShowsTheDemoStudyFile() throws {
    let readme = try contents(packageRoot.appendingPathComponent("README.md"))
    let study = try contents(packageRoot.appendingPathComponent("data/demo_study.toml"))
    let block = try #require(readme.components(separatedBy: "```toml\n").dropFirst().first?.components(separatedBy: "```\n").first)
    #expect(block == study)
  }

  /// A checkout without the generated files: demo.sh generates them into data/ (the generator
  /// is deterministic) and the pack's tables are the bytes of the committed data's pack.
  @Test func demoScriptGeneratesMissingDataAndGivesTheSamePack() throws {
    let generator = CommandRunner.executable.deletingLastPathComponent().appendingPathComponent("catchment-demo-data")
    #expect(FileManager.default.isExecutableFile(atPath: generator.path), "build catchment-demo-data beside \(CommandRunner.executable.path)")
    let handWritten: Set<String> = ["demo_study.toml", "proposal_councils_whole.csv"]
    let (bare, environment) = try workspace(keep: handWritten.contains)
    let result = try ShellRunner.run("bash scripts/demo.sh", in: bare, environment: environment)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("no demo data in data/: generating it"))
    let (full, _) = try workspace()
    let reference = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: full)
    #expect(reference.status == 0, "\(reference.stderr)")
    // The tables, the report and the figures (the report names inputs by file name only, not by
    // the folder they were read from).
    let figures = try FileManager.default.contentsOfDirectory(atPath: full.appendingPathComponent("out/review/figures").path)
    let tables = try FileManager.default.contentsOfDirectory(atPath: full.appendingPathComponent("out/review").path)
      .filter { !$0.hasSuffix(".json") && $0 != "figures" } + figures.map { "figures/\($0)" }
    #expect(tables.count > 30 && !figures.isEmpty)
    for name in tables {
      let generated = try Data(contentsOf: bare.appendingPathComponent("out/review").appendingPathComponent(name))
      let committed = try Data(contentsOf: full.appendingPathComponent("out/review").appendingPathComponent(name))
      #expect(generated == committed, "\(name)")
    }
  }
}
