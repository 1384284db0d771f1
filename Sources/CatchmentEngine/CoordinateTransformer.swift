import CPROJ
import CatchmentGeometry

/// A PROJ error: its code and message.
public struct PROJError: Error, Sendable, CustomStringConvertible {
  public let code: Int32
  public let message: String
  public var description: String { "PROJ: \(message)" + (code != 0 ? " (error \(code))" : "") }
}

/// Transforms coordinates from a layer's CRS into a working CRS with PROJ, in bulk.
///
/// Axis order is normalised (`proj_normalize_for_visualization`): x is always easting or
/// longitude, y northing or latitude, whatever order the CRS's authority defines (EPSG:4326 is
/// latitude first). One transformer owns one PROJ context; give each concurrent task its own.
///
/// PROJ picks the transformation; ``operationDescription`` and ``accuracyMetres`` say which
/// and how good, and ``isBallpark`` flags a "ballpark" transformation (no datum shift known,
/// e.g. an unnamed datum in a `.prj`), accurate to tens or hundreds of metres only. Debian's
/// PROJ has no OSTN15 grid, so WGS 84 → British National Grid uses a Helmert shift, accurate to
/// a few metres.
public final class CoordinateTransformer {
  private let context: OpaquePointer
  private let operation: OpaquePointer?
  /// True when source and target are the same CRS: nothing to do.
  public let isIdentity: Bool
  /// The source and target as given.
  public let source: String, target: String

  /// Prepares a transformation from `source` to `target` (any definition PROJ accepts,
  /// e.g. "EPSG:27700", "OGC:CRS84", WKT).
  ///
  /// - Throws: ``PROJError`` when PROJ cannot interpret either CRS or relate them.
  public init(from source: String, to target: String) throws(PROJError) {
    self.source = source
    self.target = target
    guard let context = proj_context_create() else { throw PROJError(code: 0, message: "cannot create a PROJ context") }
    self.context = context
    // proj_create returns NULL on error.
    guard let sourceCRS = proj_create(context, source) else {
      let error = Self.lastError(context, "cannot interpret the CRS '\(source.prefix(80))'")
      proj_context_destroy(context)
      throw error
    }
    defer { proj_destroy(sourceCRS) }
    guard let targetCRS = proj_create(context, target) else {
      let error = Self.lastError(context, "cannot interpret the CRS '\(target.prefix(80))'")
      proj_context_destroy(context)
      throw error
    }
    defer { proj_destroy(targetCRS) }
    if proj_is_equivalent_to(sourceCRS, targetCRS, PJ_COMP_EQUIVALENT) == 1 {
      isIdentity = true
      operation = nil
      return
    }
    isIdentity = false
    // NULL when no operation relates the two CRSs.
    guard let raw = proj_create_crs_to_crs_from_pj(context, sourceCRS, targetCRS, nil, nil) else {
      let error = Self.lastError(context, "no transformation from '\(source.prefix(80))' to '\(target)'")
      proj_context_destroy(context)
      throw error
    }
    defer { proj_destroy(raw) }
    guard let normalised = proj_normalize_for_visualization(context, raw) else {
      let error = Self.lastError(context, "cannot normalise the axis order")
      proj_context_destroy(context)
      throw error
    }
    operation = normalised
  }

  deinit {
    if let operation { proj_destroy(operation) }
    proj_context_destroy(context)
  }

  /// Convenience: from a layer's declared CRS.
  /// - Throws: ``PROJError`` when the CRS is unknown.
  public convenience init(from source: CRSReference, to target: String) throws(PROJError) {
    guard let definition = source.projDefinition else {
      throw PROJError(code: 0, message: "the CRS is unknown (no .prj, no crs member); give --assume-crs")
    }
    try self.init(from: definition, to: target)
  }

  /// Transforms the points in place.
  ///
  /// - Throws: ``PROJError`` when any point cannot be transformed (PROJ writes infinity).
  public func transform(xs: inout [Double], ys: inout [Double]) throws(PROJError) {
    guard let operation, !xs.isEmpty else { return }
    let count = xs.count
    xs.withUnsafeMutableBufferPointer { x in
      ys.withUnsafeMutableBufferPointer { y in
        // Returns the number of points transformed; failed points become HUGE_VAL.
        _ = proj_trans_generic(
          operation, PJ_FWD, x.baseAddress, MemoryLayout<Double>.stride, count, y.baseAddress, MemoryLayout<Double>.stride, count,
          nil, 0, 0, nil, 0, 0)
      }
    }
    if let bad = xs.indices.first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) {
      throw PROJError(code: proj_context_errno(context), message: "point \(bad) could not be transformed from \(source.prefix(60)) to \(target)")
    }
  }

  /// Transforms every coordinate of `layer` and sets its CRS to the target.
  public func transform(_ layer: inout PolygonLayer) throws(PROJError) {
    try transform(xs: &layer.xs, ys: &layer.ys)
    layer.crs = .definition(target)
  }

  /// Transforms every point of `layer` and sets its CRS to the target.
  public func transform(_ layer: inout PointLayer) throws(PROJError) {
    try transform(xs: &layer.xs, ys: &layer.ys)
    layer.crs = .definition(target)
  }

  /// The transformation PROJ used last (after ``transform(xs:ys:)``), else the one it
  /// prepared: its name, e.g. "Inverse of OSGB36 to WGS 84 (6) + British National Grid".
  public var operationDescription: String {
    guard let used = lastUsedOperation else { return isIdentity ? "none (same CRS)" : "unknown" }
    defer { proj_destroy(used) }
    let info = proj_pj_info(used)
    return info.description.map { String(cString: $0) } ?? "unknown"
  }

  /// The accuracy PROJ states for the transformation, in metres (nil when unknown).
  public var accuracyMetres: Double? {
    guard let used = lastUsedOperation else { return isIdentity ? 0 : nil }
    defer { proj_destroy(used) }
    let accuracy = proj_coordoperation_get_accuracy(context, used)  // -1 when unknown
    return accuracy >= 0 ? accuracy : nil
  }

  /// True when PROJ could only offer a ballpark transformation (no datum shift).
  public var isBallpark: Bool { operationDescription.localizedLowercaseContainsBallpark }

  private var lastUsedOperation: OpaquePointer? {
    guard let operation else { return nil }
    // PROJ 9.1+: the operation used for the last point (a crs_to_crs may hold several);
    // falls back to a clone of the whole operation before any point was transformed.
    return proj_trans_get_last_used_operation(operation) ?? proj_clone(context, operation)
  }

  private static func lastError(_ context: OpaquePointer, _ fallback: String) -> PROJError {
    let code = proj_context_errno(context)
    let message = code != 0 ? proj_context_errno_string(context, code).map { String(cString: $0) } ?? fallback : fallback
    return PROJError(code: code, message: code != 0 ? "\(fallback): \(message)" : fallback)
  }

  /// True when `definition` is a projected CRS (coordinates in linear units, so areas mean
  /// something).
  public static func isProjected(_ definition: String) -> Bool {
    guard let context = proj_context_create() else { return false }
    defer { proj_context_destroy(context) }
    guard let crs = proj_create(context, definition) else { return false }
    defer { proj_destroy(crs) }
    return proj_get_type(crs) == PJ_TYPE_PROJECTED_CRS
  }
}

extension String {
  var localizedLowercaseContainsBallpark: Bool { lowercased().contains("ballpark") }
}
