import CatchmentTestSupport
import Foundation
import Testing

/// `catchment review` draws report.html and figures/ into the pack as its last step, staged with
/// the rest: the pack's report is the one `catchment report` draws from the written pack, it is
/// listed as every output is (manifest.json's outputs with their SHA-256, report.json's notes),
/// `--no-report` leaves it out, and a review that fails leaves no report.
@Suite struct ReviewReportPackTests {
  /// A copy of data/ in a temporary folder, and the pack's folder (`../out/review` of the study).
  func demoCopy() throws -> (root: URL, pack: URL) {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    return (root, root.appendingPathComponent("out/review"))
  }

  func json(_ url: URL) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  func figureNames(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func theDemoReviewPackHoldsTheReportAsCatchmentReportDrawsIt() throws {
    let (root, pack) = try demoCopy()
    let result = try CommandRunner.run(["review", "data/demo_study.toml"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    let html = try contents(pack.appendingPathComponent("report.html"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    let figures = try figureNames(pack.appendingPathComponent("figures"))
    #expect(figures.count >= 8, "\(figures)")
    #expect(figures.allSatisfy { $0.hasSuffix(".svg") })
    for name in figures { #expect(html.contains(try contents(pack.appendingPathComponent("figures/\(name)"))), "\(name)") }
    // stdout says where the report is.
    #expect(result.stdout.contains("The report is \(pack.path)/report.html: open it in a browser"), "\(result.stdout)")
    // Listed as every output: in the manifest with its SHA-256, and noted in report.json.
    let outputs = try #require(try json(pack.appendingPathComponent("manifest.json"))["outputs"] as? [[String: Any]])
    let listed = Set(outputs.compactMap { $0["path"] as? String })
    #expect(listed.isSuperset(of: ["report.html", "report.json"] + figures.map { "figures/\($0)" }))
    let notes = try #require(try json(pack.appendingPathComponent("report.json"))["notes"] as? [String])
    #expect(notes.contains("report: wrote report.html"))
    for name in figures { #expect(notes.contains("report: wrote figures/\(name)"), "\(name)") }
    // `catchment report` on the written pack draws the same bytes.
    let again = root.appendingPathComponent("again/report.html")
    let report = try CommandRunner.run(["report", pack.path, "-o", again.path, "--quiet"])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(try Data(contentsOf: again) == Data(contentsOf: pack.appendingPathComponent("report.html")))
    #expect(try figureNames(root.appendingPathComponent("again/figures")) == figures)
    for name in figures {
      #expect(
        try Data(contentsOf: root.appendingPathComponent("again/figures/\(name)")) == Data(contentsOf: pack.appendingPathComponent("figures/\(name)")),
        "\(name)")
    }
  }

  @Test func noReportLeavesNeitherThePageNorTheFigures() throws {
    let (root, pack) = try demoCopy()
    let result = try CommandRunner.run(["review", "data/demo_study.toml", "--no-report"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: pack.appendingPathComponent("manifest.json").path))
    #expect(!FileManager.default.fileExists(atPath: pack.appendingPathComponent("report.html").path))
    #expect(!FileManager.default.fileExists(atPath: pack.appendingPathComponent("figures").path))
    #expect(!result.stdout.contains("report.html"), "\(result.stdout)")
    let outputs = try #require(try json(pack.appendingPathComponent("manifest.json"))["outputs"] as? [[String: Any]])
    #expect(!outputs.contains { ($0["path"] as? String).map { $0 == "report.html" || $0.hasPrefix("figures/") } ?? false })
    let options = try #require(try json(pack.appendingPathComponent("manifest.json"))["options"] as? [String: String])
    #expect(options["run.report"] == "false")
    // --no-report drafts nothing: it needs a study file.
    let draft = try CommandRunner.run(["review", "--init", "data", "--no-report"], in: root)
    #expect(draft.status == 64 && draft.stderr.contains("--no-report needs a study file"), "\(draft.stderr)")
  }

  /// `--strict` fails on the demo's losses after the report is drawn and staged: no report.html
  /// and no figure is left, in a new folder or over the pack of an earlier run (whose report,
  /// drawn with another title, is not replaced).
  @Test func aReviewThatFailsLeavesNoReport() throws {
    let (root, pack) = try demoCopy()
    let strict = try CommandRunner.run(["review", "data/demo_study.toml", "--strict", "--quiet"], in: root)
    #expect(strict.status == 3, "\(strict.stderr)")
    #expect(!FileManager.default.fileExists(atPath: pack.appendingPathComponent("report.html").path))
    #expect(!FileManager.default.fileExists(atPath: pack.appendingPathComponent("figures").path))
    let ok = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: root)
    #expect(ok.status == 0, "\(ok.stderr)")
    let before = try Data(contentsOf: pack.appendingPathComponent("report.html"))
    let study = root.appendingPathComponent("data/demo_study.toml")
    let text = try contents(study).replacingOccurrences(of: "title = \"Demo ICB footprint review\"", with: "title = \"Another title\"")
    try Data(text.utf8).write(to: study)
    let again = try CommandRunner.run(["review", "data/demo_study.toml", "--strict", "--quiet"], in: root)
    #expect(again.status == 3, "\(again.stderr)")
    #expect(try Data(contentsOf: pack.appendingPathComponent("report.html")) == before)
    // Nothing staged is left beside the pack's files.
    let left = try FileManager.default.subpathsOfDirectory(atPath: pack.path).filter { $0.contains("TemporaryItems") || $0.hasPrefix(".") || $0.contains("/.") }
    #expect(left.isEmpty, "\(left)")
    // Without --strict the new title is drawn: the failed run would have replaced it.
    let drawn = try CommandRunner.run(["review", "data/demo_study.toml", "--quiet"], in: root)
    #expect(drawn.status == 0)
    #expect(try contents(pack.appendingPathComponent("report.html")).contains("<h1>Another title</h1>"))
  }
}
