import Foundation

/// Writes the demo region's boundaries: LSOA squares, sub-ICB and ICB rectangles, two
/// overlapping "proposed" footprints, and population-weighted centroids.
///
/// Geometry is laid out on a grid of 1 km squares in British National Grid (EPSG:27700) metres,
/// from easting 400,000 and northing 300,000 (an arbitrary spot in England). Each sub-ICB
/// location is a block of ``rows`` rows and as many columns as its LSOAs need, blocks side by
/// side in ICB order, so that every sub-ICB and ICB is a rectangle and its LSOAs lie inside it
/// (cells left over at the end of a block are land without an LSOA). The lookup's
/// LSOA → sub-ICB → ICB assignment therefore agrees with the geometry: best fit on these files
/// reproduces the lookup. The proposed footprints are two rectangles that overlap each other
/// and cut across sub-ICBs, for area weighting. All coordinates are whole metres, written as
/// integers, so the files are the same bytes everywhere.
enum BoundaryFileWriter {
  static let originEasting = 400_000, originNorthing = 300_000, cell = 1_000, rows = 10

  /// The grid cell (column, row) of every LSOA, and each sub-ICB's first column and width.
  struct Layout {
    var cellOfLSOA: [(column: Int, row: Int)]
    var subICBColumns: [(first: Int, width: Int)]
    var totalColumns: Int
  }

  static func layout(_ geo: DemoGeography) -> Layout {
    var cells = Array(repeating: (column: 0, row: 0), count: geo.lsoas.count)
    var columns = Array(repeating: (first: 0, width: 0), count: geo.subICBs.count)
    var next = 0
    let order = geo.subICBs.indices.sorted { (geo.subICBs[$0].icb, $0) < (geo.subICBs[$1].icb, $1) }
    for s in order {
      let lsoas = geo.subICBs[s].lsoas
      let width = max(1, (lsoas.count + rows - 1) / rows)
      columns[s] = (next, width)
      for (k, l) in lsoas.enumerated() { cells[l] = (next + k / rows, k % rows) }
      next += width
    }
    return Layout(cellOfLSOA: cells, subICBColumns: columns, totalColumns: next)
  }

  static func write(_ geo: DemoGeography, to directory: URL) throws {
    let grid = layout(geo)
    func x(_ column: Int) -> Int { originEasting + column * cell }
    func y(_ row: Int) -> Int { originNorthing + row * cell }

    try geoJSON(
      (0..<geo.lsoas.count).map { l in
        let c = grid.cellOfLSOA[l]
        return (["LSOA21CD": geo.lsoas[l].code, "LSOA21NM": geo.lsoas[l].name], (x(c.column), y(c.row), x(c.column + 1), y(c.row + 1)))
      }, to: directory.appendingPathComponent(DemoFile.zoneBoundaries.rawValue))

    try geoJSON(
      geo.subICBs.indices.map { s in
        let c = grid.subICBColumns[s]
        return (["SICBL23CD": geo.subICBs[s].code, "SICBL23NM": geo.subICBs[s].name], (x(c.first), y(0), x(c.first + c.width), y(rows)))
      }, to: directory.appendingPathComponent(DemoFile.subICBBoundaries.rawValue))

    // Two proposed footprints: the western 60% and the eastern 60% of the region, overlapping
    // in the middle fifth, each a little taller than the region (boundaries are never tidy).
    let split = grid.totalColumns * 3 / 5, back = grid.totalColumns * 2 / 5
    try geoJSON(
      [
        (["FOOTPRINT_ID": "P01", "FOOTPRINT_NAME": "Proposed West"], (x(0) - 500, y(0) - 500, x(split), y(rows) + 500)),
        (["FOOTPRINT_ID": "P02", "FOOTPRINT_NAME": "Proposed East"], (x(back), y(0) - 500, x(grid.totalColumns) + 500, y(rows) + 500)),
      ], to: directory.appendingPathComponent(DemoFile.proposedFootprints.rawValue))

    var icbBoxes: [(code: String, name: String, box: (Int, Int, Int, Int))] = []
    for (i, icb) in geo.icbs.enumerated() {
      let members = geo.subICBs.indices.filter { geo.subICBs[$0].icb == i }
      guard let first = members.map({ grid.subICBColumns[$0].first }).min(),
        let last = members.map({ grid.subICBColumns[$0].first + grid.subICBColumns[$0].width }).max()
      else { continue }
      icbBoxes.append((icb.code, icb.name, (x(first), y(0), x(last), y(rows))))
    }
    try ShapefileBoxWriter.write(
      icbBoxes.map { (["ICB23CD": $0.code, "ICB23NM": $0.name], $0.box) }, fields: ["ICB23CD", "ICB23NM"],
      base: directory.appendingPathComponent("icb_boundaries"))

    // Centroids: each square's centre moved by up to ±300 m, the same way on every run.
    var centroids = "x,y,LSOA21CD\n"
    for (point, lsoa) in zip(ZoneCentroids.points(geo, layout: grid), geo.lsoas) {
      centroids += "\(point.x),\(point.y),\(lsoa.code)\n"
    }
    try Data(centroids.utf8).write(to: directory.appendingPathComponent(DemoFile.centroids.rawValue))
  }

