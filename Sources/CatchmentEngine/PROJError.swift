import CPROJ

/// A PROJ call failed: PROJ's error code (`proj_context_errno`, 0 when PROJ gave none, e.g.
/// for a missing CRS) and a message saying what was being done and PROJ's own words
/// (`proj_context_errno_string`).
public struct PROJError: Error, Sendable, Equatable, CustomStringConvertible {
  public let code: Int32
  public let message: String
  /// True when the source CRS was unknown (nothing to give PROJ): the caller should ask for a CRS
  /// to assume, in its own terms.
  public let sourceCRSUnknown: Bool

  public init(code: Int32, message: String, sourceCRSUnknown: Bool = false) {
    self.code = code
    self.message = message
    self.sourceCRSUnknown = sourceCRSUnknown
  }

  public var description: String { "PROJ: \(message)" + (code != 0 ? " (error \(code))" : "") }
}

/// PROJ's log messages for one context, kept so that an error can carry PROJ's own words.
///
/// With PROJ 9.1 a failed `proj_create` leaves only a generic error number ("Unknown error
/// (code 4096)"); the reason — "crs not found", "unrecognized format / unknown name", or,
/// when an allocation fails inside PROJ, "SQLite error on SELECT …: out of memory" followed
/// by "no database context specified" — goes to the log alone. Kept: error-level messages,
/// and debug-level ones that speak of memory (the out-of-memory reason is logged at debug
/// level); at most ``limit`` of them, the first ones.
///
/// The context keeps an unretained pointer to this object: it must outlive the context.
final class PROJMessages {
  private(set) var lines: [String] = []
  static let limit = 8

  /// Routes `context`'s log here (never to stderr), at debug level.
  func capture(_ context: OpaquePointer) {
    _ = proj_log_level(context, PJ_LOG_DEBUG)
    proj_log_func(context, Unmanaged.passUnretained(self).toOpaque()) { data, level, message in
      guard let data, let message else { return }
      Unmanaged<PROJMessages>.fromOpaque(data).takeUnretainedValue().record(level: level, String(cString: message))
    }
  }

  private func record(level: Int32, _ text: String) {
    guard lines.count < Self.limit else { return }
    let isError = level <= Int32(PJ_LOG_ERROR.rawValue)
    guard isError || text.lowercased().contains("memory") else { return }
    // "proj_create: crs not found": the function name says nothing to a user.
    let trimmed = text.hasPrefix("proj_") ? String(text.drop(while: { $0 != ":" }).dropFirst().drop(while: { $0 == " " })) : text
    if !lines.contains(trimmed) { lines.append(trimmed) }
  }

  /// The reason for a failure on `context`: the messages kept, else PROJ's text for its error
  /// number, else nil.
  func reason(_ context: OpaquePointer) -> String? {
    if !lines.isEmpty { return lines.joined(separator: "; ") }
    let code = proj_context_errno(context)
    guard code != 0, let text = proj_context_errno_string(context, code) else { return nil }
    return String(cString: text)
  }
}
