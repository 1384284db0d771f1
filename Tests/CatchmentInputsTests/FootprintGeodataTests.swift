import CatchmentCore
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentInputs

/// The single commands' geodata tables on a hand-worked crosswalk: z1 wholly in A, z2 split A
/// 0.25 / B 0.75, z3 wholly in B, z4 wholly in C, which has no polygon; z4 has no zone polygon.
@Suite struct FootprintGeodataTests {
  /// A 1 km square with its lower-left corner at (x, y) km east of (400000, 300000).
  func square(_ x: Double, _ y: Double, id: String, name: String = "", into layer: inout PolygonLayer) {
    for (dx, dy) in [(0.0, 0.0), (1, 0), (1, 1), (0, 1)] { layer.addPoint(x: 400_000 + (x + dx) * 1000, y: 300_000 + (y + dy) * 1000) }
    layer.endRing()
    layer.endPolygon()
    layer.endFeature(id: id, name: name)
  }

  func inputs() throws -> (Crosswalk, FootprintPolygons) {
    var builder = CrosswalkBuilder(source: "test")
    builder.add(zone: "z1", footprint: "A", weight: 1, name: "Ay")
    builder.add(zone: "z2", footprint: "A", weight: 0.25, name: "Ay")
    builder.add(zone: "z2", footprint: "B", weight: 0.75, name: "Bee")
    builder.add(zone: "z3", footprint: "B", weight: 1, name: "Bee")
    builder.add(zone: "z4", footprint: "C", weight: 1, name: "Sea")
    let crosswalk = try builder.build(method: "test")
    var footprints = PolygonLayer(crs: .epsg(27700))
    square(0, 0, id: "A", into: &footprints)  // no name: taken from the crosswalk
    square(1, 0, id: "B", name: "B polygon", into: &footprints)
    var zones = PolygonLayer(crs: .epsg(27700))
    for (i, id) in ["z1", "z2", "z3"].enumerated() { square(Double(i), 1, id: id, into: &zones) }
    return (crosswalk, FootprintPolygons(layer: footprints, account: RunAccount(), zones: zones))
  }

  @Test func crosswalkMeasuresCountZonesAndSumWeights() throws {
    let (crosswalk, polygons) = try inputs()
    let (geodata, account) = FootprintGeodata.crosswalk(crosswalk, polygons: polygons, population: nil)
    let table = geodata.footprints
    #expect(table.name == "footprints")
    #expect(table.columns.map(\.name) == ["footprint_id", "footprint_name", "zones", "zone_weight", "population"])
    #expect(table.rows == [
      [.text("A"), .text("Ay"), .integer(2), .real(1.25), .null],
      [.text("B"), .text("B polygon"), .integer(2), .real(1.75), .null],
    ])
    // C has measures but no polygon: named in the account, not in the table.
    #expect(account.entries.contains {
      guard case .note(let message, let codes, _) = $0 else { return false }
      return message.hasPrefix("1 footprints have measures but no polygon") && codes == ["C"]
    })
    // The zones table: one feature per crosswalk entry, z2 twice, z4 without a polygon.
    let zones = try #require(geodata.zones)
    #expect(zones.rows.map { $0[0] } == ["z1", "z2", "z2", "z3", "z4"].map { .text($0) })
    #expect(zones.rows.map { $0[1] } == ["A", "A", "B", "B", "C"].map { .text($0) })
    #expect(zones.rows.map { $0[3] } == [1, 0.25, 0.75, 1, 1].map { .real($0) })
    #expect((0..<zones.geometry.count).map { zones.geometry.polygons(ofFeature: $0).count } == [1, 1, 1, 1, 0])
    #expect(geodata.tableNames == ["footprints", "zones"])
  }

  /// The GeoPackage of both tables reads back with the footprints' ids and names.
  @Test func theGeoPackageHoldsBothLayers() throws {
    let (crosswalk, polygons) = try inputs()
    let bytes = try FootprintGeodata.crosswalk(crosswalk, polygons: polygons, population: nil).geodata.geoPackage(lastChange: Date(timeIntervalSince1970: 0))
    let path = try temporaryFolder().appendingPathComponent("x.gpkg")
    try Data(bytes).write(to: path)
    let (read, _) = try GeoPackageReader.read(path: path.path, fields: BoundaryFields(id: "footprint_id", name: "footprint_name"), layer: "footprints")
    #expect(read.ids == ["A", "B"] && read.names == ["Ay", "B polygon"])
    let (zones, _) = try GeoPackageReader.read(path: path.path, fields: BoundaryFields(id: "zone_id"), layer: "zones")
    #expect(zones.ids == ["z1", "z2", "z2", "z3", "z4"])
  }
}
