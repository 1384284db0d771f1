import Foundation

/// Writes CSV: UTF-8, `\n` line ends, RFC 4180 quoting only where needed.
///
/// Quoting applies to fields containing a comma, a quote, a line break, or leading/trailing
/// spaces (which Excel would otherwise drop). An optional UTF-8 byte-order mark makes Excel
/// on Windows open non-ASCII names correctly; pandas and R ignore it.
///
///     var out = CSVWriter(header: ["footprint_id", "population"])
///     out.row("E54000048", NumberFormat.csv(1_632))
///     try out.write(to: "out/populations.csv")
public struct CSVWriter {
  /// The encoded table so far.
  public private(set) var bytes: [UInt8] = []
  /// Data rows written so far (the header excluded).
  public private(set) var rowCount = 0

  /// Starts a table with `header`.
  public init(header: [String], byteOrderMark: Bool = false) {
    if byteOrderMark { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    append(header)
    rowCount = 0
  }

  /// Appends one row of already-formatted fields.
  public mutating func row(_ fields: String...) { append(fields) }

  /// Appends one row of already-formatted fields.
  public mutating func append(_ fields: [String]) {
    for (i, field) in fields.enumerated() {
      if i > 0 { bytes.append(0x2C) }
      appendField(field)
    }
    bytes.append(0x0A)
    rowCount += 1
  }

  private mutating func appendField(_ field: String) { Self.encode(field, into: &bytes) }

  /// Appends `field` to `bytes` as a CSV field, quoted where needed (the rule of the type).
  public static func encode(_ field: String, into bytes: inout [UInt8]) {
    let utf8 = field.utf8
    let needsQuotes =
      utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      || utf8.first == 0x20 || utf8.last == 0x20
    if !needsQuotes {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(0x22)
    for b in utf8 {
      if b == 0x22 { bytes.append(0x22) }
      bytes.append(b)
    }
    bytes.append(0x22)
  }

  /// Appends one row already encoded (fields by ``encode(_:into:)``, joined by commas, no line
  /// end): for writers that encode each distinct field once rather than once per row.
  public mutating func append(encodedRow row: [UInt8]) {
    bytes.append(contentsOf: row)
    bytes.append(0x0A)
    rowCount += 1
  }

  /// Appends `count` rows of `byteCount` bytes that `fill` writes, each ending with a line
  /// end, straight into the table's buffer (`fill` gets exactly the new bytes, zeroed): for
  /// writers that measure their rows first and encode blocks of them on several cores.
  public mutating func appendRows(count: Int, byteCount: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: byteCount))
    bytes.withUnsafeMutableBufferPointer { fill(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    rowCount += count
  }

  /// The table as text (for tests and small outputs).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Writes the table to `path`, creating parent folders; `-` means standard output.
  public func write(to path: String) throws {
    try Self.writeBytes(bytes, to: path)
  }

  /// Writes `data` to `path`, creating parent folders; `-` means standard output.
  ///
  /// The file is written under a temporary name beside `path` and renamed onto it, so `path`
  /// is either replaced whole or left as it was.
  ///
  /// - Throws: ``OutputError`` saying what is wrong (a directory, a folder that is not
  ///   writable, a full disk, a standard output that cannot be written).
  public static func writeBytes(_ data: [UInt8], to path: String) throws {
    if path == "-" {
      try StandardStreams.writeOutput(data)
      return
    }
    var created: [String] = []
    do {
      let staged = try StagedFile.stage(data, for: path, createdFolders: &created)
      do { try staged.commit() } catch {
        staged.discard()
        throw error
      }
    } catch {
      OutputPath.removeFolders(created)
      throw error
    }
  }
}
