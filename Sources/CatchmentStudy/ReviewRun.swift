import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import CatchmentTables
import Foundation

/// Runs a study: every step of a footprint review, with the library calls and defaults of the
/// single commands, so each table of the pack has the bytes the single command writes.
///
/// The pack (file names relative to the pack's folder, `<layer>` a `[layers.NAME]` name,
/// `<baseline>` the `[review]` baseline):
/// - `crosswalk_<layer>.csv` for every layer (as `crosswalk`);
/// - `population_<layer>.csv` for each of them when `[population]` is given (as `populations`);
/// - `flows_<baseline>.csv`, `flow_matrix_<baseline>.csv`, `flow_summary_<baseline>.csv` when
///   `[registrations]` gives a practice map (as `flows`, the summary with the population's
///   list inflation when `[population]` is given), and `practice_flows_<baseline>.csv` (as
///   `flows --practice-output`);
/// - `overlap_<baseline>_<other>.csv`, `overlap_matrix_<baseline>_<other>.csv`,
///   `overlap_summary_<baseline>_<other>.csv` for the councils layer and every other layer,
///   when `[population]` is given (as `overlap`, the baseline as layer A);
/// - with `[providers]` and `[population]`: `catchments.csv`, `catchment_zones.csv`,
///   `membership_<baseline>.csv`, `membership_summary_<baseline>.csv`, `system_overlap_<baseline>.csv`
///   and its shared and served matrices (see
///   ``providerSteps(_:population:populationColumns:baseline:state:)``);
/// - `footprints_<layer>.geojson` for every layer with polygons of its own, and for every
///   layer when `[zones]` is given (dissolved from the zone polygons), in EPSG:27700 (see
///   ``footprintSteps(crosswalks:state:)``);
/// - per `[[proposals]]`: `crosswalk_proposal_<name>.csv` and, with `[zones]`,
///   `proposal_<name>.geojson` (see ``proposalSteps(_:number:blocks:state:)``), and with
///   `[population]` its comparison with the baseline, `compare_<name>.csv` and
///   `membership_changes_<name>.csv` (see
///   ``comparisonStep(name:baseline:proposal:councils:population:populationColumns:state:)``).
///
/// Polygon layers (`polygons = …`) are overlaid on `[zones]` as `crosswalk --method best-fit`
/// or `area` does (see ``polygonCrosswalk(layer:path:id:name:method:crs:reads:)``).
/// Every step records into a report of its own, merged into the run's report under the step's
/// name, so every loss of every step reaches the one report.
public struct ReviewRun {
  public var study: Study
  /// How tables write numbers (the single commands' default: readable).
  public var numbers: NumberFormat
  /// Whether tables start with a UTF-8 byte-order mark.
  public var byteOrderMark: Bool
  /// Called as each step starts (step n of m, the files it reads); nil for none.
  public var progress: ((ReviewStep) -> Void)?
  /// Whether the pack holds `report.html` and its figures (``packFiles(_:studyFile:tool:runAt:runOptions:)``):
  /// the review's last step. On unless the caller turns it off (`review --no-report`).
  public var drawsReport = true

  /// Coverage defaults of the overlap summary, as `catchment overlap` has them.
  public static let minCoverage = 0.01
  public static let coterminous = 0.95

  public init(study: Study, numbers: NumberFormat = .readable, byteOrderMark: Bool = false) {
    self.study = study
    self.numbers = numbers
    self.byteOrderMark = byteOrderMark
  }

