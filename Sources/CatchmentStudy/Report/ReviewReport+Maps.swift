import CatchmentFigures
import CatchmentGeoIO
import CatchmentGeometry

/// The maps section, and the footprint geometry the flow and proposal maps share.
extension ReportBuilder {
  /// Map size in pixels: two maps side by side fit an A4 landscape page.
  static let mapWidth = 520.0, mapHeight = 560.0

  /// The footprints of `file` (a GeoJSON FeatureCollection with `footprint_id` and
  /// `footprint_name` properties, as the pack writes them) prepared for drawing; nil when the
  /// pack has no such file.
  func geometry(_ file: String, width: Double = mapWidth) throws(ReviewReportError) -> DisplayGeometry? {
    guard pack.names.contains(file) else { return nil }
    let path = pack.path(file)
    let bytes = try pack.data(file)
    let layer: PolygonLayer
    do {
      layer = try GeoJSONReader.read(data: bytes, file: path, fields: BoundaryFields(id: "footprint_id", name: "footprint_name")).0
    } catch {
      // The reader's message names the file already.
      let text = "\(error)"
      throw .malformed(file: path, line: nil, problem: text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text)
    }
    do {
      return try DisplayGeometry(layer: layer, width: width, height: Self.mapHeight)
    } catch {
      throw .malformed(file: path, line: nil, problem: "cannot be drawn: \(error)")
    }
  }

  /// The layers with footprints in the pack: the baseline first, the others by name.
  var mappedLayers: [String] {
    let layers = pack.matching("footprints_", ".geojson").map(\.middle)
    return layers.filter { $0 == pack.baseline } + layers.filter { $0 != pack.baseline }
  }

  mutating func addMaps() throws(ReviewReportError) {
    var body = ""
    for layer in mappedLayers {
      guard let geometry = try geometry("footprints_\(layer).geojson") else { continue }
      var maps = ""
      if let population = try pack.table("population_\(layer).csv") {
        learnNames(layer, population, id: "footprint_id", name: "footprint_name")
        let values = column(population, "population")
        let svg = ChoroplethMap.svg(
          id: "map-\(layer)-population", title: "Residents of each \(layer) footprint",
          description: "Each footprint of layer \(layer) shaded by its resident population (viridis from 0; grey: no data).",
          geometry: geometry, values: values, scale: .counts(.viridis, values: Array(values.values)),
          format: .count("residents"), measure: "Resident population")
        maps += add("map_\(layer)_population", svg, caption: "\(layer): residents")
      }
      if layer == pack.baseline, let summary = try pack.table("flow_summary_\(layer).csv") {
        let retention = column(summary, "retention"), net = column(summary, "net")
        let r = ChoroplethMap.svg(
          id: "map-\(layer)-retention", title: "Retention of each \(layer) footprint",
          description: "Share of each footprint's registered residents whose practice is in the footprint (cividis).",
          geometry: geometry, values: retention, scale: .sequential(.cividis, values: Array(retention.values)),
          format: .percent("% of registered residents"), measure: "Retention")
        maps += add("map_\(layer)_retention", r, caption: "\(layer): retention")
        let n = ChoroplethMap.svg(
          id: "map-\(layer)-net", title: "Net flow of each \(layer) footprint",
          description: "Registered list minus registered residents (inflow − outflow), diverging scale centred on 0.",
          geometry: geometry, values: net, scale: .diverging(values: Array(net.values)),
          format: .count("patients"), measure: "Net flow (inflow − outflow)")
        maps += add("map_\(layer)_net", n, caption: "\(layer): net flow")
      }
      if maps.isEmpty {
        let plain = ChoroplethMap.svg(
          id: "map-\(layer)", title: "Footprints of \(layer)", description: "The footprints of layer \(layer).",
          geometry: geometry, values: [:], scale: .sequential(values: []), format: .count(""), measure: "")
        maps += add("map_\(layer)", plain, caption: "\(layer): footprints")
      }
      body += "<h3>\(ReportHTML.escape(layer))</h3>\n<div class=\"figures\">\n\(maps)</div>\n"
    }
    if !body.isEmpty { sections.append(("maps", "Maps", body)) }
  }

  /// A numeric column by `footprint_id` (UNALLOCATED and empty values left out).
  func column(_ table: PackTable, _ name: String) -> [String: Double] {
    var out: [String: Double] = [:]
    for row in table.rows {
      let code = table.text(row, "footprint_id")
      if code != "UNALLOCATED", let v = table.number(row, name) { out[code] = v }
    }
    return out
  }
}
