import Foundation

/// A dBASE table (the `.dbf` of a shapefile): fields, records, deletion flags and text.
struct DBFTable {
  struct Field {
    let name: String
    /// The dBASE type letter: C (character), N and F (numbers), D (date), L (logical)…
    let type: UInt8
    let offset: Int  // from the record start (after the deletion flag)
    let length: Int
  }

  let data: Data
  let recordCount: Int
  let headerLength: Int
  let recordLength: Int
  let fields: [Field]
  let encoding: String.Encoding?  // nil: UTF-8 when valid, else Windows-1252

  init(data: Data, path: String, codePage: String?) throws {
    guard data.count >= 32 else { throw GeoIOError(file: path, reason: "not a dBASE file (too short)") }
    self.data = data
    recordCount = Int(data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) })
    headerLength = Int(data.withUnsafeBytes { UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) })
    recordLength = Int(data.withUnsafeBytes { UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: 10, as: UInt16.self)) })
    var fields: [Field] = []
    var at = 32
    var offset = 1
    // Field descriptors end at the 0x0D terminator, and never run into the records.
    while at + 32 <= min(data.count, headerLength) && data[data.startIndex + at] != 0x0D {
      let raw = data[(data.startIndex + at)..<(data.startIndex + at + 11)]
      let name = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: .whitespaces)
      let length = Int(data[data.startIndex + at + 16])
      fields.append(Field(name: name, type: data[data.startIndex + at + 11], offset: offset, length: length))
      offset += length
      at += 32
    }
    self.fields = fields
    try Self.checkLayout(
      path: path, dataCount: data.count, recordCount: recordCount, headerLength: headerLength, recordLength: recordLength, fields: fields)
    // .cpg spellings seen from ArcGIS, QGIS and GDAL ("UTF-8", "ISO-8859-1", "1252",
    // "ANSI 1252", "8859_1"…), compared without case, spaces, dashes or underscores. Others
    // (a code page Foundation lacks, e.g. 437) fall back to UTF-8 when valid, else 1252.
    let page = codePage.map { $0.uppercased().filter { !" -_\r\n\t".contains($0) } }
    switch page {
    case .some("UTF8"), .some("65001"): encoding = .utf8
    case .some("ISO88591"), .some("88591"), .some("LATIN1"), .some("28591"): encoding = .isoLatin1
    case .some("1252"), .some("CP1252"), .some("WINDOWS1252"), .some("ANSI1252"): encoding = .windowsCP1252
    case .some: encoding = nil
    case .none:
      // Language driver byte (dBASE IV): 0x57 ANSI / 0x03 Windows ANSI are Windows-1252.
      let driver = data[data.startIndex + 29]
      encoding = driver == 0x57 || driver == 0x03 ? .windowsCP1252 : nil
    }
  }

  /// Checks the header's lengths and counts against the bytes present, so that every record
  /// and field read later lies inside the file: each record holds its deletion flag and every
  /// field, and the records the header promises are all there.
  static func checkLayout(path: String, dataCount: Int, recordCount: Int, headerLength: Int, recordLength: Int, fields: [Field]) throws {
    guard headerLength >= 32 else {
      throw GeoIOError(file: path, reason: "header length \(headerLength) bytes is shorter than the 32-byte dBASE header")
    }
    if recordCount > 0 && recordLength < 1 {
      throw GeoIOError(file: path, reason: "the header promises \(recordCount) records of \(recordLength) bytes (a record needs at least its deletion flag)")
    }
    for field in fields where field.offset + field.length > recordLength {
      throw GeoIOError(
        file: path,
        reason: "field '\(field.name)' (bytes \(field.offset)..<\(field.offset + field.length) of each record) runs past the record length of \(recordLength) bytes")
    }
    guard headerLength + recordCount * recordLength <= dataCount else {
      throw GeoIOError(file: path, reason: "the header promises \(recordCount) records of \(recordLength) bytes, more than the file holds")
    }
  }

  func field(named name: String, path: String) throws -> Int {
    if let i = fields.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) { return i }
    throw GeoIOError(file: path, reason: "no field '\(name)'; the fields are: \(fields.map(\.name).joined(separator: ", "))")
  }

  func isDeleted(_ record: Int) -> Bool { data[data.startIndex + headerLength + record * recordLength] == 0x2A }

  /// The raw bytes of a field of a record (inside the file: see ``checkLayout``).
  private func bytes(record: Int, field f: Field) -> Data {
    let start = data.startIndex + headerLength + record * recordLength + f.offset
    return data[start..<(start + f.length)]
  }

  /// True when a numeric (N or F) field holds only asterisks (padding aside): dBase's null,
  /// as QGIS and GDAL write it (GDAL reads it as null).
  func isNumericNull(record: Int, field: Int) -> Bool {
    let f = fields[field]
    guard f.type == 0x4E || f.type == 0x46 || f.type == 0x6E || f.type == 0x66 else { return false }
    let value = bytes(record: record, field: f).filter { $0 != 0x20 && $0 != 0 }
    return !value.isEmpty && value.allSatisfy { $0 == 0x2A }
  }

  /// The field's text, trimmed of the padding spaces; "" for a null number (asterisks).
  func text(record: Int, field: Int) -> String {
    if isNumericNull(record: record, field: field) { return "" }
    let bytes = bytes(record: record, field: fields[field])
    let text: String
    if let encoding {
      text = String(data: bytes, encoding: encoding) ?? String(decoding: bytes, as: UTF8.self)
    } else if let utf8 = String(bytes: bytes, encoding: .utf8) {
      text = utf8
    } else {
      text = String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }
    return text.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
  }
}
