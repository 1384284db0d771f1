/// The hand-written NHS trusts of the `demo` scale.
///
/// Who they are, where their sites are and how strongly they pull patients; `TrustBuilder`
/// turns this into points and postcodes.
///
/// Eleven acute trusts, codes `R9A`–`R9L` (no `R9I`: ODS avoids the letter I). No real trust
/// code starts with `R9`, so the demo codes cannot be mistaken for real ones. Big trusts sit near
/// ICB boundaries on purpose, because the membership measures need providers that serve several
/// systems: Riverton's infirmary is 1 km from the Demoshire ICB and its general hospital 1–2 km
/// from Westmoor ICB, Southvale Hospital is 2 km from Riverton ICB, and Westmoor Hospitals runs a
/// community hospital on the Riverton side of the Westmoor ICB boundary.
///
/// Sites are given by sub-ICB location and LSOA position in it, so each one lies in a populated
/// grid square of the demo geometry (see `BoundaryFileWriter`).
enum TrustBlueprint {
  /// A hospital site.
  struct Site {
    var name: String
    /// Post town for the address.
    var town: String
    /// Sub-ICB location index (`DemoBlueprint` order) and LSOA position within it.
    var subICB: Int
    var position: Int
    /// Beds: the site's attractiveness in the activity model and in `trust_sites.csv`.
    var beds: Int
    /// False for the one site written with an empty postcode and empty coordinates: it still
    /// treats patients (the activity model knows where it is), but a site list cannot place it.
    var locatable = true
  }

  /// Where a trust's headquarters is.
  enum Headquarters {
    /// At its first site (the usual case in ODS `etr.csv`).
    case firstSite
    /// In an office of its own: building, street, and location as for a site.
    case office(building: String, street: String, subICB: Int, position: Int)
  }

  /// An NHS trust.
  struct Trust {
    var code: String
    var name: String
    /// ICB index: the trust's high-level health geography in `etr.csv` column 4.
    var icb: Int
    /// ODS open date, `yyyymmdd`.
    var openDate: String
    var sites: [Site]
    var headquarters: Headquarters = .firstSite
    /// False for the trust listed in `etr.csv` only: its one hospital is at its headquarters
    /// postcode and has no row in `trust_sites.csv`.
    var listsSites = true
    /// Pull of the trust's sites per bed, in per mille of an ordinary acute trust, for elective
    /// and emergency admissions (specialist trusts draw planned work from far away and little
    /// emergency work).
    var electivePermille = 1_000
    var emergencyPermille = 1_000
  }

