import CatchmentCore

/// Practices placed with the zone where most of their patients live, for a scenario whose
/// practice map has no column (a proposal).
extension UnitFootprintMap {
  /// Each practice (unit) of `counts` goes to the footprint holding the largest share of the
  /// zone where most of its patients live (ties: the lower zone index, then the first entry of
  /// largest weight); a practice with no patients in a zone of `crosswalk`, or whose zone is
  /// UNALLOCATED, has no footprint.
  public static func byMostPatients(counts: UnitZoneCounts, crosswalk: Crosswalk) -> UnitFootprintMap {
    var best: [Int32: (zone: Int32, patients: Double)] = [:]
    var byUnitZone: [Int64: Double] = [:]
    for k in counts.rowUnit.indices where counts.rowZone[k] >= 0 {
      let key = Int64(counts.rowUnit[k]) << 32 | Int64(counts.rowZone[k])
      byUnitZone[key, default: 0] += counts.rowCount[k]
    }
    for (key, patients) in byUnitZone.sorted(by: { $0.key < $1.key }) {
      let unit = Int32(key >> 32), zone = Int32(key & 0xFFFF_FFFF)
      if best[unit] == nil || patients > best[unit]!.patients { best[unit] = (zone, patients) }
    }
    var placements: [(unit: String, footprint: String?)] = []
    for unit in 0..<Int32(counts.units.count) {
      guard let zone = best[unit]?.zone else {
        placements.append((counts.units.code(unit), nil))
        continue
      }
      let entries = crosswalk.entries(ofZone: zone)
      let top = entries.max { crosswalk.entryWeight[$0] < crosswalk.entryWeight[$1] }!
      let footprint = crosswalk.footprints.code(crosswalk.entryFootprint[top])
      placements.append((counts.units.code(unit), footprint == Crosswalk.unallocated ? nil : footprint))
    }
    var names: [String: String] = [:]
    for f in 0..<Int32(crosswalk.footprints.count) { names[crosswalk.footprints.code(f)] = crosswalk.footprintNames[Int(f)] }
    return UnitFootprintMap(placements: placements, footprints: crosswalk.realFootprintCodes, footprintNames: names, source: "the zone most of the practice's patients live in")
  }
}
