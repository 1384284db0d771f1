/// A problem with an input table, located by file and (when known) line.
///
/// Prints as `FILE:LINE: reason`, the form editors and terminals link to.
public struct TableError: Error, Sendable, CustomStringConvertible, Equatable {
  public let file: String
  /// Physical line number (the header is line 1), or nil for whole-file problems.
  public let line: Int?
  public let reason: String
  /// For a column the header lacks: the column's role as the caller named it ("population zone
  /// code"), so that a front end can say which of its settings names that column.
  public let missingColumnRole: String?

  public init(file: String, line: Int? = nil, reason: String, missingColumnRole: String? = nil) {
    self.file = file
    self.line = line
    self.reason = reason
    self.missingColumnRole = missingColumnRole
  }

  public var description: String {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}
