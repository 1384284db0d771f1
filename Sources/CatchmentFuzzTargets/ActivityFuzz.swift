import CatchmentAnalysis
import CatchmentCore

/// Hospital activity by zone and trust (OHID layout): counts with a total column and filters,
/// and shares.
public enum ActivityFuzz {
  public static func run(_ data: [UInt8]) {
    guard let crosswalk = CSVFuzzSupport.crosswalk else { return }
    let path = ScratchFiles.write(data, as: "activity.csv")
    let lookup = crosswalk.zoneLookup
    let counts = ActivityColumns(
      zone: "lsoa21cd", provider: "trust_code", measure: .count("patients"), total: "total_patients",
      filters: ["catchment_year=2021", "admission_type=All"])
    _ = try? ActivityTable.read(path: path, columns: counts, lookup: lookup, zoneCount: crosswalk.zones.count)
    let shares = ActivityColumns(zone: "lsoa21cd", provider: "trust_code", measure: .share("proportion"))
    _ = try? ActivityTable.read(path: path, columns: shares, lookup: lookup, zoneCount: crosswalk.zones.count)
  }
}
