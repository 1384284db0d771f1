import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import Foundation

extension ReviewRun {
  /// The `[providers]` steps: provider catchments (`catchments.csv`, `catchment_zones.csv`, as
  /// `catchment catchments` with `--zone-output`) and the baseline's membership
  /// (`membership_<baseline>.csv`, `membership_summary_<baseline>.csv`, as `catchment
  /// membership` with `--summary-output`), by the study's method and threshold, and the overlap
  /// of the baseline's systems through shared providers (`system_overlap_<baseline>.csv`,
  /// `system_overlap_shared_<baseline>.csv`, `system_overlap_served_<baseline>.csv`, as `catchment
  /// system-overlap` on that membership table with both matrix outputs). Provider names
  /// come from `names` read as `--providers` reads an ODS `etr.csv` (code in column 1, name in
  /// column 2).
  func providerSteps(
    _ providers: ProvidersSpec, population: PopulationSpec, populationColumns: PopulationColumns, baseline: Crosswalk,
    state: inout ReviewRunState
  ) throws {
    var sources = catchmentSources(providers, population: population, populationColumns: populationColumns)
    sources.tables = state.tables
    state.inputs.append(ReviewPack.Input(key: "providers.activity", path: providers.activity))
    if let names = providers.names { state.inputs.append(ReviewPack.Input(key: "providers.names", path: names, hasHeader: false)) }
    try state.step("catchments") { report in
      let (catchments, names, account) = try sources.catchments(crosswalk: nil)
      report.record(account)
      return [
        ("catchments.csv", catchments.csv(names: names, numbers: numbers, byteOrderMark: byteOrderMark)),
        ("catchment_zones.csv", catchments.zoneCSV(names: names, numbers: numbers, byteOrderMark: byteOrderMark)),
      ]
    }
    let name = study.review.baseline
    var baselineMembership: Membership?
    defer { state.results.membership = baselineMembership }
    try state.step("membership \(name)") { report in
      let (catchments, names, account) = try sources.catchments(crosswalk: baseline)
      report.record(account)
      let membership = Membership(catchments: catchments, crosswalk: baseline, threshold: providers.threshold)
      baselineMembership = membership
      report.figure("providers members of two or more systems", Double(membership.multiSystemProviders.count))
      // System overlap as `catchment system-overlap` computes it from the membership table:
      // each catchment at the precision the table writes it (people to 2 decimals by default),
      // so the matrices have the single commands' bytes.
      let rows = membership.rows.map { r in
        (provider: r.provider, footprint: r.footprint, catchment: Double(numbers.people(r.catchment)) ?? r.catchment, member: r.member)
      }
      let systems = SystemOverlap(rows: rows, names: membership.footprintNames)
      report.figure("systems", Double(systems.systems.count))
      return [
        ("membership_\(name).csv", membership.csv(names: names, numbers: numbers, byteOrderMark: byteOrderMark)),
        ("membership_summary_\(name).csv", membership.summaryCSV(names: names, byteOrderMark: byteOrderMark)),
        ("system_overlap_\(name).csv", systems.csv(numbers: numbers, byteOrderMark: byteOrderMark)),
        ("system_overlap_shared_\(name).csv", systems.sharedMatrixCSV(numbers: numbers, byteOrderMark: byteOrderMark)),
        ("system_overlap_served_\(name).csv", systems.servedMatrixCSV(numbers: numbers, byteOrderMark: byteOrderMark)),
      ]
    }
  }

  /// The catchment inputs of `[providers]` as CatchmentSources takes them: the activity table's
  /// columns and filters, provider names from `names` (ODS `etr.csv`: code in column 1, name in
  /// column 2, as `--providers` reads it).
  func catchmentSources(
    _ providers: ProvidersSpec, population: PopulationSpec, populationColumns: PopulationColumns
  ) -> CatchmentSources {
    let measure: ActivityColumns.Measure
    switch providers.measure {
    case .count(let column): measure = .count(column)
    case .share(let column): measure = .share(column)
    }
    let columns = ActivityColumns(
      zone: providers.zone, provider: providers.provider, measure: measure, total: providers.total,
      filters: providers.filter.keys.sorted().map { "\($0)=\(providers.filter[$0] ?? "")" })
    let sites = SiteInputs(
      providers: providers.names.map { SiteInputs.Providers(path: $0.url.path, codeColumn: "1", nameColumn: "2", postcodeColumn: "10") },
      sites: nil, sitesLabel: "providers.names", postcodes: nil, centroids: nil,
      parameters: ModelledCatchment.HuffParameters(), workingCRS: Self.workingCRS, workers: ProcessInfo.processInfo.activeProcessorCount)
    return CatchmentSources(
      method: providers.method, populationPath: population.file.url.path, populationColumns: populationColumns,
      activityPath: providers.activity.url.path, activityColumns: columns, sites: sites)
  }
}
