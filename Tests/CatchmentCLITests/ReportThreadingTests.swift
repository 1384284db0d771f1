import CatchmentTestSupport
import Foundation
import Testing

/// The run report is built from the values each step returns (issue 10 §1): no library function
/// or initialiser takes a ``CatchmentCore/RunReport`` to write into. Checked by reading the
/// declarations of the library targets above the readers (the CLI alone builds reports).
@Suite struct ReportThreadingTests {
  /// The targets whose declarations are read.
  static let libraries = ["CatchmentCore", "CatchmentAnalysis", "CatchmentInputs", "CatchmentStudy", "CatchmentFuzzTargets"]

  /// The report's own API (recording, merging another report) and the pack that carries the
  /// finished report to disk: they take a report by design.
  static let reportItself: Set<String> = [
    "CatchmentCore/RunReport.swift", "CatchmentCore/RunReport+Vintages.swift", "CatchmentCore/RunAccount.swift", "CatchmentStudy/ReviewPack.swift",
  ]

  /// Files still threading a report while their conversion is under way: none is left. A file
  /// listed here that no longer takes a report fails the test, so the list cannot go stale.
  static let pending: Set<String> = []

  /// Every declaration of the libraries with a parameter of type RunReport, as
  /// `Target/File.swift: declaration`.
  static func reportParameters() throws -> [String] {
    var found: [String] = []
    for library in libraries {
      let folder = packageRoot.appendingPathComponent("Sources").appendingPathComponent(library)
      let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
      for case let url as URL in enumerator where url.pathExtension == "swift" {
        let source = try String(contentsOf: url, encoding: .utf8)
        for declaration in DeclarationScanner.declarationsTakingReport(source) {
          found.append("\(library)/\(url.lastPathComponent): \(declaration)")
        }
      }
    }
    return found.sorted()
  }

  @Test func noLibraryDeclarationTakesAReport() throws {
    let found = try Self.reportParameters()
    let offenders = found.filter { entry in
      let file = String(entry.prefix { $0 != ":" })
      return !Self.reportItself.contains(file) && !Self.pending.contains(file)
    }
    #expect(offenders == [], "\(offenders.joined(separator: "\n"))")
    let stale = Self.pending.filter { file in !found.contains { $0.hasPrefix(file + ":") } }
    #expect(stale.isEmpty, "no longer take a report, remove from `pending`: \(stale.sorted())")
    // The scan sees the declarations it is meant to (the report's own merge(_:label:)).
    #expect(found.contains { $0.hasPrefix("CatchmentCore/RunReport.swift: func merge(") })
  }

