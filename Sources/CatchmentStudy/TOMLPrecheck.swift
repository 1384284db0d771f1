/// Finds the first character that toml++ must not see outside strings and comments, so that the
/// study file is refused with a syntax error before TOMLKit parses it.
///
/// Why: toml++ 3 (under TOMLKit 0.6.0) stops the process on an internal assertion in
/// `parser::parse_key` when a table header's key starts with anything but a bare-key character
/// or a quote: `[\u{FFFD}ayers.lad]`, `[\u{1}ayers.lad]`, `[\eview]`, `[.a]` all abort (found by
/// `StudyValidationTests.arbitraryInputNeverCrashes`). None of these is valid TOML, so refusing
/// them first keeps "never crash on any input" without changing what valid TOML means:
/// - outside strings and comments, only printable ASCII, tab, CR and LF (TOML 1.0 allows other
///   characters only inside strings and comments, and control characters nowhere outside them);
/// - a table header (a `[` or `[[` first on its line, outside any array or inline table) must be
///   followed, after blanks, by a bare-key character, a quote or `]` (which toml++ reports
///   itself).
///
/// The scan follows TOML's four string forms (`"…"` with escapes, `'…'`, `"""…"""` with escapes,
/// `'''…'''`) and `#` comments; an unterminated single-line string ends at its line's end, an
/// unterminated multi-line string at the file's end, leaving the error to the parser.
///
/// - Returns: the 1-based line and column (in characters) of the offending character, or nil.
func firstForbiddenCharacterOutsideStrings(_ text: String) -> (line: Int, column: Int, character: Unicode.Scalar)? {
  enum State { case normal, comment, basic, literal, multiBasic, multiLiteral }
  let scalars = Array(text.unicodeScalars)
  var state = State.normal
  var line = 1
  var column = 0
  var i = 0
  // Nesting of arrays and inline tables in values, and whether only blanks precede `i` on its
  // line: a `[` first on its line at depth 0 opens a table header.
  var depth = 0
  var lineStart = true
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
      if state == .comment || state == .basic || state == .literal { state = .normal }
      i += 1
      continue
    }
    switch state {
    case .normal:
      let allowed = c == "\t" || c == "\r" || (0x20...0x7E).contains(c.value)
      if !allowed { return (line, column, c) }
      let wasLineStart = lineStart
      if c != " " && c != "\t" && c != "\r" { lineStart = false }
      if c == "[" && wasLineStart && depth == 0 {
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
          if !keyStart { return (line, col, k) }
        }
      } else if c == "[" || c == "{" {
        depth += 1
      } else if c == "]" || c == "}" {
        depth = max(0, depth - 1)
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
