/// Hospital admissions of the residents of every demo LSOA, by trust, in the shape of OHID's
/// "NHS Acute (Hospital) Trust Catchment Populations": two catchment years (2021, 2022) and
/// three admission types, where `All` = `Elective` + `Emergency` for every zone, trust and year.
///
/// For each year y, LSOA z (population pop(z)) and admission type a ∈ {Elective, Emergency}:
///
/// 1. Patients: T = ⌊pop(z)·r / 1000⌋ with a rate r drawn per zone in per mille (Elective
///    80–115 in 2021, when planned care had not recovered, and 95–135 in 2022; Emergency 70–95
///    and 75–100).
/// 2. Patients treated outside the demo region, at trusts not listed: O = max(1, ⌊T·o / 1000⌋),
///    o = min(200, b + e) per mille, where b is drawn from 3–40 and the edge term
///    e = ⌊160·(4000 − δ) / 4000⌋ when the centroid is δ < 4,000 m from the region's west or
///    east edge (0 otherwise): people at the edge use the hospitals over it. So 0.3–20% of a
///    zone's patients, typically a few per cent, leave the demo, and the OHID `proportion` of a
///    zone sums to 1 − O/T < 1.
/// 3. The other T − O patients are split over trusts by a gravity model on the distance d
///    from the zone's centroid (`ZoneCentroids`) to each site, in hectometres:
///    d² = ⌊(Δx² + Δy²) / 10⁴⌋ with Δx, Δy in metres. Trust t pulls
///    w(t) = n(t)·Σ_sites beds·m(t,a)·g_a(d), with m(t,a) the trust's per-mille pull for the
///    admission type, g_Elective = 10⁷ / (900 + d²) (a 3 km core, decay ~1/d²) and
///    g_Emergency = 10⁹ / (400 + d²)² (a 2 km core, decay ~1/d⁴: emergencies go to the nearest
///    hospital), and a noise factor n(t) drawn from 700–1300 (per mille) per zone, year and
///    type. Only the 6 strongest trusts (elective) or 4 (emergency) take patients; they share
///    T − O in proportion to w by the largest remainder (`Apportion`), so every count is an
///    integer.
///
/// `All` rows add the two types: patients(All) = patients(Elective) + patients(Emergency) and
/// total(All) = T(Elective) + T(Emergency). Rows with 0 patients are not written. One extra row,
/// in 2022 `All`, is for an English LSOA outside the demo (`ZoneCodes.outOfArea[1]`, which the
/// registrations also carry): a resident of the neighbouring area admitted to Crayfield, at the
/// region's west edge. All arithmetic is integer.
struct ActivityModel {
  /// OHID's admission types, in file order.
  enum AdmissionType: String, CaseIterable {
    case all = "All"
    case elective = "Elective"
    case emergency = "Emergency"
  }

  /// One row of the activity file.
  struct Row: Equatable {
    var year: Int
    var type: AdmissionType
    var zone: String
    var trust: String
    /// Patients of the zone admitted to the trust.
    var patients: Int
    /// Patients of the zone admitted to any trust, listed or outside the demo.
    var total: Int
  }

  /// Catchment years, in file order.
  static let years = [2021, 2022]

  /// Rows in file order: year, admission type (All, Elective, Emergency), zone code, trust code.
  let rows: [Row]
  /// The zone code of the one row outside the demo geography.
  let outOfAreaZone: String

  init(
    geography geo: DemoGeography, population: [Int], trusts demo: DemoTrusts, rng: inout SplitMix64
  ) {
    let layout = BoundaryFileWriter.layout(geo)
    let centroids = ZoneCentroids.points(geo, layout: layout)
    let west = BoundaryFileWriter.originEasting
    let east = west + layout.totalColumns * BoundaryFileWriter.cell
    let trusts = demo.trusts
    var rows: [Row] = []

    for year in Self.years {
      var byType: [AdmissionType: [Row]] = [.all: [], .elective: [], .emergency: []]
      for (z, lsoa) in geo.lsoas.enumerated() {
        let centre = centroids[z]
        let edgeDistance = min(centre.x - west, east - centre.x)
        let edge = edgeDistance < 4_000 ? 160 * (4_000 - edgeDistance) / 4_000 : 0
        var allPatients = Array(repeating: 0, count: trusts.count)
        var allTotal = 0
        for type in [AdmissionType.elective, .emergency] {
          let rate: ClosedRange<Int>
          switch (type, year) {
          case (.elective, 2021): rate = 80...115
          case (.elective, _): rate = 95...135
          case (_, 2021): rate = 70...95
          default: rate = 75...100
          }
          let total = population[z] * rng.int(in: rate) / 1_000
          let outsidePermille = min(200, rng.int(in: 3...40) + edge)
          let outside = max(1, total * outsidePermille / 1_000)
          let weights = trusts.map { trust in
            Self.pull(of: trust, type: type, from: centre) * rng.int(in: 700...1_300)
          }
          let keep = type == .elective ? 6 : 4
          let strongest = Set(
            trusts.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
              .prefix(keep))
          let parts = Apportion.split(
            total - outside, weights: trusts.indices.map { strongest.contains($0) ? weights[$0] : 0 })
          for (t, patients) in parts.enumerated() where patients > 0 {
            byType[type]!.append(
              Row(year: year, type: type, zone: lsoa.code, trust: trusts[t].code, patients: patients, total: total))
            allPatients[t] += patients
          }
          allTotal += total
        }
        for (t, patients) in allPatients.enumerated() where patients > 0 {
          byType[.all]!.append(
            Row(year: year, type: .all, zone: lsoa.code, trust: trusts[t].code, patients: patients, total: allTotal))
        }
      }
      for type in AdmissionType.allCases { rows += byType[type]! }
    }

    // The resident of the neighbouring area, last in 2022 All (its code sorts after the demo's).
    let zone = ZoneCodes.outOfArea[1]
    let patients = rng.int(in: 20...60)
    let total = patients + rng.int(in: 200...600)
    let crayfield = trusts.first { $0.code == "R9E" }?.code ?? trusts[0].code
    let outsider = Row(year: 2022, type: .all, zone: zone, trust: crayfield, patients: patients, total: total)
    let insertAt = rows.lastIndex { $0.year == 2022 && $0.type == .all }.map { $0 + 1 } ?? rows.count
    rows.insert(outsider, at: insertAt)
    self.rows = rows
    outOfAreaZone = zone
  }

  /// w(t) before noise: Σ over the trust's sites of beds·m(t,a)·g_a(d) (see the type's
  /// documentation), for a zone centroid `centre` in metres.
  static func pull(of trust: DemoTrusts.Trust, type: AdmissionType, from centre: (x: Int, y: Int)) -> Int {
    let permille = type == .elective ? trust.electivePermille : trust.emergencyPermille
    return trust.sites.reduce(0) { sum, site in
      let dx = site.x - centre.x, dy = site.y - centre.y
      let d2 = (dx * dx + dy * dy) / 10_000
      let strength = site.beds * permille
      switch type {
      case .emergency: return sum + strength * 1_000_000_000 / ((400 + d2) * (400 + d2))
      default: return sum + strength * 10_000_000 / (900 + d2)
      }
    }
  }
}
