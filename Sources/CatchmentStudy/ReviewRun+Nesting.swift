import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import Foundation

extension ReviewRun {
  /// Residents per zone of a crosswalk, with the account of what reading or joining them meets
  /// (for the step's report): the run's one population table joined to each crosswalk it is
  /// asked for (``populationSource(_:tables:)``).
  typealias PopulationSource = (Crosswalk) throws -> (population: ZonePopulation, account: RunAccount)

  /// A child nests when at most this share of it lies outside its main parent (`catchment
  /// nesting --tolerance`'s default).
  public static let nestingTolerance = 0.001

  /// The population of `[population]`, parsed once for the run (`tables`) and joined to each
  /// crosswalk it is asked for, as the single commands read it (`--population`,
  /// `--population-id`, `--population-value`, `--where`).
  func populationSource(_ population: PopulationSpec, tables: InputTables) -> PopulationSource {
    let columns = PopulationColumns(
      id: population.id, value: population.value,
      filters: population.filter.keys.sorted().map { "\($0)=\(population.filter[$0] ?? "")" })
    return { crosswalk in
      try ZonePopulation.join(try tables.population(path: population.file.url.path, columns: columns), crosswalk: crosswalk)
    }
  }

  /// `[review] nesting`: whether each footprint of a layer lies within one footprint of the next
  /// larger layer, by residence, as `catchment nesting` computes it with the layers' crosswalks
  /// in the study's order, `--names` the layer names, the population and its default tolerance
  /// (``nestingTolerance``). Writes `nesting_<layers joined by _>.csv` (as `--output`) and
  /// `nesting_<layers joined by _>.json`, the tree (as `--tree-output`).
  ///
  /// For consecutive layers k, k+1, the weight of child c in parent p is the population living
  /// in c ∩ p (``FootprintOverlap``); see ``Nesting`` for the shares and the test.
  ///
  /// - Parameters:
  ///   - crosswalks: every layer's crosswalk by name.
  ///   - population: residents per zone; nil when the study has no `[population]` (then the
  ///     step only notes why there is no nesting).
  func nestingStep(
    crosswalks: [(name: String, crosswalk: Crosswalk)], population: PopulationSource?, state: inout ReviewRunState
  ) throws {
    let levels = study.review.nesting
    guard levels.count >= 2 else { return }
    guard let population else {
      state.report.note("nesting needs residents per zone: the study has no [population], so none is in the pack")
      return
    }
    // Every layer gives a crosswalk or stops the review, so none is missing here.
    let layers = levels.compactMap { name in crosswalks.first { $0.name == name }?.crosswalk }
    guard layers.count == levels.count else { return }
    let stem = "nesting_" + levels.joined(separator: "_")
    try state.step("nesting \(levels.joined(separator: " in "))") { report in
      var links: [[(child: String, parent: String, amount: Double)]] = []
      var roots: [String] = []
      for k in 0..<(layers.count - 1) {
        let (zones, zonesAccount) = try population(layers[k])
        report.record(zonesAccount)
        let overlap = try FootprintOverlap(a: layers[k], b: layers[k + 1], population: zones)
        report.record(overlap.account)
        links.append(Nesting.links(overlap))
        roots = overlap.bIDs
      }
      var nesting = Nesting(levels: levels, links: links, roots: roots, tolerance: Self.nestingTolerance)
      for layer in layers {
        for f in 0..<layer.footprints.count where !layer.footprintNames[f].isEmpty {
          nesting.names[layer.footprints.code(Int32(f))] = layer.footprintNames[f]
        }
      }
      let outside = nesting.nonNesting
      report.figure("children", Double(nesting.children.count))
      report.figure("children that do not nest", Double(outside.count))
      if !outside.isEmpty {
        report.note(
          "do not nest (share outside the main parent): "
            + outside.map { "\($0.id) in \($0.mainParent ?? "-") (\(numbers.ratio($0.shareOutside)))" }.joined(separator: ", "))
      }
      return [
        ReviewPack.File(name: "\(stem).csv", bytes: nesting.csv(numbers: numbers, byteOrderMark: byteOrderMark).bytes),
        ReviewPack.File(name: "\(stem).json", bytes: Array(try nesting.treeJSON()) + [0x0A]),
      ]
    }
  }
}
