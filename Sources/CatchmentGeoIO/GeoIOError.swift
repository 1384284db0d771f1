/// A problem reading a boundary or point file, located by file and feature or record.
public struct GeoIOError: Error, Sendable, CustomStringConvertible {
  public let file: String
  /// "feature 12", "record 7", "byte 1024" — whatever locates the problem.
  public let location: String?
  public let reason: String
  /// What would resolve it, when the caller can: a front end phrases it with its own settings.
  public let remedy: Remedy?

  /// Remedies a caller can apply.
  public enum Remedy: Sendable, Equatable {
    /// The file holds several layers: name one of `available` (file order of the catalogue).
    case chooseLayer(available: [String])
  }

  public init(file: String, location: String? = nil, reason: String, remedy: Remedy? = nil) {
    self.file = file
    self.location = location
    self.reason = reason
    self.remedy = remedy
  }

  public var description: String {
    location.map { "\(file): \($0): \(reason)" } ?? "\(file): \(reason)"
  }
}
