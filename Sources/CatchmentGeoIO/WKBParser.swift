import CatchmentGeometry

/// Parses GeoPackage geometry blobs and the ISO WKB inside them into a layer.
///
/// Polygonal types: Polygon (3) and MultiPolygon (6), and the curved types GDAL writes for
/// layers of curves when their pieces are straight: CurvePolygon (10), whose rings are each a
/// LineString (2) or a CompoundCurve (9) of LineStrings, and MultiSurface (12) of Polygons and
/// CurvePolygons. GDAL reads those as polygons; so do we. A CircularString (8) anywhere in a
/// ring is a true arc, which we do not approximate: it is refused. Every count read from the
/// blob is checked against the bytes left before it is used.
struct WKBParser {
  struct Failure: Error { let message: String }
  enum Kind { case polygonal, empty, other }

  let bytes: UnsafeRawBufferPointer
  var at = 0

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// A WKB geometry header: byte order, base type (1…17, Z/M stripped) and coordinates per point.
  struct Header {
    let little: Bool
    let type: UInt32
    let dimensions: Int
  }

  mutating func geoPackageGeometry(into layer: inout PolygonLayer) throws -> Kind {
    guard bytes.count >= 8, bytes[0] == 0x47, bytes[1] == 0x50 else { throw Failure(message: "not a GeoPackage geometry (no 'GP' magic)") }
    let flags = bytes[3]
    let envelope = Int((flags >> 1) & 0x07)
    guard envelope <= 4 else { throw Failure(message: "bad envelope indicator \(envelope)") }
    if flags & 0x10 != 0 { return .empty }
    at = 8 + [0, 32, 48, 48, 64][envelope]
    return try geometry(into: &layer)
  }

  mutating func header() throws -> Header {
    let little = try byte() == 1
    var type = try uint32(little)
    // EWKB-style flags (PostGIS) as well as ISO type codes.
    var dimensions = 2
    if type & 0x8000_0000 != 0 { dimensions += 1 }
    if type & 0x4000_0000 != 0 { dimensions += 1 }
    type &= 0x0FFF_FFFF
    switch type / 1000 {
    case 1, 2: dimensions += 1
    case 3: dimensions += 2
    default: break
    }
    return Header(little: little, type: type % 1000, dimensions: dimensions)
  }

  mutating func geometry(into layer: inout PolygonLayer) throws -> Kind {
    let header = try header()
    switch header.type {
    case 3, 10:
      try surface(header, into: &layer)
      return .polygonal
    case 6, 12:
      let count = try uint32(header.little)
      for _ in 0..<count {
        let inner = try self.header()
        guard inner.type == 3 || (header.type == 12 && inner.type == 10) else {
          throw Failure(message: "a \(Self.name(header.type)) holds a \(Self.name(inner.type))")
        }
        try surface(inner, into: &layer)
      }
      return .polygonal
    default:
      return .other
    }
  }

  /// A Polygon (rings of points) or CurvePolygon (rings that are each a WKB curve), its header read.
  mutating func surface(_ header: Header, into layer: inout PolygonLayer) throws {
    let rings = try uint32(header.little)
    for _ in 0..<rings {
      if header.type == 3 {
        try points(header.little, header.dimensions, into: &layer)
      } else {
        try curve(into: &layer)
      }
      layer.endRing()
    }
    layer.endPolygon()
  }

  /// One ring of a CurvePolygon: a LineString, or a CompoundCurve of LineStrings.
  mutating func curve(into layer: inout PolygonLayer) throws {
    let header = try header()
    switch header.type {
    case 2:
      try points(header.little, header.dimensions, into: &layer)
    case 9:
      let parts = try uint32(header.little)
      for part in 0..<parts {
        let inner = try self.header()
        guard inner.type == 2 else { throw Self.unsupported(inner.type, in: "a CompoundCurve") }
        // Each part starts where the previous one ended: that shared point is kept once.
        try points(inner.little, inner.dimensions, into: &layer, skipFirst: part > 0)
      }
    default:
      throw Self.unsupported(header.type, in: "a CurvePolygon")
    }
  }

  static func unsupported(_ type: UInt32, in container: String) -> Failure {
    if type == 8 {
      return Failure(message: "\(container) has a CircularString ring piece: true arcs are not read; linearise them first (e.g. ogr2ogr -nlt MULTIPOLYGON)")
    }
    return Failure(message: "\(container) holds a \(name(type)), not a ring")
  }

  static func name(_ type: UInt32) -> String {
    let names: [UInt32: String] = [
      1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection",
      8: "CircularString", 9: "CompoundCurve", 10: "CurvePolygon", 11: "MultiCurve", 12: "MultiSurface",
    ]
    return names[type] ?? "geometry of type \(type)"
  }

  /// A point count and the points, appended to the ring being built.
  mutating func points(_ little: Bool, _ dimensions: Int, into layer: inout PolygonLayer, skipFirst: Bool = false) throws {
    let points = Int(try uint32(little))
    guard points <= (bytes.count - at) / (dimensions * 8) else { throw Failure(message: "WKB ring runs past the end of the blob") }
    for k in 0..<points {
      let x = double(little, at), y = double(little, at + 8)
      at += dimensions * 8
      guard x.isFinite && y.isFinite else { throw Failure(message: "point \(k + 1) of a ring is not a finite coordinate (\(x), \(y))") }
      if k == 0 && skipFirst && layer.xs.count > Int(layer.ringPoints.last!) { continue }
      layer.addPoint(x: x, y: y)
    }
  }

  mutating func byte() throws -> UInt8 {
    guard at < bytes.count else { throw Failure(message: "WKB ends early") }
    defer { at += 1 }
    return bytes[at]
  }

  mutating func uint32(_ little: Bool) throws -> UInt32 {
    guard at + 4 <= bytes.count else { throw Failure(message: "WKB ends early") }
    defer { at += 4 }
    let raw = bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)
    return little ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
  }

  func double(_ little: Bool, _ offset: Int) -> Double {
    let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    return Double(bitPattern: little ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw))
  }
}
