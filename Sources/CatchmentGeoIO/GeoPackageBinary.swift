import CatchmentGeometry

/// Encodes a feature's polygons as a GeoPackage geometry blob (OGC 12-128r18, GeoPackage
/// Encoding Standard 1.3, clause 2.1.3 "Geometry Encoding", GeoPackageBinary).
///
/// Layout, all little-endian:
///
///     bytes 0–1   magic "GP" (0x47 0x50)
///     byte  2     version 0 (GeoPackage 1)
///     byte  3     flags 0b0000_0011: bit 0 = 1 little-endian header, bits 1–3 = 1 envelope
///                 [minx, maxx, miny, maxy], bit 4 = 0 not empty, bit 5 = 0 standard type
///     bytes 4–7   srs_id (Int32)
///     bytes 8–39  envelope: minx, maxx, miny, maxy (Float64)
///     then        ISO WKB MultiPolygon (type 6), little-endian (byte order 1): number of
///                 polygons, each a WKB Polygon (type 3) with its rings, each ring its number
///                 of points and x, y (Float64).
///
/// A feature without polygons has no blob: the writer stores NULL.
enum GeoPackageBinary {
  /// An envelope in the layer's CRS units.
  struct Envelope: Equatable {
    var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
    var isEmpty: Bool { minX > maxX }
    mutating func add(x: Double, y: Double) {
      minX = min(minX, x)
      maxX = max(maxX, x)
      minY = min(minY, y)
      maxY = max(maxY, y)
    }
    mutating func add(_ other: Envelope) {
      guard !other.isEmpty else { return }
      add(x: other.minX, y: other.minY)
      add(x: other.maxX, y: other.maxY)
    }
  }

  /// The bounding box of feature `f` of `layer` (empty when it has no polygon).
  static func envelope(feature f: Int, of layer: PolygonLayer) -> Envelope {
    var envelope = Envelope()
    for p in layer.polygons(ofFeature: f) {
      for r in layer.rings(ofPolygon: p) {
        for i in layer.points(ofRing: r) { envelope.add(x: layer.xs[i], y: layer.ys[i]) }
      }
    }
    return envelope
  }

  /// The blob of feature `f` of `layer` with `srsID`, or nil for a feature without polygons.
  static func blob(feature f: Int, of layer: PolygonLayer, srsID: Int32) -> [UInt8]? {
    let envelope = envelope(feature: f, of: layer)
    guard !envelope.isEmpty else { return nil }
    var out: [UInt8] = [0x47, 0x50, 0, 0b0000_0011]
    out.reserveCapacity(48 + 16 * layer.polygons(ofFeature: f).count)
    append(UInt32(bitPattern: srsID), to: &out)
    for value in [envelope.minX, envelope.maxX, envelope.minY, envelope.maxY] { append(value.bitPattern, to: &out) }
    // WKB MultiPolygon: byte order, type, number of polygons.
    out.append(1)
    append(UInt32(6), to: &out)
    let polygons = layer.polygons(ofFeature: f)
    append(UInt32(polygons.count), to: &out)
    for p in polygons {
      out.append(1)
      append(UInt32(3), to: &out)
      let rings = layer.rings(ofPolygon: p)
      append(UInt32(rings.count), to: &out)
      for r in rings {
        let points = layer.points(ofRing: r)
        append(UInt32(points.count), to: &out)
        for i in points {
          append(layer.xs[i].bitPattern, to: &out)
          append(layer.ys[i].bitPattern, to: &out)
        }
      }
    }
    return out
  }

  /// Appends `value` little-endian.
  static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
    var v = value.littleEndian
    withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
  }
}
