import CatchmentCore
import CatchmentEngine
import CatchmentGeometry
import CatchmentTables

/// Transformations into the working CRS that say in their account what PROJ chose.
extension TransformerPool {
  /// Transforms the points into the pool's target CRS and returns an account saying which
  /// transformation PROJ chose and how accurate it claims to be, warning when it is only a
  /// ballpark (a report records the note once, however many calls).
  ///
  /// - Parameters:
  ///   - what: the points, for messages ("zones", "sites").
  ///   - source: the source CRS as the user knows it, for messages.
  ///   - advice: appended to the ballpark warning (what to do about it).
  public func transform(_ xs: inout [Double], _ ys: inout [Double], reportingAs what: String, from source: String, advice: String = "") throws -> RunAccount {
    try transform(xs: &xs, ys: &ys)
    var account = RunAccount()
    guard !representative.isIdentity else { return account }
    let accuracy = representative.accuracyMetres.map { "stated accuracy \(NumberFormat.csv($0)) m" } ?? "accuracy not stated"
    account.note("\(what): \(source) → \(target) by PROJ: \(representative.operationDescription) (\(accuracy))")
    if representative.isBallpark {
      account.warn("\(what): PROJ found only a ballpark transformation from \(source) to \(target) (no datum shift known, errors of up to ~100 m)\(advice)")
    }
    return account
  }
}

extension TransformerPool {
  /// Transforms the points of a layer whose CRS is `source`, returning the account of the
  /// transformation PROJ chose (recorded once per report); a ballpark warning names `option`,
  /// the setting of this layer's CRS alone.
  func transform(
    _ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, option: String
  ) throws -> RunAccount {
    // A projected source with a ballpark is typically a .prj with an unnamed datum; a
    // geographic one (CRS84) gets a ballpark only outside the area of PROJ's datum shifts.
    let projected = source.projDefinition.flatMap { try? CRSInfo($0) }?.isProjected ?? false
    let advice = projected
      ? "; if these files are in British National Grid, give \(option) EPSG:27700 (it sets this layer's CRS only) or fix their .prj"
      : "; the points may lie outside the area where PROJ knows a datum shift, or the CRS is wrong (give \(option) to set this layer's CRS only)"
    return try transform(&xs, &ys, reportingAs: what, from: "\(source)", advice: advice)
  }
}
