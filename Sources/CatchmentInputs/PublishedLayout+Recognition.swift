import CatchmentAnalysis
import CatchmentCore

extension PublishedLayout {
  /// Recognises a table by its header, or a headerless one by the shape of its first rows.
  ///
  /// The rules, tried in this order (column names compared ignoring case):
  /// 1. headerless ODS and Ordnance Survey files, by their first record: `epraccur` (a practice
  ///    code `A81001`, a postcode in column 10), `etr` (a three-character trust code `R0A`, a
  ///    postcode in column 10), Code-Point Open (a postcode, then whole-number eastings and
  ///    northings in columns 3 and 4);
  /// 2. `zone_id,footprint_id,weight`: a crosswalk; `block_id,footprint_id`: a block assignment;
  /// 3. `PRACTICE_CODE` with a zone column and a patients column (the names the registrations
  ///    reader accepts): registrations; `PRACTICE_CODE` with `ONS_…_CODE` columns: a practice map;
  /// 4. a provider code column (`trust_code`, `TrustCode`, `provider_code`, `procode`), a zone
  ///    code column (LSOA, MSOA) and a count or share column: activity;
  /// 5. a postcode column first (`pcd`, `pcds`, `postcode`), with coordinates: a postcode
  ///    directory;
  /// 6. a zone code column with coordinates (`x`/`y`, `easting`/`northing`, `long`/`lat`):
  ///    centroids;
  /// 7. a zone code column (`Area Codes`, `LSOA 2021 Code`, `area_code`, `LSOA11CD`) with a
  ///    residents column (`All Ages`, `Total`, `all_ages`, or year columns): population;
  /// 8. a zone code column and at least one other `…CD`/`…_code` column: an ONS-style lookup.
  ///
  /// - Returns: nil when no rule matches.
  public static func recognise(_ sample: TableSample) -> PublishedLayout? {
    if let headerless = headerless(sample) { return headerless }
    let header = sample.header
    func find(_ names: [String]) -> String? {
      for name in names { if let hit = header.first(where: { $0.lowercased() == name.lowercased() }) { return hit } }
      return nil
    }
    if find(["zone_id"]) != nil && find(["footprint_id"]) != nil && find(["weight"]) != nil && find(["block_id"]) == nil {
      return .crosswalk
    }
    if find(["block_id"]) != nil && find(["footprint_id"]) != nil {
      return .blockAssignment(name: find(["footprint_name"]), weight: find(["weight"]))
    }
    let defaults = UnitZoneColumns()
    if let practice = find(defaults.unit) {
      if let zone = find(defaults.zone), let count = find(defaults.count) {
        return .registrations(practice: practice, zone: zone, count: count, sex: find(defaults.sex))
      }
      let levels = header.compactMap { column in onsCodeLevel(column).map { Level(level: $0, code: column) } }
      if !levels.isEmpty { return .practiceMap(practice: practice, levels: levels) }
    }
    let zones = header.filter { codeLevel($0).map(zoneLevels.contains) == true }
    if let zone = zones.first, let provider = find(["trust_code", "TrustCode", "provider_code", "provider", "procode", "trust"]) {
      let count = find(["patients", "admissions", "spells", "count", "activity"])
      let share = find(["proportion", "share"])
      if count != nil || share != nil {
        let breakdowns = header.filter { ["catchment_year", "catchmentyear", "year", "admission_type", "admissiontype"].contains($0.lowercased()) }
        return .activity(
          ActivityLayout(zone: zone, provider: provider, count: count, share: share, total: find(["total_patients", "total"]), breakdowns: breakdowns))
      }
    }
    let coordinates = coordinatePair(header)
    // A postcode directory starts with its postcode (a sites table has one further along).
    if let postcode = header.first, ["pcds", "pcd", "pcd2", "pcd7", "pcd8", "postcode"].contains(postcode.lowercased()),
      let (x, y) = coordinatePair(header, postcodes: true)
    {
      let kind = find(["oslaua"]) != nil ? "ONSPD" : find(["laua"]) != nil ? "NSPL" : "postcode list"
      return .postcodes(kind: kind, postcode: postcode, x: x, y: y)
    }
    if let zone = zones.first, let level = codeLevel(zone), let (x, y) = coordinates {
      return .centroids(zone: zone, level: level, x: x, y: y)
    }
    if let population = populationLayout(header) { return .population(population) }
    if let zone = ["lsoa", "msoa", "dz", "oa"].lazy.compactMap({ level in zones.first { codeLevel($0) == level } }).first {
      let zoneLevel = codeLevel(zone)
      var levels: [Level] = []
      for column in header where column != zone {
        guard let level = codeLevel(column), level != zoneLevel, level != "oa", !levels.contains(where: { $0.level == level }) else { continue }
        let name = header.first { nameLevel($0) == level && $0 != column }
        levels.append(Level(level: level, code: column, name: name))
      }
      if !levels.isEmpty { return .lookup(zone: zone, levels: levels) }
    }
    return nil
  }

