import CatchmentCore
import CatchmentGeometry
import Testing

@testable import CatchmentAnalysis

/// Coordinates no geometry can have (NaN, ±∞, 1e300) stop a crosswalk with an error naming
/// every such feature, in zones or footprints, for best fit, area weighting and dissolving;
/// before, ∞ and 1e300 trapped converting to Int and NaN placed nothing without a word.
@Suite struct CoordinateRangeTests {
  /// Unit squares side by side; square `bad` gets `value` as the x of its second vertex.
  static func squares(_ ids: [String], bad: String? = nil, value: Double = 0) -> PolygonLayer {
    var layer = PolygonLayer(crs: .epsg(27700))
    for (k, id) in ids.enumerated() {
      let x = Double(k) * 10
      for (n, (px, py)) in [(x, 0.0), (x + 10, 0), (x + 10, 10), (x, 10)].enumerated() {
        layer.addPoint(x: id == bad && n == 1 ? value : px, y: py)
      }
      layer.endRing()
      layer.endPolygon()
      layer.endFeature(id: id, origin: "layer.geojson#\(k + 1)")
    }
    return layer
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -2e10])
  func zonesAndFootprintsWithImpossibleCoordinatesAreNamed(value: Double) throws {
    let good = Self.squares(["a", "b", "c"])
    let badZones = Self.squares(["a", "b", "c"], bad: "b", value: value)
    let report = RunReport(command: "t")
    for run in [
      { _ = recorded(try SpatialCrosswalk.area(zones: badZones, footprints: good, basis: .covered, minWeight: nil, workers: 2), in: report) },
      { _ = recorded(try SpatialCrosswalk.bestFit(zones: badZones, centroids: nil, footprints: good, snapDistance: 0, workers: 2), in: report) },
      { _ = recorded(try SpatialCrosswalk.area(zones: good, footprints: badZones, basis: .zone, minWeight: nil, workers: 1), in: report) },
    ] {
      let error = try #require(throws: CoordinateRangeError.self) { try run() }
      #expect(error.features == ["layer.geojson#2 (b)"])
      #expect(error.description.contains("layer.geojson#2 (b)"))
    }
  }

  /// Zones reprojected inside the area crosswalk (only those straddling a boundary) are
  /// checked after the transformation too: a transformation that fails gives ∞.
  @Test func zonesThatTransformToInfinityAreNamed() throws {
    let footprints = Self.squares(["A"])
    let zones = Self.squares(["z"])
    let error = try #require(throws: CoordinateRangeError.self) {
      _ = recorded(try SpatialCrosswalk.area(
        zones: zones, projectZones: { xs, _ in
          xs[1] = .infinity
          return RunAccount()
        }, footprints: footprints, basis: .zone, minWeight: nil, workers: 1), in: RunReport(command: "t"))
    }
    #expect(error.role == "zones (in the working CRS)" && error.features == ["layer.geojson#1 (z)"])
  }

  @Test func largeButPlausibleCoordinatesAreAccepted() throws {
    // 9,999 km east: far, but a number a CRS can hold.
    let zones = Self.squares(["a"], bad: "a", value: 9.999e9)
    #expect(zones.features(withCoordinatesBeyond: CoordinateRangeError.bound).isEmpty)
  }
}
