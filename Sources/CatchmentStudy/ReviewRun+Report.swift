import CatchmentCore
import Foundation

extension ReviewRun {
  /// The label of the review's last step, which draws `report.html` (see ``packFiles(_:studyFile:tool:runAt:runOptions:)``).
  public static let reportStep = "report"

  /// The pack as it is written into ``Study/output``, all files together: the tables of `pack`
  /// (as ``run()`` returned them), then, when ``drawsReport`` is set, `report.html` and each of
  /// its figures as `figures/<name>.svg`, then `report.json` (the accounting) and last
  /// `manifest.json` (the provenance, whose outputs are every file before it).
  ///
  /// The report is drawn by ``ReviewReport`` from the other files in memory, before any is
  /// written, as `catchment report` draws it from the written pack: it reads the tables,
  /// `report.json`'s accounting and `manifest.json`'s inputs and options, none of which the
  /// report itself changes (it adds only notes to `report.json` and outputs to the manifest),
  /// so both give the same bytes. Drawing it is the last step of the review's progress
  /// (``reportStep``), and each file it draws is noted in `report.json` as every step's files are
  /// (`report: wrote report.html`). Nothing is written here: the caller writes the files all or
  /// nothing, so a review that fails (the report included) leaves no report and no half pack.
  ///
  /// - Parameters:
  ///   - studyFile: the study file as given on the command line (see ``ReviewPack/manifest(study:studyFile:outputs:tool:runAt:runOptions:)``).
  ///   - tool: the tool's name, version and revision.
  ///   - runAt: when the run started; the manifest's only time, shown in the report.
  ///   - runOptions: options of the front end in force (`run.strict`), added to the manifest's.
  /// - Throws: ``FileDigestError`` (an input that cannot be read for its digest) or
  ///   ``ReviewReportError`` (a pack file the report cannot read, which would be a fault of this
  ///   program's own files).
  public func packFiles(
    _ pack: ReviewPack, studyFile: String, tool: Manifest.Tool, runAt: Date, runOptions: [String: String] = [:]
  ) throws -> [ReviewPack.File] {
    func reportJSON() throws -> ReviewPack.File {
      var bytes = [UInt8](try pack.report.jsonData())
      bytes.append(0x0A)
      return ReviewPack.File(name: "report.json", bytes: bytes)
    }
    // The inputs are read for their digests once; the outputs are listed again below.
    var manifest = try pack.manifest(
      study: study, studyFile: studyFile, outputs: pack.files + [try reportJSON()], tool: tool, runAt: runAt, runOptions: runOptions)
    var drawn: [ReviewPack.File] = []
    if drawsReport {
      let number = pack.stepsStarted + 1
      progress?(ReviewStep(number: number, total: max(plannedSteps.count, number), label: Self.reportStep, files: []))
      let files = pack.files + [try reportJSON(), ReviewPack.File(name: "manifest.json", bytes: [UInt8](try manifest.encoded()))]
      let report = try ReviewReport(files: files, folder: study.output.url.path)
      drawn.append(ReviewPack.File(name: "report.html", bytes: Array(report.html.utf8)))
      for figure in report.figures {
        drawn.append(ReviewPack.File(name: "figures/\(figure.name).svg", bytes: Array(figure.svg.utf8)))
      }
      for file in drawn { pack.report.note("\(Self.reportStep): wrote \(file.name)") }
    }
    let outputs = pack.files + drawn + [try reportJSON()]
    manifest.outputs = outputs.map { Manifest.Output(path: $0.name, sha256: FileDigest(bytes: $0.bytes).sha256) }
    return outputs + [ReviewPack.File(name: "manifest.json", bytes: [UInt8](try manifest.encoded()))]
  }
}