  /// Zone levels: the small areas that populations and registrations are counted in.
  public static let zoneLevels: Set<String> = ["lsoa", "msoa", "oa", "dz", "iz"]

  /// The level a code column names: `ICB23CD` → `icb`, `lsoa11_code` → `lsoa`,
  /// `LSOA 2021 Code` → `lsoa`, `ONS_SUB_ICB_LOCATION_CODE` → `sicbl`; nil for other columns
  /// (and for ODS codes, `…CDH`).
  public static func codeLevel(_ column: String) -> String? {
    if let ons = onsCodeLevel(column) { return ons }
    let c = column.lowercased().trimmingCharacters(in: .whitespaces)
    if c == "area codes" || c == "area code" || c == "area_code" { return "area" }
    for suffix in ["_code", " code", "cd"] where c.hasSuffix(suffix) {
      return levelName(String(c.dropLast(suffix.count)))
    }
    return nil
  }

  /// The level a name column names: `ICB23NM` → `icb`, `lsoa11_name` → `lsoa`.
  public static func nameLevel(_ column: String) -> String? {
    let c = column.lowercased().trimmingCharacters(in: .whitespaces)
    for suffix in ["_name", " name", "nm"] where c.hasSuffix(suffix) {
      return levelName(String(c.dropLast(suffix.count)))
    }
    return nil
  }

  /// The level of an NHS England `ONS_…_CODE` (or QOF `…_ONS_CODE`) column.
  static func onsCodeLevel(_ column: String) -> String? {
    let c = column.lowercased()
    if c.hasPrefix("ons_") && c.hasSuffix("_code") && c.count > 9 { return levelName(String(c.dropFirst(4).dropLast(5))) }
    if c.hasSuffix("_ons_code") && c.count > 9 { return levelName(String(c.dropLast(9))) }
    return nil
  }

  /// A level's short name from a column stem: the vintage digits and separators dropped
  /// (`icb23` → `icb`, `lsoa 2021` → `lsoa`), NHS England's long names shortened
  /// (`sub_icb_location` → `sicbl`).
  static func levelName(_ stem: String) -> String? {
    var s = Substring(stem)
    while let last = s.last, last.isNumber || last == "_" || last == " " { s = s.dropLast() }
    let name = String(s)
    switch name {
    case "sub_icb_location", "sub_icb", "subicb": return "sicbl"
    case "comm_region": return "region"
    default: break
    }
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
    return name
  }

  /// The first coordinate column pair of a header: x/y, easting/northing, longitude/latitude.
  static func coordinatePair(_ header: [String], postcodes: Bool = false) -> (String, String)? {
    var pairs = [("x", "y"), ("easting", "northing"), ("east", "north"), ("longitude", "latitude"), ("long", "lat"), ("lon", "lat")]
    if postcodes { pairs.insert(("oseast1m", "osnrth1m"), at: 0) }
    for (x, y) in pairs {
      if let a = header.first(where: { $0.lowercased() == x }), let b = header.first(where: { $0.lowercased() == y }) { return (a, b) }
    }
    return nil
  }

  /// A population estimate's columns, when the header has a zone column and a residents column.
  static func populationLayout(_ header: [String]) -> PopulationLayout? {
    let ids = header.filter { codeLevel($0).map { zoneLevels.contains($0) || $0 == "area" } == true }
    guard let id = ids.first(where: { codeLevel($0) == "area" }) ?? ids.first(where: { codeLevel($0) == "lsoa" }) ?? ids.first else { return nil }
    let years = header.filter { $0.count == 4 && $0.allSatisfy(\.isNumber) }
    let value = ["all ages", "total", "all_ages", "population", "persons"].lazy.compactMap { v in header.first { $0.lowercased() == v } }.first
    guard let value = value ?? years.max() else { return nil }
    let breakdowns = header.filter { ["sex", "gender", "age_group", "age group"].contains($0.lowercased()) }
    let kind =
      !breakdowns.isEmpty ? "long" : id.lowercased() == "area codes" ? "SAPE wide" : id.lowercased().hasPrefix("lsoa 20") ? "SAPE 2021" : "wide"
    return PopulationLayout(kind: kind, id: id, value: value, breakdowns: breakdowns, otherValues: years.filter { $0 != value })
  }
}
