import CatchmentCore
import CatchmentTables

/// Measures of one footprint layer (a scenario: the baseline, or a what-if proposal), footprint
/// by footprint, for `catchment compare`.
///
/// Each part is optional, filled by what the inputs allow: resident population (always),
/// registered list, retention and capture (from registrations), coterminosity with councils
/// (from a zone → council crosswalk), member providers (from catchments).
public struct ScenarioMeasures: Sendable {
  public struct Row: Sendable, Equatable {
    public var footprint: String
    public var name: String
    public var residentPopulation: Double
    public var registeredList: Double?
    public var retention: Double?
    public var capture: Double?
    /// Councils holding at least 1% of the footprint's population.
    public var councils: Int?
    /// Share of the footprint's population living in councils that lie (≥ 95% of their
    /// population) within it: 1 for a footprint made of whole councils.
    public var shareInWholeCouncils: Double?
    /// Providers that are members of the footprint's system.
    public var memberProviders: Int?
  }

  public let scenario: String
  public var rows: [Row]

  /// Rows for every footprint of `resident`'s crosswalk (UNALLOCATED last), population filled in.
  public init(scenario: String, resident: ResidentPopulation) {
    self.scenario = scenario
    let crosswalk = resident.crosswalk
    let order = FootprintOverlap.order(crosswalk.footprints.codes)
    rows = order.map { f in
      Row(footprint: crosswalk.footprints.code(Int32(f)), name: crosswalk.footprintNames[f], residentPopulation: resident.byFootprint[f])
    }
  }

  /// Registered list, retention and capture from the flow summary of this layer.
  public mutating func add(flows: FlowSummary) {
    var byID: [String: FlowSummary.Row] = [:]
    for r in flows.rows { byID[r.footprint] = r }
    for k in rows.indices {
      guard let r = byID[rows[k].footprint] else { continue }
      rows[k].registeredList = r.registeredList
      rows[k].retention = r.retention
      rows[k].capture = r.capture
    }
  }

  /// Coterminosity with councils, from the overlap of this layer (A) with councils (B).
  public mutating func add(councils overlap: FootprintOverlap) {
    var byID: [String: (councils: Int, whole: Double)] = [:]
    for a in overlap.aIDs.indices {
      var touched = 0
      var whole = 0.0
      for b in overlap.bIDs.indices where overlap.population(a, b) > 0 && overlap.bIDs[b] != Crosswalk.unallocated {
        let m = overlap.measures(a, b)
        if m.covAToB >= 0.01 { touched += 1 }
        if m.covBToA >= 0.95 { whole += overlap.population(a, b) }
      }
      byID[overlap.aIDs[a]] = (touched, overlap.aPopulation[a] > 0 ? whole / overlap.aPopulation[a] : 0)
    }
    for k in rows.indices {
      guard let v = byID[rows[k].footprint] else { continue }
      rows[k].councils = v.councils
      rows[k].shareInWholeCouncils = v.whole
    }
  }

  /// Member providers per footprint.
  public mutating func add(membership: Membership) {
    var count: [String: Int] = [:]
    for r in membership.rows where r.member { count[r.footprint, default: 0] += 1 }
    for k in rows.indices { rows[k].memberProviders = count[rows[k].footprint] ?? 0 }
  }

  /// `scenario,footprint_id,footprint_name,resident_population,registered_list,retention,capture,councils,share_in_whole_councils,member_providers`
  /// for every scenario, in order (empty fields where a measure was not asked for).
  /// People to ``NumberFormat/people(_:)``, retention, capture and share_in_whole_councils to
  /// ``NumberFormat/ratio(_:)``.
  public static func csv(_ scenarios: [ScenarioMeasures], numbers: NumberFormat = .readable, byteOrderMark: Bool = false) -> CSVWriter {
    var out = CSVWriter(
      header: [
        "scenario", "footprint_id", "footprint_name", "resident_population", "registered_list", "retention", "capture", "councils",
        "share_in_whole_councils", "member_providers",
      ], byteOrderMark: byteOrderMark)
    func text(_ v: Double?) -> String { v.map { numbers.people($0) } ?? "" }
    func ratio(_ v: Double?) -> String { v.map { numbers.ratio($0) } ?? "" }
    for s in scenarios {
      for r in s.rows {
        out.append([
          s.scenario, r.footprint, r.name, numbers.people(r.residentPopulation), text(r.registeredList), ratio(r.retention), ratio(r.capture),
          r.councils.map(String.init) ?? "", ratio(r.shareInWholeCouncils), r.memberProviders.map(String.init) ?? "",
        ])
      }
    }
    return out
  }

  /// Providers whose systems differ between two memberships:
  /// `provider_id,baseline_systems,proposal_systems,joined,left` (ids joined by ';'), with
  /// `provider_name` after `provider_id` when `names` are given.
  public static func membershipChanges(baseline: Membership, proposal: Membership, names: [String: String]? = nil, byteOrderMark: Bool = false) -> CSVWriter {
    func systems(_ m: Membership) -> [String: Set<String>] {
      var out: [String: Set<String>] = [:]
      for r in m.rows where r.member { out[r.provider, default: []].insert(r.footprint) }
      return out
    }
    let before = systems(baseline), after = systems(proposal)
    var out = CSVWriter(
      header: names == nil ? ["provider_id", "baseline_systems", "proposal_systems", "joined", "left"] : ["provider_id", "provider_name", "baseline_systems", "proposal_systems", "joined", "left"],
      byteOrderMark: byteOrderMark)
    func list(_ s: Set<String>) -> String { s.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: ";") }
    for provider in Set(before.keys).union(after.keys).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let b = before[provider] ?? [], a = after[provider] ?? []
      guard a != b else { continue }
      out.append((names.map { [provider, $0[provider] ?? ""] } ?? [provider]) + [list(b), list(a), list(a.subtracting(b)), list(b.subtracting(a))])
    }
    return out
  }
}
