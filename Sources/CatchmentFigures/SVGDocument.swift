/// A standalone SVG document, also usable inline in HTML.
///
/// The root carries `role="img"` and `aria-labelledby` naming its `<title>` and `<desc>` (ids
/// prefixed by the figure's ``id`` so that several figures inline in one HTML page never clash).
/// Presentation attributes only — no `<style>` that would leak into a page, no `href`, no
/// `url(…)`, no external reference of any kind; numbers are written with fixed decimals, so the
/// same figure always gives the same bytes.
public struct SVGDocument: Sendable {
  /// Prefix of every id in the document (letters, digits, "-" and "_"; others become "_").
  public let id: String
  public let width: Double
  public let height: Double
  public let title: String
  public let description: String
  private var body: [String] = []

  public init(id: String, width: Double, height: Double, title: String, description: String) {
    self.id = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
    self.width = width
    self.height = height
    self.title = title
    self.description = description
  }

  /// Appends raw markup (built with ``escape(_:)`` for any text).
  public mutating func append(_ element: String) { body.append(element) }

  /// Appends a `<text>` element at (x, y) with the attributes given (name → value, written in
  /// the order given) and `content` escaped.
  public mutating func text(_ content: String, x: Double, y: Double, attributes: [(String, String)] = []) {
    var tag = "<text x=\"\(NumberText.coordinate(x))\" y=\"\(NumberText.coordinate(y))\""
    for (name, value) in attributes { tag += " \(name)=\"\(Self.escape(value))\"" }
    body.append(tag + ">" + Self.escape(content) + "</text>")
  }

  /// Appends a rectangle.
  public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
    let c = NumberText.coordinate
    let size = "width=\"\(c(max(width, 0), 1))\" height=\"\(c(max(height, 0), 1))\""
    body.append("<rect x=\"\(c(x, 1))\" y=\"\(c(y, 1))\" \(size) fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)/>")
  }

  /// The whole document.
  public var text: String {
    let w = NumberText.coordinate(width, decimals: 0), h = NumberText.coordinate(height, decimals: 0)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
    out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"sans-serif\" font-size=\"11\">\n"
    out += "<title id=\"\(id)-title\">\(Self.escape(title))</title>\n"
    out += "<desc id=\"\(id)-desc\">\(Self.escape(description))</desc>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
    for element in body { out += element + "\n" }
    return out + "</svg>\n"
  }

  /// `text` with the five XML special characters escaped, and control characters other than
  /// tab and newline (not allowed in XML 1.0) replaced by U+FFFD.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
