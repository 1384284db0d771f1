/// Finds the first place in a study file that would crash toml++, so that the file is refused
/// with a syntax error before TOMLKit parses it.
///
/// Why: toml++ 3 (under TOMLKit 0.6.0) stops the process on internal assertions (in release
/// builds they become `__builtin_assume`, undefined behaviour) for some invalid TOML, found by
/// the fuzz loop `StudyValidationTests.arbitraryInputNeverCrashes`. None of what is refused here
/// is valid TOML, so "never crash on any input" holds without changing what valid TOML means:
/// - Outside strings and comments, only printable ASCII, tab, CR and LF (TOML 1.0 allows other
///   characters only inside strings and comments). `[\u{FFFD}ayers.lad]` and
///   `[\u{1}ayers.lad]` aborted in `parser::parse_key`.
/// - A table header (a `[` or `[[` first on its line, outside any array or inline table) is
///   followed, after blanks, by a bare-key character, a quote or `]` (which toml++ reports
///   itself). `[\\eview]` and `[.a]` aborted in `parser::parse_key`.
/// - In an array, an element does not start with `}`. `[1, }` aborted in `parser::parse_value`.
/// - At most ``maxKeyDots`` dots per line (outside strings, not between digits as in numbers and
///   times): toml++ builds and frees nested tables recursively, and `a.a.a.…b = 1` 100,000
///   levels deep overflowed the stack (signal 11, `StudyValidationTests.pathologicalInputIsAnError`).
///   A study's deepest key has two dots (`zones.centroids.crs`).
///
/// The scan follows TOML's four string forms (`"…"` with escapes, `'…'`, `"""…"""` with escapes,
/// `'''…'''`) and `#` comments; an unterminated single-line string ends at its line's end, an
/// unterminated multi-line string at the file's end, leaving the error to the parser.
///
/// - Returns: the 1-based line and column (in characters) of the offending character and what is
///   wrong, or nil.
func tomlPrecheck(_ text: String) -> (line: Int, column: Int, problem: String)? {
  enum State { case normal, comment, basic, literal, multiBasic, multiLiteral }
  let scalars = Array(text.unicodeScalars)
  var state = State.normal
  var line = 1
  var column = 0
  var i = 0
  // Nesting of arrays and inline tables in values, and whether only blanks precede `i` on its
  // line: a `[` first on its line outside any of them opens a table header.
  var nesting: [Unicode.Scalar] = []
  var lineStart = true
  // After `[` or `,` in an array, until the next character that is not blank, a line break or
  // a comment: toml++ asserts that the element does not start with `}`.
  var expectingArrayElement = false
  var dotsOnLine = 0
  func isDigit(_ index: Int) -> Bool {
    index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index])
  }
  func forbidden(_ c: Unicode.Scalar) -> String {
    let hex = String(c.value, radix: 16, uppercase: true)
    let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return "character U+\(code) not allowed here (outside strings and comments: printable ASCII only; a table header starts with a key)"
  }
  func starts(_ s: String, at index: Int) -> Bool {
    let pattern = Array(s.unicodeScalars)
    guard index + pattern.count <= scalars.count else { return false }
    return Array(scalars[index..<index + pattern.count]) == pattern
  }
  while i < scalars.count {
    let c = scalars[i]
    column += 1
    if c == "\n" {
      line += 1
      column = 0
      lineStart = true
      dotsOnLine = 0
      if state == .comment || state == .basic || state == .literal { state = .normal }
      i += 1
      continue
    }
    switch state {
    case .normal:
      let allowed = c == "\t" || c == "\r" || (0x20...0x7E).contains(c.value)
      if !allowed { return (line, column, forbidden(c)) }
      let wasLineStart = lineStart
      let blank = c == " " || c == "\t" || c == "\r"
      if !blank { lineStart = false }
      if expectingArrayElement && !blank && c != "#" {
        expectingArrayElement = false
        if c == "}" { return (line, column, "expected a value or ']' in the array, saw '}'") }
      }
      if c == "[" && wasLineStart && nesting.isEmpty {
        // A table header: skip a second `[` and blanks, then look at the key's first character.
        var j = i + 1
        var col = column + 1
        if j < scalars.count, scalars[j] == "[" {
          j += 1
          col += 1
        }
        while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" {
          j += 1
          col += 1
        }
        if j < scalars.count {
          let k = scalars[j]
          let keyStart = isBareKeyScalar(k) || k == "\"" || k == "'" || k == "]"
          if !keyStart { return (line, col, forbidden(k)) }
        }
      } else if c == "[" || c == "{" {
        nesting.append(c)
        expectingArrayElement = c == "["
      } else if c == "]" || c == "}" {
        _ = nesting.popLast()
      } else if c == ",", nesting.last == "[" {
        expectingArrayElement = true
      } else if c == ".", !(isDigit(i - 1) && isDigit(i + 1)) {
        dotsOnLine += 1
        if dotsOnLine > maxKeyDots { return (line, column, "key nested more than \(maxKeyDots) levels deep") }
      } else if c == "#" {
        state = .comment
      } else if starts("\"\"\"", at: i) {
        state = .multiBasic
        i += 2
        column += 2
      } else if starts("'''", at: i) {
        state = .multiLiteral
        i += 2
        column += 2
      } else if c == "\"" {
        state = .basic
      } else if c == "'" {
        state = .literal
      }
    case .comment:
      break
    case .basic, .multiBasic:
      if c == "\\" {
        // Skip the escaped character (unless it is the newline, handled above).
        if i + 1 < scalars.count, scalars[i + 1] != "\n" {
          i += 1
          column += 1
        }
      } else if state == .basic, c == "\"" {
        state = .normal
      } else if state == .multiBasic, starts("\"\"\"", at: i) {
        state = .normal
        i += 2
        column += 2
      }
    case .literal:
      if c == "'" { state = .normal }
    case .multiLiteral:
      if starts("'''", at: i) {
        state = .normal
        i += 2
        column += 2
      }
    }
    i += 1
  }
  return nil
}

/// The most dots (outside strings, not between digits) a line of a study file may have.
let maxKeyDots = 32
