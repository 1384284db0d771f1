import CatchmentTestSupport
import Foundation
import Testing

/// `catchment review --init FOLDER` and the review's progress on a terminal.
@Suite struct ReviewInitCommandTests {
  /// A copy of the demo data in `<tmp>/data` (its demo study writes to `<tmp>/out/review`).
  func demoCopy() throws -> (root: URL, data: URL) {
    let root = try temporaryFolder()
    let data = root.appendingPathComponent("data")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: data)
    return (root, data)
  }

  @Test func theDraftedDemoStudyRunsAsIsAndItsBaselineTablesAreTheDemoStudys() throws {
    let (root, data) = try demoCopy()
    let drafted = try CommandRunner.run(["review", "--init", data.path])
    #expect(drafted.status == 0, "\(drafted.stderr)")
    #expect(drafted.stderr.contains("study.toml"))
    let study = data.appendingPathComponent("study.toml")
    let review = try CommandRunner.run(["review", "--quiet", study.path])
    #expect(review.status == 0, "\(review.stderr)")
    let demo = try CommandRunner.run(["review", "--quiet", data.appendingPathComponent("demo_study.toml").path])
    #expect(demo.status == 0, "\(demo.stderr)")
    // Where the same layer is meant (the baseline icb, the councils lad, sicbl from the one
    // lookup; the same registrations, map column and activity filter), the same bytes.
    for name in [
      "crosswalk_icb.csv", "crosswalk_lad.csv", "crosswalk_sicbl.csv", "population_icb.csv", "population_lad.csv", "flows_icb.csv",
      "flow_matrix_icb.csv", "flow_summary_icb.csv", "practice_flows_icb.csv", "overlap_icb_lad.csv", "overlap_summary_icb_sicbl.csv",
      "catchments.csv", "membership_icb.csv",
    ] {
      let mine = try Data(contentsOf: data.appendingPathComponent("review").appendingPathComponent(name))
      let theirs = try Data(contentsOf: root.appendingPathComponent("out/review").appendingPathComponent(name))
      #expect(mine == theirs, "\(name) differs")
    }
    #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("review/manifest.json").path))
  }

  @Test func initNeverOverwritesAFile() throws {
    let (_, data) = try demoCopy()
    let target = data.appendingPathComponent("mine.toml")
    try Data("# mine\n".utf8).write(to: target)
    let result = try CommandRunner.run(["review", "--init", data.path, "-o", target.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("already exists"), "\(result.stderr)")
    #expect(try String(contentsOf: target, encoding: .utf8) == "# mine\n")
    // The default file, once written, is not written again either.
    #expect(try CommandRunner.run(["review", "--init", data.path]).status == 0)
    let first = try Data(contentsOf: data.appendingPathComponent("study.toml"))
    let again = try CommandRunner.run(["review", "--init", data.path])
    #expect(again.status != 0)
    #expect(try Data(contentsOf: data.appendingPathComponent("study.toml")) == first)
  }

  @Test func initAndAStudyFileTogetherIsAUsageError() throws {
    let result = try CommandRunner.run(["review", "--init", "data", "data/demo_study.toml"])
    #expect(result.status == 64)
    let missing = try CommandRunner.run(["review", "-o", "x.toml"])
    #expect(missing.status == 64)
  }

  /// Standard error is a pipe here: nothing of the progress (no step line, no carriage return).
  @Test func noProgressWhenStandardErrorIsNotATerminal() throws {
    let (_, data) = try demoCopy()
    let result = try CommandRunner.run(["review", data.appendingPathComponent("demo_study.toml").path])
    #expect(result.status == 0)
    #expect(!result.stderr.contains("step 1 of"))
    #expect(!result.stderr.contains("\r"))
  }

  static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  /// Under a pseudo-terminal (util-linux `script`), the review draws step 1 to 26 of 26 (the last
  /// draws the report), each redrawn over the last with a carriage return, and clears the line
  /// before its report;
  /// with `--quiet` it draws nothing.
  @Test(.enabled(if: hasScript, "util-linux script(1) is absent: no pseudo-terminal to run the review under"))
  func progressOnATerminal() throws {
    let (root, data) = try demoCopy()
    let command = "\(ShellRunner.quote(CommandRunner.executable.path)) review \(ShellRunner.quote(data.appendingPathComponent("demo_study.toml").path))"
    let shown = try ShellRunner.run("script -qec \(ShellRunner.quote(command)) /dev/null", in: root, environment: ["COLUMNS": "200"])
    #expect(shown.status == 0, "\(shown.output)")
    let clear = "\r\u{1B}[K"
    for n in 1...26 { #expect(shown.output.contains("\(clear)review: step \(n) of 26 "), "step \(n)") }
    #expect(shown.output.contains("\(clear)review: step 1 of 26 [..........] crosswalk icb: lsoa_sicbl_icb_lad_lookup.csv"))
    #expect(shown.output.contains("step 25 of 26 [#########.] membership icb"))
    #expect(shown.output.contains("step 26 of 26 [#########.] report"))
    // The line is cleared, then the report starts (after the last step line).
    let last = try #require(shown.output.range(of: "step 26 of 26", options: .backwards))
    let rest = shown.output[last.upperBound...]
    let cleared = try #require(rest.range(of: clear))
    #expect(rest[cleared.upperBound...].contains(" files to "))
    let quiet = try ShellRunner.run("script -qec \(ShellRunner.quote(command + " --quiet")) /dev/null", in: root, environment: ["COLUMNS": "200"])
    #expect(quiet.status == 0)
    #expect(!quiet.output.contains("step 1 of"))
  }
}
