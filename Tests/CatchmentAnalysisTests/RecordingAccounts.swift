import CatchmentCore

extension RunReport {
  /// Records the account a step returned beside its value, at this point, and gives the value:
  /// the tests' one line for `let (x, account) = try step(); report.record(account)`.
  func recording<T>(_ result: (T, RunAccount)) -> T {
    record(result.1)
    return result.0
  }
}
