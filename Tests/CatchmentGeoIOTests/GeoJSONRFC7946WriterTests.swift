import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// `GeoJSONWriter.rfc7946` on the hand-worked layer in WGS 84 (``GeodataFixture/lonLat()``).
@Suite struct GeoJSONRFC7946WriterTests {
  static func document() throws -> String {
    String(decoding: try GeoJSONWriter.rfc7946(GeodataFixture.lonLat()), as: UTF8.self)
  }

  @Test func readsBackTheSameFeaturesAndAreas() throws {
    let path = try temporaryFile(try Self.document(), name: "geodata.geojson")
    let (layer, summary) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "code", name: "name"))
    #expect(layer.ids == GeodataFixture.ids)
    #expect(layer.names == ["Ynys Môn", "Brent – Harrow \"north\"", "東京 Ōtautahi", "", ""])
    #expect(layer.crs == .crs84)
    #expect(summary.features == 5 && summary.emptyGeometries == 1)
    for f in 0..<5 {
      let cells = polygonAreas(layer, f).map { $0.map { $0 / 1e-6 } }  // 0.001° cells
      #expect(cells.count == GeodataFixture.cellAreas[f].count)
      for (got, want) in zip(cells, GeodataFixture.cellAreas[f]) {
        #expect(zip(got, want).allSatisfy { abs($0 - $1) < 1e-6 }, "feature \(GeodataFixture.ids[f]): \(got) vs \(want)")
      }
    }
  }

  @Test func exteriorsRunAnticlockwiseAndHolesClockwise() throws {
    let path = try temporaryFile(try Self.document(), name: "geodata.geojson")
    let (layer, _) = try GeoJSONReader.read(path: path, fields: BoundaryFields(id: "code"))
    var checked = 0
    for p in 0..<(layer.polygonRings.count - 1) {
      for (k, r) in layer.rings(ofPolygon: p).enumerated() {
        // A is written clockwise and C's hole anticlockwise: both must come out turned.
        #expect((layer.signedDoubleArea(ofRing: r) > 0) == (k == 0), "polygon \(p) ring \(k)")
        checked += 1
      }
    }
    #expect(checked == 6)
  }

  @Test func propertiesAreTypedAndCoordinatesHaveSevenDecimalsAtMost() throws {
    let lines = try Self.document().split(separator: "\n").map(String.init)
    #expect(lines.first == "{\"type\":\"FeatureCollection\",\"name\":\"footprints\",\"features\":[")
    #expect(lines.count == 7 && lines.last == "]}")
    #expect(lines[1].hasPrefix("{\"type\":\"Feature\",\"properties\":{\"code\":\"A\",\"name\":\"Ynys Môn\",\"population\":1200,\"retention\":0.25,\"médecins\":3},"))
    // A reoriented: (0,0) (10,0) (10,10) (0,10) in 0.001° cells from (-1.5, 52).
    #expect(lines[1].hasSuffix("\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-1.5,52],[-1.49,52],[-1.49,52.01],[-1.5,52.01],[-1.5,52]]]]}},"))
    #expect(lines[2].contains("\"name\":\"Brent – Harrow \\\"north\\\"\",\"population\":0,\"retention\":1e-07,\"médecins\":null}"))
    #expect(lines[3].contains("\"population\":-5,\"retention\":null,\"médecins\":9007199254740993}"))
    #expect(lines[4].contains("\"name\":null,\"population\":null,\"retention\":-3.5"))
    #expect(lines[5].hasSuffix("\"geometry\":null}"))
    // Every coordinate: at most 7 decimals, no trailing zero.
    let numbers = lines.joined().components(separatedBy: "\"coordinates\":").dropFirst().flatMap {
      $0.prefix { $0 != "}" }.split(whereSeparator: { "[],".contains($0) })
    }
    #expect(numbers.count == 2 * (5 + 5 + 10 + 10))
    for number in numbers {
      let decimals = number.split(separator: ".").dropFirst().first ?? ""
      #expect(decimals.count <= 7 && !decimals.hasSuffix("0"), "\(number)")
    }
  }

  @Test func roundsToSevenDecimals() {
    #expect(GeoJSONWriter.coordinate(-1.23456789) == "-1.2345679")
    #expect(GeoJSONWriter.coordinate(0.10000001) == "0.1")
    #expect(GeoJSONWriter.coordinate(-0.00000001) == "0")
    #expect(GeoJSONWriter.coordinate(180) == "180")
  }

  @Test func sameInputSameBytes() throws {
    #expect(try GeoJSONWriter.rfc7946(GeodataFixture.lonLat()) == (try GeoJSONWriter.rfc7946(GeodataFixture.lonLat())))
  }

  @Test func coordinatesOutsideLonLatAreRefused() {
    #expect(throws: GeodataWriteError.self) { try GeoJSONWriter.rfc7946(GeodataFixture.bng()) }
    var table = GeodataFixture.lonLat()
    table.geometry.ys[table.geometry.points(ofRing: 2).lowerBound] = 90.5
    let error = #expect(throws: GeodataWriteError.self) { try GeoJSONWriter.rfc7946(table) }
    #expect(error?.feature == 3)
  }
}
