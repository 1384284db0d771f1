import CatchmentGeometry
import Testing

@testable import CatchmentEngine

/// GEOS errors reach Swift as thrown ``GEOSError``s carrying GEOS's own messages.
@Suite struct GEOSContextTests {
  /// A ring built by hand without its closing point: GEOS refuses it, and the message it
  /// reported through the context's handler comes back in the error.
  @Test func capturesErrorMessages() throws {
    var layer = PolygonLayer(crs: .epsg(27700))
    layer.xs = [0, 1, 1, 0]
    layer.ys = [0, 0, 1, 1]
    layer.ringPoints = [0, 4]
    layer.polygonRings = [0, 1]
    layer.featurePolygons = [0, 1]
    layer.ids = ["open"]
    layer.names = [""]
    layer.origins = ["hand.shp#0"]
    let context = GEOSContext()
    let error = #expect(throws: GEOSError.self) { _ = try GeometryHandle(feature: 0, of: layer, in: context) }
    #expect(error?.operation == "LinearRing (hand.shp#0)")
    #expect(error?.messages.contains { $0.contains("closed") } == true)
    #expect(error?.description.hasPrefix("GEOS LinearRing (hand.shp#0) failed: ") == true)
    // Messages are consumed by the error: the next failure starts afresh.
    #expect(context.messages.isEmpty)
  }

  /// Overlay on an invalid input (a bow tie) fails with a TopologyException rather than
  /// returning a wrong area; repairing first makes it work.
  @Test func invalidInputToOverlayThrows() throws {
    let context = GEOSContext()
    let bowTie = try GeometryHandle(feature: 0, of: ringLayer([(0, 0), (2, 2), (2, 0), (0, 2)]), in: context)
    let square = try GeometryHandle(feature: 0, of: boxes([("s", [(0, 0, 2, 2)], [])]), in: context)
    let error = #expect(throws: GEOSError.self) { try bowTie.intersectionArea(with: square) }
    #expect(error?.messages.contains { $0.contains("TopologyException") } == true)
    #expect(try bowTie.madeValidPolygonal().intersectionArea(with: square) == 2)
  }

  @Test func contextsAreIndependentAcrossTasks() async throws {
    let layer = boxes([("a", [(0, 0, 10, 10)], [(4, 4, 6, 6)])])
    let areas = try await withThrowingTaskGroup(of: Double.self) { group in
      for _ in 0..<4 {
        group.addTask {
          let context = GEOSContext()  // one per task
          return try GeometryHandle(feature: 0, of: layer, in: context).area()
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(areas == [96, 96, 96, 96])
  }
}
