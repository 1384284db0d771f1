import CatchmentFigures
import Foundation

/// A figure of the report: its file name (without `.svg`) and its standalone SVG document.
public struct ReportFigure: Equatable, Sendable {
  public var name: String
  public var svg: String
}

/// The review's report: one self-contained HTML page drawn from a review pack's files, and each
/// of its figures as a standalone SVG.
///
/// Sections, each present only when its inputs are in the pack:
/// - `headline`: each baseline footprint's residents (`population_<baseline>.csv`), registered
///   list, retention and capture (`flow_summary_<baseline>.csv`); the accounting of every step
///   (`report.json`: rows counted, expected exclusions, losses); the provenance
///   (`manifest.json`: inputs with their dates and SHA-256).
/// - `maps`: each layer with `footprints_<layer>.geojson`, shaded by residents, and the
///   baseline also by retention and by net flow (diverging, centred on 0).
/// - `flows`: the largest flows between baseline footprints (with the baseline's footprints)
///   and the residence × registration matrix (`flow_matrix_<baseline>.csv`).
/// - `coterminosity`: baseline × each other layer (`overlap_matrix_<baseline>_<other>.csv`) as
///   the share of each baseline footprint's residents in each footprint of the other layer, the
///   footprints of the other layer split across baseline footprints listed, and nesting
///   (`nesting_*.json`) as an indented table.
/// - `providers`: trusts that are members of two or more systems
///   (`membership_summary_<baseline>.csv`) and the system × system matrix of shared trusts
///   (`system_overlap_shared_<baseline>.csv`).
/// - `proposals`: each `compare_<name>.csv` as a table with the proposal's changed values
///   highlighted, and the proposal's map (`proposal_<name>.geojson`) beside the baseline's.
///
/// The same pack gives the same bytes: no clock is read; the only time is the manifest's.
public struct ReviewReport: Sendable {
  /// The HTML page.
  public let html: String
  /// Every figure of the page, in page order, each also inline in ``html``.
  public let figures: [ReportFigure]
  /// The ids of the sections present, in page order.
  public let sections: [String]

  /// Reads the pack in `folder` and draws the report.
  ///
  /// - Throws: ``ReviewReportError`` naming the file that cannot be read and why.
  public init(folder: String) throws(ReviewReportError) {
    let pack = try PackFiles(folder: folder)
    var builder = ReportBuilder(pack: pack)
    try builder.build()
    html = ReportHTML.page(title: builder.title, subtitle: builder.subtitle, sections: builder.sections)
    figures = builder.figures
    sections = builder.sections.map(\.id)
  }
}

/// The pack's folder and what it holds.
struct PackFiles {
  let folder: String
  let names: Set<String>
  let manifest: [String: Any]?
  let report: [String: Any]?
  /// `[review] baseline` from the manifest, or the layer of the first flow summary or population table.
  let baseline: String?

  init(folder: String) throws(ReviewReportError) {
    self.folder = folder
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .noFolder(folder)
    }
    guard let listing = try? FileManager.default.contentsOfDirectory(atPath: folder) else { throw .unreadable(file: folder) }
    names = Set(listing)
    manifest = try Self.json(folder, "manifest.json", names)
    report = try Self.json(folder, "report.json", names)
    let options = manifest?["options"] as? [String: Any]
    let sorted = listing.sorted()
    baseline =
      (options?["review.baseline"] as? String)
      ?? sorted.first { $0.hasPrefix("flow_summary_") && $0.hasSuffix(".csv") }.map { String($0.dropFirst(13).dropLast(4)) }
      ?? sorted.first { $0.hasPrefix("population_") && $0.hasSuffix(".csv") }.map { String($0.dropFirst(11).dropLast(4)) }
    if manifest == nil && report == nil && baseline == nil { throw .notAPack(folder: folder) }
  }

  func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

  /// The files whose names start with `prefix` and end with `suffix`, sorted by name, with the part between.
  func matching(_ prefix: String, _ suffix: String) -> [(file: String, middle: String)] {
    names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) && $0.count > prefix.count + suffix.count }.sorted()
      .map { ($0, String($0.dropFirst(prefix.count).dropLast(suffix.count))) }
  }

  func table(_ name: String) throws(ReviewReportError) -> PackTable? {
    names.contains(name) ? try PackTable.read(path(name)) : nil
  }

  static func json(_ folder: String, _ name: String, _ names: Set<String>) throws(ReviewReportError) -> [String: Any]? {
    guard names.contains(name) else { return nil }
    let path = (folder as NSString).appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(file: path) }
    guard let object = try? JSONSerialization.jsonObject(with: data), let dictionary = object as? [String: Any] else {
      throw .malformed(file: path, line: nil, problem: "not a JSON object")
    }
    return dictionary
  }
}

/// Assembles the sections in order; each section's file adds its part.
struct ReportBuilder {
  let pack: PackFiles
  var sections: [(id: String, heading: String, body: String)] = []
  var figures: [ReportFigure] = []
  /// Footprint names by layer and code, from the pack's population tables and summaries.
  var names: [String: [String: String]] = [:]

  init(pack: PackFiles) { self.pack = pack }

  var title: String {
    ((pack.manifest?["options"] as? [String: Any])?["title"] as? String) ?? "Footprint review"
  }

  var subtitle: String {
    var parts: [String] = []
    if let baseline = pack.baseline { parts.append("Baseline footprints: \(baseline)") }
    if let runAt = pack.manifest?["run_at"] as? String { parts.append("run at \(runAt)") }
    if let tool = pack.manifest?["tool"] as? [String: Any], let version = tool["version"] as? String {
      parts.append("catchment \(version)\((tool["revision"] as? String).map { " (\($0))" } ?? "")")
    }
    return parts.joined(separator: " · ")
  }

  mutating func build() throws(ReviewReportError) {
    try addHeadline()
    try addMaps()
    try addFlows()
    try addCoterminosity()
    try addProviders()
    try addProposals()
  }

  /// Adds `svg` as figure `name` and returns its inline HTML.
  mutating func add(_ name: String, _ svg: String, caption: String) -> String {
    let figure = ReportFigure(name: name, svg: svg)
    figures.append(figure)
    return ReportHTML.figure(figure, caption: caption)
  }

  /// The name of footprint `code` of `layer`, or the code.
  func name(_ layer: String, _ code: String) -> String {
    if let n = names[layer]?[code], !n.isEmpty { return n }
    return code
  }

  /// Records the names of a table with id and name columns.
  mutating func learnNames(_ layer: String, _ table: PackTable, id: String, name: String) {
    for row in table.rows where !table.text(row, name).isEmpty {
      names[layer, default: [:]][table.text(row, id)] = table.text(row, name)
    }
  }
}
