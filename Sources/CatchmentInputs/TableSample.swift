import CatchmentTables
import Foundation

/// The first lines of a CSV file, split into fields: enough to recognise a published layout
/// by its header (or, for headerless files, by the shape of its first rows) without reading
/// the whole file.
public struct TableSample: Equatable, Sendable {
  /// The file as given.
  public var path: String
  /// The first line's fields (a header, or the first record of a headerless file), a UTF-8
  /// byte-order mark removed.
  public var header: [String]
  /// Up to ``maxRows`` following lines' fields.
  public var rows: [[String]]

  public static let maxRows = 20

  public init(path: String, header: [String], rows: [[String]]) {
    self.path = path
    self.header = header
    self.rows = rows
  }

  /// Reads the first lines of `path` (at most the first 256 KiB).
  ///
  /// - Throws: ``TableError`` naming the file when it cannot be read or is empty.
  public init(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw TableError(file: path, reason: "cannot open") }
    defer { try? handle.close() }
    var bytes = [UInt8]((try? handle.read(upToCount: 256 << 10)) ?? Data())
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let lines = Self.records(String(decoding: bytes, as: UTF8.self), limit: Self.maxRows + 1)
    guard let first = lines.first else { throw TableError(file: path, reason: "the file is empty") }
    self.init(path: path, header: first, rows: Array(lines.dropFirst()))
  }

  /// Splits CSV text into records (RFC 4180 quoting; CRLF or LF), at most `limit`; a last line
  /// cut short by the byte limit is dropped.
  static func records(_ text: String, limit: Int) -> [[String]] {
    var records: [[String]] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let p = pending { pending = nil; return p }
      return iterator.next()
    }
    while records.count < limit, let c = next() {
      if quoted {
        if c == "\"" {
          if let n = next() {
            if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
          } else { quoted = false }
        } else { field.unicodeScalars.append(c) }
        continue
      }
      switch c {
      case "\"" where field.isEmpty: quoted = true
      case ",": fields.append(field); field = ""
      case "\r": continue
      case "\n":
        fields.append(field)
        if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
        fields = []
        field = ""
      default: field.unicodeScalars.append(c)
      }
    }
    return records
  }

  /// The index of a header column (exact, else ignoring case).
  public func column(_ name: String) -> Int? {
    header.firstIndex(of: name) ?? header.firstIndex { $0.lowercased() == name.lowercased() }
  }

  /// The sampled values of a column, in order.
  public func values(_ column: Int) -> [String] { rows.compactMap { column < $0.count ? $0[column] : nil } }

  /// The distinct values of `column` over the whole file, sorted, at most `limit` (for filter
  /// columns such as `SEX` or `catchment_year`, whose values the first rows may not show).
  public static func distinctValues(path: String, column: String, limit: Int = 50) throws -> [String] {
    let reader = try CSVReader(path: path)
    guard let index = reader.index(of: column) else { return [] }
    var seen = Set<String>()
    try reader.forEachRecord { record in
      guard seen.count < limit, record.has(index) else { return }
      seen.insert(record[index].withUnescapedBytes { String(decoding: $0, as: UTF8.self) })
    }
    return seen.sorted()
  }
}
