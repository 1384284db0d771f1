import ArgumentParser
import CatchmentStudy
import Foundation

/// `catchment review STUDY.toml`: the whole footprint review of a study file, written as one
/// pack. The steps run in the library (``ReviewRun``); this command writes what they return.
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Run a footprint review from a study file (TOML) and write its pack into one folder.",
    discussion: """
      The study file names every input once (see data/demo_study.toml); paths in \
      it are relative to the study file, the pack's folder too (output). The pack \
      holds crosswalk_<layer>.csv for every layer (polygon layers over [zones]), \
      population_<layer>.csv (with [population]), flows_<baseline>.csv, \
      flow_matrix_<baseline>.csv, flow_summary_<baseline>.csv and \
      practice_flows_<baseline>.csv (with \
      [registrations] and a practice map), overlap_<baseline>_<other>.csv, \
      overlap_matrix_<baseline>_<other>.csv and overlap_summary_<baseline>_<other>.csv \
      for the councils and every other layer (with [population]), catchments.csv, \
      catchment_zones.csv, membership_<baseline>.csv and \
      membership_summary_<baseline>.csv, system_overlap_<baseline>.csv, \
      system_overlap_shared_<baseline>.csv and system_overlap_served_<baseline>.csv \
      (with [providers]), per proposal \
      crosswalk_proposal_<name>.csv, proposal_<name>.geojson (with [zones]), \
      compare_<name>.csv and membership_changes_<name>.csv (with [providers]), \
      nesting_<layers>.csv and nesting_<layers>.json (with [review] nesting), \
      report.json (the \
      accounting of every step) and manifest.json (the provenance: every input's \
      path, size and SHA-256, every option in force, every output's SHA-256). Each \
      table has the bytes the single command writes with its defaults. Files are \
      written only when the whole review succeeds.

      When the pack is written, it prints on stdout where the pack is and five \
      headline figures about the baseline: residents, registered patients (with \
      list inflation), retention, capture and the trusts in two or more systems \
      (not with --quiet).

      Example (the demo study, after bash scripts/demo.sh; the pack goes to out/review):
        catchment review data/demo_study.toml
      """)

  @Argument(help: ArgumentHelp("The study file (TOML).", valueName: "study"))
  var study: String

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func run() throws {
    let runAt = Date()
    let study = try Study(contentsOf: self.study)
    let pack = try ReviewRun(study: study, numbers: runOptions.numbers, byteOrderMark: runOptions.bom).run()
    let folder = study.output.url
    var outputs = pack.files
    var reportJSON = [UInt8](try pack.report.jsonData())
    reportJSON.append(0x0A)
    outputs.append(ReviewPack.File(name: "report.json", bytes: reportJSON))
    let manifest = try pack.manifest(
      study: study, studyFile: self.study, outputs: outputs,
      tool: Manifest.Tool(version: CatchmentCommand.configuration.version, revision: SourceRevision.current()), runAt: runAt,
      runOptions: ["run.strict": "\(runOptions.strict)"])
    outputs.append(ReviewPack.File(name: "manifest.json", bytes: [UInt8](try manifest.encoded())))
    for file in outputs {
      try write(bytes: file.bytes, to: folder.appendingPathComponent(file.name).path)
    }
    pack.report.note("wrote \(outputs.count) files to \(folder.path)")
    try runOptions.finish(pack.report)
    // Where the pack is and its headline figures, on stdout (the report went to stderr).
    if !runOptions.quiet { print(pack.headline(study: study).text(pack: folder.path, files: outputs.count), terminator: "") }
  }
}
