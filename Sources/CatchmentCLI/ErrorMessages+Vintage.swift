import CatchmentCore

extension ErrorMessages {
  /// The commands whose `--recode CW` re-keys a table before the join, by the role of that table.
  static let recodeOption: [String: Set<String>] = [
    "flows": ["registrations"], "populations": ["population"], "catchments": ["activity", "population"],
  ]

  /// The warning for a table whose zone-code vintage differs from its crosswalk's, as the CLI
  /// gives it: the library's finding, then the commands and options that recode the table
  /// (`catchment crosswalk --method lookup --lookup-direction …` on ONS's LSOA (2011) → LSOA
  /// (2021) lookup, then `--recode CW` on this command or `catchment recode`).
  static func vintage(_ mismatch: VintageMismatch, command: String) -> String {
    let role = mismatch.role
    let table = shellWord(mismatch.file)
    let onThisCommand = recodeOption[command]?.contains(role) == true
    if mismatch.evidence == .recodeDirection { return recodeDirection(mismatch) }
    guard let target = mismatch.recodeTo else {
      let option = onThisCommand ? "run this command again with --recode CW, or " : ""
      return mismatch.problem
        + " To fix it, recode the \(role) through a crosswalk CW from its zone codes to the \(mismatch.crosswalkRole)'s:"
        + " \(option)write a recoded copy with `catchment recode --table \(table) --zone-column COLUMN --value-column COLUMN --crosswalk CW --output FILE`."
    }
    let (direction, from, to, crosswalk, build) = bridge(to: target)
    let use = onThisCommand
      ? "then run this command again with `--recode \(crosswalk)`, or write a recoded copy with"
      : "then write a recoded copy with"
    return mismatch.problem
      + " To fix it, recode the \(role) from LSOA \(from) to LSOA \(to) through ONS's LSOA (2011) to LSOA (2021) lookup"
      + " read \(direction == "reverse" ? "in reverse" : "forward") (LSOA \(to) populations as split weights): \(build),"
      + " \(use) `catchment recode --table \(table) --zone-column COLUMN --value-column COLUMN --crosswalk \(crosswalk) --output FILE`."
  }

  /// The crosswalk command that builds a crosswalk to `target` from ONS's bridge file: read
  /// forward (LSOA11CD → LSOA21CD) it gives 2011 → 2021, in reverse 2021 → 2011.
  static func bridge(to target: ZoneCodeVintage) -> (direction: String, from: String, to: String, crosswalk: String, command: String) {
    let (direction, from, to, crosswalk) =
      target == .lsoa2011 ? ("reverse", "2021", "2011", "lsoa21_to_lsoa11.csv") : ("forward", "2011", "2021", "lsoa11_to_lsoa21.csv")
    let command =
      "`catchment crosswalk --method lookup --lookup LSOA11_LSOA21_LAD22_EW_LU.csv --lookup-zone LSOA11CD --lookup-footprint LSOA21CD"
      + " --lookup-direction \(direction) --split-by population --split-population POPULATION_LSOA\(to).csv"
      + " --split-population-id COLUMN --split-population-value COLUMN --output \(crosswalk)`"
    return (direction, from, to, crosswalk, command)
  }

  /// `catchment recode` (or `--recode`) given a crosswalk whose zones are not the table's vintage.
  static func recodeDirection(_ mismatch: VintageMismatch) -> String {
    guard let target = mismatch.recodeTo else {
      return mismatch.problem + " Give a crosswalk whose zones are the codes of the \(mismatch.role) file (after recoding the mixed table's codes to one vintage)."
    }
    let (direction, _, _, _, build) = bridge(to: target)
    return mismatch.problem + " Build it with --lookup-direction \(direction) from ONS's LSOA (2011) to LSOA (2021) lookup: \(build)."
  }
}
