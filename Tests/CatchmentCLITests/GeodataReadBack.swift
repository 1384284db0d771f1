import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

/// Reading a command's geodata back for the tests: GDAL's `ogrinfo` (Debian's gdal-bin, which
/// the project's set-up installs: a test that needs it fails without it rather than skipping),
/// GEOS areas, and numbers as the command's CSVs write them.
enum GeodataReadBack {
  /// The `ogrinfo` on PATH.
  static let ogrinfo = executable("ogrinfo")

  /// GEOS area of every feature of `layer`, in its CRS's units (m² in EPSG:27700).
  static func areas(_ layer: PolygonLayer) throws -> [Double] {
    let context = GEOSContext()
    return try (0..<layer.count).map { try Geometry.polygonal(feature: $0, of: layer, in: context)?.area() ?? 0 }
  }

  /// The GEOS area of each zone of data/lsoa_boundaries.geojson (EPSG:27700), by zone id.
  static func zoneAreas() throws -> [String: Double] {
    let zones = try LayerSource.read(
      paths: [packageRoot.appendingPathComponent("data/lsoa_boundaries.geojson").path], fields: BoundaryFields(id: "LSOA21CD")
    ).layer
    return Dictionary(zip(zones.ids, try areas(zones)), uniquingKeysWith: { a, _ in a })
  }

  /// A number as the tables write it ("1,234", "0.9796119776"), and half its last digit.
  static func number(_ text: String) -> (value: Double, tolerance: Double)? {
    let plain = text.replacingOccurrences(of: ",", with: "")
    guard let value = Double(plain) else { return nil }
    let decimals = plain.firstIndex(of: ".").map { plain.distance(from: $0, to: plain.endIndex) - 1 } ?? 0
    return (value, 0.5 * pow(10, -Double(decimals)) + 1e-9 + 1e-12 * abs(value))
  }

  /// Expects `got` (a number GDAL or our reader gives) to be the table's `written` value, to
  /// the digits written (ogrinfo prints 15 significant digits).
  static func expectNumber(_ got: Double?, _ written: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let want = number(written), let got else {
      Issue.record("\(what): \(String(describing: got)) against '\(written)'", sourceLocation: sourceLocation)
      return
    }
    #expect(abs(got - want.value) <= want.tolerance, "\(what): \(got) vs \(written)", sourceLocation: sourceLocation)
  }

  /// The features of `layer` in `file` as `ogrinfo` lists them: each one's fields by name, as
  /// printed ("(null)" for NULL), in feature order.
  static func gdalFeatures(_ file: String, layer: String) throws -> [[String: String]] {
    let listing = try runTool(try #require(ogrinfo, "ogrinfo (gdal-bin) is needed"), ["-ro", "-q", "-geom=NO", file, layer])
    var features: [[String: String]] = []
    for line in listing.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("OGRFeature(") {
        features.append([:])
        continue
      }
      guard !features.isEmpty, let equals = trimmed.range(of: " = ") else { continue }
      let name = String(trimmed[..<equals.lowerBound].split(separator: " ").first ?? "")
      features[features.count - 1][name] = String(trimmed[equals.upperBound...])
    }
    return features
  }

  /// GDAL's ST_Area of each feature of `layer` by its `footprint_id` (SQLite dialect).
  static func gdalAreas(_ file: String, layer: String) throws -> [String: Double] {
    let listing = try runTool(
      try #require(ogrinfo, "ogrinfo (gdal-bin) is needed"),
      ["-ro", "-q", file, "-dialect", "SQLite", "-sql", "SELECT footprint_id, ST_Area(geom) AS area FROM \(layer)"])
    var out: [String: Double] = [:]
    var id: String?
    for line in listing.split(separator: "\n") {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.hasPrefix("footprint_id (String) = ") { id = String(t.dropFirst("footprint_id (String) = ".count)) }
      if t.hasPrefix("area (Real) = "), let id { out[id] = Double(t.dropFirst("area (Real) = ".count)) }
    }
    return out
  }

  /// What `ogrinfo -so` says about a file (its CRS).
  static func gdalSummary(_ file: String) throws -> String {
    try runTool(try #require(ogrinfo, "ogrinfo (gdal-bin) is needed"), ["-ro", "-al", "-so", file])
  }

}
