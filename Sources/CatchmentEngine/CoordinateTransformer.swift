import CPROJ
import Dispatch
import Foundation
import CatchmentGeometry

/// Transforms coordinates from a layer's CRS into the working CRS with PROJ, in bulk.
///
/// Axis order is normalised (`proj_normalize_for_visualization`): x is always easting or
/// longitude and y northing or latitude, whatever order the CRS's authority defines (EPSG:4326
/// is latitude first). Without it every caller would have to remember to swap.
///
/// PROJ picks the transformation (`proj_create_crs_to_crs_from_pj`, which may hold several
/// candidates and choose by area of use). ``operationDescription``, ``accuracyMetres`` and
/// ``isBallpark`` say which one it used and how good it is; ``summary`` gathers them for a run
/// report. A *ballpark* transformation applies no datum shift because PROJ knows none (e.g. an
/// unnamed datum in a `.prj`) and is good to tens or hundreds of metres only. Debian's PROJ
/// has no OSTN15 grid, so WGS 84 → British National Grid uses the Helmert "OSGB36 to WGS 84"
/// shift instead, accurate to a few metres.
///
/// **Thread rule:** a transformer owns its `PJ_CONTEXT` and its `PJ`, and may be used by one
/// task at a time (not `Sendable`); give each concurrent task its own.
///
///     let transformer = try CoordinateTransformer(from: layer.crs, to: .epsg(27700))
///     try transformer.transform(&layer)  // every coordinate, in place; layer.crs is now EPSG:27700
public final class CoordinateTransformer {
  /// Owned; destroyed last (after `operation`).
  private let context: OpaquePointer
  /// PROJ's messages while preparing, for errors; outlives `context`, which points to it.
  private let messages: PROJMessages
  /// The normalised operation, owned; nil when source and target are the same CRS.
  private let operation: OpaquePointer?
  /// True when source and target are the same CRS: nothing to do.
  public let isIdentity: Bool
  /// The source and target definitions, as given to PROJ.
  public let source: String, target: String
  /// What transformed layers are labelled with: the target as given (`.definition(target)`
  /// when given as a string).
  public let targetReference: CRSReference

  /// Prepares a transformation from `source` to `target`, each any definition PROJ accepts
  /// ("EPSG:27700", "OGC:CRS84", WKT, a PROJ string).
  ///
  /// - Throws: ``PROJError`` when PROJ cannot interpret either CRS or relate them.
  public convenience init(from source: String, to target: String) throws(PROJError) {
    try self.init(source: source, target: target, targetReference: .definition(target))
  }

  /// Prepares a transformation from a layer's declared CRS.
  ///
  /// - Throws: ``PROJError`` when the CRS is unknown (no `.prj`, no `crs` member: the caller
  ///   should ask for one to assume; ``PROJError/sourceCRSUnknown``), or PROJ cannot interpret or relate it.
  public convenience init(from source: CRSReference, to target: String) throws(PROJError) {
    try self.init(from: source, to: .definition(target))
  }

  /// Prepares a transformation between two ``CRSReference``s.
  ///
  /// - Throws: ``PROJError`` when either is unknown, or PROJ cannot interpret or relate them.
  public convenience init(from source: CRSReference, to target: CRSReference) throws(PROJError) {
    guard let definition = source.projDefinition else {
      throw PROJError(code: 0, message: "the CRS is unknown (no .prj, no crs member); give the CRS to assume", sourceCRSUnknown: true)
    }
    guard let targetDefinition = target.projDefinition else {
      throw PROJError(code: 0, message: "the target CRS is unknown")
    }
    try self.init(source: definition, target: targetDefinition, targetReference: target)
  }

