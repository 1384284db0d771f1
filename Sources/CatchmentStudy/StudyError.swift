/// Why a study file cannot be used: the file, the TOML key path (`layers.icb.footprint`,
/// `proposals[2].blocks`, counting `[[proposals]]` tables from 1) and what is wrong there.
///
/// The message never names a command-line flag; the CLI adds how to run the command.
public struct StudyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong at ``keyPath``.
  public enum Problem: Equatable, Sendable {
    /// The file could not be read (the system's reason).
    case unreadable(String)
    /// Not valid TOML (the parser's message, 1-based line and column).
    case syntax(String, line: Int, column: Int)
    /// A required key is absent.
    case missing
    /// A key the study file does not have (often a typo), with the keys allowed there.
    case unknown(allowed: [String])
    /// The value has the wrong TOML type.
    case wrongType(expected: String, found: String)
    /// The value has the right type but is not allowed (the reason).
    case invalid(String)
    /// A layer names more than one source (the source keys given).
    case severalSources([String])
    /// A layer names no source.
    case noSource
    /// The value should name a `[layers.NAME]` table but no layer has that name.
    case unknownLayer(String, known: [String])
  }

  /// The study file as given.
  public var file: String
  /// The TOML key path; empty for the whole file.
  public var keyPath: String
  public var problem: Problem

  public init(file: String, keyPath: String, problem: Problem) {
    self.file = file
    self.keyPath = keyPath
    self.problem = problem
  }

  public var description: String {
    let place = keyPath.isEmpty ? file : "\(file): \(keyPath)"
    switch problem {
    case .unreadable(let reason):
      return "\(file): cannot read the study file: \(reason)"
    case .syntax(let message, let line, let column):
      return "\(file):\(line):\(column): not valid TOML: \(message)"
    case .missing:
      return "\(place): required key is missing"
    case .unknown(let allowed):
      return "\(place): unknown key (allowed here: \(allowed.joined(separator: ", ")))"
    case .wrongType(let expected, let found):
      return "\(place): expected \(expected), found \(found)"
    case .invalid(let reason):
      return "\(place): \(reason)"
    case .severalSources(let keys):
      return "\(place): a layer has one source, but this one gives \(keys.joined(separator: " and "))"
    case .noSource:
      return "\(place): a layer needs one source: lookup, polygons or crosswalk"
    case .unknownLayer(let name, let known):
      return "\(place): no layer named '\(name)' (layers: \(known.joined(separator: ", ")))"
    }
  }
}
