import CatchmentGeometry
import Foundation

/// Reads GeoJSON FeatureCollections (RFC 7946) of polygons and multipolygons.
///
/// A byte-level scanner walks the document once and writes coordinates straight into the
/// layer's flat arrays: no JSON tree, no `Codable`, no `String` per coordinate. Members may
/// come in any order (a `crs` after `features`, `coordinates` before `type`). The CRS is
/// CRS84 (RFC 7946 §4) unless a legacy `crs` member names another
/// (`{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}}`, GeoJSON 2008).
/// Features whose geometry is null, or not polygonal, are kept without polygons and counted.
/// A coordinate that is not a finite number (`1e400` overflows to infinity) is an error naming
/// the feature. The id attribute `id` also finds a Feature's own `"id"` member (RFC 7946
/// §3.2, written by geopandas, Fiona and GDAL's `ID_FIELD`) when the properties have no `id`,
/// as GDAL exposes it as a field.
/// Each file is memory-mapped and scanned in place (ONS sets come split into files of a few
/// MB). Speed, for scale: the 296 files of ONS's LSOA 2011 BGC set (96 MB, 32,844 features,
/// 1.9 million points) take about 0.2 s on one core of a 2-core Xeon VM, with the page cache warm.
public enum GeoJSONReader {
  /// Reads the features of `path`.
  ///
  /// - Parameters:
  ///   - path: a GeoJSON FeatureCollection (UTF-8, with or without a byte-order mark).
  ///   - fields: the id and name properties, matched ignoring ASCII case; string or number
  ///     values (numbers as written), `null` for an empty name.
  /// - Returns: the layer, in CRS84 or the legacy `crs` member's CRS, and the counts of null
  ///   and non-polygon geometries.
  /// - Throws: ``GeoIOError`` naming the file, the feature and the problem (malformed JSON, a
  ///   feature without the id attribute).
  public static func read(path: String, fields: BoundaryFields) throws -> (PolygonLayer, LayerReadSummary) {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
      throw GeoIOError(
        file: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read: \(error.localizedDescription)" : "file not found")
    }
    return try read(data: data, file: path, fields: fields)
  }

