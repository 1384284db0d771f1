import CatchmentAnalysis
import CatchmentCore

/// The five figures `catchment review` prints when the pack is written: what an ICB analyst
/// asks first about the baseline footprints, each computed from the value its table in the
/// pack was written from (``ReviewResults``), so each can be checked against that table.
///
/// Why these five (the King's Fund's first design principles, and the questions of every
/// footprint review since the 2016 STPs):
/// 1. **Residents** — the population served: Σf P(f) over the baseline's footprints
///    (`population_<baseline>.csv`, UNALLOCATED left out: it lives in no footprint).
/// 2. **Registered patients** — the other population the NHS plans for: Σf R(f), the lists of
///    the practices mapped to the footprints (`flow_summary_<baseline>.csv`, `registered_list`),
///    with the list inflation Σf resident_registered ÷ Σf P(f), which a footprint's budget
///    and its council's census figures disagree by.
/// 3. **Retention** — how well the boundaries hold their residents' primary care:
///    Σf F[f][f] ÷ Σf Σb F[f][b], the share of the footprints' registered residents whose
///    practice is in their own footprint, and the footprint where it is lowest.
/// 4. **Capture** — the same from the practices' side: Σf F[f][f] ÷ Σf R(f), with the inflow
///    Σf (R(f) − F[f][f]) (patients living elsewhere) and the footprint where it is lowest.
///    Retention and capture together are the ONS travel-to-work test of a boundary.
/// 5. **Trusts in two or more systems** — the partners footprints must share
///    (`membership_summary_<baseline>.csv`): trusts with at least the threshold share of their
///    catchment in each of two or more footprints, of all trusts with a catchment there.
/// The overlap with councils, the other layers and the proposals are in the pack's tables;
/// they have no single headline number.
///
/// A figure is nil when the study has no section for it (no `[population]`, no
/// `[registrations]` with a practice map, no `[providers]`).
public struct ReviewHeadline: Equatable, Sendable {
  /// A footprint named by a figure, with its value (a share in [0, 1]).
  public struct Footprint: Equatable, Sendable {
    public var id: String
    public var name: String
    public var value: Double

    public init(id: String, name: String, value: Double) {
      self.id = id
      self.name = name
      self.value = value
    }
  }

  /// The baseline layer's name (`[review] baseline`).
  public var baseline: String
  /// The baseline's footprints, UNALLOCATED left out.
  public var footprints: Int?
  /// 1. Σf P(f), people.
  public var residents: Double?
  /// 2. Σf R(f), patients.
  public var registered: Double?
  /// 2. Σf resident_registered ÷ Σf P(f).
  public var listInflation: Double?
  /// 3. Σf retained ÷ Σf resident_registered.
  public var retention: Double?
  public var lowestRetention: Footprint?
  /// 4. Σf retained ÷ Σf R(f).
  public var capture: Double?
  /// 4. Σf (R(f) − retained(f)), patients.
  public var inflow: Double?
  public var lowestCapture: Footprint?
  /// 5. Trusts members of two or more footprints, and trusts with a catchment in them.
  public var multiSystemTrusts: Int?
  public var trusts: Int?
  /// 5. The membership threshold (a share of a trust's catchment).
  public var threshold: Double?

  /// The headline of `results` for `baseline`.
  ///
  /// - Parameter threshold: the membership threshold the membership was computed with.
  public init(baseline: String, results: ReviewResults, threshold: Double?) {
    self.baseline = baseline
    if let population = results.population {
      let unallocated = population.crosswalk.unallocatedID.map(Int.init)
      let real = population.byFootprint.indices.filter { $0 != unallocated }
      footprints = real.count
      residents = real.reduce(0) { $0 + population.byFootprint[$1] }
    }
    if let flows = results.flows {
      let rows = flows.rows.filter { $0.footprint != Crosswalk.unallocated }
      if footprints == nil { footprints = rows.count }
      let residentRegistered = rows.reduce(0) { $0 + $1.residentRegistered }
      let list = rows.reduce(0) { $0 + $1.registeredList }
      let retained = rows.reduce(0) { $0 + $1.retained }
      registered = list
      inflow = list - retained
      if let residents, residents > 0 { listInflation = residentRegistered / residents }
      if residentRegistered > 0 { retention = retained / residentRegistered }
      if list > 0 { capture = retained / list }
      func lowest(_ value: (FlowSummary.Row) -> Double?) -> Footprint? {
        // Lowest value, ties to the first code (rows are in code order).
        var best: Footprint?
        for row in rows {
          guard let v = value(row), v < (best?.value ?? .infinity) else { continue }
          best = Footprint(id: row.footprint, name: flows.names[row.footprint] ?? "", value: v)
        }
        return best
      }
      lowestRetention = lowest(\.retention)
      lowestCapture = lowest(\.capture)
    }
    if let membership = results.membership {
      multiSystemTrusts = membership.multiSystemProviders.count
      trusts = Set(membership.rows.map(\.provider).filter { $0 != ProviderCatchments.unattributed }).count
      self.threshold = threshold
    }
  }
}

extension ReviewPack {
  /// The headline figures of this pack for `study`'s baseline.
  public func headline(study: Study) -> ReviewHeadline {
    ReviewHeadline(baseline: study.review.baseline, results: results, threshold: study.providers?.threshold)
  }
}
