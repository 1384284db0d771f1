import CPROJ
import CatchmentGeometry

/// What PROJ says about a CRS: its name, whether it is projected, and its axis unit.
///
/// Areas are only meaningful in a projected CRS in linear units; the working CRS is checked
/// with this before any geometry work. A *bound* CRS (WKT1 with `TOWGS84`) is described by
/// the CRS it wraps.
///
///     let info = try CRSInfo("EPSG:27700")
///     // info.name == "OSGB36 / British National Grid", info.isProjected, info.unitName == "metre"
public struct CRSInfo: Sendable, Equatable {
  /// PROJ's name for the CRS ("OSGB36 / British National Grid", "WGS 84 (CRS84)").
  public let name: String
  /// The kind of CRS, e.g. `.projected`, `.geographic2D`.
  public let kind: Kind
  /// The unit of the first axis, as PROJ names it ("metre", "degree", "US survey foot").
  public let unitName: String
  /// The first axis's unit in the base unit (metres for linear units, radians for angular).
  public let unitConversionFactor: Double

  public enum Kind: String, Sendable {
    case projected, geographic2D, geographic3D, geocentric, compound, other
  }

  /// True for a projected CRS.
  public var isProjected: Bool { kind == .projected }

  /// True when the CRS is projected and its unit is the metre (areas come out in m²).
  public var isProjectedInMetres: Bool { isProjected && unitConversionFactor == 1 }

  /// Describes `definition` (any definition PROJ accepts).
  ///
  /// - Throws: ``PROJError`` when PROJ cannot interpret it.
  public init(_ definition: String) throws(PROJError) {
    let described = try Self.withCRS(definition) { context, created throws(PROJError) in
      _ = proj_log_level(context, PJ_LOG_NONE)
      // A bound CRS wraps the real one; proj_get_source_crs returns a new object or NULL.
      var crs = created
      var base: OpaquePointer?
      if proj_get_type(created) == PJ_TYPE_BOUND_CRS, let source = proj_get_source_crs(context, created) {
        base = source
        crs = source
      }
      defer { if let base { proj_destroy(base) } }
      let name = proj_get_name(crs).map { String(cString: $0) } ?? "unnamed"
      let kind: Kind
      switch proj_get_type(crs) {
      case PJ_TYPE_PROJECTED_CRS: kind = .projected
      case PJ_TYPE_GEOGRAPHIC_2D_CRS: kind = .geographic2D
      case PJ_TYPE_GEOGRAPHIC_3D_CRS: kind = .geographic3D
      case PJ_TYPE_GEOCENTRIC_CRS: kind = .geocentric
      case PJ_TYPE_COMPOUND_CRS: kind = .compound
      default: kind = .other
      }
      var unit = "unknown", factor = Double.nan
      // Returns a new object or NULL (not a single CRS, e.g. compound).
      if let cs = proj_crs_get_coordinate_system(context, crs) {
        defer { proj_destroy(cs) }
        var unitName: UnsafePointer<CChar>?
        // Returns 1 on success, 0 on error; the strings belong to cs.
        if proj_cs_get_axis_info(context, cs, 0, nil, nil, nil, &factor, &unitName, nil, nil) == 1, let unitName {
          unit = String(cString: unitName)
        }
      }
      return (name, kind, unit, factor)
    }
    name = described.0
    kind = described.1
    unitName = described.2
    unitConversionFactor = described.3
  }

  /// Runs `body` with a fresh PROJ context and the CRS PROJ creates from `definition`, both
  /// destroyed afterwards: the one way this module turns a definition into a CRS object.
  ///
  /// - Throws: ``PROJError`` when the context cannot be created (out of memory) or PROJ cannot
  ///   interpret the definition (``creationError(_:_:_:)`` says why, in PROJ's words), and
  ///   whatever `body` throws.
  static func withCRS<T>(
    _ definition: String, _ body: (_ context: OpaquePointer, _ crs: OpaquePointer) throws(PROJError) -> T
  ) throws(PROJError) -> T {
    // Returns NULL only when out of memory.
    guard let context = proj_context_create() else {
      throw PROJError(code: 0, message: "cannot create a PROJ context (out of memory)")
    }
    let messages = PROJMessages()
    defer {  // runs last: after the CRS below is destroyed
      proj_context_destroy(context)
      withExtendedLifetime(messages) {}
    }
    messages.capture(context)
    // Returns NULL on error: an unknown code, bad syntax, but also a failed allocation or an
    // unreadable proj.db. PROJ's own words say which, so they go into the error.
    guard let crs = proj_create(context, definition) else {
      throw creationError(context, definition, messages)
    }
    defer { proj_destroy(crs) }
    return try body(context, crs)
  }

  /// Why `proj_create` failed, in PROJ's words (see ``PROJMessages``): "crs not found",
  /// "unrecognized format / unknown name", "SQLite error …: out of memory"… With no reason
  /// recorded the message says so rather than guessing.
  static func creationError(_ context: OpaquePointer, _ definition: String, _ messages: PROJMessages) -> PROJError {
    let what = "could not create the CRS '\(definition.prefix(80))'"
    return PROJError(code: proj_context_errno(context), message: "\(what): \(messages.reason(context) ?? "PROJ gave no reason")")
  }

  /// Describes `crs`.
  ///
  /// - Throws: ``PROJError`` when the CRS is unknown or PROJ cannot interpret it.
  public init(_ crs: CRSReference) throws(PROJError) {
    guard let definition = crs.projDefinition else { throw PROJError(code: 0, message: "the CRS is unknown") }
    try self.init(definition)
  }
}
