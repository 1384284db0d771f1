import CatchmentCore

/// Reads a crosswalk CSV (``CatchmentCore/Crosswalk/read(path:)``) and records its account in
/// `report` at this point of the run, as the commands that take crosswalk files need.
func readCrosswalk(path: String, report: RunReport) throws -> Crosswalk {
  let read = try Crosswalk.read(path: path)
  report.record(read.account)
  return read.crosswalk
}
