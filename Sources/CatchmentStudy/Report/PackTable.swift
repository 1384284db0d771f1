import Foundation

/// One CSV table of a review pack, read whole (pack tables are small: one row per footprint,
/// pair or trust): its header and its rows as text, quoted fields unquoted (RFC 4180).
struct PackTable {
  let file: String
  let header: [String]
  /// Data rows, each with one field per header column.
  let rows: [[String]]

  /// The position of column `name`, or nil.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }

  /// The field of `row` in column `name` ("" when there is no such column).
  func text(_ row: [String], _ name: String) -> String {
    guard let c = column(name), c < row.count else { return "" }
    return row[c]
  }

  /// The number in column `name` of `row`; nil when the field is empty or not a number.
  func number(_ row: [String], _ name: String) -> Double? { Double(text(row, name)) }

  /// Reads `path`; nil when there is no such file.
  ///
  /// - Throws: ``ReviewReportError/malformed(file:line:problem:)`` for an unterminated quote
  ///   or a row whose field count differs from the header's.
  static func read(_ path: String) throws(ReviewReportError) -> PackTable? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(file: path) }
    return try parse(data, file: path)
  }

  /// Parses the bytes of a table (a file read, or one about to be written); messages name `path`.
  static func parse(_ data: Data, file path: String) throws(ReviewReportError) -> PackTable {
    guard let text = String(data: data, encoding: .utf8) else {
      throw .malformed(file: path, line: nil, problem: "not UTF-8 text")
    }
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = [], field = "", quoted = false, afterQuote = false, line = 1, recordLine = 1
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var iterator = scalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
      fields = []
      field = ""
    }
    while let c = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          if let next = iterator.next() {
            if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
          } else { quoted = false }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.isEmpty && !afterQuote: quoted = true
      case ",": fields.append(field); field = ""; afterQuote = false
      case "\r": continue
      case "\n":
        endRecord()
        afterQuote = false
        line += 1
        recordLine = line
      default: field.unicodeScalars.append(c)
      }
    }
    if quoted { throw .malformed(file: path, line: recordLine, problem: "a quoted field is not closed") }
    if !field.isEmpty || !fields.isEmpty { endRecord() }
    guard let first = records.first else { throw .malformed(file: path, line: 1, problem: "no header row") }
    for record in records.dropFirst() where record.fields.count != first.fields.count {
      throw .malformed(
        file: path, line: record.line,
        problem: "\(record.fields.count) fields where the header has \(first.fields.count)")
    }
    return PackTable(file: path, header: first.fields, rows: records.dropFirst().map(\.fields))
  }
}

/// What can stop a report being written from a pack.
public enum ReviewReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The folder does not exist.
  case noFolder(String)
  /// The folder holds none of the pack's files.
  case notAPack(folder: String)
  case unreadable(file: String)
  /// A file of the pack that cannot be read as its kind (CSV, JSON, GeoJSON).
  case malformed(file: String, line: Int?, problem: String)

  public var description: String {
    switch self {
    case .noFolder(let folder): "\(folder): no such folder"
    case .notAPack(let folder): "\(folder): not a review pack (no manifest.json, report.json or pack table in it)"
    case .unreadable(let file): "\(file): cannot be read"
    case .malformed(let file, let line, let problem): "\(file)\(line.map { ", line \($0)" } ?? ""): \(problem)"
    }
  }
}