  /// A FeatureCollection of rectangles with string properties, in EPSG:27700 (legacy `crs`
  /// member, as older ONS downloads carry), one feature per line.
  static func geoJSON(_ features: [([String: String], (Int, Int, Int, Int))], to url: URL) throws {
    var text = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":["# + "\n"
    for (k, (properties, box)) in features.enumerated() {
      let props = properties.keys.sorted().map { "\"\($0)\":\"\(escape(properties[$0]!))\"" }.joined(separator: ",")
      let (x0, y0, x1, y1) = box
      // Exterior ring anticlockwise (RFC 7946 §3.1.6).
      let ring = "[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]"
      text += #"{"type":"Feature","properties":{\#(props)},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
      text += k + 1 < features.count ? ",\n" : "\n"
    }
    text += "]}\n"
    try Data(text.utf8).write(to: url)
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}

/// Writes rectangles as an ESRI Shapefile (.shp, .shx, .dbf, .prj, .cpg), British National
/// Grid, outer rings clockwise as the format requires (ESRI Shapefile Technical Description).
enum ShapefileBoxWriter {
  static func write(_ features: [([String: String], (Int, Int, Int, Int))], fields: [String], base: URL) throws {
    var shp: [UInt8] = [], shx: [UInt8] = []
    func bigInt(_ v: Int, _ out: inout [UInt8]) { withUnsafeBytes(of: Int32(v).bigEndian) { out.append(contentsOf: $0) } }
    func littleInt(_ v: Int, _ out: inout [UInt8]) { withUnsafeBytes(of: Int32(v).littleEndian) { out.append(contentsOf: $0) } }
    func littleDouble(_ v: Double, _ out: inout [UInt8]) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    let boxes = features.map(\.1)
    let extent = (
      Double(boxes.map(\.0).min() ?? 0), Double(boxes.map(\.1).min() ?? 0), Double(boxes.map(\.2).max() ?? 0), Double(boxes.map(\.3).max() ?? 0)
    )
    func header(_ lengthWords: Int, _ out: inout [UInt8]) {
      bigInt(9994, &out)
      for _ in 0..<5 { bigInt(0, &out) }
      bigInt(lengthWords, &out)
      littleInt(1000, &out)
      littleInt(5, &out)
      for v in [extent.0, extent.1, extent.2, extent.3, 0, 0, 0, 0] { littleDouble(v, &out) }
    }
    let contentBytes = 44 + 4 + 16 * 5  // type, box, counts, one part, five points
    let recordBytes = 8 + contentBytes
    header((100 + recordBytes * features.count) / 2, &shp)
    header((100 + 8 * features.count) / 2, &shx)
    for (k, (_, box)) in features.enumerated() {
      bigInt((100 + recordBytes * k) / 2, &shx)
      bigInt(contentBytes / 2, &shx)
      bigInt(k + 1, &shp)
      bigInt(contentBytes / 2, &shp)
      littleInt(5, &shp)
      let (x0, y0, x1, y1) = (Double(box.0), Double(box.1), Double(box.2), Double(box.3))
      for v in [x0, y0, x1, y1] { littleDouble(v, &shp) }
      littleInt(1, &shp)
      littleInt(5, &shp)
      littleInt(0, &shp)
      for (x, y) in [(x0, y0), (x0, y1), (x1, y1), (x1, y0), (x0, y0)] {  // clockwise
        littleDouble(x, &shp)
        littleDouble(y, &shp)
      }
    }
    // dBASE III table of character fields sized to their longest value.
    let widths = fields.map { f in max(1, min(254, features.map { $0.0[f]?.utf8.count ?? 0 }.max() ?? 1)) }
    var dbf: [UInt8] = [0x03, 125, 1, 1]  // version, last update 2025-01-01
    withUnsafeBytes(of: UInt32(features.count).littleEndian) { dbf.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt16(32 + 32 * fields.count + 1).littleEndian) { dbf.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt16(1 + widths.reduce(0, +)).littleEndian) { dbf.append(contentsOf: $0) }
    dbf += [UInt8](repeating: 0, count: 17)
    dbf.append(0x57)  // language driver: Windows ANSI
    dbf += [0, 0]
    for (f, name) in fields.enumerated() {
      var descriptor = [UInt8](name.utf8.prefix(10))
      descriptor += [UInt8](repeating: 0, count: 11 - descriptor.count)
      descriptor.append(0x43)  // 'C'
      descriptor += [0, 0, 0, 0, UInt8(widths[f]), 0]
      descriptor += [UInt8](repeating: 0, count: 14)
      dbf += descriptor
    }
    dbf.append(0x0D)
    for (properties, _) in features {
      dbf.append(0x20)
      for (f, name) in fields.enumerated() {
        var value = [UInt8]((properties[name] ?? "").utf8.prefix(widths[f]))
        value += [UInt8](repeating: 0x20, count: widths[f] - value.count)
        dbf += value
      }
    }
    dbf.append(0x1A)
    try Data(shp).write(to: base.appendingPathExtension("shp"))
    try Data(shx).write(to: base.appendingPathExtension("shx"))
    try Data(dbf).write(to: base.appendingPathExtension("dbf"))
    try Data("UTF-8\n".utf8).write(to: base.appendingPathExtension("cpg"))
    // ESRI WKT for British National Grid (EPSG:27700), as ONS shapefiles carry it.
    let prj = #"PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]"#
    try Data(prj.utf8).write(to: base.appendingPathExtension("prj"))
  }
}
