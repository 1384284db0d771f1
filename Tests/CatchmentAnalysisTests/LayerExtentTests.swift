import CatchmentEngine
import Testing

@testable import CatchmentAnalysis

@Suite struct LayerExtentTests {
  @Test func envelopeSkipsNonFiniteValues() {
    let e = LayerExtent.envelope(xs: [1, .nan, 3, .infinity], ys: [5, 0, -2, 0])
    #expect(e == Envelope(minX: 1, minY: -2, maxX: 3, maxY: 5))
    #expect(LayerExtent.envelope(xs: [], ys: []).isEmpty)
  }

  /// Layers whose working envelopes are apart cannot meet: a typed error naming both extents
  /// in both CRSs; meeting layers, and a layer without coordinates, pass.
  @Test func disjointLayersAreATypedError() throws {
    let zones = LayerExtent(
      role: "zones", crs: "EPSG:27700", own: Envelope(minX: 0, minY: 0, maxX: 320, maxY: 100), working: Envelope(minX: 0, minY: 0, maxX: 320, maxY: 100))
    let lonLat = Envelope(minX: -7.6, minY: 49.7, maxX: -7.5, maxY: 49.8)
    let footprints = LayerExtent(role: "footprints", crs: "OGC:CRS84", own: lonLat, working: lonLat)
    let error = #expect(throws: DisjointLayersError.self) { try LayerExtent.requireMeeting(zones, footprints, workingCRS: "EPSG:27700") }
    #expect(error?.description.hasPrefix("none of the zones meets any of the footprints: in EPSG:27700 the zones lie within x 0 … 320, y 0 … 100 and the footprints within x -7.6 … -7.5, y 49.7 … 49.8") == true)
    var near = footprints
    near.working = Envelope(minX: 320, minY: 100, maxX: 400, maxY: 200)  // touches a corner
    try LayerExtent.requireMeeting(zones, near, workingCRS: "EPSG:27700")
    var empty = footprints
    empty.working = .empty
    try LayerExtent.requireMeeting(zones, empty, workingCRS: "EPSG:27700")
  }

  /// The working box of a lon/lat envelope holds every transformed point of it: England's
  /// extent, whose sides curve in British National Grid, checked on a 101 × 101 grid.
  @Test func workingBoxHoldsTheTransformedEnvelope() throws {
    let own = Envelope(minX: -6.5, minY: 49.8, maxX: 1.8, maxY: 55.9)
    let transformer = try CoordinateTransformer(from: "OGC:CRS84", to: "EPSG:27700")
    let box = try LayerExtent.workingBox(of: own) { xs, ys in try transformer.transform(xs: &xs, ys: &ys) }
    var xs: [Double] = [], ys: [Double] = []
    for i in 0...100 {
      for j in 0...100 {
        xs.append(own.minX + Double(i) / 100 * (own.maxX - own.minX))
        ys.append(own.minY + Double(j) / 100 * (own.maxY - own.minY))
      }
    }
    try transformer.transform(xs: &xs, ys: &ys)
    for k in xs.indices { #expect(box.intersects(Envelope(minX: xs[k], minY: ys[k], maxX: xs[k], maxY: ys[k]))) }
    #expect(LayerExtent.workingBox(of: .empty) { _, _ in }.isEmpty)
  }
}
