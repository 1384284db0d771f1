import CatchmentGeometry

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
    var out: [UInt8] = []
    out.reserveCapacity(24 * layer.xs.count + 128 * layer.count)
    out += Array("{\"type\":\"FeatureCollection\",\"name\":\(quoted(table.name)),\"features\":[\n".utf8)
    for f in 0..<layer.count {
      var properties = "{\"type\":\"Feature\",\"properties\":{"
      for (k, (column, value)) in zip(table.columns, table.rows[f]).enumerated() {
        properties += (k > 0 ? "," : "") + quoted(column.name) + ":" + json(value)
      }
      out += Array((properties + "},\"geometry\":").utf8)
      let polygons = layer.polygons(ofFeature: f)
      if polygons.isEmpty {
        out += Array("null".utf8)
      } else {
        out += Array("{\"type\":\"MultiPolygon\",\"coordinates\":[".utf8)
        for (n, p) in polygons.enumerated() {
          if n > 0 { out.append(0x2C) }
          out.append(0x5B)
          for (k, r) in layer.rings(ofPolygon: p).enumerated() {
            if k > 0 { out.append(0x2C) }
            try ring(r, of: layer, exterior: k == 0, feature: f, table: table.name, into: &out)
          }
          out.append(0x5D)
        }
        out += Array("]}".utf8)
      }
      out += Array((f + 1 < layer.count ? "},\n" : "}\n").utf8)
    }
    out += Array("]}\n".utf8)
    return out
  }

  /// Appends ring `r` as a JSON array of positions, turned to run counter-clockwise
  /// (exterior) or clockwise (hole): the shoelace sign says which way it runs.
  static func ring(
    _ r: Int, of layer: PolygonLayer, exterior: Bool, feature f: Int, table: String, into out: inout [UInt8]
  ) throws(GeodataWriteError) {
    let points = layer.points(ofRing: r)
    let anticlockwise = layer.signedDoubleArea(ofRing: r) > 0
    let order: [Int] = anticlockwise == exterior ? Array(points) : points.reversed()
    out.append(0x5B)
    for (k, i) in order.enumerated() {
      let x = layer.xs[i], y = layer.ys[i]
      guard (-180...180).contains(x), (-90...90).contains(y) else {
        throw GeodataWriteError(
          layer: table, feature: f + 1, reason: "(\(x), \(y)) is not a longitude, latitude in WGS 84: transform the layer first")
      }
      out.append(contentsOf: k > 0 ? [0x2C, 0x5B] : [0x5B])
      appendCoordinate(x, to: &out)
      out.append(0x2C)
      appendCoordinate(y, to: &out)
      out.append(0x5D)
    }
    out.append(0x5D)
  }

  /// `x` (a longitude or latitude, |x| ≤ 180) to the nearest 10^-7 (`(x·10^7).rounded()`, ties
  /// away from zero), trailing zeros and a trailing point removed, "-0" written "0".
  static func appendCoordinate(_ x: Double, to out: inout [UInt8]) {
    let scaled = Int64((x * 1e7).rounded())  // |x| ≤ 180 (checked by the caller): fits
    if scaled < 0 { out.append(0x2D) }
    let magnitude = scaled.magnitude
    out += Array(String(magnitude / 10_000_000).utf8)
    var fraction = magnitude % 10_000_000
    guard fraction > 0 else { return }
    var width = 7
    while fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    out.append(0x2E)
    let digits = Array(String(fraction).utf8)
    out += Array(repeating: 0x30, count: width - digits.count) + digits
  }

  /// ``appendCoordinate(_:to:)`` as a string.
  static func coordinate(_ x: Double) -> String {
    var out: [UInt8] = []
    appendCoordinate(x, to: &out)
    return String(decoding: out, as: UTF8.self)
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
