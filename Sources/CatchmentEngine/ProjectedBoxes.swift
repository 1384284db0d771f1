/// Rectangles in the working CRS that are sure to contain features still held in their source
/// CRS, found without reprojecting the features' vertices.
///
/// Why: the area crosswalk needs exact intersections only for zones that straddle a footprint
/// boundary (about one LSOA in five against CCGs). A zone whose box lies wholly inside one
/// footprint, and meets no other, goes to that footprint with weight 1 whatever its exact shape,
/// so its thousands of vertices need never pass through PROJ.
///
/// How: each source envelope's boundary is sampled (``samplesPerSide`` points per side) and the
/// samples are transformed; the box is their bounding rectangle grown by a margin
/// m = 1 m + 10⁻³ × its longer side. Every vertex of the feature lies inside the source
/// envelope, so every transformed vertex lies inside the envelope's image; the feature's edges
/// (straight in the working CRS) lie inside the convex hull of that image, which the grown box
/// contains provided the image of each side strays from the chords between samples by less than
/// m. A side of length s sampled every s/2 strays by about (s/2)² ÷ 8r, r the radius of curvature
/// of the side's image, which is under 10⁻³ s whenever r > 31 s (for British National Grid,
/// parallels have r ≈ 5,000 km at England's latitudes and meridians are near-straight, so any
/// box up to 150 km across; an LSOA strays by centimetres against a margin of metres).
public enum ProjectedBoxes {
  /// Sample points per envelope side, corners included once.
  public static let samplesPerSide = 2

  /// The working-CRS box of each envelope, or nil when the envelope is empty (no geometry).
  ///
  /// - Parameters:
  ///   - envelopes: the features' envelopes in the source CRS.
  ///   - transform: brings x/y arrays from the source CRS into the working CRS, in place (and
  ///     throws for a point it cannot transform).
  public static func boxes(
    of envelopes: [Envelope], transform: (inout [Double], inout [Double]) throws -> Void
  ) rethrows -> [Envelope?] {
    let perBox = 4 * samplesPerSide
    var xs = [Double](repeating: 0, count: envelopes.count * perBox)
    var ys = xs
    for (b, e) in envelopes.enumerated() where !e.isEmpty {
      var k = b * perBox
      for step in 0..<samplesPerSide {
        let t = Double(step) / Double(samplesPerSide)
        let x = e.minX + t * (e.maxX - e.minX), y = e.minY + t * (e.maxY - e.minY)
        let xBack = e.maxX - t * (e.maxX - e.minX), yBack = e.maxY - t * (e.maxY - e.minY)
        // South, east, north and west sides, each from its corner.
        for (px, py) in [(x, e.minY), (e.maxX, y), (xBack, e.maxY), (e.minX, yBack)] {
          xs[k] = px
          ys[k] = py
          k += 1
        }
      }
    }
    try transform(&xs, &ys)
    return envelopes.indices.map { b -> Envelope? in
      guard !envelopes[b].isEmpty else { return nil }
      var box = Envelope.empty
      for k in (b * perBox)..<((b + 1) * perBox) {
        box = box.union(Envelope(minX: xs[k], minY: ys[k], maxX: xs[k], maxY: ys[k]))
      }
      let side = max(box.maxX - box.minX, box.maxY - box.minY)
      return box.expanded(by: 1 + 1e-3 * side)
    }
  }
}
