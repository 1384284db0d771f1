import CatchmentCore

/// Reads a crosswalk CSV (``CatchmentCore/Crosswalk/read(path:)``) and records its account in
/// `report` at this point of the run, as the commands that take crosswalk files need, with the
/// vintage of its zone codes.
func readCrosswalk(path: String, report: RunReport) throws -> Crosswalk {
  let read = try Crosswalk.read(path: path)
  report.record(read.account)
  report.record(VintageCheck.account(crosswalk: read.crosswalk, file: path))
  return read.crosswalk
}
