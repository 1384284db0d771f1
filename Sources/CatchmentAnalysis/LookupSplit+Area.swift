import CatchmentCore
import CatchmentGeometry

extension LookupSplit {
  /// The area of each piece a ∩ b, in m² of the working CRS, for the zones `zones` (indices into
  /// `links.zones`) and their lookup targets only: one value per target of
  /// ``CatchmentCore/LookupLinks/targets(ofZone:)``, 0 where they do not meet; a zone without a
  /// polygon has none. Empty without polygons.
  ///
  /// The measuring is the area method's (``SpatialCrosswalk/area(zones:projectZones:footprints:basis:minWeight:workers:)``)
  /// run on those zones against those targets: its weights under the covered basis are the
  /// pieces' areas over one denominator per zone, so their ratios are the ratios of the areas,
  /// which is all a split within the zone's targets needs. Its notes and warnings (PROJ's
  /// choice, repaired geometry) go in `account`; its tallies do not, since a zone that meets
  /// none of its targets falls back and is reported by the split.
  func measuredAreas(_ links: LookupLinks, zones: [Int], account: inout RunAccount) throws -> [Int: [Double]] {
    guard let polygons, !zones.isEmpty else { return [:] }
    var wanted = Set<String>()
    var targets = Set<String>()
    for z in zones {
      wanted.insert(links.zones[z])
      targets.formUnion(links.targets(ofZone: z))
    }
    var seen = Set<String>()
    let zoneFeatures = polygons.zones.ids.indices.filter { wanted.contains(polygons.zones.ids[$0]) && seen.insert(polygons.zones.ids[$0]).inserted }
    let targetFeatures = polygons.targets.ids.indices.filter { targets.contains(polygons.targets.ids[$0]) }
    account.figure("lookup zones measured for the area split", Double(zoneFeatures.count))
    guard !zoneFeatures.isEmpty, !targetFeatures.isEmpty else { return [:] }
    let measured = try SpatialCrosswalk.area(
      zones: polygons.zones.subset(zoneFeatures), projectZones: polygons.projectZones, footprints: polygons.targets.subset(targetFeatures),
      basis: .covered, minWeight: nil, workers: polygons.workers)
    for entry in measured.account.entries {
      switch entry {
      case .note, .warning: account.append(entry)
      default: break
      }
    }
    let weights = measured.crosswalk.weightsByZone()
    var areas: [Int: [Double]] = [:]
    for z in zones {
      guard let pieces = weights[links.zones[z]] else { continue }
      areas[z] = links.targets(ofZone: z).map { pieces[$0] ?? 0 }
    }
    return areas
  }
}
