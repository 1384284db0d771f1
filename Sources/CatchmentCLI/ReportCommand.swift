import ArgumentParser
import CatchmentStudy
import Foundation

/// `catchment report REVIEW_FOLDER`: the review pack drawn as one self-contained HTML page,
/// with each figure also as a standalone SVG. The library draws it (``ReviewReport``); this
/// command writes what it returns, all or nothing.
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
      beside the HTML file (figures/<name>.svg), for slides. The same pack gives the \
      same bytes.

      Example (after catchment review data/demo_study.toml):
        catchment report out/review -o out/review/report.html
      """)

  @Argument(help: ArgumentHelp("The review pack's folder (as `catchment review` writes it).", valueName: "folder"))
  var folder: String

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The HTML file to write (default: FOLDER/report.html); figures go to figures/ beside it.", valueName: "file"))
  var output: String?

  /// The HTML file written.
  var htmlPath: String { output ?? URL(fileURLWithPath: folder).appendingPathComponent("report.html").path }

  /// The folder of the standalone figures: `figures/` beside the HTML file.
  var figuresFolder: String {
    URL(fileURLWithPath: htmlPath).deletingLastPathComponent().appendingPathComponent("figures").path
  }

  func run() throws {
    let report = try ReviewReport(folder: folder)
    try write(bytes: Array(report.html.utf8), to: htmlPath)
    for figure in report.figures {
      try write(bytes: Array(figure.svg.utf8), to: URL(fileURLWithPath: figuresFolder).appendingPathComponent(figure.name + ".svg").path)
    }
  }
}
