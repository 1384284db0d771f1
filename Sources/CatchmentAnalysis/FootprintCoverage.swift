import CatchmentEngine

/// The union of the footprints, when they tile without overlapping (as ONS and NHS England
/// boundary sets do), prepared for fast "does it cover this zone" tests.
///
/// Why: a zone covered by the union of footprints that do not overlap has
/// Σ_f area(z ∩ f) = area(z), so the last of its pieces is area(z) minus the others, and one
/// GEOS intersection per straddling zone (most straddle two footprints) is saved.
///
/// The union is `GEOSCoverageUnion`, linear in the vertices; it is trusted only when it is valid
/// and its area equals the sum of the footprints' areas to 10⁻¹² relative (that is, the
/// footprints overlap by less than 10⁻¹² of their area: 0.13 m² over all England). Otherwise,
/// e.g. for proposed footprints that overlap, there is no coverage and every piece is measured.
enum FootprintCoverage {
  /// The prepared union, or nil when the footprints are not a coverage (or there are none).
  static func prepared(of footprints: [Geometry], in context: GEOSContext) -> PreparedGeometry? {
    guard !footprints.isEmpty else { return nil }
    do {
      let union = Geometry(try GeometryHandle(coverageUnionOf: footprints, in: context))
      guard union.isValid else { return nil }
      var total = 0.0
      for f in footprints { total += try f.area() }
      let covered = try union.area()
      guard total > 0, abs(covered - total) <= 1e-12 * total else { return nil }
      return try PreparedGeometry(union)
    } catch {
      // Not a coverage GEOS can union this way: measure every piece.
      return nil
    }
  }
}
