import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs

/// The polygons of a lookup's split (`--split-by area`, and complex zones under any split):
/// --zones are the crosswalk's zones (the lookup's source side after --lookup-direction),
/// --footprints their targets.
extension CrosswalkCommand {
  /// True when both layers are given: complex (X) zones are then weighed by area.
  var hasSplitPolygons: Bool {
    !geometry.zones.isEmpty && geometry.zoneID != nil && !geometry.footprints.isEmpty && geometry.footprintID != nil
  }

  /// Refuses an area split without both layers, and target polygons with no split to use them.
  func validateSplitPolygons() throws {
    if lookup.split.splitBy == .area && !hasSplitPolygons {
      throw ValidationError(
        "--split-by area needs --zones PATH... --zone-id FIELD (the crosswalk's zones) and --footprints PATH... --footprint-id FIELD (their targets)")
    }
    if !geometry.footprints.isEmpty && lookup.split.splitBy == nil {
      throw ValidationError("--footprints with --method lookup are the targets' polygons of a split: add --split-by population|area|equal, or leave them out")
    }
  }

  /// Reads the split's polygons (zones left in their own CRS, targets in the working CRS) through
  /// `reads`, their readers' account recorded in `report`; nil without both layers or without a split.
  func splitPolygons(report: RunReport, reads: BoundaryReads) -> (() throws -> SplitPolygons)? {
    guard lookup.split.splitBy != nil, hasSplitPolygons else { return nil }
    return {
      var inputs = geometry.inputs
      inputs.reads = reads
      let loaded = try inputs.loadLeavingZonesUnprojected()
      report.record(loaded.account)
      return SplitPolygons(zones: loaded.zones, projectZones: loaded.projectZones, targets: loaded.footprints, workers: geometry.workers)
    }
  }
}