  /// The demo trusts, in code order.
  ///
  /// Sub-ICB indices: 0 `90A`, 1 `90B`, 2 `90C`, 3 `91A`, 4 `91B`, 5 `92A`; positions run
  /// through each sub-ICB's columns of 10 squares from the west, south to north.
  static func demo() -> [Trust] {
    [
      Trust(
        code: "R9A", name: "DEMOSHIRE HOSPITALS NHS FOUNDATION TRUST", icb: 0, openDate: "20040701",
        sites: [
          Site(name: "DEMOSHIRE ROYAL HOSPITAL", town: "DEMOSHIRE", subICB: 0, position: 34, beds: 820),
          Site(
            name: "DEMOSHIRE WOMEN'S AND CHILDREN'S HOSPITAL", town: "DEMOSHIRE", subICB: 0, position: 46,
            beds: 160),
          Site(name: "BRISKBURY COMMUNITY HOSPITAL", town: "BRISKBURY", subICB: 0, position: 75, beds: 40),
        ]),
      Trust(
        code: "R9B", name: "RIVERTON UNIVERSITY TEACHING HOSPITALS NHS FOUNDATION TRUST", icb: 1,
        openDate: "20061001",
        sites: [
          Site(name: "RIVERTON ROYAL INFIRMARY", town: "RIVERTON", subICB: 3, position: 14, beds: 1_150),
          Site(name: "RIVERTON GENERAL HOSPITAL", town: "RIVERTON", subICB: 4, position: 44, beds: 480),
          Site(name: "KELMOOR EYE HOSPITAL", town: "KELMOOR", subICB: 3, position: 45, beds: 40),
          Site(
            name: "MARSH REHABILITATION CENTRE", town: "MARSH", subICB: 4, position: 22, beds: 30,
            locatable: false),
        ],
        headquarters: .office(
          building: "TRUST HEADQUARTERS", street: "RIVERSIDE BUSINESS PARK", subICB: 3, position: 24)),
      Trust(
        code: "R9C", name: "WESTMOOR HOSPITALS NHS TRUST", icb: 2, openDate: "19940401",
        sites: [
          Site(
            name: "WESTMOOR DISTRICT GENERAL HOSPITAL", town: "WESTMOOR", subICB: 5, position: 14, beds: 540),
          // On the Riverton ICB side of the boundary, in the part of Westmoor council there.
          Site(name: "TARNHOLME COMMUNITY HOSPITAL", town: "TARNHOLME", subICB: 4, position: 48, beds: 45),
        ]),
      Trust(
        code: "R9D", name: "SOUTHVALE AND NORTHVALE HOSPITALS NHS TRUST", icb: 0, openDate: "20020401",
        sites: [
          Site(name: "SOUTHVALE HOSPITAL", town: "SOUTHVALE", subICB: 2, position: 44, beds: 420),
          Site(name: "NORTHVALE GENERAL HOSPITAL", town: "NORTHVALE", subICB: 1, position: 24, beds: 300),
        ]),
      Trust(
        code: "R9E", name: "CRAYFIELD HOSPITALS NHS TRUST", icb: 0, openDate: "19930401",
        sites: [Site(name: "CRAYFIELD HOSPITAL", town: "CRAYFIELD", subICB: 0, position: 5, beds: 260)]),
      Trust(
        code: "R9F", name: "THE HOBBDALE ORTHOPAEDIC HOSPITAL NHS FOUNDATION TRUST", icb: 1,
        openDate: "20050301",
        sites: [
          Site(name: "HOBBDALE ORTHOPAEDIC HOSPITAL", town: "HOBBDALE", subICB: 3, position: 55, beds: 120)
        ],
        listsSites: false, electivePermille: 2_500, emergencyPermille: 50),
      Trust(
        code: "R9G", name: "LORNWORTH AND MABBFORD HOSPITALS NHS TRUST", icb: 1, openDate: "20000401",
        sites: [
          Site(name: "LORNWORTH HOSPITAL", town: "LORNWORTH", subICB: 4, position: 25, beds: 340),
          Site(name: "MABBFORD COMMUNITY HOSPITAL", town: "MABBFORD", subICB: 4, position: 9, beds: 50),
        ]),
      Trust(
        code: "R9H", name: "RELLMOOR HEALTHCARE NHS TRUST", icb: 2, openDate: "19960401",
        sites: [Site(name: "RELLMOOR GENERAL HOSPITAL", town: "RELLMOOR", subICB: 5, position: 63, beds: 230)]),
      Trust(
        code: "R9J", name: "THE VELLBURY CHILDREN'S HOSPITAL NHS FOUNDATION TRUST", icb: 1,
        openDate: "20080801",
        sites: [
          Site(name: "VELLBURY CHILDREN'S HOSPITAL", town: "VELLBURY", subICB: 3, position: 33, beds: 180)
        ],
        electivePermille: 1_500, emergencyPermille: 600),
      Trust(
        code: "R9K", name: "SKELBRIDGE AND DORNWICK NHS FOUNDATION TRUST", icb: 0, openDate: "20070601",
        sites: [
          Site(name: "SKELBRIDGE HOSPITAL", town: "SKELBRIDGE", subICB: 2, position: 8, beds: 210),
          Site(name: "DORNWICK HOSPITAL", town: "DORNWICK", subICB: 1, position: 48, beds: 90),
        ]),
      Trust(
        code: "R9L", name: "GASKSTOW HOSPITAL NHS TRUST", icb: 0, openDate: "19950401",
        sites: [Site(name: "GASKSTOW HOSPITAL", town: "GASKSTOW", subICB: 0, position: 62, beds: 150)]),
    ]
  }
}
