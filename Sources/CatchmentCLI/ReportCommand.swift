import ArgumentParser
import CatchmentCore
import CatchmentStudy
import Foundation

/// `catchment report REVIEW_FOLDER`: the review pack drawn as one self-contained HTML page,
/// with each figure also as a standalone SVG. The library draws it (``ReviewReport``); this
/// command writes what it returns, all or nothing, and takes the run options every command
/// takes (``RunOptions``).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Draw a review pack as one self-contained HTML report (maps, heatmaps, tables).",
    discussion: """
      Reads the pack `catchment review` wrote into REVIEW_FOLDER and writes one HTML \
      file (default: REVIEW_FOLDER/report.html) with inline SVG figures and CSS only: \
      no request to any network address, readable offline, printable on A4 landscape. \
      Its sections are each present when their files are in the pack: the headline \
      (each baseline footprint's residents, registered list, retention and capture; \
      the accounting of report.json; the inputs of manifest.json with their dates and \
      SHA-256), maps of each layer with footprints_<layer>.geojson, flows, \
      coterminosity (baseline × councils and each other layer, nesting), providers \
      and proposals. Every figure is also written as a standalone SVG in figures/ \
      beside the HTML file (figures/<name>.svg), for slides; an SVG there that this \
      report no longer draws (an earlier report's) is removed. The same pack gives the \
      same bytes, and the bytes `catchment review` wrote into the pack as its \
      report.html (the review draws it the same way, unless --no-report).

      The HTML file and the figures are written all or nothing: a report that fails \
      replaces no file. An output that names one of the pack's files (its CSV, JSON \
      and GeoJSON files, which the report reads) or the folder itself is refused.

      As every command, it prints its run report on stderr (what it read and wrote; \
      --quiet prints nothing), writes it as JSON with --report FILE, and fails with \
      --strict when the run lost anything (drawing a report loses nothing, so it \
      passes). The report writes no table, so --bom and --full-precision change no \
      byte of it.

      Example (after catchment review data/demo_study.toml, which wrote \
      out/review/report.html already; again, elsewhere, printing nothing):
        catchment report out/review -o out/slides/report.html --quiet
      """)

  @Argument(help: ArgumentHelp("The review pack's folder (as `catchment review` writes it).", valueName: "folder"))
  var folder: String

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The HTML file to write (default: FOLDER/report.html); figures go to figures/ beside it.", valueName: "file"))
  var output: String?

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  /// The HTML file written.
  var htmlPath: String { output ?? URL(fileURLWithPath: folder).appendingPathComponent("report.html").path }

  /// The folder of the standalone figures: `figures/` beside the HTML file.
  var figuresFolder: String {
    URL(fileURLWithPath: htmlPath).deletingLastPathComponent().appendingPathComponent("figures").path
  }

  func run() throws {
    let report = try ReviewReport(folder: folder)
    let run = RunReport(command: "report")
    try write(bytes: Array(report.html.utf8), to: htmlPath)
    run.note("wrote \(htmlPath) (sections: \(report.sections.joined(separator: ", ")))")
    for figure in report.figures {
      try write(bytes: Array(figure.svg.utf8), to: URL(fileURLWithPath: figuresFolder).appendingPathComponent(figure.name + ".svg").path)
    }
    if !report.figures.isEmpty { run.note("wrote \(report.figures.count) figures to \(figuresFolder) (one SVG file each)") }
    removeStaleFigures(in: figuresFolder, keeping: Set(report.figures.map { $0.name + ".svg" }))
    // The run report, --report and --strict as every command; then the files are put in place.
    try runOptions.finish(run)
  }
}
