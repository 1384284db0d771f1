import CatchmentTestSupport
import Foundation
import Testing

/// `catchment report` takes the run options every command takes and behaves with them as the
/// other commands do; its output is all or nothing and never one of the pack's files it reads.
@Suite struct ReportRunOptionsTests {
  /// The demo review's pack (written with --no-report, so that only these runs write a report).
  func demoPack() throws -> (root: URL, pack: URL) {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet", "--no-report"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    return (root, root.appendingPathComponent("out/review"))
  }

  @Test func everyRunOptionIsTakenAsOnTheOtherCommands() throws {
    let (root, pack) = try demoPack()
    func report(_ name: String, _ options: [String]) throws -> (CommandRunner.Result, Data) {
      let html = root.appendingPathComponent("\(name)/report.html")
      let result = try CommandRunner.run(["report", pack.path, "-o", html.path] + options)
      #expect(result.status == 0, "\(options): \(result.stderr)")
      return (result, try Data(contentsOf: html))
    }
    // By default, the run report on stderr (as every command prints it), nothing on stdout.
    let (plain, bytes) = try report("plain", [])
    #expect(plain.stderr.hasPrefix("catchment report:\n"), "\(plain.stderr)")
    #expect(plain.stderr.contains("losses: none") && plain.stderr.contains("plain/report.html"), "\(plain.stderr)")
    #expect(plain.stdout.isEmpty)
    // --quiet: nothing on stderr (nor stdout), the report written all the same.
    let (quiet, quietBytes) = try report("quiet", ["--quiet"])
    #expect(quiet.stderr.isEmpty && quiet.stdout.isEmpty, "\(quiet.stderr)")
    #expect(quietBytes == bytes)
    // --report FILE: the run report as JSON, as the text says it.
    let json = root.appendingPathComponent("run.json")
    _ = try report("json", ["--report", json.path, "--quiet"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
    #expect(object["command"] as? String == "report")
    #expect((object["losses"] as? [Any])?.isEmpty == true)
    #expect((object["notes"] as? [String])?.contains { $0.contains("json/report.html") } == true)
    // --strict: a report loses nothing, so it passes.
    let (_, strictBytes) = try report("strict", ["--strict", "--quiet"])
    #expect(strictBytes == bytes)
    // --bom and --full-precision concern tables: the report writes none, so no byte changes.
    let (_, tableBytes) = try report("tables", ["--bom", "--full-precision", "--quiet"])
    #expect(tableBytes == bytes)
    #expect(
      try Data(contentsOf: root.appendingPathComponent("tables/figures/map_icb_population.svg"))
        == Data(contentsOf: root.appendingPathComponent("plain/figures/map_icb_population.svg")))
  }

  @Test func anOutputOverThePackIsRefused() throws {
    let (_, pack) = try demoPack()
    let manifest = pack.appendingPathComponent("manifest.json"), reportJSON = pack.appendingPathComponent("report.json")
    let (manifestBytes, reportBytes) = (try Data(contentsOf: manifest), try Data(contentsOf: reportJSON))
    let over = try CommandRunner.run(["report", pack.path, "-o", manifest.path])
    #expect(over.status == 64, "\(over.stderr)")
    #expect(over.stderr.contains("--output \(manifest.path) is the input pack file \(manifest.path)"), "\(over.stderr)")
    #expect(try Data(contentsOf: manifest) == manifestBytes)
    let table = pack.appendingPathComponent("flow_summary_icb.csv"), tableBytes = try Data(contentsOf: table)
    let overTable = try CommandRunner.run(["report", pack.path, "-o", table.path])
    #expect(overTable.status == 64, "\(overTable.stderr)")
    #expect(try Data(contentsOf: table) == tableBytes)
    // The run report JSON is an output as well.
    let json = try CommandRunner.run(["report", pack.path, "--report", reportJSON.path])
    #expect(json.status == 64, "\(json.stderr)")
    #expect(json.stderr.contains("--report \(reportJSON.path) is the input pack file"), "\(json.stderr)")
    #expect(try Data(contentsOf: reportJSON) == reportBytes)
    // The folder itself is not a file to write.
    let folder = try CommandRunner.run(["report", pack.path, "-o", pack.path])
    #expect(folder.status != 0)
    #expect(folder.stderr.contains("it is a directory"), "\(folder.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pack.appendingPathComponent("report.html").path))
  }

  /// A figure that cannot be written (figures/ beside the page is a file) fails the run before
  /// anything is put in place: the page written earlier is not replaced, and nothing is left.
  @Test func aReportThatFailsReplacesNothing() throws {
    let (root, pack) = try demoPack()
    let out = root.appendingPathComponent("slides")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try Data("an earlier page".utf8).write(to: out.appendingPathComponent("report.html"))
    try Data("not a folder".utf8).write(to: out.appendingPathComponent("figures"))
    let result = try CommandRunner.run(["report", pack.path, "-o", out.appendingPathComponent("report.html").path])
    #expect(result.status != 0)
    #expect(try contents(out.appendingPathComponent("report.html")) == "an earlier page")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["figures", "report.html"])
  }

  /// A figures folder holds one report's figures: an SVG an earlier report drew and this one
  /// does not is removed when the run succeeds, other files stay, and a failed run removes
  /// nothing.
  @Test func figuresOfAnEarlierReportAreRemovedOnlyWhenTheRunSucceeds() throws {
    let (root, pack) = try demoPack()
    let out = root.appendingPathComponent("slides"), figures = out.appendingPathComponent("figures")
    try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
    try Data("<svg/>".utf8).write(to: figures.appendingPathComponent("map_old_layer.svg"))
    try Data("mine".utf8).write(to: figures.appendingPathComponent("notes.txt"))
    // A pack table made unreadable: the run fails and the old figure stays.
    let table = pack.appendingPathComponent("flow_summary_icb.csv"), tableBytes = try Data(contentsOf: table)
    try Data("footprint_id,retention\n\"unclosed\n".utf8).write(to: table)
    let failed = try CommandRunner.run(["report", pack.path, "-o", out.appendingPathComponent("report.html").path, "--quiet"])
    #expect(failed.status != 0)
    #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent("map_old_layer.svg").path))
    try tableBytes.write(to: table)
    let result = try CommandRunner.run(["report", pack.path, "-o", out.appendingPathComponent("report.html").path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: figures.path)
    #expect(!left.contains("map_old_layer.svg") && left.contains("notes.txt") && left.contains("map_icb_population.svg"))
  }
}
