/// A problem with an input table, located by file and (when known) line.
///
/// Prints as `FILE:LINE: reason`, the form editors and terminals link to.
public struct TableError: Error, Sendable, CustomStringConvertible, Equatable {
  public let file: String
  /// Physical line number (the header is line 1), or nil for whole-file problems.
  public let line: Int?
  public let reason: String

  public init(file: String, line: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}
