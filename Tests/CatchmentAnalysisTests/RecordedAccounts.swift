import CatchmentAnalysis
import CatchmentCore

// Test shorthands: record what a step returned in `report`, where the step happens, and go on
// with its value (as the commands do with `report.record(_:)`).

/// The value of a step that returns `(value, account)`, its account recorded in `report`.
func recorded<Value>(_ result: (Value, RunAccount), in report: RunReport) -> Value {
  report.record(result.1)
  return result.0
}

/// The flow matrix, its account recorded in `report`.
func recorded(_ matrix: FlowMatrix, in report: RunReport) -> FlowMatrix {
  report.record(matrix.account)
  return matrix
}

/// The overlap, its account recorded in `report`.
func recorded(_ overlap: FootprintOverlap, in report: RunReport) -> FootprintOverlap {
  report.record(overlap.account)
  return overlap
}
