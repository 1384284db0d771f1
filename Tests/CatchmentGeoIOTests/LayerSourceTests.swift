import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

@Suite struct LayerSourceTests {
  func collection(_ ids: [String], crs: String? = nil) -> String {
    let features = ids.map {
      #"{"type":"Feature","properties":{"id":"\#($0)"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#
    }
    let crsMember = crs.map { #","crs":{"type":"name","properties":{"name":"\#($0)"}}"# } ?? ""
    return #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]\#(crsMember)}"#
  }

  @Test func directoryIsReadInNameOrderAndDuplicatesReported() throws {
    let folder = try temporaryFolder()
    try collection(["b1", "b2"]).write(to: folder.appendingPathComponent("b.geojson"), atomically: false, encoding: .utf8)
    try collection(["a1", "b2"]).write(to: folder.appendingPathComponent("a.geojson"), atomically: false, encoding: .utf8)
    try "not a boundary".write(to: folder.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
    let result = try LayerSource.read(paths: [folder.path], fields: BoundaryFields(id: "id"))
    #expect(result.layer.ids == ["a1", "b2", "b1", "b2"])
    #expect(result.files.count == 2)
    #expect(result.duplicateIDs.map(\.id) == ["b2"])
    #expect(result.layer.polygons(ofFeature: 3) == 3..<4)
  }

  @Test func globsAndDifferentCRSs() throws {
    let folder = try temporaryFolder()
    try collection(["x"]).write(to: folder.appendingPathComponent("one.geojson"), atomically: false, encoding: .utf8)
    try collection(["y"], crs: "EPSG:27700").write(to: folder.appendingPathComponent("two.geojson"), atomically: false, encoding: .utf8)
    let one = try LayerSource.read(paths: [folder.path + "/o*.geojson"], fields: BoundaryFields(id: "id"))
    #expect(one.layer.ids == ["x"])
    let error = #expect(throws: GeoIOError.self) { try LayerSource.read(paths: [folder.path], fields: BoundaryFields(id: "id")) }
    #expect(error?.reason.contains("differs from") == true)
    #expect(throws: GeoIOError.self) { try LayerSource.read(paths: [folder.path + "/none*.geojson"], fields: BoundaryFields(id: "id")) }
  }

  @Test func mixedFormatsMergeInOrderWithCountsPerFile() throws {
    // The GeoPackage's EPSG:27700 and the GeoJSON's legacy member compare equal; a .prj is WKT
    // and would not (see crsMismatchNamesBothFilesAndCRSs).
    let folder = try temporaryFolder()
    for name in ["readers.geojson", "readers.gpkg"] {
      try FileManager.default.copyItem(atPath: fixture("geo/" + name), toPath: folder.appendingPathComponent(name).path)
    }
    let result = try LayerSource.read(paths: [folder.path], fields: BoundaryFields(id: "CODE"), layer: "zones")
    #expect(result.files.map { ($0.file as NSString).lastPathComponent } == ["readers.geojson", "readers.gpkg"])
    #expect(result.files.map(\.features) == [5, 5])
    #expect(result.files.map(\.emptyGeometries) == [1, 1])
    #expect(result.layer.count == 10)
    #expect(result.layer.crs == .epsg(27700))
    #expect(result.duplicateIDs.map(\.id) == ["A", "B", "C", "N", "D"])
    #expect(result.duplicateIDs.allSatisfy { $0.count == 2 })
    #expect(polygonAreas(result.layer, 7) == polygonAreas(result.layer, 2))  // C, from each file
  }

  @Test func shapefileCountsDeletedRecords() throws {
    let result = try LayerSource.read(paths: [fixture("geo/readers.shp")], fields: BoundaryFields(id: "code"))
    #expect(result.files.map(\.deletedRecords) == [1])
    #expect(result.files.map(\.emptyGeometries) == [1])
    #expect(result.duplicateIDs.isEmpty)
  }

  @Test func crsMismatchNamesBothFilesAndCRSs() throws {
    let mismatch = #expect(throws: GeoIOError.self) {
      try LayerSource.read(
        paths: [fixture("geo/readers_crs84.geojson"), fixture("geo/readers.geojson")], fields: BoundaryFields(id: "name"))
    }
    #expect(mismatch?.file == fixture("geo/readers.geojson"))
    #expect(
      mismatch?.reason
        == "its CRS (EPSG:27700) differs from \(fixture("geo/readers_crs84.geojson"))'s (OGC:CRS84 (WGS 84 longitude/latitude)); read them separately"
    )
  }

  @Test func unknownFormatAndEmptyDirectory() throws {
    let text = try temporaryFile("x", name: "zones.kml")
    let error = #expect(throws: GeoIOError.self) { try LayerSource.read(paths: [text], fields: BoundaryFields(id: "id")) }
    #expect(error?.reason == "unknown boundary format; expected .geojson, .json, .shp or .gpkg")
    let folder = try temporaryFolder()
    let empty = #expect(throws: GeoIOError.self) { try LayerSource.read(paths: [folder.path], fields: BoundaryFields(id: "id")) }
    #expect(empty?.reason == "the directory holds no .geojson, .json, .shp or .gpkg file")
  }
}

/// The ids-only view of a full read is what an ids-only read of the same files gives.
@Suite struct LayerSourceIDsOnlyTests {
  /// GeoJSON (whose reader skips geometries when asked, here with a null geometry) after a
  /// GeoPackage (whose reader reads them regardless), merged in one layer.
  @Test func idsOnlyViewEqualsAnIDsOnlyRead() throws {
    let paths = ["geo/readers.gpkg", "geo/readers.geojson"].map { fixture($0) }
    let full = try LayerSource.read(paths: paths, fields: BoundaryFields(id: "code", name: "name"), layer: "zones")
    let view = full.idsOnly()
    let read = try LayerSource.read(paths: paths, fields: BoundaryFields(id: "code", name: "name", readsGeometry: false), layer: "zones")
    #expect(full.files.contains { $0.emptyGeometries > 0 })
    #expect(view.files == read.files)
    #expect(view.layer.ids == read.layer.ids)
    #expect(view.layer.names == read.layer.names)
    #expect(view.layer.origins == read.layer.origins)
    #expect(view.layer.xs == read.layer.xs)
    #expect(view.layer.ys == read.layer.ys)
    #expect(view.layer.ringPoints == read.layer.ringPoints)
    #expect(view.layer.polygonRings == read.layer.polygonRings)
    #expect(view.layer.featurePolygons == read.layer.featurePolygons)
    #expect(view.layer.crs == read.layer.crs)
    #expect(view.duplicateIDs.map(\.id) == read.duplicateIDs.map(\.id))
    #expect(view.duplicateIDs.map(\.count) == read.duplicateIDs.map(\.count))
    // The full read has the polygons the view drops (the GeoJSON's).
    #expect(full.layer.xs.count > view.layer.xs.count)
  }
}