  /// The scanner finds parameters of type RunReport (plain, optional, inout, with a default,
  /// several lines long, in an initialiser) and not reports in comments, strings, closures'
  /// parameter types or bodies.
  @Test func scannerSeesReportParametersOnly() {
    let source = #"""
      /// ``read(path:report:)`` in a comment: func old(report: RunReport)
      public static func read(path: String, report: RunReport) throws -> Crosswalk { fatalError() }
      public init(
        a: Int,
        report: RunReport? = RunReport(command: "t")
      ) {}
      func inOut(_ r: inout RunReport) {}
      func account(path: String) -> (value: Int, account: RunAccount) { let s = "func f(report: RunReport)"; return (0, RunAccount()) }
      mutating func step(_ label: String, _ body: (RunReport) throws -> [Int]) throws { let own = RunReport(command: label) }
      func generic<T: Equatable>(_ x: T, into report: RunReport) {}
      """#
    #expect(
      DeclarationScanner.declarationsTakingReport(source) == [
        "func read(path:report:)", "init(a:report:)", "func inOut(_:)", "func generic(_:into:)",
      ])
  }
}

/// Function and initialiser declarations of Swift source text whose parameters include one of
/// type `RunReport` (optional and inout too), with comments and string literals skipped.
enum DeclarationScanner {
  /// Each such declaration as `func name(label:…)` or `init(label:…)`, in source order.
  static func declarationsTakingReport(_ source: String) -> [String] {
    let code = Array(withoutCommentsAndStrings(source))
    var result: [String] = []
    var i = 0
    while i < code.count {
      guard let (name, open) = declaration(at: i, in: code) else {
        i += 1
        continue
      }
      guard let close = matching(open, in: code) else { break }
      let parameters = splitTopLevel(String(code[(open + 1)..<close]))
      if parameters.contains(where: isReport) {
        result.append("\(name)(\(parameters.map(label).joined()))")
      }
      i = close + 1
    }
    return result
  }

  /// `func name` or `init` (`init?`, `init!`) starting at `i` as a whole word, with the index of
  /// its parameter clause's opening parenthesis (after any generic parameters).
  static func declaration(at i: Int, in code: [Character]) -> (String, Int)? {
    func word(_ w: String) -> Bool {
      let chars = Array(w)
      guard i + chars.count <= code.count, Array(code[i..<(i + chars.count)]) == chars else { return false }
      // A whole word, and not a call such as `self.init(`.
      if i > 0, code[i - 1].isLetter || code[i - 1].isNumber || code[i - 1] == "_" || code[i - 1] == "." { return false }
      return true
    }
    var j: Int
    var name: String
    if word("func ") {
      j = i + 5
      while j < code.count, code[j] == " " { j += 1 }
      var identifier = ""
      while j < code.count, code[j] != "(" && code[j] != "<" && code[j] != " " {
        identifier.append(code[j])
        j += 1
      }
      name = "func \(identifier)"
    } else if word("init") {
      j = i + 4
      if j < code.count, code[j] == "?" || code[j] == "!" { j += 1 }
      name = "init"
    } else {
      return nil
    }
    while j < code.count, code[j] == " " { j += 1 }
    if j < code.count, code[j] == "<" {
      var depth = 0
      while j < code.count {
        if code[j] == "<" { depth += 1 }
        if code[j] == ">" { depth -= 1 }
        j += 1
        if depth == 0 { break }
      }
    }
    while j < code.count, code[j] == " " { j += 1 }
    guard j < code.count, code[j] == "(" else { return nil }
    return (name, j)
  }

  /// The index of the bracket closing the one at `open`.
  static func matching(_ open: Int, in code: [Character]) -> Int? {
    var depth = 0
    for k in open..<code.count {
      if "([{".contains(code[k]) { depth += 1 }
      if ")]}".contains(code[k]) {
        depth -= 1
        if depth == 0 { return k }
      }
    }
    return nil
  }

  /// The parameters of a clause, split at its top-level commas.
  static func splitTopLevel(_ clause: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var previous: Character = " "
    for c in clause {
      if "([{<".contains(c) { depth += 1 }
      // The `>` of an arrow (`->`) closes nothing.
      if ")]}".contains(c) || (c == ">" && previous != "-") { depth -= 1 }
      previous = c
      if c == "," && depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { parts.append(current) }
    return parts
  }

  /// Whether a parameter's type (before any default value) is RunReport, RunReport? or inout RunReport.
  static func isReport(_ parameter: String) -> Bool {
    guard let colon = parameter.firstIndex(of: ":") else { return false }
    var type = String(parameter[parameter.index(after: colon)...])
    if let equals = type.firstIndex(of: "=") { type = String(type[..<equals]) }
    type = type.trimmingCharacters(in: .whitespacesAndNewlines)
    if type.hasPrefix("inout ") { type = String(type.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
    return ["RunReport", "RunReport?", "RunReport!", "CatchmentCore.RunReport"].contains(type)
  }

  /// A parameter's argument label with its colon (`_:` when it has none).
  static func label(_ parameter: String) -> String {
    let names = parameter.prefix { $0 != ":" }.split(whereSeparator: \.isWhitespace)
    return "\(names.first.map(String.init) ?? "_"):"
  }

  /// `source` with line and (nested) block comments removed and string literals emptied (their
  /// quotes kept), so that neither is read as code.
  static func withoutCommentsAndStrings(_ source: String) -> String {
    let s = Array(source)
    var out = ""
    var i = 0
    while i < s.count {
      if s[i] == "/" && i + 1 < s.count && s[i + 1] == "/" {
        while i < s.count && s[i] != "\n" { i += 1 }
        continue
      }
      if s[i] == "/" && i + 1 < s.count && s[i + 1] == "*" {
        var depth = 0
        repeat {
          if s[i] == "/" && i + 1 < s.count && s[i + 1] == "*" {
            depth += 1
            i += 2
          } else if s[i] == "*" && i + 1 < s.count && s[i + 1] == "/" {
            depth -= 1
            i += 2
          } else {
            i += 1
          }
        } while depth > 0 && i < s.count
        continue
      }
      if s[i] == "#" || s[i] == "\"" {
        // A (raw, possibly multi-line) string literal: skip to its closing delimiter. Its
        // interpolations hold no declarations.
        var hashes = 0
        var j = i
        while j < s.count && s[j] == "#" {
          hashes += 1
          j += 1
        }
        guard j < s.count && s[j] == "\"" else {
          out.append(s[i])
          i += 1
          continue
        }
        let multiLine = j + 2 < s.count && s[j + 1] == "\"" && s[j + 2] == "\""
        let quotes = multiLine ? 3 : 1
        j += quotes
        while j < s.count {
          if hashes == 0 && s[j] == "\\" {
            j += 2
            continue
          }
          if s[j] == "\"" && (0..<quotes).allSatisfy({ j + $0 < s.count && s[j + $0] == "\"" })
            && (0..<hashes).allSatisfy({ j + quotes + $0 < s.count && s[j + quotes + $0] == "#" })
          {
            j += quotes + hashes
            break
          }
          j += 1
        }
        out += "\"\""
        i = j
        continue
      }
      out.append(s[i])
      i += 1
    }
    return out
  }
}
