import CatchmentCore
import CatchmentEngine
import CatchmentGeometry

/// Footprint polygons dissolved from the zones a crosswalk puts in them.
///
/// Each zone goes to the footprint holding its largest weight (ties to the lowest id; zones
/// split between footprints are counted in the report). Each footprint's zones are unioned with
/// GEOS: first as a coverage (`GEOSCoverageUnion`, linear in the vertices, for zones that share
/// edges vertex for vertex, as ONS sets do), rebuilt by a zero buffer when the result touches
/// itself, and checked valid and of the same area as its parts; otherwise (GEOS finds the zones
/// not noded alike, or the area differs) by the general union (`GEOSUnaryUnion`), which the
/// report notes. The zones are first prepared once (``DissolveZones``: near vertices merged,
/// invalid zones made valid), for every layer dissolved from them.
/// Footprints are done on several tasks, each with its own GEOS context, results in footprint
/// order.
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
    let prepared = try DissolveZones(zones, workers: workers)
    let drawn = try footprints(zones: prepared, crosswalk: crosswalk, workers: workers)
    var account = prepared.account
    account.append(contentsOf: drawn.account)
    return (drawn.footprints, account)
  }

  /// The footprints of `crosswalk` from zones prepared once (``DissolveZones``) for several
  /// layers. The preparation's own notes are in `prepared.account`, for the caller to record
  /// once.
  public static func footprints(zones prepared: DissolveZones, crosswalk: Crosswalk, workers: Int) throws -> (
    footprints: [Footprint], account: RunAccount
  ) {
    let zones = prepared.layer
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
    let drawn: [(geoJSON: String, how: UnionMethod, polygons: PolygonLayer)] = try ParallelChunks.map(
      count: ids.count, workers: workers, makeState: { GEOSContext() }
    ) { context, k in
      let dissolved = try union(of: groups[k], in: zones, context: context, zonesAreValid: true)
      var polygons = PolygonLayer(crs: zones.crs)
      try dissolved.geometry.handle.appendPolygons(to: &polygons)
      polygons.endFeature(id: ids[k], name: footprintNames[k])
      return (try dissolved.geometry.handle.geoJSON(), dissolved.method, polygons)
    }
    let rebuilt = ids.indices.filter { drawn[$0].how == .coverageRebuilt }.map { ids[$0] }
    if !rebuilt.isEmpty {
      account.note("\(rebuilt.count) footprints' coverage unions touched themselves and were rebuilt by a zero buffer", codes: rebuilt)
    }
    let fallbacks = ids.indices.filter { drawn[$0].how == .general }.map { ids[$0] }
    if !fallbacks.isEmpty {
      account.note("\(fallbacks.count) footprints' zones do not form a clean coverage and were dissolved by the general union", codes: fallbacks)
    }
    return (ids.indices.map {
      Footprint(id: ids[$0], name: names[ids[$0]] ?? "", zones: groups[$0].count, geoJSON: drawn[$0].geoJSON, polygons: drawn[$0].polygons)
    }, account)
  }

  /// How a footprint's zones were unioned.
  public enum UnionMethod: Sendable {
    /// `GEOSCoverageUnion`, valid as it came.
    case coverage
    /// `GEOSCoverageUnion`, then a zero buffer because the result touched itself.
    case coverageRebuilt
    /// `GEOSUnaryUnion`, because the zones are not a clean coverage.
    case general
  }

  /// The union of the features: by coverage union when that gives a valid polygon of the
  /// right area (``coverageUnion(of:in:context:)``), else by the general union.
  /// `zonesAreValid` skips the validity check of each zone (for ``DissolveZones``).
  public static func union(of features: [Int], in zones: PolygonLayer, context: GEOSContext, zonesAreValid: Bool = false) throws
    -> (geometry: Geometry, method: UnionMethod)
  {
    let parts = try validParts(features, zones, context, checked: !zonesAreValid)
    if let coverage = coverageUnion(parts.geometries, area: parts.area, context: context) { return coverage }
    return (Geometry(try GeometryHandle(unionOf: parts.geometries, in: context)), .general)
  }

  /// The coverage union of the features when GEOS takes them as a coverage and the result is
  /// a valid polygon of the same area as its parts (after a zero buffer if it touched itself);
  /// nil otherwise.
  public static func coverageUnion(of features: [Int], in zones: PolygonLayer, context: GEOSContext) throws
    -> (geometry: Geometry, method: UnionMethod)?
  {
    let parts = try validParts(features, zones, context)
    return coverageUnion(parts.geometries, area: parts.area, context: context)
  }

  /// The features as valid GEOS geometries (invalid ones made valid) and their total area.
  static func validParts(_ features: [Int], _ zones: PolygonLayer, _ context: GEOSContext, checked: Bool = true) throws -> (
    geometries: [Geometry], area: Double
  ) {
    var parts: [Geometry] = []
    var area = 0.0
    for f in features {
      guard var g = try Geometry.polygonal(feature: f, of: zones, in: context) else { continue }
      if checked && !g.isValid { g = try g.madeValidPolygonal() }
      area += try g.area()
      parts.append(g)
    }
    return (parts, area)
  }

  static func coverageUnion(_ parts: [Geometry], area: Double, context: GEOSContext) -> (geometry: Geometry, method: UnionMethod)? {
    guard var coverage = try? GeometryHandle(coverageUnionOf: parts, in: context) else { return nil }
    // A footprint whose boundary touches itself at a point can come out of the coverage union
    // as one self-intersecting ring; the zero buffer re-forms it, and the area check below
    // still guards it.
    var method = UnionMethod.coverage
    if !coverage.isValid, let rebuilt = try? coverage.bufferedByZero() {
      coverage = rebuilt
      method = .coverageRebuilt
    }
    guard coverage.isValid, let covered = try? coverage.area(), abs(covered - area) <= 1e-9 * max(area, 1e-300) else { return nil }
    return (Geometry(coverage), method)
  }
}