  /// Runs every step; nothing is written.
  ///
  /// - Throws: the first input error (a file that cannot be read, a missing column, a zone split
  ///   by two layers without polygons to split it by), as the single command throws it.
  public func run() throws -> ReviewPack {
    var state = ReviewRunState(report: RunReport(command: "review"), options: optionsInForce)
    state.progress = progress.map { ReviewProgressCounter(plan: plannedSteps, sink: $0) }
    let crosswalks = try layerCrosswalks(&state)
    try footprintSteps(crosswalks: crosswalks, state: &state)
    let populationColumns = study.population.map { p in
      PopulationColumns(id: p.id, value: p.value, filters: p.filter.keys.sorted().map { "\($0)=\(p.filter[$0] ?? "")" })
    }
    let tables = state.tables
    if let p = study.population, let columns = populationColumns {
      populationInput(p, state: &state)
      var baselinePopulation: ResidentPopulation?
      var populations: [String: ResidentPopulation] = [:]
      defer {
        state.results.population = baselinePopulation
        state.results.populations = populations
      }
      for (name, crosswalk) in crosswalks {
        try state.step("population \(name)") { report in
          let table = try tables.population(path: p.file.url.path, columns: columns)
          let (zones, zonesAccount) = try ZonePopulation.join(table, crosswalk: crosswalk)
          report.record(zonesAccount)
          let result = ResidentPopulation(population: zones, crosswalk: crosswalk)
          if name == study.review.baseline { baselinePopulation = result }
          populations[name] = result
          report.figure("population counted", zones.values.reduce(0, +))
          report.record(result.unallocatedLoss())
          return [("population_\(name).csv", result.csv(numbers: numbers, byteOrderMark: byteOrderMark))]
        }
      }
    }
    let baselineName = study.review.baseline
    guard let baseline = crosswalks.first(where: { $0.name == baselineName })?.crosswalk else {
      state.report.warn("the baseline layer \(baselineName) gave no crosswalk: no flows or overlaps are in the pack")
      return state.pack
    }
    state.results.baseline = baseline
    if let registrations = study.registrations {
      try flows(registrations, baseline: baseline, populationColumns: populationColumns, &state)
    }
    if let p = study.population, let columns = populationColumns {
      var others: [String] = []
      for name in [study.review.councils].compactMap({ $0 }) + study.review.others where !others.contains(name) && name != baselineName {
        others.append(name)
      }
      var councilOverlap: FootprintOverlap?
      defer { state.results.councilOverlap = councilOverlap }
      for other in others {
        guard let b = crosswalks.first(where: { $0.name == other })?.crosswalk else { continue }
        let stem = "\(baselineName)_\(other)"
        try state.step("overlap \(stem)") { report in
          let table = try tables.population(path: p.file.url.path, columns: columns)
          let (population, populationAccount) = try ZonePopulation.join(table, crosswalk: baseline)
          report.record(populationAccount)
          let overlap = try FootprintOverlap(a: baseline, b: b, population: population)
          report.record(overlap.account)
          if other == study.review.councils { councilOverlap = overlap }
          return [
            ("overlap_\(stem).csv", overlap.csv(numbers: numbers, byteOrderMark: byteOrderMark)),
            ("overlap_matrix_\(stem).csv", overlap.matrixCSV(numbers: numbers, byteOrderMark: byteOrderMark)),
            (
              "overlap_summary_\(stem).csv",
              overlap.summaryCSV(
                minCoverage: Self.minCoverage, coterminous: Self.coterminous, numbers: numbers, byteOrderMark: byteOrderMark)
            ),
          ]
        }
      }
    } else if study.review.councils != nil || !study.review.others.isEmpty {
      state.report.note("overlaps need residents per zone: the study has no [population], so none are in the pack")
    }
    try nestingStep(crosswalks: crosswalks, population: study.population.map { populationSource($0, tables: tables) }, state: &state)
    for (i, proposal) in study.proposals.enumerated() {
      guard let blocks = crosswalks.first(where: { $0.name == proposal.blocks })?.crosswalk else { continue }
      guard let drawn = try proposalSteps(proposal, number: i + 1, blocks: blocks, state: &state) else { continue }
      if let p = study.population, let columns = populationColumns {
        let councils = study.review.councils.flatMap { c in crosswalks.first(where: { $0.name == c })?.crosswalk }
        try comparisonStep(
          name: proposal.name, baseline: baseline, proposal: drawn, councils: councils, population: p, populationColumns: columns,
          state: &state)
      }
    }
    if let providers = study.providers {
      if let p = study.population, let columns = populationColumns {
        try providerSteps(providers, population: p, populationColumns: columns, baseline: baseline, state: &state)
      } else {
        state.report.note("catchments need residents per zone: the study has no [population], so none are in the pack")
      }
    }
    return state.pack
  }

