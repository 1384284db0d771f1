import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import Foundation

extension ReviewRun {
  /// A proposal against the baseline (`compare_<name>.csv`, and `membership_changes_<name>.csv`
  /// with `[providers]`), as `catchment compare` writes them with the baseline's and the
  /// proposal's crosswalks, the population, the registrations and practice map (the baseline's
  /// practices by `practice_footprint`, the proposal's each with the zone most of its patients
  /// live in), the councils layer and the providers, with the same steps and defaults.
  ///
  /// The proposal's side reports apart, merged labelled `proposal`, as in `compare`.
  func comparisonStep(
    name: String, baseline: Crosswalk, proposal: Crosswalk, councils: Crosswalk?, population: PopulationSpec,
    populationColumns: PopulationColumns, state: inout ReviewRunState
  ) throws {
    let comparison = FootprintComparison(
      populationPath: population.file.url.path, populationColumns: populationColumns,
      registrations: study.registrations.flatMap { r in
        guard let mapFile = r.practiceMap, let footprint = r.practiceFootprint else { return nil }
        return FootprintComparison.Registrations(path: r.file.url.path, practiceMap: mapFile.url.path, baselineFootprint: footprint)
      },
      councils: councils, sources: study.providers.map { catchmentSources($0, population: population, populationColumns: populationColumns) },
      threshold: study.providers?.threshold ?? 0.05, tables: state.tables)
    try state.step("compare \(name)") { report in
      let result = try comparison.run(baseline: baseline, proposal: proposal)
      report.record(result.baselineAccount)
      report.merge(result.proposalAccount, label: "proposal")
      let scenarios = result.scenarios, memberships = result.memberships, providerNames = result.providerNames
      var tables = [("compare_\(name).csv", ScenarioMeasures.csv(scenarios, numbers: numbers, byteOrderMark: byteOrderMark))]
      if memberships.count == 2 {
        tables.append(
          (
            "membership_changes_\(name).csv",
            ScenarioMeasures.membershipChanges(
              baseline: memberships[0], proposal: memberships[1], names: providerNames, byteOrderMark: byteOrderMark)
          ))
      }
      return tables
    }
  }
}
