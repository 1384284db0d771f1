/// A problem reading a boundary or point file, located by file and feature or record.
public struct GeoIOError: Error, Sendable, CustomStringConvertible {
  public let file: String
  /// "feature 12", "record 7", "byte 1024" — whatever locates the problem.
  public let location: String?
  public let reason: String

  public init(file: String, location: String? = nil, reason: String) {
    self.file = file
    self.location = location
    self.reason = reason
  }

  public var description: String {
    location.map { "\(file): \($0): \(reason)" } ?? "\(file): \(reason)"
  }
}
