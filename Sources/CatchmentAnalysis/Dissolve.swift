import CatchmentCore
import CatchmentEngine
import CatchmentGeometry

/// Footprint polygons dissolved from the zones a crosswalk puts in them.
///
/// Each zone goes to the footprint holding its largest weight (ties to the lowest id; zones
/// split between footprints are counted in the report), and each footprint's zones are unioned
/// with GEOS: first as a coverage (`GEOSCoverageUnion`, linear in the vertices, for zones that
/// share edges vertex for vertex, as ONS sets do), checked valid and of the same area as its
/// parts; otherwise by the general union (`GEOSUnaryUnion`). Footprints are done on several
/// tasks, each with its own GEOS context, results in footprint order.
public enum Dissolve {
  /// One dissolved footprint: id, name and its geometry as a GeoJSON geometry object.
  public struct Footprint: Sendable {
    public var id: String
    public var name: String
    public var zones: Int
    public var geoJSON: String
    /// The same polygons as a one-feature layer in the zones' CRS (for the geodata writers).
    public var polygons: PolygonLayer
  }

  /// The footprints of `crosswalk` (UNALLOCATED left out), in byte order of their ids, with the
  /// account of the zones not drawn.
  public static func footprints(zones: PolygonLayer, crosswalk: Crosswalk, workers: Int) throws -> (
    footprints: [Footprint], account: RunAccount
  ) {
    try CoordinateRangeError.check(zones, role: "zones")
    var account = RunAccount()
    var members: [String: [Int]] = [:]
    var split = 0
    var position: [String: Int] = [:]
    for (f, id) in zones.ids.enumerated() where position[id] == nil { position[id] = f }
    var noPolygon: [String: (rows: Int, amount: Double)] = [:]
    for z in 0..<Int32(crosswalk.zones.count) {
      let entries = crosswalk.entries(ofZone: z)
      if entries.count > 1 { split += 1 }
      guard let best = entries.max(by: { a, b in
        crosswalk.entryWeight[a] != crosswalk.entryWeight[b]
          ? crosswalk.entryWeight[a] < crosswalk.entryWeight[b]
          : crosswalk.footprints.code(crosswalk.entryFootprint[b]).utf8.lexicographicallyPrecedes(crosswalk.footprints.code(crosswalk.entryFootprint[a]).utf8)
      }) else { continue }
      let footprint = crosswalk.footprints.code(crosswalk.entryFootprint[best])
      guard footprint != Crosswalk.unallocated else { continue }
      guard let feature = position[crosswalk.zones.code(z)] else {
        noPolygon[crosswalk.zones.code(z)] = (1, 1)
        continue
      }
      members[footprint, default: []].append(feature)
    }
    account.lose(Tally(reason: "zones of the crosswalk without a polygon (left out of the dissolved footprints)", unit: "zones", destination: "not drawn", byCode: noPolygon))
    // Polygons of zones outside the crosswalk are outside the study (a national boundary set
    // drawn for a regional proposal), as population rows are; other codes cannot be its zones.
    var notInCrosswalk: [String: (rows: Int, amount: Double)] = [:]
    var outside: [ZoneCodeKind: [String: (rows: Int, amount: Double)]] = [:]
    let classifier = ZoneCodeClassifier(entity: crosswalk.zoneLookup.entity)
    for id in position.keys where crosswalk.zones.find(id) == nil {
      switch classifier.classify(id) {
      case .sameEntity, .otherNation: outside[classifier.classify(id), default: [:]][id] = (1, 1)
      default: notInCrosswalk[id] = (1, 1)
      }
    }
    account.lose(Tally(reason: "polygons of zones the crosswalk does not have (left out of the dissolved footprints)", unit: "zones", destination: "not drawn", byCode: notInCrosswalk))
    account.exclude(Tally(reason: "polygons of zones outside the crosswalk (outside the study area)", unit: "zones", destination: "not drawn", byCode: outside[.sameEntity] ?? [:]))
    account.exclude(Tally(reason: "polygons of zones in another nation", unit: "zones", destination: "not drawn", byCode: outside[.otherNation] ?? [:]))
    if split > 0 { account.note("\(split) zones are split between footprints and were drawn in the footprint holding most of each") }
    let ids = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var names: [String: String] = [:]
    for f in 0..<Int32(crosswalk.footprints.count) { names[crosswalk.footprints.code(f)] = crosswalk.footprintNames[Int(f)] }
    let groups = ids.map { members[$0]! }
    let footprintNames = ids.map { names[$0] ?? "" }
    let results: [(geoJSON: String, general: Bool, polygons: PolygonLayer)] = try ParallelChunks.map(
      count: ids.count, workers: workers, makeState: { GEOSContext() }
    ) { context, k in
      let dissolved = try union(of: groups[k], in: zones, context: context)
      var polygons = PolygonLayer(crs: zones.crs)
      try dissolved.geometry.handle.appendPolygons(to: &polygons)
      polygons.endFeature(id: ids[k], name: footprintNames[k])
      return (try dissolved.geometry.handle.geoJSON(), dissolved.usedGeneralUnion, polygons)
    }
    let fallbacks = ids.indices.filter { results[$0].general }.map { ids[$0] }
    if !fallbacks.isEmpty {
      account.note("\(fallbacks.count) footprints' zones do not form a clean coverage and were dissolved by the general union", codes: fallbacks)
    }
    return (ids.indices.map {
      Footprint(id: ids[$0], name: names[ids[$0]] ?? "", zones: groups[$0].count, geoJSON: results[$0].geoJSON, polygons: results[$0].polygons)
    }, account)
  }

  /// The union of the features, by coverage union when that gives a valid polygon of the right area.
  public static func union(of features: [Int], in zones: PolygonLayer, context: GEOSContext) throws -> (geometry: Geometry, usedGeneralUnion: Bool) {
    var parts: [Geometry] = []
    var area = 0.0
    for f in features {
      guard var g = try Geometry.polygonal(feature: f, of: zones, in: context) else { continue }
      if !g.isValid { g = try g.madeValidPolygonal() }
      area += try g.area()
      parts.append(g)
    }
    if let coverage = try? Geometry(GeometryHandle(coverageUnionOf: parts, in: context)), coverage.isValid,
      let covered = try? coverage.area(), abs(covered - area) <= 1e-9 * max(area, 1e-300)
    {
      return (coverage, false)
    }
    return (Geometry(try GeometryHandle(unionOf: parts, in: context)), true)
  }
}
