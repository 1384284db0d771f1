import CPROJ

/// Where a CRS is meant to be used, as its authority records it (EPSG's "area of use"): a
/// longitude/latitude box in degrees and the area's name, e.g. British National Grid's
/// −9…2.01 °E, 49.75…61.01 °N, "United Kingdom (UK) - offshore to boundary of UKCS …".
///
/// Coordinates far outside it are a sign of a layer read in the wrong CRS, or of a corrupt
/// file: worth a warning, though PROJ still transforms them.
public struct AreaOfUse: Sendable, Equatable {
  /// West, south, east and north bounds in degrees (west > east when the area crosses the
  /// antimeridian).
  public let west: Double, south: Double, east: Double, north: Double
  /// The area's name ("" when the authority gives none).
  public let name: String

  /// The area of use of `definition` (any definition PROJ accepts), or nil when PROJ knows
  /// none (e.g. a PROJ string) or cannot interpret the definition.
  public init?(_ definition: String) {
    // Returns NULL only when out of memory.
    guard let context = proj_context_create() else { return nil }
    defer { proj_context_destroy(context) }  // runs last: after the object below is destroyed
    _ = proj_log_level(context, PJ_LOG_NONE)
    // Returns NULL on error.
    guard let crs = proj_create(context, definition) else { return nil }
    defer { proj_destroy(crs) }
    var w = 0.0, s = 0.0, e = 0.0, n = 0.0
    var areaName: UnsafePointer<CChar>?
    // Returns 1 when the object has an area of use (bounds of −1000 mean unknown), 0 otherwise.
    guard proj_get_area_of_use(context, crs, &w, &s, &e, &n, &areaName) == 1, w > -1000, s > -1000, e > -1000, n > -1000 else {
      return nil
    }
    west = w
    south = s
    east = e
    north = n
    name = areaName.map { String(cString: $0) } ?? ""
  }
}
