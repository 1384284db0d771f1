import CatchmentCore
import Foundation

/// The provenance of a review pack (`manifest.json`): what ran, on which study, on which exact
/// input bytes, and which output bytes it wrote — what an analyst attaches to a board paper.
///
/// Encoded by ``encoded()`` with sorted keys, inputs and outputs sorted by path and options by
/// name, so two runs of the same study on the same inputs give the same bytes apart from
/// ``runAt``, the only field that varies between runs.
public struct Manifest: Encodable, Equatable, Sendable {
  /// The tool that ran.
  public struct Tool: Encodable, Equatable, Sendable {
    /// `catchment`.
    public var name: String
    public var version: String
    /// The source revision it was built from, when known.
    public var revision: String?

    public init(name: String = "catchment", version: String, revision: String? = nil) {
      self.name = name
      self.version = version
      self.revision = revision
    }
  }

  /// The study file, byte for byte.
  public struct StudyFile: Encodable, Equatable, Sendable {
    /// As given on the command line.
    public var path: String
    public var sha256: String
    /// The whole text, so that the manifest alone says what was asked.
    public var text: String

    public init(path: String, sha256: String, text: String) {
      self.path = path
      self.sha256 = sha256
      self.text = text
    }
  }

  /// One input file.
  public struct Input: Encodable, Equatable, Sendable {
    /// The study key that names it (`population.file`, `layers.icb.lookup`).
    public var key: String
    /// As written in the study file.
    public var path: String
    /// Size in bytes.
    public var size: UInt64
    public var sha256: String
    /// Data rows read (header excluded), when the file is a table.
    public var rowsRead: Int?
    /// The zone-code vintage of its zone codes, when it has zone codes.
    public var vintage: ZoneCodeVintage?
    /// The extract or estimate date the file states (e.g. `EXTRACT_DATE`), when it states one.
    public var statedDate: String?

    public init(
      key: String, path: String, digest: FileDigest, rowsRead: Int? = nil, vintage: ZoneCodeVintage? = nil,
      statedDate: String? = nil
    ) {
      self.key = key
      self.path = path
      self.size = digest.size
      self.sha256 = digest.sha256
      self.rowsRead = rowsRead
      self.vintage = vintage
      self.statedDate = statedDate
    }

    enum CodingKeys: String, CodingKey {
      case key, path, size, sha256, vintage
      case rowsRead = "rows_read"
      case statedDate = "stated_date"
    }
  }

  /// One output file.
  public struct Output: Encodable, Equatable, Sendable {
    /// Relative to the pack's folder.
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }

  public var tool: Tool
  public var study: StudyFile
  public var inputs: [Input]
  public var outputs: [Output]
  /// Every option in force, defaults included, by name (`providers.threshold` = `0.05`).
  public var options: [String: String]
  /// When the run started, ISO 8601 in UTC; the only field that differs between runs.
  public var runAt: Date

  public init(
    tool: Tool, study: StudyFile, inputs: [Input], outputs: [Output], options: [String: String], runAt: Date
  ) {
    self.tool = tool
    self.study = study
    self.inputs = inputs
    self.outputs = outputs
    self.options = options
    self.runAt = runAt
  }

  enum CodingKeys: String, CodingKey {
    case tool, study, inputs, outputs, options
    case runAt = "run_at"
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(tool, forKey: .tool)
    try container.encode(study, forKey: .study)
    // Stable orders whatever order the run produced them in.
    try container.encode(inputs.sorted { ($0.path, $0.key) < ($1.path, $1.key) }, forKey: .inputs)
    try container.encode(outputs.sorted { $0.path < $1.path }, forKey: .outputs)
    try container.encode(options, forKey: .options)
    try container.encode(Manifest.timestamp(runAt), forKey: .runAt)
  }

  /// The manifest as JSON: pretty-printed, sorted keys, unescaped slashes, ending in a newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  /// `2026-12-02T04:10:00Z`: seconds, UTC, independent of the machine's locale and time zone.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}
