import CatchmentGeometry
import Foundation

/// Reads ESRI Shapefiles (`.shp` with its `.dbf`, and `.prj`/`.cpg` when present) of
/// polygons.
///
/// Format: ESRI, *Shapefile Technical Description* (1998). The main file is a 100-byte header
/// then records of an 8-byte big-endian header (number, length in 16-bit words) and
/// little-endian content; a Polygon (type 5, or 15/25 with Z or M values, which are ignored)
/// holds its parts as rings. Outer rings run clockwise and holes anticlockwise; rings are
/// grouped by that rule, each hole going to the smallest outer ring that contains its first
/// point (a hole no outer contains is kept as an outer ring, since some writers get the
/// orientation wrong). Null shapes are kept without polygons and counted; DBF records marked
/// deleted (`*`) are skipped with their shapes and counted. Text encoding comes from the
/// `.cpg` file, else the DBF language-driver byte (0x57 and 0x03 mean Windows-1252; 0x00,
/// unspecified, is read as UTF-8 when valid, else Windows-1252). The CRS is the `.prj` WKT;
/// no `.prj` means an unknown CRS; a `.prj` is passed on as WKT whatever it says (an unnamed
/// datum such as `D_unknown` included: PROJ decides later how well it can be transformed).
/// The `.shx` index is not needed: the records are read in sequence. Every length, offset
/// and count in the `.shp` and `.dbf` headers is checked against the bytes present before it
/// is used; a NaN or infinite vertex is an error naming the record and its id. A numeric
/// (N or F) `.dbf` value of asterisks is dBase's null, as QGIS and GDAL write it: an empty
/// value (a missing id is then an error saying so), as GDAL reads it.
public enum ShapefileReader {
  /// Reads the features of `path` (the `.shp`; its companions are found beside it, with
  /// lower- or upper-case extensions).
  ///
  /// - Parameters:
  ///   - path: the `.shp` file.
  ///   - fields: the id and name fields of the `.dbf`, matched ignoring case (C, N or F
  ///     fields; numbers are taken as written, without the padding).
  /// - Returns: the layer, in the `.prj`'s CRS, and the counts of null shapes, non-polygon
  ///   shapes and deleted records.
  /// - Throws: ``GeoIOError`` for a missing `.shp` or `.dbf`, a missing field (listing the
  ///   fields), a record with an empty id, or a malformed file.
  public static func read(path: String, fields: BoundaryFields) throws -> (PolygonLayer, LayerReadSummary) {
    let base = (path as NSString).deletingPathExtension
    let shp = try load(path)
    let dbf = try load(try sibling(base, "dbf", required: true)!)
    let prj = try sibling(base, "prj", required: false).map(readText)
    let cpg = try sibling(base, "cpg", required: false).map(readText)

    let table = try DBFTable(data: dbf, path: base + ".dbf", codePage: cpg)
    let idField = try table.field(named: fields.id, path: base + ".dbf")
    let nameField = try fields.name.map { try table.field(named: $0, path: base + ".dbf") }

    var layer = PolygonLayer(crs: prj.map { .wkt($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? .unknown)
    var summary = LayerReadSummary(file: path)
    try shp.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
      guard bytes.count >= 100, bigInt32(bytes, 0) == 9994 else {
        throw GeoIOError(file: path, reason: "not a shapefile (no 9994 file code)")
      }
      var offset = 100
      var record = 0
      while offset + 8 <= bytes.count {
        let length = Int(bigInt32(bytes, offset + 4)) * 2
        let content = offset + 8
        guard length >= 4, content + length <= bytes.count else {
          throw GeoIOError(file: path, location: "record \(record + 1)", reason: "record runs past the end of the file")
        }
        defer {
          offset = content + length
          record += 1
        }
        guard record < table.recordCount else {
          throw GeoIOError(file: path, location: "record \(record + 1)", reason: "more shapes than .dbf records (\(table.recordCount))")
        }
        if table.isDeleted(record) {
          summary.deletedRecords += 1
          continue
        }
        summary.features += 1
        let id = table.text(record: record, field: idField)
        guard !id.isEmpty else {
          let null = table.isNumericNull(record: record, field: idField) ? " (it holds asterisks, dBase's null)" : ""
          throw GeoIOError(file: base + ".dbf", location: "record \(record + 1)", reason: "no value for the id field '\(fields.id)'\(null)")
        }
        let type = littleInt32(bytes, content)
        switch type {
        case 0:
          summary.emptyGeometries += 1
        case 5, 15, 25:
          let added = try polygon(bytes, at: content, length: length, into: &layer, path: path, record: record, id: id)
          if !added { summary.emptyGeometries += 1 }
        default:
          summary.nonPolygonal += 1
        }
        layer.endFeature(id: id, name: nameField.map { table.text(record: record, field: $0) } ?? "", origin: "\(path)#\(record + 1)")
      }
      // Shapes and records pair up by position: a shortfall means the two files disagree.
      guard record == table.recordCount else {
        throw GeoIOError(file: path, reason: "\(record) shapes but \(table.recordCount) .dbf records")
      }
    }
    return (layer, summary)
  }

  /// A small text file (.prj, .cpg): UTF-8, else Latin-1 (every byte sequence is valid
  /// Latin-1), so that an odd byte never loses the CRS.
  private static func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw GeoIOError(file: path, reason: "cannot read") }
    return String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
  }

  /// Adds the rings of a polygon record, grouped into polygons; false when it has none.
  private static func polygon(
    _ bytes: UnsafeRawBufferPointer, at content: Int, length: Int, into layer: inout PolygonLayer, path: String, record: Int, id: String
  ) throws -> Bool {
    guard length >= 44 else { throw GeoIOError(file: path, location: "record \(record + 1)", reason: "polygon record too short") }
    let parts = Int(littleInt32(bytes, content + 36)), points = Int(littleInt32(bytes, content + 40))
    let partsAt = content + 44, pointsAt = partsAt + 4 * parts
    guard parts >= 0, points >= 0, pointsAt + 16 * points <= content + length else {
      throw GeoIOError(file: path, location: "record \(record + 1)", reason: "polygon record inconsistent with its length")
    }
    if parts == 0 || points == 0 { return false }
    // Rings into a scratch layer first: they must be regrouped outer-then-holes.
    var scratch = PolygonLayer(crs: layer.crs)
    for k in 0..<parts {
      let first = Int(littleInt32(bytes, partsAt + 4 * k))
      let last = k + 1 < parts ? Int(littleInt32(bytes, partsAt + 4 * (k + 1))) : points
      guard first >= 0, first <= last, last <= points else {
        throw GeoIOError(file: path, location: "record \(record + 1)", reason: "part \(k) has bad point offsets")
      }
      for i in first..<last {
        let x = littleDouble(bytes, pointsAt + 16 * i), y = littleDouble(bytes, pointsAt + 16 * i + 8)
        // A NaN or infinite vertex has no place on the map; reading on would drop the shape's
        // area silently further down.
        guard x.isFinite && y.isFinite else {
          throw GeoIOError(file: path, location: "record \(record + 1) (\(id))", reason: "point \(i + 1) is not a finite coordinate (\(x), \(y))")
        }
        scratch.addPoint(x: x, y: y)
      }
      scratch.endRing()
    }
    let ringCount = scratch.ringPoints.count - 1
    guard ringCount > 0 else { return false }
    let areas = (0..<ringCount).map { scratch.signedDoubleArea(ofRing: $0) }
    // Clockwise (negative area in x-east, y-north) rings are outers; the rest are holes.
    var outers = (0..<ringCount).filter { areas[$0] < 0 }
    var holesOf: [Int: [Int]] = [:]
    for hole in (0..<ringCount) where areas[hole] >= 0 {
      let p = scratch.points(ofRing: hole).lowerBound
      let x = scratch.xs[p], y = scratch.ys[p]
      let containing = outers.filter { contains(scratch, ring: $0, x: x, y: y) }.min { abs(areas[$0]) < abs(areas[$1]) }
      if let containing { holesOf[containing, default: []].append(hole) } else { outers.append(hole) }
    }
    outers.sort()
    for outer in outers {
      copyRing(scratch, outer, into: &layer)
      for hole in holesOf[outer] ?? [] { copyRing(scratch, hole, into: &layer) }
      layer.endPolygon()
    }
    return true
  }

  private static func copyRing(_ from: PolygonLayer, _ ring: Int, into layer: inout PolygonLayer) {
    for i in from.points(ofRing: ring) { layer.addPoint(x: from.xs[i], y: from.ys[i]) }
    layer.endRing()
  }

  /// Even-odd point-in-ring test (ray casting).
  static func contains(_ layer: PolygonLayer, ring: Int, x: Double, y: Double) -> Bool {
    let range = layer.points(ofRing: ring)
    var inside = false
    var j = range.upperBound - 1
    for i in range {
      let xi = layer.xs[i], yi = layer.ys[i], xj = layer.xs[j], yj = layer.ys[j]
      if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
      j = i
    }
    return inside
  }

  private static func load(_ path: String) throws -> Data {
    do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
      throw GeoIOError(
        file: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read: \(error.localizedDescription)" : "file not found")
    }
  }

  /// The companion file with extension `ext` (any case), or nil when absent and optional.
  private static func sibling(_ base: String, _ ext: String, required: Bool) throws -> String? {
    for candidate in [ext, ext.uppercased()] where FileManager.default.fileExists(atPath: base + "." + candidate) {
      return base + "." + candidate
    }
    if required { throw GeoIOError(file: base + ".shp", reason: "no .\(ext) file beside it (a shapefile needs its .\(ext))") }
    return nil
  }

  static func bigInt32(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int32 {
    Int32(bigEndian: b.loadUnaligned(fromByteOffset: at, as: Int32.self))
  }
  static func littleInt32(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int32 {
    Int32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: Int32.self))
  }
  static func littleDouble(_ b: UnsafeRawBufferPointer, _ at: Int) -> Double {
    Double(bitPattern: UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
  }
}
