import CatchmentCore
import CatchmentEngine
import CatchmentGeometry
import CatchmentTables

/// Transformations into the working CRS that say in the run report what PROJ chose.
extension TransformerPool {
  /// Transforms the points into the pool's target CRS and says in `report` which transformation
  /// PROJ chose and how accurate it claims to be, warning when it is only a ballpark (a note is
  /// given once per report, however many calls).
  ///
  /// - Parameters:
  ///   - what: the points, for messages ("zones", "sites").
  ///   - source: the source CRS as the user knows it, for messages.
  ///   - advice: appended to the ballpark warning (what to do about it).
  public func transform(_ xs: inout [Double], _ ys: inout [Double], reportingAs what: String, from source: String, advice: String = "", to report: RunReport) throws {
    try transform(xs: &xs, ys: &ys)
    guard !representative.isIdentity else { return }
    let accuracy = representative.accuracyMetres.map { "stated accuracy \(NumberFormat.csv($0)) m" } ?? "accuracy not stated"
    report.note("\(what): \(source) → \(target) by PROJ: \(representative.operationDescription) (\(accuracy))")
    if representative.isBallpark {
      report.warn("\(what): PROJ found only a ballpark transformation from \(source) to \(target) (no datum shift known, errors of up to ~100 m)\(advice)")
    }
  }
}

extension TransformerPool {
  /// Transforms the points of a layer whose CRS is `source` and reports the transformation
  /// PROJ chose (once per report); a ballpark warning names `option`, the setting of this
  /// layer's CRS alone.
  func transform(
    _ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, option: String, report: RunReport
  ) throws {
    // A projected source with a ballpark is typically a .prj with an unnamed datum; a
    // geographic one (CRS84) gets a ballpark only outside the area of PROJ's datum shifts.
    let projected = source.projDefinition.flatMap { try? CRSInfo($0) }?.isProjected ?? false
    let advice = projected
      ? "; if these files are in British National Grid, give \(option) EPSG:27700 (it sets this layer's CRS only) or fix their .prj"
      : "; the points may lie outside the area where PROJ knows a datum shift, or the CRS is wrong (give \(option) to set this layer's CRS only)"
    try transform(&xs, &ys, reportingAs: what, from: "\(source)", advice: advice, to: report)
  }
}
