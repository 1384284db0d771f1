/// RFC 4180 quoting for one field.
enum CSVQuoting {
  /// The UTF-8 bytes of `text` as a CSV field: unchanged unless it holds a comma, double quote,
  /// CR or LF, in which case it is wrapped in quotes with inner quotes doubled.
  static func field(_ text: String) -> [UInt8] {
    let bytes = Array(text.utf8)
    guard bytes.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else {
      return bytes
    }
    var out: [UInt8] = [34]
    for b in bytes {
      if b == 34 { out.append(34) }
      out.append(b)
    }
    out.append(34)
    return out
  }
}
