import CatchmentCore

/// The value of a step that returns `(value, account)`, its account recorded in `report` (as
/// the commands do with `report.record(_:)`; the same helper as CatchmentAnalysisTests').
func recorded<Value>(_ result: (Value, RunAccount), in report: RunReport) -> Value {
  report.record(result.1)
  return result.0
}
