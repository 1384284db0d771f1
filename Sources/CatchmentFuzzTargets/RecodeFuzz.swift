import CatchmentAnalysis
import CatchmentCore

/// A zone-keyed table (`catchment recode`: zone column `LSOA_CODE`, value column
/// `NUMBER_OF_PATIENTS`, every other column kept) recoded through a crosswalk with a split, a
/// merge and an unallocated share, then written; and the same bytes as registrations recoded
/// in memory (`--recode`).
public enum RecodeFuzz {
  static let crosswalk: Crosswalk? = {
    let text = """
      zone_id,footprint_id,weight
      E01100001,E01100001,1
      E01100002,E01100010,0.5
      E01100002,E01100011,0.5
      E01100003,E01100020,1
      E01100004,E01100020,1
      E01100005,E01100030,0.6
      E01100005,UNALLOCATED,0.4

      """
    return try? Crosswalk.read(path: ScratchFiles.write(Array(text.utf8), as: "recode-crosswalk.csv")).crosswalk
  }()

  public static func run(_ data: [UInt8]) {
    guard let crosswalk else { return }
    let path = ScratchFiles.write(data, as: "recode.csv")
    if let recoded = try? RecodedTable.read(path: path, columns: ZoneKeyedColumns(zone: "LSOA_CODE", values: ["NUMBER_OF_PATIENTS"]), crosswalk: crosswalk) {
      _ = recoded.csv()
    }
    if let table = try? UnitZoneTable(path: path, workers: 1) { _ = table.recoded(through: crosswalk) }
  }
}
