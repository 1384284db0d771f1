import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

/// Activity by zone of residence and provider (`--activity ...`), for the activity methods.
struct ActivityOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Activity table: one row per zone of residence and provider (e.g. OHID trust catchments by MSOA).", valueName: "file"))
  var activity: String?

  @Option(name: .customLong("activity-zone"), help: ArgumentHelp("Zone of residence column (e.g. msoa).", valueName: "column"))
  var zone: String?

  @Option(name: .customLong("activity-provider"), help: ArgumentHelp("Provider code column (e.g. trust_code).", valueName: "column"))
  var provider: String?

  @Option(name: .customLong("activity-count"), help: ArgumentHelp("Patients column (e.g. patients).", valueName: "column"))
  var count: String?

  @Option(name: .customLong("activity-share"), help: ArgumentHelp("Share column, already computed (e.g. OHID proportion), instead of --activity-count.", valueName: "column"))
  var share: String?

  @Option(name: .customLong("activity-total"), help: ArgumentHelp("Patients of all providers from the zone (e.g. OHID total_patients); default: the sum of the zone's rows.", valueName: "column"))
  var total: String?

  @Option(name: .customLong("where"), help: ArgumentHelp("Keep only activity rows where COLUMN equals VALUE (repeatable; e.g. catchment_year=2019, admission_type=All).", valueName: "column=value"))
  var filters: [String] = []

  var isGiven: Bool { activity != nil }

  func validate() throws {
    guard activity != nil else {
      if zone != nil || provider != nil || count != nil || share != nil || total != nil || !filters.isEmpty {
        throw ValidationError("the --activity-* and --where options go with --activity FILE")
      }
      return
    }
    if zone == nil || provider == nil { throw ValidationError("--activity needs --activity-zone COLUMN and --activity-provider COLUMN") }
    if (count == nil) == (share == nil) { throw ValidationError("--activity needs one of --activity-count COLUMN (patients) or --activity-share COLUMN (shares)") }
    if share != nil && total != nil { throw ValidationError("--activity-total goes with --activity-count, not with --activity-share") }
  }

  var columns: ActivityColumns {
    ActivityColumns(zone: zone!, provider: provider!, measure: count.map { .count($0) } ?? .share(share!), total: total, filters: filters)
  }
}
