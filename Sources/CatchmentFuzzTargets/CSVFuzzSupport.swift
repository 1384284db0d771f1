import CatchmentCore

/// What the CSV-table targets read against: a crosswalk of ten demo-like zones
/// (E01100001–E01100010, the codes of `data/`) in two footprints.
enum CSVFuzzSupport {
  static let crosswalk: Crosswalk? = {
    var text = "LSOA21CD,SICBL23CD,SICBL23NM\n"
    for k in 1...10 { text += "E011000\(k < 10 ? "0" : "")\(k),E3800090\(k <= 5 ? 1 : 2),Footprint \(k <= 5 ? 1 : 2)\n" }
    let path = ScratchFiles.write(Array(text.utf8), as: "crosswalk-of-the-targets.csv")
    return try? Crosswalk.fromLookup(
      path: path, columns: LookupColumns(zone: "LSOA21CD", footprint: "SICBL23CD", name: "SICBL23NM")).crosswalk
  }()
}
