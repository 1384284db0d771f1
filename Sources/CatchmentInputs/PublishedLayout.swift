/// A published table layout that Catchment knows, with the columns a study reads from it:
/// what `catchment review --init` recognises in a folder (see
/// ``recognise(_:)`` for the rules).
public enum PublishedLayout: Equatable, Sendable {
  /// An ONS-style lookup, one row per zone: the zone code column and each footprint level's
  /// code and name columns (`LSOA21CD` → `SICBL23CD`/`SICBL23NM`, `ICB23CD`/`ICB23NM`, …).
  case lookup(zone: String, levels: [Level])
  /// ONS population estimates: the zone code column, the residents column, and the columns
  /// that stack breakdowns (`Sex`), which a study must filter to one value.
  case population(PopulationLayout)
  /// NHS England's registered patients by practice and LSOA (`gp-reg-pat-prac-lsoa`): its
  /// practice, zone and count columns, and the `SEX` column when present.
  case registrations(practice: String, zone: String, count: String, sex: String?)
  /// NHS England's practice map (`gp-reg-pat-prac-map`): the practice column and each footprint
  /// level's ONS code column (`ONS_ICB_CODE`, `ONS_SUB_ICB_LOCATION_CODE`, `ONS_CCG_CODE`, …).
  case practiceMap(practice: String, levels: [Level])
  /// Provider activity by zone of residence (the OHID catchment layout).
  case activity(ActivityLayout)
  /// Population-weighted centroids: a zone code column and its coordinates.
  case centroids(zone: String, level: String, x: String, y: String)
  /// A postcode directory (ONSPD, NSPL, Code-Point Open): the postcode and coordinate columns
  /// (column numbers from 1 for headerless Code-Point).
  case postcodes(kind: String, postcode: String, x: String, y: String)
  /// ODS `epraccur.csv` (GP practices, headerless).
  case epraccur
  /// ODS `etr.csv` (NHS trusts, headerless).
  case etr
  /// A crosswalk Catchment wrote (`zone_id,footprint_id,weight`).
  case crosswalk
  /// A proposal's block assignment (`block_id,footprint_id`, optional `footprint_name`, `weight`).
  case blockAssignment(name: String?, weight: String?)

  /// One footprint level of a lookup or practice map.
  public struct Level: Equatable, Sendable {
    /// The level's short name, from its column: `icb`, `sicbl`, `lad`, `ccg`, `stp`, `msoa` …
    public var level: String
    /// The code column (`ICB23CD`, `ONS_ICB_CODE`).
    public var code: String
    /// The name column (`ICB23NM`), if the table has one.
    public var name: String?

    public init(level: String, code: String, name: String? = nil) {
      self.level = level
      self.code = code
      self.name = name
    }
  }

  /// The columns of a population estimate.
  public struct PopulationLayout: Equatable, Sendable {
    /// The published layout: `SAPE wide` ("Area Codes", "All Ages"), `SAPE 2021`
    /// ("LSOA 2021 Code", "Total"), or `long` (one row per zone and breakdown).
    public var kind: String
    public var id: String
    public var value: String
    /// Columns such as `Sex` or `gender` whose rows stack breakdowns of one zone.
    public var breakdowns: [String]
    /// Other columns that could hold the residents (year columns such as `2019`, `2020`).
    public var otherValues: [String]

    public init(kind: String, id: String, value: String, breakdowns: [String] = [], otherValues: [String] = []) {
      self.kind = kind
      self.id = id
      self.value = value
      self.breakdowns = breakdowns
      self.otherValues = otherValues
    }
  }

  /// The columns of an activity table.
  public struct ActivityLayout: Equatable, Sendable {
    public var zone: String
    public var provider: String
    /// The patients column, the share column: one or both.
    public var count: String?
    public var share: String?
    /// All providers' patients from the zone.
    public var total: String?
    /// Columns that stack breakdowns (`catchment_year`, `admission_type`).
    public var breakdowns: [String]

    public init(zone: String, provider: String, count: String?, share: String?, total: String?, breakdowns: [String]) {
      self.zone = zone
      self.provider = provider
      self.count = count
      self.share = share
      self.total = total
      self.breakdowns = breakdowns
    }
  }

  /// What the layout is, in words, for comments.
  public var title: String {
    switch self {
    case .lookup: return "ONS-style lookup"
    case .population(let p): return "ONS population estimates (\(p.kind))"
    case .registrations: return "NHS England GP registrations by LSOA (gp-reg-pat-prac-lsoa)"
    case .practiceMap: return "NHS England practice map (gp-reg-pat-prac-map)"
    case .activity: return "provider activity by zone (OHID layout)"
    case .centroids: return "population-weighted centroids"
    case .postcodes(let kind, _, _, _): return "postcode directory (\(kind))"
    case .epraccur: return "ODS epraccur (GP practices)"
    case .etr: return "ODS etr (NHS trusts)"
    case .crosswalk: return "Catchment crosswalk"
    case .blockAssignment: return "proposal block assignment"
    }
  }
}
