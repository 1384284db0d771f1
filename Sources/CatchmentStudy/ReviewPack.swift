import CatchmentCore
import Crypto
import Foundation

/// What `catchment review` writes, held in memory: the pack's files in a stable order, the one
/// report of every step, and the inputs read (for the manifest). Nothing is written here; the
/// caller writes ``files`` into ``Study/output`` all or nothing.
public struct ReviewPack {
  /// One file of the pack: its name relative to the pack's folder and its bytes.
  public struct File: Equatable, Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
      self.name = name
      self.bytes = bytes
    }
  }

  /// An input file the review read, under the study key that names it
  /// (`layers.icb.lookup`, `population.file`).
  public struct Input: Equatable, Sendable {
    public var key: String
    public var path: StudyPath
    /// The zone-code vintage of the codes read from it, when they are zone codes.
    public var vintage: ZoneCodeVintage?
    /// The extract or estimate date the file states (`EXTRACT_DATE`), when it states one.
    public var statedDate: String?
    /// False for a table without a header row (ODS files such as `etr.csv`), so that its rows
    /// read count every line.
    public var hasHeader: Bool
    /// Data rows read, from the step that read a table whose reader reports none in the run
    /// report (the centroids, a proposal's assignment): the manifest then need not count them
    /// by reading the file again.
    public var rowsRead: Int?

    public init(
      key: String, path: StudyPath, vintage: ZoneCodeVintage? = nil, statedDate: String? = nil, hasHeader: Bool = true
    ) {
      self.key = key
      self.path = path
      self.vintage = vintage
      self.statedDate = statedDate
      self.hasHeader = hasHeader
    }
  }

  /// The pack's tables, in the order the steps produced them.
  public var files: [File]
  /// Every step's accounting, each step's tallies and notes labelled with the step.
  public var report: RunReport
  /// Every input read, in the order read.
  public var inputs: [Input]
  /// The values the headline figures come from (see ``headline(study:)``).
  public var results: ReviewResults
  /// Every option in force, defaults included (``ReviewRun/optionsInForce``); empty when not
  /// known, and then the manifest lists the study's settings.
  public var options: [String: String]
  /// How many steps the run started, as its progress counted them (0 without progress): the
  /// report's step, drawn after them, is the next.
  var stepsStarted = 0

  public init(
    files: [File], report: RunReport, inputs: [Input], results: ReviewResults = ReviewResults(), options: [String: String] = [:]
  ) {
    self.files = files
    self.report = report
    self.inputs = inputs
    self.results = results
    self.options = options
  }

  /// The files read with a `.shp`, when present.
  public static let shapefileSidecars = ["dbf", "shx", "prj", "cpg"]

  /// The manifest of this pack once `outputs` (its files plus `report.json`, as written) are
  /// in place: every input's size and SHA-256 read from the disk, rows read from the report,
  /// every option of `study` in force. Each distinct file is read once for its digest (and once
  /// more for its rows when no reader reported them), however many study keys name it.
  ///
  /// - Parameters:
  ///   - studyFile: the study file as given on the command line; its bytes are hashed and kept.
  ///   - tool: the tool's name, version and revision.
  ///   - runAt: when the run started.
  ///   - runOptions: options of the front end in force (`run.strict`), added to ``options``.
  /// - Throws: ``FileDigestError`` naming a file that cannot be read.
  public func manifest(
    study: Study, studyFile: String, outputs: [File], tool: Manifest.Tool, runAt: Date, runOptions: [String: String] = [:]
  ) throws(FileDigestError) -> Manifest {
    // The study file's digest and text from one read of its bytes.
    let studyData: Data
    do {
      studyData = try Data(contentsOf: URL(fileURLWithPath: studyFile))
    } catch {
      throw FileDigestError(path: studyFile, reason: error.localizedDescription)
    }
    guard let text = String(data: studyData, encoding: .utf8) else {
      throw FileDigestError(path: studyFile, reason: "the file is not UTF-8 text")
    }
    let studyDigest = FileDigest(bytes: Array(studyData))
    var rows: [String: Int] = [:]
    for summary in report.inputs { rows[summary.file] = max(rows[summary.file] ?? 0, summary.rowsRead) }
    var seen = Set<String>()
    // A file behind several keys (a lookup of three layers) is read for its digest and rows once.
    var digests: [String: FileDigest] = [:]
    var tableRows: [String: Int?] = [:]
    for input in inputs { if let counted = input.rowsRead { tableRows[input.path.url.path] = counted } }
    func digest(_ file: URL) throws(FileDigestError) -> FileDigest {
      if let known = digests[file.path] { return known }
      let digest = try FileDigest(ofFileAt: file.path)
      digests[file.path] = digest
      return digest
    }
    func rowsRead(_ file: URL, hasHeader: Bool) -> Int? {
      if let reported = rows[file.path] { return reported }
      if let counted = tableRows[file.path] { return counted }
      let counted = ReviewPack.rows(ofTable: file, hasHeader: hasHeader)
      tableRows[file.path] = counted
      return counted
    }
    var manifestInputs: [Manifest.Input] = []
    let studyFolder = URL(fileURLWithPath: studyFile).deletingLastPathComponent()
    for input in inputs where seen.insert(input.key).inserted {
      // A folder or a glob of boundary files: every file it matches, each as the readers
      // expand it, with its path relative to the study file's folder.
      for (file, given) in try ReviewPack.files(of: input.path, studyFolder: studyFolder) {
        manifestInputs.append(
          Manifest.Input(
            key: input.key, path: given, digest: try digest(file), rowsRead: rowsRead(file, hasHeader: input.hasHeader),
            vintage: input.vintage, statedDate: input.statedDate))
        // A Shapefile is read with its sidecars: the attributes (.dbf), the index (.shx), the CRS
        // (.prj) and the encoding (.cpg) change the result as much as the shapes do.
        guard file.pathExtension.lowercased() == "shp" else { continue }
        for sidecar in ReviewPack.shapefileSidecars {
          let url = file.deletingPathExtension().appendingPathExtension(sidecar)
          guard FileManager.default.fileExists(atPath: url.path) else { continue }
          let sidecarGiven = String(given.dropLast(file.pathExtension.count)) + sidecar
          manifestInputs.append(Manifest.Input(key: input.key, path: sidecarGiven, digest: try digest(url)))
        }
      }
    }
    let options = (self.options.isEmpty ? study.settings : self.options).merging(runOptions) { _, front in front }
    return Manifest(
      tool: tool, study: Manifest.StudyFile(path: studyFile, sha256: studyDigest.sha256, text: text), inputs: manifestInputs,
      outputs: outputs.map { Manifest.Output(path: $0.name, sha256: FileDigest(bytes: $0.bytes).sha256) },
      options: options, runAt: runAt)
  }
}

extension FileDigest {
  /// The size and SHA-256 of bytes held in memory (an output before it is written).
  public init(bytes: [UInt8]) {
    let hash = SHA256.hash(data: bytes)
    self.init(size: UInt64(bytes.count), sha256: hash.map { String($0, radix: 16).leftPadded(to: 2) }.joined())
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
