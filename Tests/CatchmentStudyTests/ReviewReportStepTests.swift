import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The review's last step: `report.html` and its figures drawn from the pack's files in memory
/// (``ReviewRun/packFiles(_:studyFile:tool:runAt:runOptions:)``), before anything is written.
@Suite struct ReviewReportStepTests {
  let studyFile = packageRoot.appendingPathComponent("data/demo_study.toml").path
  let runAt = Date(timeIntervalSince1970: 1_796_000_000)

  func files(drawsReport: Bool = true) throws -> [ReviewPack.File] {
    var run = ReviewRun(study: try Study(contentsOf: studyFile))
    run.drawsReport = drawsReport
    return try run.packFiles(try run.run(), studyFile: studyFile, tool: Manifest.Tool(version: "test"), runAt: runAt)
  }

  /// Same inputs, same run time: the same bytes of report.html and of every figure.
  @Test func theSameInputsGiveTheSameReportBytes() throws {
    let first = try files(), again = try files()
    let report = first.filter { $0.name == "report.html" || $0.name.hasPrefix("figures/") }
    #expect(report.count >= 9)
    #expect(report == again.filter { $0.name == "report.html" || $0.name.hasPrefix("figures/") })
    // The order of the pack: tables, the report, report.json, manifest.json last.
    let names = first.map(\.name)
    #expect(names.suffix(2) == ["report.json", "manifest.json"])
    let page = try #require(names.firstIndex(of: "report.html"))
    #expect(names[page...].dropLast(2).dropFirst().allSatisfy { $0.hasPrefix("figures/") && $0.hasSuffix(".svg") })
  }

  /// The report drawn in memory is the one drawn from the same files once written.
  @Test func drawnInMemoryAsFromTheFolder() throws {
    let pack = try files()
    let folder = try temporaryFolder()
    for file in pack where !file.name.contains("/") && file.name != "report.html" {
      try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
    }
    let fromFolder = try ReviewReport(folder: folder.path)
    #expect(Array(fromFolder.html.utf8) == pack.first { $0.name == "report.html" }?.bytes)
  }

  @Test func withoutTheReportThePackIsTheSameLessItsFiles() throws {
    let with = try files(), without = try files(drawsReport: false)
    #expect(!without.contains { $0.name == "report.html" || $0.name.hasPrefix("figures/") })
    let tables = { (files: [ReviewPack.File]) in files.filter { $0.name.hasSuffix(".csv") || $0.name.hasSuffix(".geojson") } }
    #expect(tables(with) == tables(without))
    var run = ReviewRun(study: try Study(contentsOf: studyFile))
    run.drawsReport = false
    #expect(!run.plannedSteps.contains { $0.label == ReviewRun.reportStep })
  }
}
