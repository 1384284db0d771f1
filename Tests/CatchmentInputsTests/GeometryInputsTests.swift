import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentInputs

/// ``GeometryInputs``: each layer's CRS chosen as ``CRSChoice`` says and its coordinates
/// brought into the working CRS, compared with reading and transforming the file directly.
@Suite struct GeometryInputsTests {
  let lonLat = fixture("geo/readers_crs84.geojson")

  func spec(_ path: String, role: String, id: String = "ID", own: CRSReference? = nil, forced: CRSReference? = nil, assumed: CRSReference? = nil) -> LayerSpec {
    LayerSpec(
      paths: [path], idField: id, role: role,
      crs: CRSChoice(
        own: own, ownLabel: "own-\(role)", forced: forced.map { CRSSetting($0, label: "forced") }, assumed: assumed.map { CRSSetting($0, label: "assumed") }))
  }

  /// The file read and transformed by PROJ directly, without CatchmentInputs.
  func direct(_ path: String, field: String = "ID", from source: String) throws -> PolygonLayer {
    var layer = try LayerSource.read(paths: [path], fields: BoundaryFields(id: field)).layer
    try CoordinateTransformer(from: source, to: "EPSG:27700").transform(&layer)
    return layer
  }

  @Test func aDeclaredCRSIsTransformedAsPROJDoesDirectly() throws {
    let inputs = GeometryInputs(
      zones: spec(lonLat, role: "zones"), footprints: spec(lonLat, role: "footprints"), centroids: nil, workingCRS: .epsg(27700), workers: 1)
    let report = RunReport(command: "test")
    let loaded = try inputs.load()
    report.record(loaded.account)
    let expected = try direct(lonLat, from: "OGC:CRS84")
    #expect(loaded.zones.xs == expected.xs && loaded.zones.ys == expected.ys)
    #expect(loaded.footprints.xs == expected.xs)
    #expect(loaded.zones.crs == .epsg(27700))
    // 1.3–1.5° W, 53.0–53.1° N (near Derby, about 436 000 E 336 000 N) lies about 430–450 km east and 335–357 km north of the British National Grid origin.
    #expect(loaded.zones.xs.allSatisfy { (420_000...460_000).contains($0) })
    #expect(loaded.zones.ys.allSatisfy { (330_000...360_000).contains($0) })
    #expect(report.notes.contains { $0.hasPrefix("zones: ") && $0.contains("→ EPSG:27700 by PROJ") })
  }

  @Test func theLayersOwnCRSWinsOverTheForcedOne() throws {
    // Forcing British National Grid on lon/lat would put the layer at the grid's origin; the
    // layer's own CRS takes precedence, so the coordinates are as declared.
    let inputs = GeometryInputs(
      zones: spec(lonLat, role: "zones", own: .crs84, forced: .epsg(27700)),
      footprints: spec(lonLat, role: "footprints", own: .crs84, forced: .epsg(27700)), centroids: nil, workingCRS: .epsg(27700), workers: 1)
    let loaded = try inputs.load()
    #expect(loaded.zones.xs == (try direct(lonLat, from: "OGC:CRS84")).xs)
  }

  @Test func aForcedCRSReplacesTheDeclaredOneAndSaysSo() throws {
    // zones.geojson declares EPSG:27700; forced to EPSG:27700 on the zones only (own), the
    // footprints are forced to the same, so nothing is replaced; forcing EPSG:3857 replaces.
    let zones = fixture("geo/zones.geojson"), footprints = fixture("geo/footprints.geojson")
    let report = RunReport(command: "test")
    let inputs = GeometryInputs(
      zones: LayerSpec(paths: [zones], idField: "ZONE_CODE", role: "zones", crs: CRSChoice(own: nil, ownLabel: "own-zones", forced: CRSSetting(.epsg(3857), label: "forced"))),
      footprints: LayerSpec(paths: [footprints], idField: "FP_CODE", role: "footprints", crs: CRSChoice(own: .epsg(3857), ownLabel: "own-footprints")),
      centroids: nil, workingCRS: .epsg(27700), workers: 1)
    let loaded = try inputs.load()
    report.record(loaded.account)
    #expect(report.notes.contains("zones: declared CRS EPSG:27700 replaced by forced EPSG:3857"))
    #expect(report.notes.contains("footprints: declared CRS EPSG:27700 replaced by own-footprints EPSG:3857"))
    #expect(loaded.zones.xs == (try direct(zones, field: "ZONE_CODE", from: "EPSG:3857")).xs)
  }

  /// A layer's own CRS that is the one its file declares, however written, replaces nothing:
  /// zones.geojson declares EPSG:27700 (a legacy `crs` member), given as `epsg:27700`.
  @Test func theDeclaredCRSGivenAgainReplacesNothing() throws {
    let zones = fixture("geo/zones.geojson"), footprints = fixture("geo/footprints.geojson")
    let report = RunReport(command: "test")
    let given = try #require(CRSReference(parsing: "epsg:27700"))
    let inputs = GeometryInputs(
      zones: LayerSpec(paths: [zones], idField: "ZONE_CODE", role: "zones", crs: CRSChoice(own: given, ownLabel: "own-zones")),
      footprints: LayerSpec(paths: [footprints], idField: "FP_CODE", role: "footprints", crs: CRSChoice(own: nil, ownLabel: "own-footprints")),
      centroids: nil, workingCRS: .epsg(27700), workers: 1)
    report.record(try inputs.load().account)
    #expect(!report.notes.contains { $0.contains("replaced") }, "\(report.notes)")
  }

  @Test func filesWithoutACRSNeedOneAssumed() throws {
    let folder = try temporaryFolder()
    for ext in ["shp", "shx", "dbf"] {
      try FileManager.default.copyItem(atPath: fixture("geo/boxes.\(ext)"), toPath: folder.appendingPathComponent("boxes.\(ext)").path)
    }
    let path = folder.appendingPathComponent("boxes.shp").path
    let bare = GeometryInputs(zones: spec(path, role: "zones", id: "CODE"), footprints: spec(path, role: "footprints", id: "CODE"), centroids: nil, workingCRS: .epsg(27700), workers: 1)
    let error = #expect(throws: GeometryInputError.self) { try bare.load() }
    guard case .undeclaredCRS(let role, let setting) = error else { Issue.record("expected undeclaredCRS, got \(String(describing: error))"); return }
    #expect(role == "zones" && setting == "own-zones")
    let assumed = GeometryInputs(
      zones: spec(path, role: "zones", id: "CODE", assumed: .epsg(27700)), footprints: spec(path, role: "footprints", id: "CODE", assumed: .epsg(27700)),
      centroids: nil,
      workingCRS: .epsg(27700), workers: 1)
    let loaded = try assumed.load()
    #expect(loaded.zones.xs == (try LayerSource.read(paths: [path], fields: BoundaryFields(id: "CODE")).layer.xs))
  }

  @Test func aGeographicWorkingCRSIsRefused() throws {
    let inputs = GeometryInputs(zones: spec(lonLat, role: "zones"), footprints: spec(lonLat, role: "footprints"), centroids: nil, workingCRS: .crs84, workers: 1)
    let error = #expect(throws: GeometryInputError.self) { try inputs.load() }
    guard case .notProjected(let crs) = error else { Issue.record("expected notProjected"); return }
    #expect(crs == "OGC:CRS84")
  }
}
