extension ReviewRun {
  /// The steps ``run()`` takes for this study, in order, with the files each reads: what a
  /// progress display counts against. It follows `run()`'s conditions: a crosswalk per layer
  /// (by name), the footprints drawn per layer (``drawnLayers``), a population per layer, flows (registrations with a practice map), an overlap
  /// per councils or other layer and the nesting of `[review] nesting` (with `[population]`), per proposal its crosswalk and its
  /// comparison (with `[population]`), catchments and membership (providers with
  /// `[population]`), and last the report (``drawsReport``).
  public var plannedSteps: [PlannedStep] {
    var steps: [PlannedStep] = []
    let population = study.population.map { [$0.file.url.path] } ?? []
    let zones = study.zones.map { [$0.path.url.path] + ($0.centroids.map { [$0.file.url.path] } ?? []) } ?? []
    let names = study.layers.keys.sorted()
    for name in names {
      guard let layer = study.layers[name] else { continue }
      switch layer {
      case .lookup(let file, _, _, _, _): steps.append(PlannedStep(label: "crosswalk \(name)", files: [file.url.path]))
      case .crosswalk(let file): steps.append(PlannedStep(label: "crosswalk \(name)", files: [file.url.path]))
      case .polygons(let path, _, _, _, _): steps.append(PlannedStep(label: "crosswalk \(name)", files: zones + [path.url.path]))
      }
    }
    for name in drawnLayers {
      guard let layer = study.layers[name] else { continue }
      if case .polygons(let path, _, _, _, _) = layer {
        steps.append(PlannedStep(label: "footprints \(name)", files: [path.url.path]))
      } else {
        steps.append(PlannedStep(label: "footprints \(name)", files: study.zones.map { [$0.path.url.path] } ?? []))
      }
    }
    if study.population != nil {
      for name in names { steps.append(PlannedStep(label: "population \(name)", files: population)) }
    }
    let baseline = study.review.baseline
    // The report, drawn from the pack's own files once every step has run.
    let report = drawsReport ? [PlannedStep(label: Self.reportStep, files: [])] : []
    guard study.layers[baseline] != nil else { return steps + report }
    let registrations = study.registrations.flatMap { r -> [String]? in
      guard let map = r.practiceMap, r.practiceFootprint != nil else { return nil }
      return [r.file.url.path, map.url.path]
    }
    if let registrations { steps.append(PlannedStep(label: "flows \(baseline)", files: registrations + population)) }
    if study.population != nil {
      var others: [String] = []
      for name in [study.review.councils].compactMap({ $0 }) + study.review.others
      where !others.contains(name) && name != baseline && study.layers[name] != nil {
        others.append(name)
      }
      for other in others { steps.append(PlannedStep(label: "overlap \(baseline)_\(other)", files: population)) }
      let nesting = study.review.nesting
      if nesting.count >= 2 && nesting.allSatisfy({ study.layers[$0] != nil }) {
        steps.append(PlannedStep(label: "nesting \(nesting.joined(separator: " in "))", files: population))
      }
    }
    let activity = study.providers.map { [$0.activity.url.path] + ($0.names.map { [$0.url.path] } ?? []) } ?? []
    for proposal in study.proposals where study.layers[proposal.blocks] != nil {
      steps.append(PlannedStep(label: "proposal \(proposal.name)", files: [proposal.assign.url.path] + (study.zones.map { [$0.path.url.path] } ?? [])))
      if study.population != nil {
        steps.append(PlannedStep(label: "compare \(proposal.name)", files: population + (registrations ?? []) + activity))
      }
    }
    if study.providers != nil && study.population != nil {
      steps.append(PlannedStep(label: "catchments", files: activity + population))
      steps.append(PlannedStep(label: "membership \(baseline)", files: activity + population))
    }
    return steps + report
  }
}
