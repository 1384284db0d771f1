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
    guard let target = mismatch.recodeTo else {
      let option = onThisCommand ? "run this command again with --recode CW, or " : ""
      return mismatch.problem
        + " To fix it, recode the \(role) through a crosswalk CW from its zone codes to the \(mismatch.crosswalkRole)'s:"
        + " \(option)write a recoded copy with `catchment recode --table \(table) --zone-column COLUMN --value-column COLUMN --crosswalk CW --output FILE`."
    }
    // ONS's bridge file read forward (LSOA11CD → LSOA21CD) gives 2011 → 2021, in reverse 2021 → 2011.
    let (direction, from, to, crosswalk) =
      target == .lsoa2011 ? ("reverse", "2021", "2011", "lsoa21_to_lsoa11.csv") : ("forward", "2011", "2021", "lsoa11_to_lsoa21.csv")
    let build =
      "`catchment crosswalk --method lookup --lookup LSOA11_LSOA21_LAD22_EW_LU.csv --lookup-zone LSOA11CD --lookup-footprint LSOA21CD"
      + " --lookup-direction \(direction) --split-by population --split-population POPULATION_LSOA\(to).csv"
      + " --split-population-id COLUMN --split-population-value COLUMN --output \(crosswalk)`"
    let use = onThisCommand
      ? "then run this command again with `--recode \(crosswalk)`, or write a recoded copy with"
      : "then write a recoded copy with"
    return mismatch.problem
      + " To fix it, recode the \(role) from LSOA \(from) to LSOA \(to) through ONS's LSOA (2011) to LSOA (2021) lookup"
      + " read \(direction == "reverse" ? "in reverse" : "forward") (LSOA \(to) populations as split weights): \(build),"
      + " \(use) `catchment recode --table \(table) --zone-column COLUMN --value-column COLUMN --crosswalk \(crosswalk) --output FILE`."
  }
}
