import CSQLite

/// A private in-memory SQLite database written by statements and handed back as the bytes of
/// a database file (`sqlite3_serialize`), so that a writer never leaves a half-written file:
/// the caller stages the bytes beside the target and renames them into place.
///
/// Errors are ``GeodataWriteError`` naming `layer` ("" for the file as a whole).
final class SQLiteWriter {
  private let db: OpaquePointer

  /// Opens a fresh in-memory database.
  init() throws(GeodataWriteError) {
    var handle: OpaquePointer?
    // Returns SQLITE_OK on success; the handle must be closed even on failure.
    guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let handle else {
      sqlite3_close(handle)
      throw GeodataWriteError(layer: "", reason: "cannot open an in-memory SQLite database")
    }
    db = handle
  }

  deinit { sqlite3_close(db) }

  /// Runs `sql` (one or more statements without parameters).
  func execute(_ sql: String, layer: String = "") throws(GeodataWriteError) {
    var message: UnsafeMutablePointer<CChar>?
    // Returns SQLITE_OK on success; on failure `message` is allocated by SQLite and freed here.
    guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? "unknown error"
      sqlite3_free(message)
      throw GeodataWriteError(layer: layer, reason: "SQLite: \(text) in \(sql.prefix(80))")
    }
  }

  /// A value bound to a statement's parameter.
  enum Parameter {
    case text(String), integer(Int64), real(Double), blob([UInt8]), null
  }

  /// Prepares `sql` once and runs it for each row of parameters (1-based `?` placeholders).
  func insert(_ sql: String, rows: some Sequence<[Parameter]>, layer: String = "") throws(GeodataWriteError) {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
      throw GeodataWriteError(layer: layer, reason: "SQLite: \(errorMessage) in \(sql.prefix(80))")
    }
    defer { sqlite3_finalize(statement) }
    // SQLITE_TRANSIENT: SQLite copies the value before the call returns.
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    for (k, row) in rows.enumerated() {
      sqlite3_reset(statement)
      for (i, parameter) in row.enumerated() {
        let index = Int32(i + 1)
        switch parameter {
        case .text(let s): sqlite3_bind_text(statement, index, s, -1, transient)
        case .integer(let n): sqlite3_bind_int64(statement, index, n)
        case .real(let x): sqlite3_bind_double(statement, index, x)
        case .blob(let bytes): _ = bytes.withUnsafeBytes { sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient) }
        case .null: sqlite3_bind_null(statement, index)
        }
      }
      guard sqlite3_step(statement) == SQLITE_DONE else {
        throw GeodataWriteError(layer: layer, feature: layer.isEmpty ? nil : k + 1, reason: "SQLite: \(errorMessage)")
      }
    }
  }

  /// The database file's bytes.
  func serialized() throws(GeodataWriteError) -> [UInt8] {
    var size: sqlite3_int64 = 0
    // Returns memory from sqlite3_malloc64 (freed here), or NULL when out of memory.
    guard let pointer = sqlite3_serialize(db, "main", &size, 0) else {
      throw GeodataWriteError(layer: "", reason: "SQLite could not serialise the database (out of memory?)")
    }
    defer { sqlite3_free(pointer) }
    return Array(UnsafeBufferPointer(start: pointer, count: Int(size)))
  }

  private var errorMessage: String { String(cString: sqlite3_errmsg(db)) }
}