  private init(source: String, target: String, targetReference: CRSReference) throws(PROJError) {
    self.source = source
    self.target = target
    self.targetReference = targetReference
    // Returns NULL only when out of memory.
    guard let context = proj_context_create() else { throw PROJError(code: 0, message: "cannot create a PROJ context") }
    // Errors come back as PROJError with PROJ's reason ("crs not found"), captured from its
    // log rather than printed on stderr; logging stops once the transformer is ready.
    let messages = PROJMessages()
    messages.capture(context)
    // On any failure below, free in reverse order of creation; the context goes last.
    func fail(_ what: String) -> PROJError {
      let error = PROJError(code: proj_context_errno(context), message: messages.reason(context).map { "\(what): \($0)" } ?? what)
      proj_context_destroy(context)
      return error
    }
    // proj_create returns NULL on error.
    guard let sourceCRS = proj_create(context, source) else {
      throw fail("cannot interpret the CRS '\(source.prefix(80))'")
    }
    guard let targetCRS = proj_create(context, target) else {
      proj_destroy(sourceCRS)
      throw fail("cannot interpret the CRS '\(target.prefix(80))'")
    }
    defer {
      proj_destroy(targetCRS)
      proj_destroy(sourceCRS)
    }
    // Returns 1 when equivalent, 0 otherwise (also on error).
    if proj_is_equivalent_to(sourceCRS, targetCRS, PJ_COMP_EQUIVALENT) == 1 {
      isIdentity = true
      operation = nil
      _ = proj_log_level(context, PJ_LOG_NONE)
      self.context = context
      self.messages = messages
      return
    }
    isIdentity = false
    // Returns NULL when no operation relates the two CRSs.
    guard let raw = proj_create_crs_to_crs_from_pj(context, sourceCRS, targetCRS, nil, nil) else {
      throw fail("no transformation from '\(source.prefix(80))' to '\(target)'")
    }
    // Returns a new object (raw is still ours to free), or NULL on error.
    let normalised = proj_normalize_for_visualization(context, raw)
    proj_destroy(raw)
    guard let normalised else { throw fail("cannot normalise the axis order") }
    operation = normalised
    _ = proj_log_level(context, PJ_LOG_NONE)
    self.context = context
    self.messages = messages
  }

  deinit {
    // Reverse order of creation: the operation, then its context (never proj_cleanup(),
    // which is process-wide).
    if let operation { proj_destroy(operation) }
    proj_context_destroy(context)
  }

  //===--- Transforming ---------------------------------------------------------------===//

