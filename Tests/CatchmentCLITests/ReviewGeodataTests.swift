import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentCLI

/// `catchment review --gpkg FILE --geojson FILE` on the demo study: the footprints with their
/// measures, read back by the project's readers, by Foundation's JSON parser and by GDAL
/// (`ogrinfo`, skipped with the reason recorded where it is not installed), against the pack's
/// own tables and drawn footprints.
@Suite struct ReviewGeodataTests {
  static let ogrinfo = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    .map { "\($0)/ogrinfo" }.first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The demo study reviewed in a copy of data/, with the geodata beside the pack.
  func review() throws -> (root: URL, pack: URL, gpkg: String, geojson: String) {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    let result = try CommandRunner.run(
      ["review", "data/demo_study.toml", "--gpkg", "out/fp.gpkg", "--geojson", "out/fp.geojson", "--quiet"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    return (root, root.appendingPathComponent("out/review"), root.appendingPathComponent("out/fp.gpkg").path,
            root.appendingPathComponent("out/fp.geojson").path)
  }

  /// GEOS area of every feature, m² (the layer in EPSG:27700).
  func areas(_ layer: PolygonLayer) throws -> [Double] {
    let context = GEOSContext()
    return try (0..<layer.count).map { try Geometry.polygonal(feature: $0, of: layer, in: context)?.area() ?? 0 }
  }

  /// A number as the pack's tables write it ("1,234", "0.9796119776"), and half its last digit.
  func number(_ text: String) -> (value: Double, tolerance: Double)? {
    let plain = text.replacingOccurrences(of: ",", with: "")
    guard let value = Double(plain) else { return nil }
    let decimals = plain.firstIndex(of: ".").map { plain.distance(from: $0, to: plain.endIndex) - 1 } ?? 0
    return (value, 0.5 * pow(10, -Double(decimals)) + 1e-9)
  }

  /// The measures of flow_summary_icb.csv and population_icb.csv by footprint, named as the
  /// geodata's columns.
  func packMeasures(_ pack: URL) throws -> [String: [String: String]] {
    let flows = try SimpleCSV(contentsOf: pack.appendingPathComponent("flow_summary_icb.csv"))
    var out: [String: [String: String]] = [:]
    for row in flows.rows {
      var measures: [String: String] = [:]
      for name in ["registered_list", "retained", "retention", "capture", "inflow", "outflow", "net", "list_inflation"] {
        measures[name] = row[flows.column(name)]
      }
      out[row[flows.column("footprint_id")]] = measures
    }
    let population = try SimpleCSV(contentsOf: pack.appendingPathComponent("population_icb.csv"))
    for row in population.rows {
      out[row[population.column("footprint_id")], default: [:]]["population"] = row[population.column("population")]
    }
    let overlap = try SimpleCSV(contentsOf: pack.appendingPathComponent("overlap_summary_icb_lad.csv"))
    for row in overlap.rows {
      out[row[overlap.column("a_id")], default: [:]]["best_council_id"] = row[overlap.column("best_b_id")]
      out[row[overlap.column("a_id")], default: [:]]["council_coverage"] = row[overlap.column("cov_a_to_b")]
      out[row[overlap.column("a_id")], default: [:]]["council_covered"] = row[overlap.column("cov_b_to_a")]
    }
    // UNALLOCATED (patients living in zones outside every ICB) has a row but no polygon: it
    // stays in the table, not in the geodata.
    out["UNALLOCATED"] = nil
    return out
  }

  /// Every drawn layer is a layer of the GeoPackage, read back by the project's reader: the same
  /// footprints, with the areas of `footprints_<layer>.geojson`; the zones layer has one feature
  /// per zone of the baseline (each wholly in one ICB in the demo).
  @Test func theGeoPackageHasEveryDrawnLayerWithItsAreas() throws {
    let (_, pack, gpkg, _) = try review()
    for layer in ["icb", "icb_bestfit", "lad", "proposed", "sicbl"] {
      let (read, _) = try GeoPackageReader.read(path: gpkg, fields: BoundaryFields(id: "footprint_id", name: "footprint_name"), layer: layer)
      let drawn = try LayerSource.read(
        paths: [pack.appendingPathComponent("footprints_\(layer).geojson").path], fields: BoundaryFields(id: "footprint_id", name: "footprint_name")
      ).layer
      #expect(read.ids == drawn.ids && read.names == drawn.names, "\(layer)")
      #expect(read.crs == .epsg(27700), "\(layer): \(read.crs)")
      for (a, b) in zip(try areas(read), try areas(drawn)) { #expect(abs(a - b) <= 1e-9 * b, "\(layer)") }
    }
    let (zones, _) = try GeoPackageReader.read(path: gpkg, fields: BoundaryFields(id: "zone_id"), layer: "zones")
    let crosswalk = try SimpleCSV(contentsOf: pack.appendingPathComponent("crosswalk_icb.csv"))
    #expect(zones.ids == crosswalk.rows.map { $0[0] })
  }

  /// The baseline's GeoJSON (RFC 7946): parsed by Foundation, its measures are the pack's
  /// tables' values (to the digits the tables write), NULL nowhere in the demo; its coordinates
  /// are longitude/latitude with at most 7 decimals; transformed back to EPSG:27700 its areas are
  /// the drawn footprints' (to 1e-6: 7 decimals of a degree are about a centimetre).
  @Test func theGeoJSONHoldsTheBaselineMeasuresAndAreas() throws {
    let (_, pack, _, geojson) = try review()
    let text = try String(contentsOfFile: geojson, encoding: .utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["crs"] == nil)
    let features = try #require(object["features"] as? [[String: Any]])
    let measures = try packMeasures(pack)
    #expect(features.count == measures.count)
    for feature in features {
      let properties = try #require(feature["properties"] as? [String: Any])
      let id = try #require(properties["footprint_id"] as? String)
      let expected = try #require(measures[id], "\(id)")
      for (name, written) in expected {
        if name == "best_council_id" {
          #expect(properties[name] as? String == written)
          continue
        }
        let want = try #require(number(written), "\(id) \(name) = \(written)")
        let got = try #require(properties[name] as? Double, "\(id) \(name)")
        #expect(abs(got - want.value) <= want.tolerance, "\(id) \(name): \(got) vs \(written)")
      }
    }
    // At most 7 decimals, every coordinate.
    let coordinates = text.components(separatedBy: "\"coordinates\":").dropFirst().map { $0.prefix { $0 != "}" } }
    for part in coordinates { #expect(part.range(of: #"\.\d{8}"#, options: .regularExpression) == nil) }
    var lonLat = try LayerSource.read(paths: [geojson], fields: BoundaryFields(id: "footprint_id")).layer
    try CoordinateTransformer(from: .crs84, to: .epsg(27700)).transform(&lonLat)
    let drawn = try LayerSource.read(paths: [pack.appendingPathComponent("footprints_icb.geojson").path], fields: BoundaryFields(id: "footprint_id")).layer
    #expect(lonLat.ids == drawn.ids)
    for (a, b) in zip(try areas(lonLat), try areas(drawn)) { #expect(abs(a - b) <= 1e-6 * b, "\(a) vs \(b)") }
  }

  /// GDAL reads the GeoPackage: the icb layer's features with the measures of the pack's tables
  /// and ST_Area equal to the drawn footprints' areas; and the GeoJSON's features, in WGS 84.
  @Test(.enabled(if: ogrinfo != nil, "ogrinfo not installed (Debian: gdal-bin)"))
  func gdalReadsTheSameFeaturesMeasuresAndAreas() throws {
    let (_, pack, gpkg, geojson) = try review()
    let ogrinfo = Self.ogrinfo ?? ""
    // The GeoJSON too: GDAL finds its features in WGS 84 with the same ids and measures.
    let json = try runTool(ogrinfo, ["-ro", "-q", "-al", geojson])
    #expect(json.contains("Layer name: icb"))
    #expect(try runTool(ogrinfo, ["-ro", "-al", "-so", geojson]).contains("WGS 84"))
    #expect(json.components(separatedBy: "OGRFeature(icb)").count - 1 == 3)
    let listing = try runTool(ogrinfo, ["-ro", "-q", "-al", gpkg, "icb"])
    let measures = try packMeasures(pack)
    var seen: [String] = []
    var current: String?
    for line in listing.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard let equals = trimmed.range(of: " = ") else { continue }
      let name = String(trimmed[..<equals.lowerBound].split(separator: " ").first ?? "")
      let value = String(trimmed[equals.upperBound...])
      if name == "footprint_id" {
        current = value
        seen.append(value)
        continue
      }
      guard let id = current, let written = measures[id]?[name] else { continue }
      if name == "best_council_id" {
        #expect(value == written)
      } else if let want = number(written), let got = Double(value) {
        // ogrinfo prints 15 significant digits.
        #expect(abs(got - want.value) <= want.tolerance + 1e-12 * abs(want.value), "\(id) \(name): \(value) vs \(written)")
      }
    }
    #expect(seen.sorted() == measures.keys.sorted())
    let areaListing = try runTool(ogrinfo, ["-ro", "-q", gpkg, "-dialect", "SQLite", "-sql", "SELECT footprint_id, ST_Area(geom) AS area FROM icb"])
    let gdalAreas = areaListing.split(separator: "\n").compactMap { line -> Double? in
      let t = line.trimmingCharacters(in: .whitespaces)
      return t.hasPrefix("area (Real) = ") ? Double(t.dropFirst("area (Real) = ".count)) : nil
    }
    let drawn = try LayerSource.read(paths: [pack.appendingPathComponent("footprints_icb.geojson").path], fields: BoundaryFields(id: "footprint_id")).layer
    let ours = try areas(drawn)
    #expect(gdalAreas.count == ours.count)
    for (a, b) in zip(gdalAreas, ours) { #expect(abs(a - b) <= 1e-9 * b) }
  }

  /// Without zone or layer polygons, --gpkg fails and names the remedy; nothing is written.
  @Test func geodataWithoutPolygonsIsAnErrorAndNothingIsWritten() throws {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    try Data(
      """
      title = "Lookup only"
      output = "../out/lookup_only"
      [layers.icb]
      lookup = "lsoa_sicbl_icb_lad_lookup.csv"
      zone = "LSOA21CD"
      footprint = "ICB23CD"
      [review]
      baseline = "icb"
      """.utf8
    ).write(to: root.appendingPathComponent("data/lookup_only.toml"))
    let result = try CommandRunner.run(["review", "data/lookup_only.toml", "--gpkg", "out/fp.gpkg", "--quiet"], in: root)
    #expect(result.status != 0)
    #expect(result.stderr.contains("no footprint polygons") && result.stderr.contains("[zones]"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/fp.gpkg").path))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/lookup_only").path))
  }
}
