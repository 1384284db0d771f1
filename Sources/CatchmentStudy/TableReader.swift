import CatchmentGeometry
import TOMLKit

/// Reads one TOML table of a study file, remembering which keys were read so that any other key
/// is reported (``finish()``): a typo must not be silently ignored.
///
/// Every value is checked for its TOML type; nothing is force-unwrapped.
struct TableReader {
  let table: TOMLTable
  /// The key path of this table (`""` for the root, `layers.icb`, `proposals[1]`).
  let path: String
  let file: String
  private(set) var allowed: [String] = []

  init(table: TOMLTable, path: String, file: String) {
    self.table = table
    self.path = path
    self.file = file
  }

  /// The key path of `key` in this table; keys that are not bare TOML keys are quoted.
  func keyPath(_ key: String) -> String {
    let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { isBareKeyScalar($0) }
    let part = bare ? key : "\"\(key)\""
    return path.isEmpty ? part : "\(path).\(part)"
  }

  func error(_ key: String?, _ problem: StudyError.Problem) -> StudyError {
    StudyError(file: file, keyPath: key.map(keyPath) ?? path, problem: problem)
  }

  func has(_ key: String) -> Bool { table.contains(key: key) }

  private mutating func value(_ key: String) -> TOMLValueConvertible? {
    if !allowed.contains(key) { allowed.append(key) }
    return table[key]
  }

  private func typeName(_ value: TOMLValueConvertible) -> String { value.type.description }

  /// An optional string; an empty string is invalid (it never means anything in a study).
  mutating func string(_ key: String) throws(StudyError) -> String? {
    guard let v = value(key) else { return nil }
    guard let s = v.string else { throw error(key, .wrongType(expected: "a string", found: typeName(v))) }
    guard !s.isEmpty else { throw error(key, .invalid("must not be empty")) }
    return s
  }

  /// An optional CRS in one of its written forms (``CRSReference/init(parsing:)``); any other
  /// text is invalid, with the forms named.
  mutating func crs(_ key: String) throws(StudyError) -> CRSReference? {
    guard let text = try string(key) else { return nil }
    guard let crs = CRSReference(parsing: text) else {
      throw error(key, .invalid("'\(text)' is not a CRS: write \(CRSReference.writtenForms.joined(separator: ", "))"))
    }
    return crs
  }

  mutating func requiredString(_ key: String) throws(StudyError) -> String {
    guard let s = try string(key) else { throw error(key, .missing) }
    return s
  }

  mutating func int(_ key: String) throws(StudyError) -> Int? {
    guard let v = value(key) else { return nil }
    guard v.type == .int, let i = v.int else { throw error(key, .wrongType(expected: "an integer", found: typeName(v))) }
    return i
  }

  /// A number: a TOML float or integer.
  mutating func double(_ key: String) throws(StudyError) -> Double? {
    guard let v = value(key) else { return nil }
    if v.type == .double, let d = v.double { return d }
    if v.type == .int, let i = v.int { return Double(i) }
    throw error(key, .wrongType(expected: "a number", found: typeName(v)))
  }

  mutating func stringArray(_ key: String) throws(StudyError) -> [String]? {
    guard let v = value(key) else { return nil }
    guard v.type == .array, let array = v.array else {
      throw error(key, .wrongType(expected: "an array of strings", found: typeName(v)))
    }
    var result: [String] = []
    for (i, element) in array.enumerated() {
      guard let s = element.string else {
        throw StudyError(
          file: file, keyPath: "\(keyPath(key))[\(i + 1)]",
          problem: .wrongType(expected: "a string", found: typeName(element)))
      }
      result.append(s)
    }
    return result
  }

  /// A sub-table (`[a.b]` or an inline table).
  mutating func table(_ key: String) throws(StudyError) -> TableReader? {
    guard let v = value(key) else { return nil }
    guard v.type == .table, let t = v.table else {
      throw error(key, .wrongType(expected: "a table", found: typeName(v)))
    }
    return TableReader(table: t, path: keyPath(key), file: file)
  }

  /// An array of tables (`[[key]]`), each with its key path `key[n]` counting from 1.
  mutating func tableArray(_ key: String) throws(StudyError) -> [TableReader] {
    guard let v = value(key) else { return [] }
    guard v.type == .array, let array = v.array else {
      throw error(key, .wrongType(expected: "an array of tables ([[\(key)]])", found: typeName(v)))
    }
    var result: [TableReader] = []
    for (i, element) in array.enumerated() {
      let path = "\(keyPath(key))[\(i + 1)]"
      guard element.type == .table, let t = element.table else {
        throw StudyError(file: file, keyPath: path, problem: .wrongType(expected: "a table", found: typeName(element)))
      }
      result.append(TableReader(table: t, path: path, file: file))
    }
    return result
  }

  /// A table of column = value pairs (a filter); integer values are taken as their decimal text,
  /// since a CSV cell is compared as text (`catchment_year = 2022`).
  mutating func stringMap(_ key: String) throws(StudyError) -> [String: String] {
    guard var sub = try table(key) else { return [:] }
    var result: [String: String] = [:]
    for column in sub.table.keys.sorted() {
      guard let v = sub.value(column) else { continue }
      if let s = v.string {
        result[column] = s
      } else if v.type == .int, let i = v.int {
        result[column] = String(i)
      } else {
        throw sub.error(column, .wrongType(expected: "a string or an integer", found: typeName(v)))
      }
    }
    return result
  }

  /// Fails on the first key (in sorted order, so the message is stable) that was never read.
  func finish() throws(StudyError) {
    for key in table.keys.sorted() where !allowed.contains(key) {
      throw error(key, .unknown(allowed: allowed))
    }
  }
}

/// Letters, digits, `_` and `-`: the characters of a bare TOML key, and the characters allowed in
/// layer and proposal names (they become file names in the pack).
func isBareKeyScalar(_ s: Unicode.Scalar) -> Bool {
  switch s {
  case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
  default: return false
  }
}
