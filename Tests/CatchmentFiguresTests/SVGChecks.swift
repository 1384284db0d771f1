import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What a figure must be, read back with Foundation's XMLParser: well-formed XML whose root is
/// an `<svg role="img">` labelled by its `<title>` and `<desc>`, no external reference.
struct ParsedSVG {
  var rootAttributes: [String: String] = [:]
  var title = ""
  var desc = ""
  var ids: [String: String] = [:]  // element id → element name
  var elements: [(name: String, attributes: [String: String])] = []
  var texts: [String] = []
}

final class SVGReader: NSObject, XMLParserDelegate {
  var parsed = ParsedSVG()
  var stack: [String] = []
  /// Character data of each open element (a `<text>`'s own, apart from its `<tspan>`s').
  var buffers: [String] = []

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    if stack.isEmpty { parsed.rootAttributes = attributes }
    if let id = attributes["id"] { parsed.ids[id] = name }
    parsed.elements.append((name, attributes))
    stack.append(name)
    buffers.append("")
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !buffers.isEmpty { buffers[buffers.count - 1] += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
    let text = buffers.popLast() ?? ""
    if name == "title" && stack.count == 1 { parsed.title = text }
    if name == "desc" && stack.count == 1 { parsed.desc = text }
    if name == "text" || name == "tspan" { parsed.texts.append(text) }
  }
}

/// Parses `svg` and checks what every figure must have; returns the parse for further checks.
@discardableResult
func checkFigure(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ParsedSVG {
  let parser = XMLParser(data: Data(svg.utf8))
  let reader = SVGReader()
  parser.delegate = reader
  #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
  let parsed = reader.parsed
  #expect(parsed.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
  #expect(parsed.rootAttributes["role"] == "img", sourceLocation: sourceLocation)
  let labelledBy = (parsed.rootAttributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
  #expect(labelledBy.count == 2 && labelledBy.map { parsed.ids[$0] } == ["title", "desc"], sourceLocation: sourceLocation)
  #expect(!parsed.title.isEmpty && !parsed.desc.isEmpty, sourceLocation: sourceLocation)
  #expect(!svg.contains("href") && !svg.contains("url(") && !svg.contains("<image") && !svg.contains("<script"), sourceLocation: sourceLocation)
  #expect(svg.components(separatedBy: "http").count == 2, "only the namespace may name an address", sourceLocation: sourceLocation)
  return parsed
}

/// Writes `svg` as `name` into $CATCHMENT_FIGURES_DIR when that is set (to look at the figures).
func keepForLooking(_ svg: String, name: String) {
  guard let folder = ProcessInfo.processInfo.environment["CATCHMENT_FIGURES_DIR"] else { return }
  try? svg.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
}
