import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

/// `--gpkg FILE` and `--geojson FILE` on `crosswalk`, `flows`, `overlap` and `propose`, on the
/// demo data: each GeoPackage read back by the project's reader (features, names, areas) and by
/// GDAL (`ogrinfo`: attributes against the command's own CSV output, ST_Area against the
/// polygons). Expected areas are the GEOS areas of the LSOA polygons summed per footprint (every
/// demo LSOA lies wholly in one footprint of the lookup), or of the footprints' own polygons.
@Suite struct CommandGeodataTests {
  typealias R = GeodataReadBack

  /// A scratch folder holding a copy of data/, where the commands run.
  func scratch() throws -> URL {
    let root = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: root.appendingPathComponent("data"))
    try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
    return root
  }

  @discardableResult
  func run(_ arguments: [String], in root: URL) throws -> CommandRunner.Result {
    let result = try CommandRunner.run(arguments + ["--quiet"], in: root)
    #expect(result.status == 0, "\(arguments.first ?? ""): \(result.stderr)")
    return result
  }

  /// The demo lookup's crosswalk to `column` (ICB23CD, SICBL23CD, LAD23CD), written to out/.
  func lookupCrosswalk(_ column: String, name: String, in root: URL, extra: [String] = []) throws -> String {
    let path = "out/crosswalk_\(column).csv"
    try run(
      ["crosswalk", "--lookup", "data/lsoa_sicbl_icb_lad_lookup.csv", "--lookup-zone", "LSOA21CD", "--lookup-footprint", column,
       "--lookup-name", name, "--output", path] + extra, in: root)
    return path
  }

  static let population = ["--population", "data/population_lsoa_mid2022.csv", "--population-id", "Area Codes", "--population-value", "All Ages"]

  /// `catchment populations` of the crosswalk CSV `crosswalk`: each footprint's population as
  /// the command writes it, merged into `measures` as the geodata's `population`.
  func withPopulations(_ measures: [String: [String: String]], crosswalk: String, in root: URL) throws -> [String: [String: String]] {
    try run(["populations", "--crosswalk", crosswalk] + Self.population + ["--output", "out/populations.csv"], in: root)
    let table = try SimpleCSV(contentsOf: root.appendingPathComponent("out/populations.csv"))
    var out = measures
    for row in table.rows where out[row[table.column("footprint_id")]] != nil {
      out[row[table.column("footprint_id")]]?["population"] = row[table.column("population")]
    }
    #expect(out.values.allSatisfy { $0["population"] != nil })
    return out
  }

  /// Σ of the zone areas per footprint of a crosswalk CSV (whole zones), and per footprint the
  /// zones with a weight > 0 and the sum of their weights, as the crosswalk measures.
  func crosswalkExpectations(_ csv: URL) throws -> (areas: [String: Double], measures: [String: [String: String]], rows: [[String]]) {
    let table = try SimpleCSV(contentsOf: csv)
    let zoneAreas = try R.zoneAreas()
    var areas: [String: Double] = [:], zones: [String: Int] = [:], weights: [String: Double] = [:]
    let (z, f, w) = (table.column("zone_id"), table.column("footprint_id"), table.column("weight"))
    for row in table.rows where row[f] != "UNALLOCATED" {
      let weight = try #require(Double(row[w]))
      guard weight > 0 else { continue }
      zones[row[f], default: 0] += 1
      weights[row[f], default: 0] += weight
      if weight == 1 { areas[row[f], default: 0] += zoneAreas[row[z]] ?? 0 }
    }
    let measures = zones.mapValues { ["zones": "\($0)"] }.merging(weights.mapValues { ["zone_weight": "\($0)"] }) { $0.merging($1) { a, _ in a } }
    return (areas, measures, table.rows.map { [$0[z], $0[f], $0[w]] })
  }

  /// The footprints layer of `gpkg`, by our reader and by GDAL: the features `expected` names
  /// (by footprint id), each attribute GDAL lists equal to the CSV's value (text exactly,
  /// numbers to the digits written; an empty CSV value is NULL), both readers' areas equal to
  /// `areas` (relative 1e-7: a dissolve against a sum of zone areas).
  func checkFootprints(_ gpkg: URL, expected: [String: [String: String]], areas: [String: Double], texts: Set<String> = []) throws {
    #expect(!expected.isEmpty)
    let (read, _) = try GeoPackageReader.read(path: gpkg.path, fields: BoundaryFields(id: "footprint_id", name: "footprint_name"), layer: "footprints")
    #expect(read.crs == .epsg(27700))
    #expect(read.ids.sorted() == expected.keys.sorted())
    #expect(read.ids == read.ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    for (id, area) in zip(read.ids, try R.areas(read)) {
      let want = try #require(areas[id], "area of \(id)")
      #expect(abs(area - want) <= 1e-7 * want, "\(id): \(area) vs \(want)")
    }
    let features = try R.gdalFeatures(gpkg.path, layer: "footprints")
    #expect(features.count == expected.count)
    for feature in features {
      let id = try #require(feature["footprint_id"])
      let columns = try #require(expected[id], "\(id) is not expected")
      for (name, written) in columns {
        let value = try #require(feature[name], "\(id) has no column \(name)")
        if texts.contains(name) {
          #expect(value == written, "\(id) \(name)")
        } else if written.isEmpty {
          #expect(value == "(null)", "\(id) \(name)")
        } else {
          R.expectNumber(Double(value), written, "\(id) \(name)")
        }
      }
    }
    let gdalAreas = try R.gdalAreas(gpkg.path, layer: "footprints")
    #expect(gdalAreas.count == expected.count)
    for (id, area) in gdalAreas { #expect(abs(area - (areas[id] ?? -1)) <= 1e-7 * area, "GDAL \(id)") }
  }

  /// The zones layer: one feature per crosswalk row (zone, footprint, weight as the CSV), each
  /// with its LSOA polygon's area.
  func checkZones(_ gpkg: URL, rows: [[String]]) throws {
    let (read, _) = try GeoPackageReader.read(path: gpkg.path, fields: BoundaryFields(id: "zone_id"), layer: "zones")
    #expect(read.ids == rows.map { $0[0] })
    let zoneAreas = try R.zoneAreas()
    for (id, area) in zip(read.ids, try R.areas(read)) { #expect(abs(area - (zoneAreas[id] ?? 0)) <= 1e-9 * area, "\(id)") }
    let features = try R.gdalFeatures(gpkg.path, layer: "zones")
    #expect(features.map { [$0["zone_id"] ?? "", $0["footprint_id"] ?? ""] } == rows.map { [$0[0], $0[1]] })
    for (feature, row) in zip(features, rows) { R.expectNumber(feature["weight"].flatMap(Double.init), row[2], "weight of \(row[0])") }
  }

  /// crosswalk --method lookup with --zones: the ICBs dissolved from the LSOAs, with each ICB's
  /// zone count and weight as the crosswalk CSV gives them; and the RFC 7946 GeoJSON of the same
  /// footprints in WGS 84, read by GDAL.
  @Test func crosswalkLookupDissolvesTheZones() throws {
    let root = try scratch()
    let csv = try lookupCrosswalk(
      "ICB23CD", name: "ICB23NM", in: root,
      extra: ["--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD", "--gpkg", "out/icb.gpkg", "--geojson", "out/icb.geojson"]
        + Self.population)
    let (areas, zoneMeasures, rows) = try crosswalkExpectations(root.appendingPathComponent(csv))
    let measures = try withPopulations(zoneMeasures, crosswalk: csv, in: root)
    #expect(measures.count == 3)
    try checkFootprints(root.appendingPathComponent("out/icb.gpkg"), expected: measures, areas: areas)
    try checkZones(root.appendingPathComponent("out/icb.gpkg"), rows: rows)
    let geojson = root.appendingPathComponent("out/icb.geojson").path
    #expect(try R.gdalSummary(geojson).contains("WGS 84"))
    let features = try R.gdalFeatures(geojson, layer: "footprints")
    #expect(Set(features.compactMap { $0["footprint_id"] }) == Set(measures.keys))
    let text = try String(contentsOfFile: geojson, encoding: .utf8)
    #expect(text.range(of: #"\.\d{8}"#, options: .regularExpression) == nil && !text.contains("\"crs\""))
  }

  /// crosswalk --method area: the footprints' own polygons (data/proposed_footprints.geojson),
  /// their areas the input polygons' areas, their zone counts and weights the CSV's.
  @Test func crosswalkAreaDrawsTheFootprintsOwnPolygons() throws {
    let root = try scratch()
    try run(
      ["crosswalk", "--method", "area", "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD",
       "--footprints", "data/proposed_footprints.geojson", "--footprint-id", "FOOTPRINT_ID", "--footprint-name", "FOOTPRINT_NAME",
       "--output", "out/proposed.csv", "--gpkg", "out/proposed.gpkg"], in: root)
    let (_, zoneMeasures, rows) = try crosswalkExpectations(root.appendingPathComponent("out/proposed.csv"))
    // Without --population the population is NULL.
    let measures = zoneMeasures.mapValues { $0.merging(["population": ""]) { a, _ in a } }
    let own = try LayerSource.read(
      paths: [root.appendingPathComponent("data/proposed_footprints.geojson").path], fields: BoundaryFields(id: "FOOTPRINT_ID")
    ).layer
    let areas = Dictionary(zip(own.ids, try R.areas(own)), uniquingKeysWith: +)
    #expect(areas.count == measures.count)
    try checkFootprints(root.appendingPathComponent("out/proposed.gpkg"), expected: measures, areas: areas)
    try checkZones(root.appendingPathComponent("out/proposed.gpkg"), rows: rows)
  }

  /// flows with --zones: each ICB with the summary's measures (population to list inflation).
  @Test func flowsWritesTheSummaryMeasures() throws {
    let root = try scratch()
    let crosswalk = try lookupCrosswalk("ICB23CD", name: "ICB23NM", in: root)
    try run(
      ["flows", "--crosswalk", crosswalk, "--registrations", "data/gp_reg_pat_prac_lsoa.csv", "--practice-map", "data/gp_reg_pat_prac_map.csv",
       "--practice-footprint", "ONS_ICB_CODE", "--output", "out/flows.csv", "--summary-output", "out/flow_summary.csv",
       "--population", "data/population_lsoa_mid2022.csv", "--population-id", "Area Codes", "--population-value", "All Ages",
       "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD", "--gpkg", "out/flows.gpkg", "--geojson", "out/flows.geojson"],
      in: root)
    let summary = try SimpleCSV(contentsOf: root.appendingPathComponent("out/flow_summary.csv"))
    let names = ["resident_registered", "registered_list", "retained", "retention", "capture", "inflow", "outflow", "net", "list_inflation"]
    var expected: [String: [String: String]] = [:]
    for row in summary.rows where row[summary.column("footprint_id")] != "UNALLOCATED" {
      var measures = Dictionary(uniqueKeysWithValues: names.map { ($0, row[summary.column($0)]) })
      measures["population"] = row[summary.column("resident_population")]
      expected[row[summary.column("footprint_id")]] = measures
    }
    let (areas, _, rows) = try crosswalkExpectations(root.appendingPathComponent(crosswalk))
    try checkFootprints(root.appendingPathComponent("out/flows.gpkg"), expected: expected, areas: areas)
    try checkZones(root.appendingPathComponent("out/flows.gpkg"), rows: rows)
    // The GeoJSON: the same measures, parsed by Foundation.
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/flows.geojson"))) as? [String: Any])
    let features = try #require(object["features"] as? [[String: Any]])
    #expect(features.count == expected.count)
    for feature in features {
      let properties = try #require(feature["properties"] as? [String: Any])
      let id = try #require(properties["footprint_id"] as? String)
      for (name, written) in try #require(expected[id]) { R.expectNumber(properties[name] as? Double, written, "\(id) \(name)") }
    }
  }

  /// flows with --footprints: the ICBs' own polygons (data/icb_boundaries.shp), their areas
  /// the Shapefile's; without --population the population is NULL; no zones layer.
  @Test func flowsDrawsTheFootprintsOwnPolygons() throws {
    let root = try scratch()
    let crosswalk = try lookupCrosswalk("ICB23CD", name: "ICB23NM", in: root)
    try run(
      ["flows", "--crosswalk", crosswalk, "--registrations", "data/gp_reg_pat_prac_lsoa.csv", "--practice-map", "data/gp_reg_pat_prac_map.csv",
       "--practice-footprint", "ONS_ICB_CODE", "--output", "out/flows.csv", "--summary-output", "out/flow_summary.csv",
       "--footprints", "data/icb_boundaries.shp", "--footprint-id", "ICB23CD", "--gpkg", "out/flows.gpkg"], in: root)
    let summary = try SimpleCSV(contentsOf: root.appendingPathComponent("out/flow_summary.csv"))
    var expected: [String: [String: String]] = [:]
    for row in summary.rows where row[summary.column("footprint_id")] != "UNALLOCATED" {
      expected[row[summary.column("footprint_id")]] = [
        "population": "", "registered_list": row[summary.column("registered_list")], "net": row[summary.column("net")],
      ]
    }
    let own = try LayerSource.read(paths: [root.appendingPathComponent("data/icb_boundaries.shp").path], fields: BoundaryFields(id: "ICB23CD")).layer
    let areas = Dictionary(zip(own.ids, try R.areas(own)), uniquingKeysWith: +)
    try checkFootprints(root.appendingPathComponent("out/flows.gpkg"), expected: expected, areas: areas)
    #expect(try R.gdalSummary(root.appendingPathComponent("out/flows.gpkg").path).contains("Layer name: zones") == false)
  }

  /// overlap with --zones alone: the sub-ICB locations (A) dissolved from the LSOAs, each with
  /// its population, best-matching ICB and coverages as the summary gives them.
  @Test func overlapWritesLayerAWithItsBestMatch() throws {
    let root = try scratch()
    let a = try lookupCrosswalk("SICBL23CD", name: "SICBL23NM", in: root)
    let b = try lookupCrosswalk("ICB23CD", name: "ICB23NM", in: root)
    try run(
      ["overlap", "--a", a, "--b", b, "--population", "data/population_lsoa_mid2022.csv", "--population-id", "Area Codes",
       "--population-value", "All Ages", "--output", "out/overlap.csv", "--summary-output", "out/overlap_summary.csv",
       "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD", "--gpkg", "out/overlap.gpkg"], in: root)
    let summary = try SimpleCSV(contentsOf: root.appendingPathComponent("out/overlap_summary.csv"))
    var expected: [String: [String: String]] = [:]
    for row in summary.rows where row[summary.column("a_id")] != "UNALLOCATED" {
      expected[row[summary.column("a_id")]] = [
        "population": row[summary.column("population")], "best_b_id": row[summary.column("best_b_id")],
        "best_b_name": row[summary.column("best_b_name")], "cov_a_to_b": row[summary.column("cov_a_to_b")],
        "cov_b_to_a": row[summary.column("cov_b_to_a")], "coterminous": row[summary.column("coterminous")] == "true" ? "1" : "0",
      ]
    }
    let (areas, _, rows) = try crosswalkExpectations(root.appendingPathComponent(a))
    try checkFootprints(root.appendingPathComponent("out/overlap.gpkg"), expected: expected, areas: areas, texts: ["best_b_id", "best_b_name"])
    try checkZones(root.appendingPathComponent("out/overlap.gpkg"), rows: rows)
  }

  /// overlap with the three polygon layers: A's own polygons (data/sicbl_boundaries.geojson),
  /// their areas the file's, their names from A's crosswalk (the file's name attribute is not
  /// read), the measures the summary's.
  @Test func overlapDrawsLayerAsOwnPolygons() throws {
    let root = try scratch()
    let a = try lookupCrosswalk("SICBL23CD", name: "SICBL23NM", in: root)
    let b = try lookupCrosswalk("ICB23CD", name: "ICB23NM", in: root)
    try run(
      ["overlap", "--a", a, "--b", b, "--population", "data/population_lsoa_mid2022.csv", "--population-id", "Area Codes",
       "--population-value", "All Ages", "--output", "out/overlap.csv", "--summary-output", "out/overlap_summary.csv",
       "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD", "--a-footprints", "data/sicbl_boundaries.geojson",
       "--a-footprint-id", "SICBL23CD", "--b-footprints", "data/icb_boundaries.shp", "--b-footprint-id", "ICB23CD",
       "--gpkg", "out/overlap.gpkg"], in: root)
    let summary = try SimpleCSV(contentsOf: root.appendingPathComponent("out/overlap_summary.csv"))
    var expected: [String: [String: String]] = [:]
    for row in summary.rows where row[summary.column("a_id")] != "UNALLOCATED" {
      expected[row[summary.column("a_id")]] = [
        "footprint_name": row[summary.column("a_name")], "population": row[summary.column("population")],
        "best_b_id": row[summary.column("best_b_id")], "cov_b_to_a": row[summary.column("cov_b_to_a")],
      ]
    }
    let own = try LayerSource.read(
      paths: [root.appendingPathComponent("data/sicbl_boundaries.geojson").path], fields: BoundaryFields(id: "SICBL23CD")
    ).layer
    let areas = Dictionary(zip(own.ids, try R.areas(own)), uniquingKeysWith: +)
    try checkFootprints(
      root.appendingPathComponent("out/overlap.gpkg"), expected: expected, areas: areas, texts: ["footprint_name", "best_b_id"])
  }

  /// propose: the proposed footprints (one dissolve for --dissolve-output and --gpkg), their
  /// areas those of --dissolve-output's polygons and of their zones, zone counts the CSV's.
  @Test func proposeWritesTheProposedFootprints() throws {
    let root = try scratch()
    try Data("LAD23CD,FOOTPRINT\nE06000901,E54000901\nE07000901,NEW\nE07000902,NEW\nE08000901,E54000902\nE06000902,E54000903\n".utf8)
      .write(to: root.appendingPathComponent("out/blocks.csv"))
    try run(
      ["propose", "--blocks", "out/blocks.csv", "--block-column", "LAD23CD", "--footprint-column", "FOOTPRINT", "--lookup",
       "data/lsoa_sicbl_icb_lad_lookup.csv", "--lookup-zone", "LSOA21CD", "--lookup-footprint", "LAD23CD", "--output", "out/proposal.csv",
       "--zones", "data/lsoa_boundaries.geojson", "--zone-id", "LSOA21CD", "--dissolve-output", "out/proposal.geojson",
       "--gpkg", "out/proposal.gpkg"] + Self.population, in: root)
    let (areas, zoneMeasures, rows) = try crosswalkExpectations(root.appendingPathComponent("out/proposal.csv"))
    let measures = try withPopulations(zoneMeasures, crosswalk: "out/proposal.csv", in: root)
    #expect(measures.count == 4)
    try checkFootprints(root.appendingPathComponent("out/proposal.gpkg"), expected: measures, areas: areas)
    try checkZones(root.appendingPathComponent("out/proposal.gpkg"), rows: rows)
    let dissolved = try LayerSource.read(
      paths: [root.appendingPathComponent("out/proposal.geojson").path], fields: BoundaryFields(id: "FOOTPRINT_ID")).layer
    let (read, _) = try GeoPackageReader.read(
      path: root.appendingPathComponent("out/proposal.gpkg").path, fields: BoundaryFields(id: "footprint_id"), layer: "footprints")
    #expect(read.ids == dissolved.ids)
    for (x, y) in zip(try R.areas(read), try R.areas(dissolved)) { #expect(abs(x - y) <= 1e-9 * y) }
  }
}
