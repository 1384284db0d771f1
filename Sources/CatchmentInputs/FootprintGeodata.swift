import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry
import Foundation

/// Footprints with a command's measures as geodata (`--gpkg FILE`, `--geojson FILE` on
/// `review`, `crosswalk`, `flows`, `overlap` and `propose`): the one place where a footprint
/// layer and its attribute columns become feature tables, written by ``GeodataFiles``.
///
/// A footprint table has one feature per drawn footprint (the polygons' order: ids in byte
/// order), the columns `footprint_id` and `footprint_name` (TEXT) and then the command's
/// measures. The `zones` table has one feature per crosswalk entry (``zonesTable(zones:crosswalk:)``).
public struct FootprintGeodata: Sendable {
  /// The footprints with their measures.
  var footprints: FeatureTable
  /// Each zone's footprint and weight, when the zone polygons are known.
  var zones: FeatureTable?

  init(footprints: FeatureTable, zones: FeatureTable?) {
    self.footprints = footprints
    self.zones = zones
  }

  /// The tables, in the order they are written: the footprints, then `zones`.
  var tables: [FeatureTable] { [footprints] + (zones.map { [$0] } ?? []) }

  /// The tables' names, in the order they are written.
  public var tableNames: [String] { tables.map(\.name) }

  /// Every table as one GeoPackage in the footprints' CRS (an EPSG code); `lastChange` is
  /// every layer's `last_change` (the run's start, never the clock at writing).
  ///
  /// - Throws: ``CatchmentGeoIO/GeodataWriteError`` for a CRS without an EPSG code or a table
  ///   the writer refuses.
  public func geoPackage(lastChange: Date) throws -> [UInt8] {
    try GeodataFiles.geoPackage(tables, lastChange: lastChange)
  }

  /// The footprint table as RFC 7946 GeoJSON: WGS 84 longitude, latitude, 7
  /// decimals at most, counter-clockwise outer rings.
  public func geoJSON() throws -> [UInt8] {
    try GeodataFiles.rfc7946(footprints)
  }

  /// A value for a REAL column: NULL for nil or a measure that is not finite (0/0).
  public static func real(_ x: Double?) -> FeatureTable.Value { x.map { $0.isFinite ? .real($0) : .null } ?? .null }

  /// The table of the footprints `polygons`: `footprint_id`, `footprint_name`, then `columns`
  /// with the values `measures` gives for each footprint id (NULLs when it gives nil).
  public static func footprintTable(
    name: String, polygons: PolygonLayer, columns: [FeatureTable.Column], measures: (String) -> [FeatureTable.Value]?
  ) -> FeatureTable {
    var rows: [[FeatureTable.Value]] = []
    rows.reserveCapacity(polygons.count)
    for (f, id) in polygons.ids.enumerated() {
      let name = polygons.names.indices.contains(f) ? polygons.names[f] : ""
      var values = measures(id) ?? []
      if values.count != columns.count { values = Array(repeating: .null, count: columns.count) }
      rows.append([.text(id), .text(name)] + values)
    }
    return FeatureTable(
      name: tableName(name), geometry: polygons, columns: [.init("footprint_id", .text), .init("footprint_name", .text)] + columns, rows: rows)
  }

  /// The table `zones`: one feature per entry of `crosswalk` (a zone split between footprints
  /// appears once per footprint, UNALLOCATED entries included, in the crosswalk's order), with
  /// the zone's polygon from `zones` (NULL when it has none), `zone_id`, `footprint_id`,
  /// `footprint_name` (TEXT) and `weight` (REAL).
  public static func zonesTable(zones: PolygonLayer, crosswalk: Crosswalk) -> FeatureTable {
    var position: [String: Int] = [:]
    for (f, id) in zones.ids.enumerated() where position[id] == nil { position[id] = f }
    var layer = PolygonLayer(crs: zones.crs)
    var rows: [[FeatureTable.Value]] = []
    for z in 0..<Int32(crosswalk.zones.count) {
      let code = crosswalk.zones.code(z)
      for e in crosswalk.entries(ofZone: z) {
        if let f = position[code] { layer.append(contentsOf: zones.subset([f])) } else { layer.endFeature(id: code) }
        let footprint = crosswalk.entryFootprint[e]
        let name = crosswalk.footprintNames.indices.contains(Int(footprint)) ? crosswalk.footprintNames[Int(footprint)] : ""
        rows.append([.text(code), .text(crosswalk.footprints.code(footprint)), .text(name), .real(crosswalk.entryWeight[e])])
      }
    }
    let columns: [FeatureTable.Column] = [.init("zone_id", .text), .init("footprint_id", .text), .init("footprint_name", .text), .init("weight", .real)]
    return FeatureTable(name: "zones", geometry: layer, columns: columns, rows: rows)
  }

  /// A layer name as a table name: letters, digits and `_` (others become `_`), starting with a
  /// letter (`layer_` put before one that does not).
  public static func tableName(_ layer: String) -> String {
    let mapped = String(layer.unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) ? Character($0) : "_" })
    guard let first = mapped.unicodeScalars.first, first.properties.isAlphabetic else { return "layer_" + mapped }
    return mapped
  }
}