  /// Transforms the points (xs[i], ys[i]) in place, all in one `proj_trans_generic` call.
  ///
  /// - Throws: ``PROJError`` when any point cannot be transformed (PROJ writes infinity
  ///   there), naming the first.
  /// - Complexity: O(n).
  public func transform(xs: inout [Double], ys: inout [Double]) throws(PROJError) {
    precondition(xs.count == ys.count, "as many x as y coordinates")
    guard let operation, !xs.isEmpty else { return }
    let count = xs.count
    xs.withUnsafeMutableBufferPointer { x in
      ys.withUnsafeMutableBufferPointer { y in
        // Returns the number of points transformed; failed points become HUGE_VAL.
        _ = proj_trans_generic(
          operation, PJ_FWD, x.baseAddress, MemoryLayout<Double>.stride, count, y.baseAddress,
          MemoryLayout<Double>.stride, count, nil, 0, 0, nil, 0, 0)
      }
    }
    if let bad = xs.indices.first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) {
      throw PROJError(
        code: proj_context_errno(context),
        message: "point \(bad) could not be transformed from \(source.prefix(60)) to \(target)")
    }
  }

  /// Transforms `count` points at `x`, `y` in place (a slice of larger arrays).
  ///
  /// - Throws: ``PROJError`` when any point cannot be transformed.
  public func transform(x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>, count: Int) throws(PROJError) {
    guard let operation, count > 0 else { return }
    // Returns the number of points transformed; failed points become HUGE_VAL.
    _ = proj_trans_generic(
      operation, PJ_FWD, x, MemoryLayout<Double>.stride, count, y, MemoryLayout<Double>.stride, count, nil, 0, 0, nil, 0, 0)
    if let bad = (0..<count).first(where: { !x[$0].isFinite || !y[$0].isFinite }) {
      throw PROJError(
        code: proj_context_errno(context),
        message: "point \(bad) could not be transformed from \(source.prefix(60)) to \(target)")
    }
  }

  /// Transforms every coordinate of `layer` and labels it with the target CRS.
  public func transform(_ layer: inout PolygonLayer) throws(PROJError) {
    try transform(xs: &layer.xs, ys: &layer.ys)
    layer.crs = targetReference
  }

  /// Transforms every point of `layer` and labels it with the target CRS.
  public func transform(_ layer: inout PointLayer) throws(PROJError) {
    try transform(xs: &layer.xs, ys: &layer.ys)
    layer.crs = targetReference
  }

  //===--- What PROJ chose ------------------------------------------------------------===//

  /// The transformation PROJ used for the last point transformed (PROJ 9.1:
  /// `proj_trans_get_last_used_operation`), else, before any point, the one it prepared; its
  /// description, e.g. "Inverse of OSGB36 to WGS 84 (6) + British National Grid" or
  /// "Ballpark geographic offset from … to …".
  ///
  /// A crs-to-crs object may hold several candidates chosen per point by area of use; for
  /// one country's boundaries they are the same throughout, so the last one speaks for all.
  /// Before the first transformation PROJ may not have chosen yet and says so ("unavailable
  /// until proj_trans is called"): read this, ``accuracyMetres``, ``isBallpark`` and
  /// ``isInstantiable`` after ``transform(xs:ys:)``.
  ///
  /// For OGC:CRS84 → EPSG:27700 with Debian 12's PROJ 9.1.1 (no OSTN15 grid) this is "axis
  /// order change (2D) + Inverse of OSGB36 to WGS 84 (6) + British National Grid", accuracy
  /// 2 m.
  public var operationDescription: String {
    withUsedOperation { op in
      guard let op else { return isIdentity ? "none (same CRS)" : "unknown" }
      return proj_pj_info(op).description.map { String(cString: $0) } ?? "unknown"
    }
  }

  /// The accuracy PROJ states for the transformation, in metres (0 for the identity; nil when
  /// PROJ does not know, as for a ballpark).
  public var accuracyMetres: Double? {
    withUsedOperation { op in
      guard let op else { return isIdentity ? 0 : nil }
      let accuracy = proj_coordoperation_get_accuracy(context, op)  // -1 when unknown
      return accuracy >= 0 ? accuracy : nil
    }
  }

  /// True when PROJ could only offer a ballpark transformation: no datum shift is applied
  /// (`proj_coordoperation_has_ballpark_transformation`, or "Ballpark" in its name), so
  /// results may be off by tens or hundreds of metres.
  public var isBallpark: Bool {
    withUsedOperation { op in
      guard let op else { return false }
      // Returns 1 when a step is a ballpark transformation, 0 otherwise (also on error).
      if proj_coordoperation_has_ballpark_transformation(context, op) == 1 { return true }
      let name = proj_get_name(op).map { String(cString: $0) } ?? ""
      let description = proj_pj_info(op).description.map { String(cString: $0) } ?? ""
      return (name + " " + description).lowercased().contains("ballpark")
    }
  }

  /// True when every grid the transformation needs is available
  /// (`proj_coordoperation_is_instantiable`). PROJ only ever uses such operations; a false
  /// here means the prepared object is a set of candidates, some needing grids (e.g.
  /// OSTN15) that this installation lacks.
  public var isInstantiable: Bool {
    withUsedOperation { op in
      guard let op else { return true }
      return proj_coordoperation_is_instantiable(context, op) == 1  // 0 when not (also on error)
    }
  }

  /// What PROJ chose, for a run report.
  public var summary: TransformationSummary {
    TransformationSummary(
      source: source, target: target, operation: operationDescription, accuracyMetres: accuracyMetres,
      isBallpark: isBallpark, isIdentity: isIdentity)
  }

  /// Runs `body` with the operation used last (or prepared), freeing it afterwards.
  private func withUsedOperation<T>(_ body: (OpaquePointer?) -> T) -> T {
    guard let operation else { return body(nil) }
    // Both return a new object to destroy, or NULL (no point transformed yet / on error).
    let used = proj_trans_get_last_used_operation(operation) ?? proj_clone(context, operation)
    defer { if let used { proj_destroy(used) } }
    return body(used)
  }

  /// True when `definition` is a projected CRS (coordinates in linear units, so that areas
  /// mean something). See ``CRSInfo`` for more.
  ///
  /// - Throws: ``PROJError`` when PROJ cannot create the CRS at all (unknown code, bad
  ///   syntax, out of memory, no proj.db), with PROJ's reason: that is not the same as "not
  ///   projected", and a caller must not report it as such.
  public static func isProjected(_ definition: String) throws(PROJError) -> Bool {
    try CRSInfo(definition).isProjected
  }
}

@available(*, unavailable, message: "a PROJ context belongs to one task; create a transformer per task")
extension CoordinateTransformer: Sendable {}

/// The transformation PROJ chose between two CRSs, for a run report.
public struct TransformationSummary: Sendable, Equatable, CustomStringConvertible {
  public let source: String, target: String
  /// PROJ's description of the operation.
  public let operation: String
  /// Stated accuracy in metres (nil when unknown).
  public let accuracyMetres: Double?
  /// No datum shift known: see ``CoordinateTransformer/isBallpark``.
  public let isBallpark: Bool
  public let isIdentity: Bool

  public var description: String {
    if isIdentity { return "no transformation (already in \(target))" }
    let accuracy = accuracyMetres.map { "accuracy \($0) m" } ?? "accuracy unknown"
    return "\(operation) (\(accuracy))" + (isBallpark ? " — ballpark only: no datum shift, may be off by 100 m or more" : "")
  }
}
