import CGEOS

/// A GEOS context handle (`GEOSContextHandle_t`): every GEOS call goes through one.
///
/// **Thread rule: one context per task.** A context, and every geometry, prepared geometry and
/// tree made with it, may be used by one task at a time; GEOS's reentrant (`_r`) API is safe
/// only when contexts are not shared. The type is deliberately not `Sendable`, so Swift 6's
/// data-race checker rejects capturing one in `group.addTask`: make a fresh context inside
/// each child task instead.
///
///     group.addTask {
///       let context = GEOSContext()  // owned by this task only
///       ...
///     }
///
/// GEOS reports errors through a message handler as well as by return value. The handler
/// (`GEOSContext_setErrorMessageHandler_r`, whose user data is an unretained pointer to this
/// object) appends each message to ``messages``; the Swift wrapper that sees the failed return
/// value then throws a ``GEOSError`` carrying them. A C callback cannot throw into Swift (DuckDB
/// spatial throws a C++ exception from the handler; Swift has no equivalent), hence the detour.
///
/// A class, not a struct: C holds a pointer to it, so its address must not change.
public final class GEOSContext {
  /// The C handle. Valid until `deinit` (`GEOS_finish_r`).
  let handle: GEOSContextHandle_t
  /// Messages GEOS reported since the last ``takeError(_:)``, oldest first.
  private(set) var messages: [String] = []

  public init() {
    // GEOS_init_r allocates; it does not fail short of running out of memory.
    handle = GEOS_init_r()
    // The handler receives an unretained pointer to self: the registration lives exactly as
    // long as the handle, which deinit finishes before self is freed.
    let me = Unmanaged.passUnretained(self).toOpaque()
    _ = GEOSContext_setErrorMessageHandler_r(
      handle,
      { message, userData in
        guard let message, let userData else { return }
        let context = Unmanaged<GEOSContext>.fromOpaque(userData).takeUnretainedValue()
        context.messages.append(String(cString: message))
      }, me)
  }

  deinit { GEOS_finish_r(handle) }

  /// A ``GEOSError`` for `operation` carrying the messages collected so far, which are
  /// cleared so that the next error starts afresh.
  func takeError(_ operation: String) -> GEOSError {
    defer { messages.removeAll() }
    return GEOSError(operation: operation, messages: messages)
  }
}

@available(*, unavailable, message: "a GEOS context belongs to one task; create one per task")
extension GEOSContext: Sendable {}
