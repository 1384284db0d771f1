import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import Foundation

extension ReviewRun {
  /// One `[[proposals]]` entry: its zone crosswalk (`crosswalk_proposal_<name>.csv`, as
  /// `catchment propose` writes it from the blocks layer's crosswalk) and, when `[zones]` is
  /// given, its footprints dissolved from the zone polygons (`proposal_<name>.geojson`, as
  /// `propose --dissolve-output`).
  ///
  /// - Parameters:
  ///   - number: the entry's place in the file, from 1 (its key path `proposals[n]`).
  ///   - blocks: the crosswalk of the layer whose footprints are the blocks.
  /// - Returns: the proposal's zone crosswalk.
  func proposalSteps(_ proposal: ProposalSpec, number: Int, blocks: Crosswalk, state: inout ReviewRunState) throws -> Crosswalk? {
    var assign = ReviewPack.Input(key: "proposals[\(number)].assign", path: proposal.assign)
    defer { state.inputs.append(assign) }
    let zones = study.zones
    let reads = state.boundaries
    var drawn: Crosswalk?
    try state.step("proposal \(proposal.name)") { report in
      let mapping = try BlockMapping.read(
        path: proposal.assign.url.path, block: proposal.blockColumn, footprint: proposal.footprintColumn,
        name: proposal.footprintNameColumn, weight: proposal.weightColumn)
      assign.rowsRead = mapping.rowsRead
      let (crosswalk, account) = try mapping.crosswalk(base: blocks)
      report.record(account)
      report.figure("proposed footprints", Double(crosswalk.realFootprintCodes.count))
      drawn = crosswalk
      var files = [ReviewPack.File(name: "crosswalk_proposal_\(proposal.name).csv", bytes: crosswalk.csv(byteOrderMark: byteOrderMark).bytes)]
      if let zones {
        // The zone polygons the polygon layers read, when they read them.
        let drawing = try FootprintDrawing.dissolve(
          zonePaths: [zones.path.url.path], idField: zones.id, crosswalk: crosswalk,
          workers: ProcessInfo.processInfo.activeProcessorCount, reads: reads)
        report.record(drawing.account)
        files.append(ReviewPack.File(name: "proposal_\(proposal.name).geojson", bytes: Array(drawing.geoJSON.utf8)))
      }
      return files
    }
    return drawn
  }
}
