/// A GEOS operation failed: which one, and the messages GEOS reported through the context's
/// error handler while it ran (e.g. "IllegalArgumentException: Points of LinearRing do not
/// form a closed linestring").
public struct GEOSError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The operation that failed, e.g. "Intersection" or "LinearRing (zones.shp#12)".
  public let operation: String
  /// GEOS's own messages, oldest first (may be empty when GEOS returned failure silently).
  public let messages: [String]

  public init(operation: String, messages: [String]) {
    self.operation = operation
    self.messages = messages
  }

  public var description: String {
    "GEOS \(operation) failed" + (messages.isEmpty ? "" : ": " + messages.joined(separator: "; "))
  }
}
