import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The review draws every layer's footprints into the pack (`footprints_<layer>.geojson`, in
/// EPSG:27700): dissolved from the zone polygons along the layer's crosswalk, or the layer's own
/// polygons. Read back with the project's GeoJSON reader and measured with GEOS.
@Suite struct FootprintPolygonsTests {
  let data = packageRoot.appendingPathComponent("data")

  /// A pack file read back as a layer (through a file: the readers read files).
  func readBack(_ file: ReviewPack.File) throws -> PolygonLayer {
    let path = try temporaryFolder().appendingPathComponent(file.name)
    try Data(file.bytes).write(to: path)
    return try LayerSource.read(paths: [path.path], fields: BoundaryFields(id: "footprint_id", name: "footprint_name")).layer
  }

  /// GEOS area of every feature of `layer`, m² in EPSG:27700.
  func areas(_ layer: PolygonLayer) throws -> [Double] {
    let context = GEOSContext()
    return try (0..<layer.count).map { f in try Geometry.polygonal(feature: f, of: layer, in: context)?.area() ?? 0 }
  }

  func pack() throws -> ReviewPack {
    try ReviewRun(study: try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)).run()
  }

  /// Each lookup layer's footprints are its crosswalk's footprints (ids and names, in byte
  /// order), and each has the area of the zones the crosswalk puts in it: dissolving conserves
  /// area. The demo's lookup puts every zone wholly in one footprint.
  @Test func dissolvedFootprintsHaveTheCrosswalksIDsAndTheirZonesArea() throws {
    let pack = try pack()
    let zones = try LayerSource.read(
      paths: [data.appendingPathComponent("lsoa_boundaries.geojson").path], fields: BoundaryFields(id: "LSOA21CD")
    ).layer
    let zoneAreas = Dictionary(zip(zones.ids, try areas(zones)), uniquingKeysWith: { a, _ in a })
    for layer in ["icb", "sicbl", "lad"] {
      let file = try #require(pack.files.first { $0.name == "footprints_\(layer).geojson" }, "footprints_\(layer).geojson")
      #expect(String(decoding: file.bytes.prefix(120), as: UTF8.self).contains("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}}"))
      let drawn = try readBack(file)
      #expect(drawn.crs == .epsg(27700))
      let csv = try #require(pack.files.first { $0.name == "crosswalk_\(layer).csv" })
      let csvPath = try temporaryFolder().appendingPathComponent(csv.name)
      try Data(csv.bytes).write(to: csvPath)
      let crosswalk = try Crosswalk.read(path: csvPath.path).crosswalk
      let codes = crosswalk.realFootprintCodes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      #expect(drawn.ids == codes, "\(layer)")
      var names: [String: String] = [:]
      for (f, name) in crosswalk.footprintNames.enumerated() { names[crosswalk.footprints.code(Int32(f))] = name }
      #expect(drawn.names == codes.map { names[$0] ?? "" }, "\(layer)")
      var expected: [String: Double] = [:]
      for z in 0..<Int32(crosswalk.zones.count) {
        let entries = crosswalk.entries(ofZone: z)
        try #require(entries.count == 1, "the demo's lookup puts each zone in one footprint")
        expected[crosswalk.footprints.code(crosswalk.entryFootprint[entries.lowerBound]), default: 0] += zoneAreas[crosswalk.zones.code(z)] ?? 0
      }
      for (id, area) in zip(drawn.ids, try areas(drawn)) {
        let want = try #require(expected[id])
        #expect(want > 0 && abs(area - want) <= 1e-9 * want, "\(layer) \(id): \(area) m² drawn, \(want) m² in its zones")
      }
    }
  }

  /// A polygon layer's footprints are its own polygons, one per id, with their areas.
  @Test func polygonLayersAreDrawnFromTheirOwnPolygons() throws {
    let pack = try pack()
    for (layer, source, id, name) in [
      ("icb_bestfit", "icb_boundaries.shp", "ICB23CD", "ICB23NM"), ("proposed", "proposed_footprints.geojson", "FOOTPRINT_ID", "FOOTPRINT_NAME"),
    ] {
      let file = try #require(pack.files.first { $0.name == "footprints_\(layer).geojson" }, "footprints_\(layer).geojson")
      let drawn = try readBack(file)
      let own = try LayerSource.read(paths: [data.appendingPathComponent(source).path], fields: BoundaryFields(id: id, name: name)).layer
      let order = own.ids.indices.sorted { own.ids[$0].utf8.lexicographicallyPrecedes(own.ids[$1].utf8) }
      #expect(drawn.ids == order.map { own.ids[$0] }, "\(layer)")
      #expect(drawn.names == order.map { own.names[$0] }, "\(layer)")
      let ownAreas = try areas(own)
      for (k, area) in try areas(drawn).enumerated() {
        let want = ownAreas[order[k]]
        #expect(want > 0 && abs(area - want) <= 1e-9 * want, "\(layer) \(drawn.ids[k])")
      }
    }
  }

  /// Same study, same bytes.
  @Test func theSameStudyDrawsTheSameBytes() throws {
    let first = try pack().files.filter { $0.name.hasPrefix("footprints_") }
    let again = try pack().files.filter { $0.name.hasPrefix("footprints_") }
    #expect(first.map(\.name) == ["icb", "icb_bestfit", "lad", "proposed", "sicbl"].map { "footprints_\($0).geojson" })
    #expect(first == again)
  }

  /// Without `[zones]`, a layer without polygons of its own is not drawn (nothing to dissolve).
  @Test func withoutZonesOnlyPolygonLayersAreDrawn() throws {
    let folder = try temporaryFolder()
    try FileManager.default.copyItem(at: data, to: folder.appendingPathComponent("data"))
    let file = folder.appendingPathComponent("data/lookup_only.toml")
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
    ).write(to: file)
    let run = ReviewRun(study: try Study(contentsOf: file.path))
    let pack = try run.run()
    #expect(!pack.files.contains { $0.name.hasPrefix("footprints_") })
    #expect(run.plannedSteps.map(\.label) == ["crosswalk icb", "report"])
  }

  /// The geodata of the same study at the same run time are the same bytes (the GeoPackage's
  /// only time is `last_change`, the run time given); another run time changes only that.
  @Test func theSameStudyGivesTheSameGeodata() throws {
    let study = try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)
    let first = try ReviewRun(study: study).run(), again = try ReviewRun(study: study).run()
    let runAt = Date(timeIntervalSince1970: 1_796_000_000)
    let a = try first.geoPackage(study: study, runAt: runAt), b = try again.geoPackage(study: study, runAt: runAt)
    #expect(a == b)
    #expect(try first.geoJSON(study: study) == again.geoJSON(study: study))
    let later = try again.geoPackage(study: study, runAt: runAt.addingTimeInterval(3600))
    #expect(later != a && later.count == a.count)
    #expect(first.geodataTables(study: study).map(\.name) == ["icb", "icb_bestfit", "lad", "proposed", "sicbl", "zones"])
  }

  /// Zone polygons in WGS 84 (the demo's, transformed and written as RFC 7946 GeoJSON) are
  /// reprojected before dissolving: the footprints are still in EPSG:27700, with the area of
  /// the demo's own footprints (to 1e-6: the zones went through 7-decimal degrees).
  @Test func zonesInAnotherCRSAreDrawnInTheWorkingCRS() throws {
    let folder = try temporaryFolder().appendingPathComponent("data")
    try FileManager.default.copyItem(at: data, to: folder)
    let zonesFile = folder.appendingPathComponent("lsoa_boundaries.geojson")
    var zones = try LayerSource.read(paths: [zonesFile.path], fields: BoundaryFields(id: "LSOA21CD")).layer
    try CoordinateTransformer(from: .epsg(27700), to: .crs84).transform(&zones)
    let table = FeatureTable(name: "zones", geometry: zones, columns: [.init("LSOA21CD", .text)], rows: zones.ids.map { [.text($0)] })
    try Data(try GeoJSONWriter.rfc7946(table)).write(to: zonesFile)
    let moved = try ReviewRun(study: try Study(contentsOf: folder.appendingPathComponent("demo_study.toml").path)).run()
    let original = try pack()
    for layer in ["icb", "lad"] {
      let a = try readBack(try #require(moved.files.first { $0.name == "footprints_\(layer).geojson" }))
      let b = try readBack(try #require(original.files.first { $0.name == "footprints_\(layer).geojson" }))
      #expect(a.crs == .epsg(27700) && a.ids == b.ids)
      for (x, y) in zip(try areas(a), try areas(b)) { #expect(abs(x - y) <= 1e-6 * y, "\(layer): \(x) vs \(y)") }
    }
  }
}