  /// The crosswalk of every lookup and crosswalk layer, by layer name in sorted order, each
  /// written as `crosswalk_<layer>.csv`.
  private func layerCrosswalks(_ state: inout ReviewRunState) throws -> [(name: String, crosswalk: Crosswalk)] {
    var result: [(name: String, crosswalk: Crosswalk)] = []
    // The layers drawn from each lookup file, read together in one pass at the first of them.
    var lookupSets: [String: [LookupColumns]] = [:]
    for name in study.layers.keys.sorted() {
      if case .lookup(let file, let zone, let footprint, let label, let weight)? = study.layers[name] {
        lookupSets[file.url.path, default: []].append(LookupColumns(zone: zone, footprint: footprint, weight: weight, name: label))
      }
    }
    var lookupReads: [String: [Result<(Crosswalk, RunAccount), any Error>]] = [:]
    let reads = state.boundaries
    for name in study.layers.keys.sorted() {
      guard let layer = study.layers[name] else { continue }
      var crosswalk: Crosswalk?
      var input: ReviewPack.Input?
      // A polygon layer's files: the zones (their codes give the vintage), its polygons, centroids.
      var drawnInputs: [ReviewPack.Input] = []
      try state.step("crosswalk \(name)") { report in
        switch layer {
        case .lookup(let file, let zone, let footprint, let label, let weight):
          let columns = LookupColumns(zone: zone, footprint: footprint, weight: weight, name: label)
          let sets = lookupSets[file.url.path] ?? [columns]
          if lookupReads[file.url.path] == nil { lookupReads[file.url.path] = try Crosswalk.fromLookup(path: file.url.path, columns: sets) }
          guard let k = sets.firstIndex(of: columns), let read = lookupReads[file.url.path]?[k] else { return [] }
          let (drawn, account) = try read.get()
          account.record(into: report)
          crosswalk = drawn
          input = ReviewPack.Input(key: "layers.\(name).lookup", path: file)
        case .crosswalk(let file):
          let read = try Crosswalk.read(path: file.url.path)
          report.record(read.account)
          crosswalk = read.crosswalk
          input = ReviewPack.Input(key: "layers.\(name).crosswalk", path: file)
        case .polygons(let path, let id, let label, let method, let crs):
          let drawn = try polygonCrosswalk(
            layer: name, path: path, id: id, name: label, method: method, crs: crs, reads: reads)
          report.record(drawn.account)
          crosswalk = drawn.crosswalk
          drawnInputs = drawn.inputs
        }
        guard let crosswalk else { return [] }
        return [("crosswalk_\(name).csv", crosswalk.csv(byteOrderMark: byteOrderMark))]
      }
      guard let crosswalk else { continue }
      let vintage = ZoneCodeCensus(crosswalk.zones).vintage
      if var input {
        input.vintage = vintage
        state.inputs.append(input)
      }
      for var drawn in drawnInputs {
        if drawn.key == "zones.path" { drawn.vintage = vintage }
        state.inputs.append(drawn)
      }
      result.append((name, crosswalk))
    }
    return result
  }

