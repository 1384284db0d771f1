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
      footprints_<layer>.geojson (the layer's polygons, or the zone polygons of \
      [zones] dissolved by its crosswalk; EPSG:27700), \
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
      table has the bytes the single command writes with its defaults. Last it \
      draws report.html from the pack's own files, as `catchment report` draws it: \
      one self-contained page (inline SVG and CSS, no network address) with the \
      headline, maps, flows, coterminosity, providers and proposals, each figure also \
      as figures/<name>.svg; --no-report leaves them out. Files are written only \
      when the whole review succeeds: a review that fails leaves no report and no \
      half pack.

      With --gpkg FILE it also writes the drawn footprints as a GeoPackage (one layer \
      per footprint layer, with population, registered list, retained, retention, \
      capture, inflow, outflow, net, list inflation, best-matching council and \
      coverage as columns, NULL where a measure does not apply; and a zones layer \
      with each zone's baseline footprint and weight), in EPSG:27700; with \
      --geojson FILE the baseline's footprints and measures as RFC 7946 GeoJSON \
      (WGS 84). Both are written with the pack, all or nothing.

      When the pack is written, it prints on stdout where the pack and its report are \
      and five headline figures about the baseline: residents, registered patients (with \
      list inflation), retention, capture and the trusts in two or more systems \
      (not with --quiet).

      On a terminal the review shows its progress on standard error (step n of m, \
      the files being read, a bar for long reads); nothing of it when standard error \
      is not a terminal or with --quiet.

      With --init FOLDER it runs nothing: it looks at the CSVs and boundary files in \
      FOLDER, recognises the published layouts it knows by their headers (ONS \
      lookups and population estimates, NHS registrations and practice map, OHID \
      activity, ODS epraccur and etr, ONSPD/NSPL/Code-Point, centroids, \
      GeoJSON/Shapefile/GeoPackage boundaries) and writes a commented study file \
      (FOLDER/study.toml, or -o FILE) with the columns filled in; each choice it made \
      is marked '# CHECK:' with the alternatives. It never overwrites a file.

      Example (the demo study, after bash scripts/demo.sh; the pack goes to out/review, \
      its report to out/review/report.html):
        catchment review data/demo_study.toml

      Example (the same pack without report.html and figures/):
        catchment review data/demo_study.toml --no-report

      Example (a study drafted from the demo folder, then run; its pack goes to \
      out/drafted/review):
        catchment review --init data -o out/drafted/study.toml
        catchment review out/drafted/study.toml
      """)

  @Argument(help: ArgumentHelp("The study file (TOML).", valueName: "study"))
  var study: String?

  @Option(
    name: .customLong("init"),
    help: ArgumentHelp("Draft a study file from the CSVs and boundary files in this folder instead of running one.", valueName: "folder"))
  var initFolder: String?

  @Option(
    name: [.customShort("o"), .customLong("init-output")],
    help: ArgumentHelp("Where --init writes the study file (default: FOLDER/study.toml); never overwritten.", valueName: "file"))
  var initOutput: String?

  @Option(
    name: .customLong("gpkg"),
    help: ArgumentHelp(
      "Also write the footprints with their measures as a GeoPackage: one layer per drawn layer and a zones layer (EPSG:27700).",
      valueName: "file"))
  var gpkg: String?

  @Option(
    name: .customLong("geojson"),
    help: ArgumentHelp("Also write the baseline's footprints with their measures as RFC 7946 GeoJSON (WGS 84).", valueName: "file"))
  var geojson: String?

  @Flag(name: .customLong("no-report"), help: "Do not draw report.html and figures/ into the pack.")
  var noReport = false

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if initFolder != nil && study != nil { throw ValidationError("give either a study file or --init FOLDER, not both") }
    if initFolder == nil && study == nil { throw ValidationError("give the study file (TOML), or --init FOLDER to draft one") }
    if initFolder == nil && initOutput != nil { throw ValidationError("-o FILE needs --init FOLDER") }
    if initFolder != nil && (gpkg != nil || geojson != nil) { throw ValidationError("--gpkg and --geojson need a study file, not --init") }
    if initFolder != nil && noReport { throw ValidationError("--no-report needs a study file, not --init") }
  }

  func run() throws {
    if let initFolder { return try draft(from: initFolder) }
    guard let studyFile = self.study else { return }
    let runAt = Date()
    let study = try Study(contentsOf: studyFile)
    var review = ReviewRun(study: study, numbers: runOptions.numbers, byteOrderMark: runOptions.bom)
    let progress = TerminalProgress.standardError(quiet: runOptions.quiet)
    review.progress = progress.sink
    review.drawsReport = !noReport
    let pack: ReviewPack
    // The tables, report.html and figures/ (the last step), report.json and manifest.json.
    let outputs: [ReviewPack.File]
    do {
      defer { progress.finish() }
      pack = try review.run()
      // The pack's report.json carries the CLI's advice for vintage mismatches, as stderr does.
      pack.report.reword { ErrorMessages.vintage($0, command: "review") }
      outputs = try review.packFiles(
        pack, studyFile: studyFile,
        tool: Manifest.Tool(version: CatchmentCommand.configuration.version, revision: SourceRevision.current()), runAt: runAt,
        runOptions: ["run.strict": "\(runOptions.strict)", "run.report": "\(!noReport)"])
    }
    let folder = study.output.url
    for file in outputs {
      try write(bytes: file.bytes, to: folder.appendingPathComponent(file.name).path)
    }
    if !noReport {
      let figures = outputs.map(\.name).filter { $0.hasPrefix("figures/") }.map { String($0.dropFirst("figures/".count)) }
      removeStaleFigures(in: folder.appendingPathComponent("figures").path, keeping: Set(figures))
    }
    // The geodata, staged with the pack: written only when it all is.
    if let gpkg { try write(bytes: try pack.geoPackage(study: study, runAt: runAt), to: gpkg) }
    if let geojson { try write(bytes: try pack.geoJSON(study: study), to: geojson) }
    pack.report.note("wrote \(outputs.count) files to \(folder.path)")
    try runOptions.finish(pack.report)
    // Where the pack is and its headline figures, on stdout (the report went to stderr).
    if !runOptions.quiet {
      print(pack.headline(study: study).text(pack: folder.path, files: outputs.count, report: !noReport), terminator: "")
    }
  }

  /// `--init FOLDER`: drafts the study file and says where it is and how many choices to check.
  func draft(from folder: String) throws {
    let folderURL = URL(fileURLWithPath: folder, isDirectory: true)
    let file = URL(fileURLWithPath: initOutput ?? folderURL.appendingPathComponent("study.toml").path)
    let draft = try StudyDraft.write(folder: folderURL, to: file)
    if !runOptions.quiet {
      TerminalProgress.writeError("wrote \(file.path): \(draft.checks.count) choice(s) marked '# CHECK:' to look at\n")
    }
  }
}
