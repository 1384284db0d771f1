import CGEOS

/// A GEOS context handle: every GEOS call goes through one, and one may be used by one task
/// at a time. Give each concurrent task its own (not `Sendable` on purpose).
///
/// GEOS reports errors through a handler rather than return values alone; this context
/// collects the messages so that the Swift side can throw them once the C call returns
/// (a C callback cannot throw into Swift).
public final class GEOSContext {
  /// The C handle.
  let handle: GEOSContextHandle_t
  /// Messages GEOS reported since the last ``takeError(_:)``.
  var messages: [String] = []

  public init() {
    handle = GEOS_init_r()
    // The context outlives its handler registration (deinit finishes the handle), so an
    // unretained pointer to self is safe here.
    let me = Unmanaged.passUnretained(self).toOpaque()
    GEOSContext_setErrorMessageHandler_r(
      handle,
      { message, userData in
        guard let message, let userData else { return }
        let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
        context.messages.append(String(cString: message))
      }, me)
  }

  deinit { GEOS_finish_r(handle) }

  /// An error for `operation` with the messages collected so far (which are cleared).
  func takeError(_ operation: String) -> GEOSError {
    defer { messages.removeAll() }
    return GEOSError(operation: operation, messages: messages)
  }
}

/// A GEOS operation failed.
public struct GEOSError: Error, Sendable, CustomStringConvertible {
  public let operation: String
  public let messages: [String]
  public var description: String {
    "GEOS \(operation) failed" + (messages.isEmpty ? "" : ": " + messages.joined(separator: "; "))
  }
}