  /// Reads the features of a GeoJSON document held in memory (a file about to be written),
  /// as ``read(path:fields:)`` reads a file; messages name it `file`.
  public static func read(data: Data, file path: String, fields: BoundaryFields) throws -> (PolygonLayer, LayerReadSummary) {
    try data.withUnsafeBytes { raw in
      var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self), file: path)
      // Skip a UTF-8 byte-order mark.
      if raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF { scanner.position = 3 }
      var parser = Parser(scanner: scanner, fields: fields, path: path)
      try parser.document()
      return (parser.layer, parser.summary)
    }
  }

  private struct Parser {
    var scanner: JSONScanner
    let idKey: [UInt8], nameKey: [UInt8]?
    let readsGeometry: Bool
    let path: String
    var layer = PolygonLayer(crs: .crs84)
    var summary: LayerReadSummary
    /// The first non-finite coordinate of the feature being read (`1e400` parses to infinity),
    /// reported once the feature's id is known.
    var nonFinite: (x: Double, y: Double, point: Int)?
    /// Points read in the feature being read, for messages.
    var pointsRead = 0

    static let featureIDKey = Array("id".utf8)

    init(scanner: JSONScanner, fields: BoundaryFields, path: String) {
      self.scanner = scanner
      idKey = Array(fields.id.lowercased().utf8)
      nameKey = fields.name.map { Array($0.lowercased().utf8) }
      readsGeometry = fields.readsGeometry
      self.path = path
      summary = LayerReadSummary(file: path)
    }

    mutating func document() throws {
      try scanner.expect(0x7B)
      var sawFeatures = false
      if scanner.consume(0x7D) { throw scanner.error("empty document: not a FeatureCollection") }
      repeat {
        let key = try scanner.string()
        try scanner.expect(0x3A)
        switch key {
        case "features":
          sawFeatures = true
          try scanner.expect(0x5B)
          if !scanner.consume(0x5D) {
            repeat { try feature() } while scanner.consume(0x2C)
            try scanner.expect(0x5D)
          }
        case "crs": layer.crs = try legacyCRS()
        case "type":
          let type = try scanner.string()
          if type != "FeatureCollection" { throw scanner.error("a \(type), not a FeatureCollection") }
        default: try scanner.skipValue()
        }
      } while scanner.consume(0x2C)
      try scanner.expect(0x7D)
      if !sawFeatures { throw GeoIOError(file: path, reason: "no \"features\" member: not a FeatureCollection") }
    }

    /// `{"type":"name","properties":{"name":"…"}}` → the CRS it names.
    mutating func legacyCRS() throws -> CRSReference {
      guard scanner.peek() == 0x7B else {
        try scanner.skipValue()
        return .crs84
      }
      var name = ""
      try scanner.expect(0x7B)
      if scanner.consume(0x7D) { return .crs84 }
      repeat {
        let key = try scanner.string()
        try scanner.expect(0x3A)
        if key == "properties" && scanner.peek() == 0x7B {
          try scanner.expect(0x7B)
          if !scanner.consume(0x7D) {
            repeat {
              let inner = try scanner.string()
              try scanner.expect(0x3A)
              if inner == "name" { name = try scanner.scalarText() } else { try scanner.skipValue() }
            } while scanner.consume(0x2C)
            try scanner.expect(0x7D)
          }
        } else {
          try scanner.skipValue()
        }
      } while scanner.consume(0x2C)
      try scanner.expect(0x7D)
      return Self.crs(named: name)
    }

    /// Maps OGC URNs and "EPSG:n" names to a CRS.
    static func crs(named name: String) -> CRSReference {
      let upper = name.uppercased()
      if upper.hasSuffix("CRS84") || upper.hasSuffix("CRS:84") { return .crs84 }
      if let range = upper.range(of: "EPSG") {
        let digits = upper[range.upperBound...].split(whereSeparator: { !$0.isNumber }).last
        if let digits, let code = Int(digits) { return .epsg(code) }
      }
      return name.isEmpty ? .crs84 : .definition(name)
    }

    mutating func feature() throws {
      let index = summary.features
      summary.features += 1
      // A syntax error inside a feature names the feature as well as the byte.
      do { try featureMembers(index) } catch let error as GeoIOError {
        guard error.file == path, let byte = error.location, byte.hasPrefix("byte") else { throw error }
        throw GeoIOError(file: path, location: "feature \(index + 1), \(byte)", reason: error.reason)
      }
    }

    mutating func featureMembers(_ index: Int) throws {
      try scanner.expect(0x7B)
      var id: String?
      // The Feature's own "id" member (RFC 7946 §3.2), which geopandas and Fiona write: GDAL
      // exposes it as a field `id`, used when the properties have none.
      var featureID: String?
      nonFinite = nil
      pointsRead = 0
      var name = ""
      var sawGeometry = false
      if !scanner.consume(0x7D) {
        repeat {
          let key = try scanner.string()
          try scanner.expect(0x3A)
          switch key {
          case "properties":
            if scanner.peek() == 0x7B {
              try scanner.expect(0x7B)
              if !scanner.consume(0x7D) {
                repeat {
                  // The key is compared in place (no String per property); the id and name
                  // attributes may be the same one.
                  let keyStart = scanner.position
                  let isID = try scanner.keyEquals(idKey)
                  var isName = false
                  if let nameKey {
                    scanner.position = keyStart
                    isName = try scanner.keyEquals(nameKey)
                  }
                  try scanner.expect(0x3A)
                  if isID || isName {
                    let value = try scanner.scalarText()
                    if isID { id = value }
                    if isName { name = value }
                  } else {
                    try scanner.skipValue()
                  }
                } while scanner.consume(0x2C)
                try scanner.expect(0x7D)
              }
            } else {
              try scanner.skipValue()
            }
          case "geometry":
            // Parsed where it stands: the polygons added since the previous feature ended
            // belong to this one, whether the properties come before or after.
            sawGeometry = true
            if readsGeometry { try geometry(feature: index) } else { try scanner.skipValue() }
          case "id" where idKey == Self.featureIDKey:
            featureID = try scanner.scalarText()
          default: try scanner.skipValue()
          }
        } while scanner.consume(0x2C)
        try scanner.expect(0x7D)
      }
      if id?.isEmpty ?? true, let featureID, !featureID.isEmpty { id = featureID }
      if let bad = nonFinite {
        let named = id.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
        throw GeoIOError(
          file: path, location: "feature \(index + 1)\(named)",
          reason: "point \(bad.point) is not a finite coordinate (\(bad.x), \(bad.y))")
      }
      guard let id, !id.isEmpty else {
        throw GeoIOError(
          file: path, location: "feature \(index + 1)", reason: "no value for the id attribute '\(String(decoding: idKey, as: UTF8.self))'")
      }
      if !sawGeometry && readsGeometry { summary.emptyGeometries += 1 }
      layer.endFeature(id: id, name: name, origin: "\(path)#\(index + 1)")
    }

    mutating func geometry(feature: Int) throws {
      if scanner.peek() == 0x6E {  // null
        try scanner.skipValue()
        summary.emptyGeometries += 1
        return
      }
      try scanner.expect(0x7B)
      var type = ""
      var coordinatesStart: Int?
      var parsed = false
      let before = layer.polygonRings.count
      if !scanner.consume(0x7D) {
        repeat {
          let key = try scanner.string()
          try scanner.expect(0x3A)
          if key == "type" {
            type = try scanner.string()
          } else if key == "coordinates" {
            // Usually "type" came first and the coordinates are parsed as they stand; when
            // it comes after them, they are skipped now and parsed once it is known.
            if type == "Polygon" || type == "MultiPolygon" {
              try coordinates(polygon: type == "Polygon")
              parsed = true
            } else {
              coordinatesStart = scanner.position
              try scanner.skipValue()
            }
          } else {
            try scanner.skipValue()
          }
        } while scanner.consume(0x2C)
        try scanner.expect(0x7D)
      }
      guard type == "Polygon" || type == "MultiPolygon" else {
        if type.isEmpty { summary.emptyGeometries += 1 } else { summary.nonPolygonal += 1 }
        return
      }
      if !parsed, let coordinatesStart {
        let end = scanner.position
        scanner.position = coordinatesStart
        try coordinates(polygon: type == "Polygon")
        scanner.position = end
      }
      if layer.polygonRings.count == before { summary.emptyGeometries += 1 }
    }

    mutating func coordinates(polygon isPolygon: Bool) throws {
      if isPolygon { try polygon() } else { try multiPolygon() }
    }

    mutating func multiPolygon() throws {
      try scanner.expect(0x5B)
      if scanner.consume(0x5D) { return }
      repeat { try polygon() } while scanner.consume(0x2C)
      try scanner.expect(0x5D)
    }

    mutating func polygon() throws {
      try scanner.expect(0x5B)
      if !scanner.consume(0x5D) {
        repeat { try ring() } while scanner.consume(0x2C)
        try scanner.expect(0x5D)
      }
      layer.endPolygon()
    }

    mutating func ring() throws {
      try scanner.expect(0x5B)
      if !scanner.consume(0x5D) {
        repeat {
          try scanner.expect(0x5B)
          let x = try scanner.number()
          try scanner.expect(0x2C)
          let y = try scanner.number()
          while scanner.consume(0x2C) { _ = try scanner.number() }  // z or m: ignored
          try scanner.expect(0x5D)
          pointsRead += 1
          if nonFinite == nil && !(x.isFinite && y.isFinite) { nonFinite = (x, y, pointsRead) }
          layer.addPoint(x: x, y: y)
        } while scanner.consume(0x2C)
        try scanner.expect(0x5D)
      }
      layer.endRing()
    }
  }
}
