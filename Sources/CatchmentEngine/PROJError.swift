/// A PROJ call failed: PROJ's error code (`proj_context_errno`, 0 when PROJ gave none, e.g.
/// for a missing CRS) and a message saying what was being done and PROJ's own words
/// (`proj_context_errno_string`).
public struct PROJError: Error, Sendable, Equatable, CustomStringConvertible {
  public let code: Int32
  public let message: String

  public init(code: Int32, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "PROJ: \(message)" + (code != 0 ? " (error \(code))" : "") }
}
