/// The demo trusts laid out on the demo geometry: every site and headquarters with a point in
/// British National Grid (EPSG:27700) whole metres and a fictional postcode, plus the other
/// postcodes of the same districts that a postcode directory would list around them.
///
/// Built by `TrustBuilder` from `TrustBlueprint`; written by `TrustFileWriter`,
/// `PostcodeFileWriter` and (through `ActivityModel`) `ActivityFileWriter`.
struct DemoTrusts {
  /// A site with its place.
  struct Site {
    /// ODS-style site code: the trust code and a two-digit number (`R9A01`).
    var code: String
    var name: String
    var postcode: String
    var x: Int
    var y: Int
    var beds: Int
    /// False when the site lists neither postcode nor coordinates (see `TrustBlueprint.Site`).
    var locatable: Bool
  }

  /// A trust with its headquarters and sites.
  struct Trust {
    var code: String
    var name: String
    /// ICB index (high-level health geography).
    var icb: Int
    var openDate: String
    /// `etr.csv` address lines 1–5 (building, street, locality, post town, county).
    var address: [String]
    var headquartersPostcode: String
    var headquartersX: Int
    var headquartersY: Int
    /// Every site the trust runs, including one not written to `trust_sites.csv` when
    /// `listsSites` is false.
    var sites: [Site]
    var listsSites: Bool
    var electivePermille: Int
    var emergencyPermille: Int
  }

  /// One row of the postcode directory.
  struct Postcode {
    /// Standard form: outward code, one space, inward code (`XR12 5AB`).
    var code: String
    var x: Int
    var y: Int
  }

  /// Trusts in code order.
  var trusts: [Trust]
  /// Every postcode of the directory: trust postcodes and their neighbours, sorted by the
  /// fixed-width 8-character form (bytes), as ONSPD is.
  var postcodes: [Postcode]

  /// The trust whose only point is its headquarters, if any.
  var headquartersOnlyTrust: String? { trusts.first { !$0.listsSites }?.code }

  /// The listed site that has neither postcode nor coordinates, if any.
  var unplaceableSite: String? {
    trusts.filter(\.listsSites).flatMap(\.sites).first { !$0.locatable }?.code
  }

  /// Rows of `trust_sites.csv`.
  var listedSiteCount: Int { trusts.filter(\.listsSites).reduce(0) { $0 + $1.sites.count } }
}
