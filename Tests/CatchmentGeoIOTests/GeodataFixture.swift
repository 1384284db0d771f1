import CatchmentGeometry
import Foundation

@testable import CatchmentGeoIO

/// A small layer worked by hand for the geodata writers, on a grid of `unit`-sized cells from
/// `origin` (x, y):
///
///     A  square [0,10]×[0,10], written clockwise                       area 100
///     B  square [10,20]×[0,10], sharing A's edge x = 10, anticlockwise   area 100
///     C  [0,20]×[20,40] with the hole [5,10]×[25,30] (hole written
///        anticlockwise, like its exterior)                              area 400 − 25 = 375
///     D  two parts: [30,32]×[0,2] and [40,43]×[0,3]                      area 4 + 9 = 13
///     E  no geometry
///
/// Areas are in grid cells (× unit² in the layer's units). Attributes cover every type, NULL
/// in each, non-ASCII text and a non-ASCII column name.
enum GeodataFixture {
  static let ids = ["A", "B", "C", "D", "E"]
  /// Per feature, per polygon: exterior area, then hole areas, in grid cells.
  static let cellAreas: [[[Double]]] = [[[100]], [[100]], [[400, 25]], [[4], [9]], []]
  /// Per feature: [minx, maxx, miny, maxy] in grid cells (nil: no geometry).
  static let cellEnvelopes: [[Double]?] = [[0, 10, 0, 10], [10, 20, 0, 10], [0, 20, 20, 40], [30, 43, 0, 3], nil]

  static let columns: [FeatureTable.Column] = [
    .init("code", .text), .init("name", .text), .init("population", .integer), .init("retention", .real),
    .init("médecins", .integer),
  ]
  static let rows: [[FeatureTable.Value]] = [
    [.text("A"), .text("Ynys Môn"), .integer(1_200), .real(0.25), .integer(3)],
    [.text("B"), .text("Brent – Harrow \"north\""), .integer(0), .real(1e-7), .null],
    [.text("C"), .text("東京 Ōtautahi"), .integer(-5), .null, .integer(9_007_199_254_740_993)],
    [.text("D"), .null, .null, .real(-3.5), .integer(0)],
    [.text("E"), .text(""), .integer(7), .real(0.1), .integer(1)],
  ]

  /// Rings in grid cells: per feature, per polygon, per ring, closed (x, y) pairs.
  static let cellRings: [[[[(Double, Double)]]]] = [
    [[[(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]]],
    [[[(10, 0), (20, 0), (20, 10), (10, 10), (10, 0)]]],
    [[[(0, 20), (20, 20), (20, 40), (0, 40), (0, 20)], [(5, 25), (10, 25), (10, 30), (5, 30), (5, 25)]]],
    [[[(30, 0), (32, 0), (32, 2), (30, 2), (30, 0)]], [[(40, 0), (43, 0), (43, 3), (40, 3), (40, 0)]]],
    [],
  ]

  /// The layer at `origin` with cells of `unit`, in `crs`.
  static func geometry(origin: (Double, Double), unit: Double, crs: CRSReference) -> PolygonLayer {
    var layer = PolygonLayer(crs: crs)
    for (f, polygons) in cellRings.enumerated() {
      for rings in polygons {
        for ring in rings {
          for (x, y) in ring { layer.addPoint(x: origin.0 + x * unit, y: origin.1 + y * unit) }
          layer.endRing()
        }
        layer.endPolygon()
      }
      layer.endFeature(id: ids[f])
    }
    return layer
  }

  /// In British National Grid metres from (400 000, 300 000): every coordinate an integer, so
  /// that float32 R-tree bounds hold it exactly.
  static let bngOrigin = (400_000.0, 300_000.0)
  static func bng(name: String = "footprints") -> FeatureTable {
    FeatureTable(name: name, geometry: geometry(origin: bngOrigin, unit: 1, crs: .epsg(27700)), columns: columns, rows: rows)
  }

  /// In WGS 84 degrees from (-1.5, 52), cells of 0.001°.
  static let lonLatOrigin = (-1.5, 52.0)
  static func lonLat() -> FeatureTable {
    FeatureTable(name: "footprints", geometry: geometry(origin: lonLatOrigin, unit: 0.001, crs: .crs84), columns: columns, rows: rows)
  }

  /// The net area of feature `f` (exteriors minus holes), by the shoelace formula over the
  /// rings of `layer`, in squared layer units.
  static func netArea(_ layer: PolygonLayer, _ f: Int) -> Double {
    polygonAreas(layer, f).reduce(0) { $0 + $1[0] - $1.dropFirst().reduce(0, +) }
  }

  /// The hand-worked net area of feature `f`, in grid cells.
  static func cellNetArea(_ f: Int) -> Double {
    cellAreas[f].reduce(0) { $0 + $1[0] - $1.dropFirst().reduce(0, +) }
  }
}
