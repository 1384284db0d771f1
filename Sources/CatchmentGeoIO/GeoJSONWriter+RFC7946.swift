import CatchmentGeometry
import Foundation

/// RFC 7946 GeoJSON from a ``FeatureTable`` whose coordinates are WGS 84 longitude/latitude.
extension GeoJSONWriter {
  /// The most decimal places written: 1e-7 degree is about 1 cm on the ground (RFC 7946 §11.2
  /// advises that precision beyond about 6 places is not meaningful).
  public static let decimalPlaces = 7

  /// The table as an RFC 7946 FeatureCollection, one feature per line.
  ///
  /// Follows RFC 7946: coordinates are WGS 84 longitude, latitude (§4; the caller transforms
  /// them, the writer checks them: longitude in [-180, 180], latitude in [-90, 90]) and no
  /// `crs` member is written; each feature is a MultiPolygon (§3.1.7) whose exterior rings
  /// run counter-clockwise and holes clockwise (§3.1.6; rings are reversed where needed), or
  /// `null` for a feature without polygons (§3.2); coordinates have at most
  /// ``decimalPlaces`` decimals, trailing zeros trimmed. Properties keep the column order
  /// and types: strings, numbers (integers as written, reals in the shortest form that reads
  /// back to the same Double) and `null`. The collection carries the layer's `name` (a
  /// foreign member, §6.1, which GDAL reads as the layer name). The same table always gives
  /// the same bytes.
  ///
  /// - Throws: ``GeodataWriteError`` for a table that fails ``FeatureTable/check()``, or a
  ///   coordinate out of range (naming the feature): a layer in another CRS.
  public static func rfc7946(_ table: FeatureTable) throws(GeodataWriteError) -> [UInt8] {
    try table.check()
    let layer = table.geometry
    var text = "{\"type\":\"FeatureCollection\",\"name\":\(quoted(table.name)),\"features\":[\n"
    for f in 0..<layer.count {
      var feature = "{\"type\":\"Feature\",\"properties\":{"
      for (k, (column, value)) in zip(table.columns, table.rows[f]).enumerated() {
        feature += (k > 0 ? "," : "") + quoted(column.name) + ":" + json(value)
      }
      feature += "},\"geometry\":"
      let polygons = layer.polygons(ofFeature: f)
      if polygons.isEmpty {
        feature += "null"
      } else {
        feature += "{\"type\":\"MultiPolygon\",\"coordinates\":["
        for (n, p) in polygons.enumerated() {
          feature += (n > 0 ? ",[" : "[")
          for (k, r) in layer.rings(ofPolygon: p).enumerated() {
            feature += (k > 0 ? "," : "") + (try ring(r, of: layer, exterior: k == 0, feature: f, table: table.name))
          }
          feature += "]"
        }
        feature += "]}"
      }
      text += feature + "}" + (f + 1 < layer.count ? ",\n" : "\n")
    }
    text += "]}\n"
    return Array(text.utf8)
  }

  /// Ring `r` as a JSON array of positions, turned to run counter-clockwise (exterior) or
  /// clockwise (hole): the shoelace sign says which way it runs.
  static func ring(_ r: Int, of layer: PolygonLayer, exterior: Bool, feature f: Int, table: String) throws(GeodataWriteError) -> String {
    let points = layer.points(ofRing: r)
    let anticlockwise = layer.signedDoubleArea(ofRing: r) > 0
    let order: [Int] = anticlockwise == exterior ? Array(points) : points.reversed()
    var out = "["
    for (k, i) in order.enumerated() {
      let x = layer.xs[i], y = layer.ys[i]
      guard (-180...180).contains(x), (-90...90).contains(y) else {
        throw GeodataWriteError(
          layer: table, feature: f + 1, reason: "(\(x), \(y)) is not a longitude, latitude in WGS 84: transform the layer first")
      }
      out += (k > 0 ? ",[" : "[") + coordinate(x) + "," + coordinate(y) + "]"
    }
    return out + "]"
  }

  /// `x` rounded to ``decimalPlaces`` decimals, trailing zeros and a trailing point removed,
  /// and "-0" written "0".
  static func coordinate(_ x: Double) -> String {
    var s = String(format: "%.\(decimalPlaces)f", x)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }

  /// A property value as JSON.
  static func json(_ value: FeatureTable.Value) -> String {
    switch value {
    case .text(let s): return quoted(s)
    case .integer(let n): return String(n)
    // Swift's description is the shortest decimal that reads back exactly ("0.1", "1e-07"),
    // valid JSON for every finite value (check() refuses the others).
    case .real(let x): return x == 0 ? "0" : x.description
    case .null: return "null"
    }
  }
}
