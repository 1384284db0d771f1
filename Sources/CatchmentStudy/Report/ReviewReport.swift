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
/// - `providers`: each trust's catchment population and zones (`catchments.csv`), trusts that
///   are members of two or more systems
///   (`membership_summary_<baseline>.csv`) and the system × system matrix of shared trusts
///   (`system_overlap_shared_<baseline>.csv`).
/// - `proposals`: each `compare_<name>.csv` as a table with the proposal's changed values
///   highlighted, and the proposal's map (`proposal_<name>.geojson`) beside the baseline's.
///
/// The same pack gives the same bytes: no clock is read and no time is shown (the run time is
/// the manifest's `run_at`, which the page leaves out), so two reviews of the same inputs draw
/// the same page.
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
    try self.init(pack: try PackFiles(folder: folder))
  }

  /// Draws the report of a pack held in memory (``ReviewPack/File``s about to be written into
  /// `folder`, `report.json` and `manifest.json` among them), as ``init(folder:)`` draws it from
  /// the files once written: the same files give the same bytes. Files in subfolders (a
  /// previous report's figures) are not read.
  ///
  /// - Parameter folder: the pack's folder, to name a file in a message.
  public init(files: [ReviewPack.File], folder: String) throws(ReviewReportError) {
    try self.init(pack: try PackFiles(files: files, folder: folder))
  }

  /// The files of the pack in `folder` that a report may read: its CSV, JSON and GeoJSON files
  /// (not those in subfolders), as paths under `folder`, sorted; none when it cannot be listed.
  /// A report written over one of them would change the pack it is drawn from.
  public static func filesRead(folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { ["csv", "json", "geojson"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
      .map { (folder as NSString).appendingPathComponent($0) }
  }

  init(pack: PackFiles) throws(ReviewReportError) {
    var builder = ReportBuilder(pack: pack)
    try builder.build()
    html = ReportHTML.page(title: builder.title, subtitle: builder.subtitle, sections: builder.sections)
    figures = builder.figures
    sections = builder.sections.map(\.id)
  }
}

/// The pack's folder and what it holds: the files in the folder, or the files about to be
/// written into it.
struct PackFiles {
  let folder: String
  let names: Set<String>
  /// The bytes of each file by name when the pack is held in memory; nil when it is read from
  /// the folder.
  private let held: [String: Data]?
  let manifest: [String: Any]?
  let report: [String: Any]?
  /// `[review] baseline` from the manifest, or the layer of the first flow summary or population table.
  let baseline: String?

  init(folder: String) throws(ReviewReportError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .noFolder(folder)
    }
    guard let listing = try? FileManager.default.contentsOfDirectory(atPath: folder) else { throw .unreadable(file: folder) }
    try self.init(folder: folder, names: listing, held: nil)
  }

  init(files: [ReviewPack.File], folder: String) throws(ReviewReportError) {
    var held: [String: Data] = [:]
    for file in files where !file.name.contains("/") { held[file.name] = Data(file.bytes) }
    try self.init(folder: folder, names: Array(held.keys), held: held)
  }

  private init(folder: String, names listing: [String], held: [String: Data]?) throws(ReviewReportError) {
    self.folder = folder
    self.held = held
    names = Set(listing)
    manifest = try Self.json(folder, "manifest.json", names, held: held)
    report = try Self.json(folder, "report.json", names, held: held)
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

  /// The bytes of file `name` of the pack (one the pack has: see ``names``).
  func data(_ name: String) throws(ReviewReportError) -> Data {
    try Self.data(folder, name, held: held)
  }

  func table(_ name: String) throws(ReviewReportError) -> PackTable? {
    names.contains(name) ? try PackTable.parse(try data(name), file: path(name)) : nil
  }

  static func data(_ folder: String, _ name: String, held: [String: Data]?) throws(ReviewReportError) -> Data {
    let path = (folder as NSString).appendingPathComponent(name)
    // A pack held in memory is never looked for on the disk.
    let data = held != nil ? held?[name] : FileManager.default.contents(atPath: path)
    guard let data else { throw .unreadable(file: path) }
    return data
  }

  static func json(_ folder: String, _ name: String, _ names: Set<String>, held: [String: Data]?) throws(ReviewReportError) -> [String: Any]? {
    guard names.contains(name) else { return nil }
    let path = (folder as NSString).appendingPathComponent(name)
    let data = try Self.data(folder, name, held: held)
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
    // No time: the manifest's run_at alone says when, so that two reviews of the same inputs
    // draw the same page, and their packs differ only in the manifest's run_at.
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
