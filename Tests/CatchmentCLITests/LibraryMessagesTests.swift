import CatchmentTestSupport
import Foundation
import Testing

/// Library messages never name a command-line option: the CLI alone maps library errors to its
/// flags (``ErrorMessages``). Checked by reading every string literal of the library targets.
@Suite struct LibraryMessagesTests {
  /// The library targets: every `Sources/Catchment*` folder but the CLI's, so that a new target
  /// is checked without being listed here.
  static let libraries: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Sources").path)) ?? []
    return names.filter { $0.hasPrefix("Catchment") && $0 != "CatchmentCLI" }.sorted()
  }()

  @Test func noLibraryStringLiteralNamesAnOption() throws {
    var offenders: [String] = []
    var files = 0
    for library in Self.libraries {
      let folder = packageRoot.appendingPathComponent("Sources").appendingPathComponent(library)
      let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
      for case let url as URL in enumerator where url.pathExtension == "swift" {
        files += 1
        let source = try String(contentsOf: url, encoding: .utf8)
        for literal in SwiftStringLiterals.of(source) where SwiftStringLiterals.namesOption(literal) {
          offenders.append("\(library)/\(url.lastPathComponent): \"\(literal)\"")
        }
      }
    }
    // The five targets of issue 10 at least (the list is read from the disk).
    #expect(Set(["CatchmentTables", "CatchmentCore", "CatchmentAnalysis", "CatchmentGeoIO", "CatchmentEngine"]).isSubset(of: Self.libraries))
    #expect(files > 50)
    #expect(offenders == [])
  }

  /// The scanner finds options in literals (plain, multi-line, raw, beside interpolations holding
  /// strings of their own), and not in comments or code.
  @Test func scannerSeesLiteralsNotComments() {
    let source = #"""
      // give --where in a comment
      /* and --layer in /* a nested */ block comment */
      let a = x - -y  // code, not a literal
      let b = "choose one with --layer"
      let c = "\(flag ? "a" : "b") then --zones, \(f("--inner"))"
      let d = """
        multi --line
        """
      let e = #"raw --raw "quoted" \(not interpolated)"#
      let f = "a -- b, --9, and a dash-separated-word"
      """#
    let found = SwiftStringLiterals.of(source).filter(SwiftStringLiterals.namesOption)
    #expect(found.count == 5)
    #expect(found.contains("choose one with --layer"))
    #expect(found.contains("--inner"))
    #expect(found.contains { $0.contains("then --zones") })
    #expect(found.contains { $0.contains("multi --line") })
    #expect(found.contains { $0.hasPrefix("raw --raw") })
  }
}

/// The string literals of Swift source text, with comments skipped and interpolations
/// (`\(…)`) scanned as code (their own literals are listed apart; in the outer one they are `…`).
enum SwiftStringLiterals {
  /// Whether `text` names a command-line option: `--` followed by a letter.
  static func namesOption(_ text: String) -> Bool {
    text.range(of: "--[A-Za-z]", options: .regularExpression) != nil
  }

  static func of(_ source: String) -> [String] {
    var scanner = Scanner(characters: Array(source))
    scanner.code(untilParenthesis: false)
    return scanner.literals
  }

  private struct Scanner {
    let characters: [Character]
    var i = 0
    var literals: [String] = []

    func at(_ offset: Int) -> Character? {
      i + offset < characters.count ? characters[i + offset] : nil
    }

    /// Code until the end, or (inside an interpolation) until its closing parenthesis.
    mutating func code(untilParenthesis: Bool) {
      var depth = 0
      while let c = at(0) {
        if c == "/" && at(1) == "/" {
          while let d = at(0), d != "\n" { i += 1 }
        } else if c == "/" && at(1) == "*" {
          var nesting = 0
          while at(0) != nil {
            if at(0) == "/" && at(1) == "*" { nesting += 1; i += 2 }
            else if at(0) == "*" && at(1) == "/" { nesting -= 1; i += 2; if nesting == 0 { break } }
            else { i += 1 }
          }
        } else if c == "\"" {
          string(hashes: 0)
        } else if c == "#" {
          var hashes = 0
          while at(hashes) == "#" { hashes += 1 }
          if at(hashes) == "\"" { i += hashes; string(hashes: hashes) } else { i += hashes }
        } else if c == "(" {
          depth += 1; i += 1
        } else if c == ")" {
          i += 1
          if depth == 0 && untilParenthesis { return }
          depth -= 1
        } else {
          i += 1
        }
      }
    }

    /// A literal opening at `i` (its quote, after any `#`s), whose delimiters carry `hashes` `#`s.
    mutating func string(hashes: Int) {
      let multiline = at(1) == "\"" && at(2) == "\""
      let quotes = multiline ? 3 : 1
      i += quotes
      var text = ""
      while let c = at(0) {
        if c == "\\" && (0..<hashes).allSatisfy({ at(1 + $0) == "#" }) {
          i += 1 + hashes
          if at(0) == "(" {
            i += 1
            text += "…"
            code(untilParenthesis: true)
          } else if let escaped = at(0) {
            text.append(escaped); i += 1
          }
          continue
        }
        if c == "\"" && (0..<quotes).allSatisfy({ at($0) == "\"" }) && (0..<hashes).allSatisfy({ at(quotes + $0) == "#" }) {
          i += quotes + hashes
          break
        }
        text.append(c); i += 1
      }
      literals.append(text)
    }
  }
}
