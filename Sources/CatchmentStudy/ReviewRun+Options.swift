import CatchmentAnalysis
import CatchmentCore
import CatchmentTables

extension ReviewRun {
  /// Every option in force in this run, for the manifest's `options`: the study's keys with
  /// their defaults (``Study/settings``) and the settings the steps take from the single
  /// commands' defaults, which no study key sets (``stepDefaults``).
  public var optionsInForce: [String: String] {
    study.settings.merging(stepDefaults) { study, _ in study }
  }

  /// The single commands' defaults the steps run with, by `<step>.<option>`, and the run's own
  /// (`run.numbers`, `run.byte_order_mark`): only those of steps this study runs.
  ///
  /// Column lists are the names tried in order (`|` between them), as the readers try them.
  public var stepDefaults: [String: String] {
    var s: [String: String] = [
      "run.numbers": numbers.fullPrecision
        ? "full-precision (people and ratios exactly)"
        : "readable (people to \(NumberFormat.peopleDecimals) decimal places, ratios to \(NumberFormat.ratioDigits) significant digits)",
      "run.byte_order_mark": "\(byteOrderMark)",
    ]
    let polygonLayers = study.layers.values.compactMap { layer -> PolygonMethod? in
      if case .polygons(_, _, _, let method, _) = layer { return method }
      return nil
    }
    if !polygonLayers.isEmpty {
      s["crosswalk.working_crs"] = Self.workingCRS.written
      if polygonLayers.contains(.bestFit) { s["crosswalk.best_fit.snap_distance_m"] = NumberFormat.exact(Self.snapDistance) }
      if polygonLayers.contains(.area) {
        s["crosswalk.area.basis"] = "covered"
        s["crosswalk.area.min_weight"] = "none"
      }
    }
    if let registrations = study.registrations, let footprint = registrations.practiceFootprint {
      let columns = UnitZoneColumns()
      s["registrations.columns.practice"] = columns.unit.joined(separator: "|")
      s["registrations.columns.zone"] = columns.zone.joined(separator: "|")
      s["registrations.columns.count"] = columns.count.joined(separator: "|")
      s["registrations.columns.sex"] = columns.sex.joined(separator: "|") + " (ALL rows when any, else MALE + FEMALE)"
      s["registrations.columns.extract_date"] = columns.extractDate.joined(separator: "|")
      s["registrations.practice_map.practice_column"] = UnitMapColumns(footprint: footprint).unit.joined(separator: "|")
      s["registrations.practice_map.name_column"] = UnitMapColumns.inferredNameColumn(for: footprint) + " (when present)"
    }
    if study.population != nil {
      if study.review.councils != nil || !study.review.others.isEmpty {
        s["overlap.min_coverage"] = NumberFormat.exact(Self.minCoverage)
        s["overlap.coterminous"] = NumberFormat.exact(Self.coterminous)
      }
      if study.review.nesting.count >= 2 { s["nesting.tolerance"] = NumberFormat.exact(Self.nestingTolerance) }
      if !study.proposals.isEmpty, study.registrations?.practiceMap != nil {
        s["compare.proposal_practices"] = "each practice with the zone most of its patients live in"
      }
    }
    if study.providers?.names != nil {
      s["providers.names.columns"] = "code 1, name 2 (ODS etr.csv)"
    }
    return s
  }
}
