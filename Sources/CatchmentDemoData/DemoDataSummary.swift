/// What one run of `DemoDataGenerator` wrote: counts for benchmark scripts and reports.
public struct DemoDataSummary: Sendable, Equatable {
  /// The scale generated.
  public var scale: DemoScale
  /// The seed used.
  public var seed: UInt64
  /// LSOAs in the lookup.
  public var lsoas: Int
  /// Councils (LADs) in the lookup.
  public var councils: Int
  /// Sub-ICB locations in the lookup.
  public var subICBs: Int
  /// ICBs in the lookup.
  public var icbs: Int
  /// Practices with at least one registration row.
  public var practices: Int
  /// Practices in the practice map.
  public var mappedPractices: Int
  /// Rows in the SEX=ALL registrations file (header excluded).
  public var registrationRows: Int
  /// Patients in the SEX=ALL registrations file.
  public var totalPatients: Int
  /// Residents summed over the LSOA rows of the population file.
  public var population: Int
  /// Patients recorded against the pseudo codes CLOSED, EMPTY, L99999999 and M99999999.
  public var pseudoCodePatients: Int
  /// Patients recorded against the Welsh and Scottish codes.
  public var otherNationPatients: Int
  /// Patients recorded against English LSOA codes missing from the lookup.
  public var outOfAreaPatients: Int
  /// The practice with registrations but no practice-map row (demo scale), if any.
  public var unmappedPractice: String?
  /// Patients of `unmappedPractice`.
  public var unmappedPracticePatients: Int
  /// The lookup LSOA deliberately left out of the population file (demo scale), if any.
  public var missingPopulationLSOA: String?
  /// NHS trusts in the trust list (demo scale; 0 otherwise).
  public var trusts: Int = 0
  /// Rows of the site list.
  public var trustSites: Int = 0
  /// The trust with no site rows, placed by its headquarters postcode only, if any.
  public var headquartersOnlyTrust: String?
  /// The site listed without postcode or coordinates, if any.
  public var unplaceableSite: String?
  /// Rows of the activity table (header excluded).
  public var activityRows: Int = 0
  /// The zone code of the activity row outside the demo geography, if any.
  public var activityOutOfAreaZone: String?
  /// Rows of the postcode directory (header excluded).
  public var postcodes: Int = 0
  /// LSOA 2011 zones in the bridge lookup (unchanged and retired).
  public var lsoas2011: Int = 0
  /// Rows of the bridge lookup per change code: U, S, M, X.
  public var bridgeRowsByChange: [Int] = []
  /// Bytes written per file, in `DemoFile.files(for:)` order.
  public var fileSizes: [Int]
}
