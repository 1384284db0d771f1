/// A map of a footprint layer, each footprint shaded by its value of one measure.
///
/// Each footprint is one `<path>` (`id` = figure id + "-f" + its position, `data-id` = its
/// code, `data-value` its value, a `<title>` child for hover), filled through the scale
/// (missing values in grey), outlined in white; zones (optional, in the same frame) outlined
/// faintly on top of the fills, as one path; labels inside their footprints where they fit
/// (`LabelPlacement`), the description saying how many were left out; the legend below.
public enum ChoroplethMap {
  /// The SVG document (map `geometry.frame` size, plus 60 px for the legend).
  ///
  /// - Parameters:
  ///   - values: by footprint code; a footprint without a value is drawn as missing.
  ///   - labels: whether to print each footprint's name (its code when it has no name) and,
  ///     unless `values` is empty, its value.
  public static func svg(
    id: String, title: String, description: String, geometry: DisplayGeometry, values: [String: Double],
    scale: ColourScale, format: ValueFormat, measure: String, zones: DisplayGeometry? = nil, labels: Bool = true
  ) -> String {
    let frame = geometry.frame
    let labelNames = labelNames(geometry)
    let placement = labels
      ? LabelPlacement(geometry: geometry, names: labelNames.names, values: values.isEmpty ? nil : geometry.ids.map { format.text(values[$0]) })
      : nil
    let full = description + (placement.map { " " + labelNote($0) + labelNames.note } ?? "")
    var svg = SVGDocument(id: id, width: max(frame.width, 420), height: frame.height + 60, title: title, description: full)
    var shapes = "<g stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
    var missing = false
    for f in geometry.ids.indices where !geometry.rings[f].isEmpty {
      let code = geometry.ids[f]
      let value = values[code]
      if value == nil || !(value?.isFinite ?? false) { missing = true }
      let name = geometry.names[f].isEmpty ? code : geometry.names[f]
      let hover = "\(name): \(format.text(value))\(format.unit.isEmpty ? "" : " " + format.unit)"
      let dataValue = value.map { $0.isFinite ? NumberText.format($0, decimals: 6, separators: false, asciiMinus: true) : "" } ?? ""
      shapes += "\n<path id=\"\(svg.id)-f\(f)\" data-id=\"\(SVGDocument.escape(code))\" data-value=\"\(dataValue)\""
      shapes += " fill=\"\(scale.colour(value).hex)\" d=\"\(geometry.pathData(f))\"><title>\(SVGDocument.escape(hover))</title></path>"
    }
    svg.append(shapes + "\n</g>")
    if let zones {
      // One path, each zone border once (zones are context, not features).
      svg.append("<path fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.35\" stroke-width=\"0.3\" d=\"\(zones.outlinePathData())\"/>")
    }
    if let placement { drawLabels(into: &svg, placement: placement) }
    Legend.draw(
      into: &svg, scale: scale, format: format, measure: measure, x: 24, y: frame.height + 4,
      width: min(280, max(frame.width, 420) - 120), showsMissing: missing)
    return svg.text
  }

  /// Each footprint's name, or its code when it has none.
  static func names(_ geometry: DisplayGeometry) -> [String] {
    geometry.ids.indices.map { geometry.names[$0].isEmpty ? geometry.ids[$0] : geometry.names[$0] }
  }

  /// The names as labels print them: without the leading and trailing words every name shares
  /// ("NHS … Integrated Care Board", "NHS … CCG"), which say nothing on a map of such footprints
  /// and take most of its room; with the words left out (empty when none). Names are kept whole
  /// when there are fewer than two, or when a name would be left empty.
  static func shortNames(_ names: [String]) -> (names: [String], prefix: String, suffix: String) {
    let words = names.map { $0.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
    guard words.count >= 2, let first = words.first else { return (names, "", "") }
    var lead = 0
    while lead < first.count && words.allSatisfy({ lead < $0.count && $0[lead] == first[lead] }) { lead += 1 }
    var trail = 0
    while trail < first.count && words.allSatisfy({ trail < $0.count && $0[$0.count - 1 - trail] == first[first.count - 1 - trail] }) { trail += 1 }
    guard lead + trail > 0, words.allSatisfy({ $0.count > lead + trail }) else { return (names, "", "") }
    let short = words.map { $0[lead..<($0.count - trail)].joined(separator: " ") }
    return (short, first[..<lead].joined(separator: " "), first[(first.count - trail)...].joined(separator: " "))
  }

  /// The labels' names (shortened) and the description's sentence saying what they leave out.
  static func labelNames(_ geometry: DisplayGeometry) -> (names: [String], note: String) {
    let short = shortNames(names(geometry))
    let words = [short.prefix, short.suffix].filter { !$0.isEmpty }.map { "\u{201C}\($0)\u{201D}" }
    return (short.names, words.isEmpty ? "" : " Labels leave out the words every name has (\(words.joined(separator: " and "))).")
  }

  /// The sentence the description ends with: how many footprints are labelled, how many left
  /// out, how many without their value.
  static func labelNote(_ placement: LabelPlacement) -> String {
    let all = placement.placed.count + placement.dropped.count
    let nameOnly = placement.placed.filter { !$0.hasValue }.count
    var note = placement.dropped.isEmpty
      ? (all == 1 ? "The footprint is labelled." : "All \(NumberText.format(Double(all))) footprints are labelled.")
      : "\(NumberText.format(Double(placement.dropped.count))) of \(NumberText.format(Double(all))) footprint labels left out "
        + "for lack of room; every footprint names itself on hover."
    if nameOnly > 0 && placement.withValues { note += " \(NumberText.format(Double(nameOnly))) labelled by name only." }
    return note
  }

  /// The labels placed (`LabelPlacement`): dark text on a white halo, readable on every
  /// colour of the scales; a wrapped name's lines and the value as `<tspan>`s.
  static func drawLabels(into svg: inout SVGDocument, placement: LabelPlacement) {
    var group = "<g text-anchor=\"middle\" font-size=\"10\" fill=\"#111111\""
    group += " stroke=\"#ffffff\" stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
    let c = NumberText.coordinate
    for label in placement.placed {
      let size = label.fontSize == 10 ? "" : " font-size=\"\(c(label.fontSize, 0))\""
      group += "\n<text x=\"\(c(label.x, 1))\" y=\"\(c(label.firstBaseline, 1))\"\(size)>"
      for (k, line) in label.lines.enumerated() {
        group += k == 0
          ? SVGDocument.escape(line)
          : "<tspan x=\"\(c(label.x, 1))\" dy=\"\(c(LabelPlacement.lineHeight * label.fontSize, 1))\">\(SVGDocument.escape(line))</tspan>"
      }
      group += "</text>"
    }
    svg.append(group + "\n</g>")
  }
}
