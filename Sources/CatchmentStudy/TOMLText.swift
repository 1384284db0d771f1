/// TOML spellings for a drafted study file.
enum TOMLText {
  /// A basic string: quoted, with `"`, `\` and control characters escaped.
  static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16).uppercased()
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A key: bare when it is letters, digits, `_` and `-`, else quoted.
  static func key(_ s: String) -> String {
    !s.isEmpty && s.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" })
      ? s : string(s)
  }

  /// An inline table of column = value pairs, in the order given.
  static func inlineTable(_ pairs: [(String, String)]) -> String {
    "{ " + pairs.map { "\(key($0.0)) = \(string($0.1))" }.joined(separator: ", ") + " }"
  }

  /// An array of strings.
  static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }

  /// A layer or proposal name from a file name: letters, digits and `_`, lower case.
  static func name(_ text: String) -> String {
    let mapped = String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    let trimmed = mapped.split(separator: "_", omittingEmptySubsequences: true).joined(separator: "_")
    return trimmed.isEmpty ? "layer" : trimmed
  }
}
