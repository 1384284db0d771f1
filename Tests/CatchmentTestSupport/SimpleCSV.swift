import Foundation

/// A deliberately small RFC 4180 reader for tests, independent of the demo generator's writer
/// and of CatchmentTables, so that tests check files rather than re-run the code that wrote or
/// reads them.
public struct SimpleCSV {
  public var header: [String]
  public var rows: [[String]]
  /// True when the file starts with a UTF-8 byte-order mark.
  public var hasBOM: Bool
  /// True when every line ends with CRLF, false when every line ends with a bare LF.
  public var crlf: Bool

  public init(contentsOf url: URL) throws {
    var bytes = Array(try Data(contentsOf: url))
    hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if hasBOM { bytes.removeFirst(3) }
    let lfCount = bytes.filter { $0 == 10 }.count
    let crlfCount = zip(bytes, bytes.dropFirst()).filter { $0 == 13 && $1 == 10 }.count
    crlf = lfCount > 0 && crlfCount == lfCount
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if quoted {
        if b == 34, i + 1 < bytes.count, bytes[i + 1] == 34 {
          field.append(34)
          i += 1
        } else if b == 34 {
          quoted = false
        } else {
          field.append(b)
        }
      } else if b == 34 {
        quoted = true
      } else if b == 44 {
        record.append(String(decoding: field, as: UTF8.self))
        field = []
      } else if b == 10 || b == 13 {
        if b == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
        record.append(String(decoding: field, as: UTF8.self))
        records.append(record)
        record = []
        field = []
      } else {
        field.append(b)
      }
      i += 1
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(String(decoding: field, as: UTF8.self))
      records.append(record)
    }
    header = records.first ?? []
    rows = Array(records.dropFirst())
  }

  /// The index of column `name`.
  public func column(_ name: String) -> Int {
    guard let index = header.firstIndex(of: name) else {
      fatalError("no column \(name) in \(header)")
    }
    return index
  }
}
