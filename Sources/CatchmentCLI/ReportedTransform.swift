import CatchmentCore
import CatchmentEngine
import CatchmentTables

extension TransformerPool {
  /// Transforms the points into the pool's target CRS and says in `report` which transformation
  /// PROJ chose and how accurate it claims to be, warning when it is only a ballpark (a note is
  /// given once per report, however many calls).
  ///
  /// - Parameters:
  ///   - what: the points, for messages ("zones", "sites").
  ///   - source: the source CRS as the user knows it, for messages.
  ///   - advice: appended to the ballpark warning (what to do about it).
  func transform(_ xs: inout [Double], _ ys: inout [Double], reportingAs what: String, from source: String, advice: String = "", to report: RunReport) throws {
    try transform(xs: &xs, ys: &ys)
    guard !representative.isIdentity else { return }
    let accuracy = representative.accuracyMetres.map { "stated accuracy \(NumberFormat.csv($0)) m" } ?? "accuracy not stated"
    report.note("\(what): \(source) → \(target) by PROJ: \(representative.operationDescription) (\(accuracy))")
    if representative.isBallpark {
      report.warn("\(what): PROJ found only a ballpark transformation from \(source) to \(target) (no datum shift known, errors of up to ~100 m)\(advice)")
    }
  }
}
