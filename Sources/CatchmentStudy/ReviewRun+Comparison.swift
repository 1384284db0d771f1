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
    let registrations = study.registrations
    let sources = study.providers.map { catchmentSources($0, population: population, populationColumns: populationColumns) }
    let threshold = study.providers?.threshold ?? 0.05
    try state.step("compare \(name)") { report in
      var scenarios: [ScenarioMeasures] = []
      var memberships: [Membership] = []
      var providerNames: [String: String]?
      var countsAdded = false
      for (scenario, crosswalk) in [("baseline", baseline), ("proposal", proposal)] {
        let side = scenario == "baseline" ? report : RunReport(command: "compare")
        defer { if side !== report { report.merge(side, label: scenario) } }
        let zones = try ZonePopulation.read(path: population.file.url.path, columns: populationColumns, crosswalk: crosswalk, report: side)
        let resident = ResidentPopulation(population: zones, crosswalk: crosswalk)
        resident.reportUnallocated(to: side)
        var measures = ScenarioMeasures(scenario: scenario, resident: resident)
        if let registrations, let mapFile = registrations.practiceMap, let footprint = registrations.practiceFootprint {
          let counts = try UnitZoneCounts(path: registrations.file.url.path, columns: UnitZoneColumns(), crosswalk: crosswalk)
          if !countsAdded {
            report.add(counts.summary)
            report.repeated(counts.repeatedRows)
            countsAdded = true
          }
          let map: UnitFootprintMap
          if scenario == "baseline" {
            map = try UnitFootprintMap(path: mapFile.url.path, columns: UnitMapColumns(footprint: footprint), report: side)
          } else {
            map = UnitFootprintMap.byMostPatients(counts: counts, crosswalk: crosswalk)
            side.note("each practice goes with the zone most of its patients live in")
          }
          let matrix = FlowMatrix(counts: counts, crosswalk: crosswalk, map: map, report: side)
          measures.add(flows: FlowSummary(matrix: matrix))
        }
        if let councils {
          measures.add(councils: try FootprintOverlap(a: crosswalk, b: councils, population: zones, report: side))
        }
        if let sources {
          let (catchments, names) = try sources.catchments(crosswalk: crosswalk, report: side)
          providerNames = names
          let membership = Membership(catchments: catchments, crosswalk: crosswalk, threshold: threshold)
          measures.add(membership: membership)
          memberships.append(membership)
        }
        scenarios.append(measures)
      }
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
