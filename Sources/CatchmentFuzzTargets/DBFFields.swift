/// The first field names of a dBASE header (descriptors of 32 bytes from byte 32, names in
/// their first 11), so that a fuzz input's own fields are asked for: the reader otherwise
/// stops at "no field" before reading any record.
enum DBFFields {
  static func names(_ dbf: some Collection<UInt8>, upTo limit: Int = 2) -> [String] {
    let bytes = Array(dbf.prefix(32 + 32 * limit))
    var names: [String] = []
    var at = 32
    while at + 32 <= bytes.count && bytes[at] != 0x0D && names.count < limit {
      names.append(String(decoding: bytes[at..<(at + 11)].prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: [" "]))
      at += 32
    }
    return names
  }
}