  /// Flows of registered patients across the baseline's footprints, as `catchment flows` with
  /// `--practice-map` and its default columns.
  private func flows(
    _ registrations: RegistrationsSpec, baseline: Crosswalk, populationColumns: PopulationColumns?, _ state: inout ReviewRunState
  ) throws {
    guard let mapFile = registrations.practiceMap, let footprint = registrations.practiceFootprint else {
      state.report.note("flows need a practice map: the study's [registrations] has none, so no flows are in the pack")
      return
    }
    let name = study.review.baseline
    state.inputs.append(ReviewPack.Input(key: "registrations.practice_map", path: mapFile))
    let population = study.population
    let tables = state.tables
    var extractDates: [String] = []
    var flowSummary: FlowSummary?
    defer { state.results.flows = flowSummary }
    defer {
      // The extract date the file states (EXTRACT_DATE), for the manifest.
      var input = ReviewPack.Input(key: "registrations.file", path: registrations.file)
      input.statedDate = extractDates.isEmpty ? nil : extractDates.joined(separator: ",")
      state.inputs.append(input)
    }
    try state.step("flows \(name)") { report in
      var columns = UnitZoneColumns()
      columns.unit = ["PRACTICE_CODE"]
      let counts = UnitZoneCounts(table: try tables.registrations(path: registrations.file.url.path, columns: columns), crosswalk: baseline)
      report.add(counts.summary)
      report.repeated(counts.repeatedRows)
      var mapColumns = UnitMapColumns(footprint: footprint, footprintName: nil)
      mapColumns.unit = ["PRACTICE_CODE"]
      let (map, mapAccount) = try tables.practiceMap(path: mapFile.url.path, columns: mapColumns)
      report.record(mapAccount)
      let matrix = FlowMatrix(
        counts: counts, crosswalk: baseline, map: map, keepUnitBreakdown: true, practiceList: map)
      report.record(matrix.account)
      extractDates = counts.extractDates
      if !counts.extractDates.isEmpty {
        report.note("EXTRACT_DATE seen: \(counts.extractDates.joined(separator: ", "))")
      }
      report.figure("patients counted", counts.total)
      var resident: ResidentPopulation?
      if let population, let populationColumns {
        let table = try tables.population(path: population.file.url.path, columns: populationColumns)
        let (zones, zonesAccount) = try ZonePopulation.join(table, crosswalk: baseline)
        report.record(zonesAccount)
        resident = ResidentPopulation(population: zones, crosswalk: baseline)
      }
      let summary = FlowSummary(matrix: matrix, population: resident)
      flowSummary = summary
      report.record(summary.partialFootprintsWarning())
      return [
        ("flows_\(name).csv", matrix.longCSV(numbers: numbers, byteOrderMark: byteOrderMark)),
        ("flow_matrix_\(name).csv", matrix.matrixCSV(numbers: numbers, byteOrderMark: byteOrderMark)),
        ("flow_summary_\(name).csv", summary.csv(numbers: numbers, byteOrderMark: byteOrderMark)),
        ("practice_flows_\(name).csv", matrix.unitCSV(numbers: numbers, byteOrderMark: byteOrderMark)),
      ]
    }
  }
}

/// The pack as it grows during ``ReviewRun/run()``.
struct ReviewRunState {
  var report: RunReport
  var files: [ReviewPack.File] = []
  var inputs: [ReviewPack.Input] = []
  var results = ReviewResults()
  /// Every option in force (``ReviewRun/optionsInForce``), for the manifest.
  var options: [String: String] = [:]
  var progress: ReviewProgressCounter?
  /// The input tables, each file parsed once for every step that uses it.
  let tables = InputTables()
  /// The boundary layers and centroids, each file read once for every step that uses it.
  let boundaries = BoundaryReads()

  var pack: ReviewPack {
    var pack = ReviewPack(files: files, report: report, inputs: inputs, results: results, options: options)
    pack.stepsStarted = progress?.started ?? 0
    return pack
  }

  /// Runs one step with a report of its own, merged into the run's under `label`, and keeps
  /// its tables.
  mutating func step(_ label: String, _ body: (RunReport) throws -> [(String, CSVWriter)]) throws {
    try step(label) { report in try body(report).map { ReviewPack.File(name: $0.0, bytes: $0.1.bytes) } }
  }

  /// As the step above, for steps that write files other than tables (GeoJSON).
  mutating func step(_ label: String, _ body: (RunReport) throws -> [ReviewPack.File]) throws {
    progress?.begin(label)
    let own = RunReport(command: label)
    let written = try body(own)
    report.merge(own, label: label)
    for file in written {
      files.append(file)
      report.note("\(label): wrote \(file.name)")
    }
  }
}
