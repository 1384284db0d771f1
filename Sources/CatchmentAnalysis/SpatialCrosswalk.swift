import CatchmentCore
import CatchmentEngine
import CatchmentGeometry
import CatchmentTables
import Dispatch
import Foundation

/// How area weights are normalised (`--area-basis`).
public enum AreaBasis: String, Sendable, CaseIterable {
  /// w(z,f) = area(z ∩ f) ÷ Σf′ area(z ∩ f′): the part of the zone covered by footprints is
  /// shared out in full, as tobler's `area_interpolate(allocate_total=True)`.
  case covered
  /// w(z,f) = area(z ∩ f) ÷ area(z): the part of the zone outside every footprint stays
  /// UNALLOCATED.
  case zone
}

/// Crosswalks from geometry: best fit and area weighting.
///
/// Both take zone and footprint layers already in one projected working CRS (metres), run on
/// several tasks at once, each with its own GEOS context and its own copy of the footprint
/// geometries (GEOS handles are not shared between threads), and merge the per-zone results
/// in zone order, so the output never depends on scheduling.
public enum SpatialCrosswalk {
  /// The footprints of one task: GEOS geometries, prepared, with a shared envelope index.
  final class FootprintSet {
    let context = GEOSContext()
    var geometries: [Geometry?] = []
    var prepared: [PreparedGeometry?] = []
    var repaired = 0

    init(_ layer: PolygonLayer) throws {
      for f in 0..<layer.count {
        try FeatureGeometryError.naming("preparing footprints", zone: nil, of: nil, footprint: { f }, of: layer) {
          guard var g = try Geometry.polygonal(feature: f, of: layer, in: context) else {
            geometries.append(nil)
            prepared.append(nil)
            return
          }
          if !g.isValid {
            g = try g.madeValidPolygonal()
            repaired += 1
          }
          geometries.append(g)
          prepared.append(try PreparedGeometry(g))
        }
      }
    }

    /// The footprints' prepared union when they tile without overlap (``FootprintCoverage``),
    /// built on first use.
    lazy var coverage: PreparedGeometry? = FootprintCoverage.prepared(of: geometries.compactMap { $0 }, in: context)
  }

  /// Envelopes of every feature of `layer`, computed from its coordinates.
  static func envelopes(_ layer: PolygonLayer) -> [Envelope] {
    (0..<layer.count).map { f in
      var e = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
      for p in layer.polygons(ofFeature: f) {
        for r in layer.rings(ofPolygon: p) {
          for i in layer.points(ofRing: r) {
            e.minX = min(e.minX, layer.xs[i])
            e.maxX = max(e.maxX, layer.xs[i])
            e.minY = min(e.minY, layer.ys[i])
            e.maxY = max(e.maxY, layer.ys[i])
          }
        }
      }
      return e
    }
  }

  // MARK: Best fit

  /// The outcome for one zone.
  struct Placement {
    var footprint: Int  // −1: unallocated
    var distance: Double  // NaN when the point lay in a footprint
    var usedPointOnSurface: Bool
    var repaired = false  // the zone's geometry was invalid and repaired
  }

  /// Best fit (ONS method): each zone goes wholly to the footprint containing its point.
  ///
  /// The point is the zone's population-weighted centroid from `centroids` (by zone id), or,
  /// for zones without one, a point guaranteed inside the zone (GEOS PointOnSurface). A point
  /// on a boundary shared by several footprints goes to the footprint whose id comes first in
  /// byte order. A point outside every footprint goes to the nearest footprint within
  /// `snapDistance` metres (its distance is written to `distance_m`); beyond that the zone is
  /// UNALLOCATED, a loss.
  public static func bestFit(
    zones: PolygonLayer, centroids: PointLayer?, footprints: PolygonLayer, snapDistance: Double, workers: Int
  ) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    try CoordinateRangeError.check(zones, role: "zones")
    try CoordinateRangeError.check(footprints, role: "footprints")
    let footprintEnvelopes = envelopes(footprints)
    let index = EnvelopeIndex(footprintEnvelopes)
    var centroidPositions: [String: Int] = [:]
    if let centroids { for (i, id) in centroids.ids.enumerated() where centroidPositions[id] == nil { centroidPositions[id] = i } }
    let centroidIndex = centroidPositions
    let firstOfID = firstFeatures(zones)
    // Candidates are tried in footprint-id byte order so that ties go to the lowest id.
    let idRank = ranks(footprints.ids)
    let flat: [Placement] = try ParallelChunks.map(count: zones.count, workers: workers, makeState: { try FootprintSet(footprints) }) {
      set, z in
      var current: Int?
      return try FeatureGeometryError.naming("best fit", zone: z, of: zones, footprint: { current }, of: footprints) {
        var point: (x: Double, y: Double)
        var onSurface = false
        var repairedZone = false
        if let c = centroidIndex[zones.ids[z]], let centroids {
          point = (centroids.xs[c], centroids.ys[c])
        } else {
          onSurface = true
          guard var g = try Geometry.polygonal(feature: z, of: zones, in: set.context) else {
            return Placement(footprint: -1, distance: .nan, usedPointOnSurface: false)
          }
          if !g.isValid {
            g = try g.madeValidPolygonal()
            repairedZone = true
          }
          point = try g.pointOnSurface()
        }
        let probe = Envelope(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
        var best = -1
        for f in index.query(probe) {
          current = f
          guard let prepared = set.prepared[f], try prepared.covers(x: point.x, y: point.y) else { continue }
          if best < 0 || idRank[f] < idRank[best] { best = f }
        }
        if best >= 0 { return Placement(footprint: best, distance: .nan, usedPointOnSurface: onSurface, repaired: repairedZone) }
        // Outside every footprint: the nearest within the snap distance.
        let target = try Geometry.point(x: point.x, y: point.y, in: set.context)
        var nearest = -1
        var nearestDistance = Double.infinity
        for (f, lowerBound) in index.byEnvelopeDistance(from: probe) {
          if lowerBound > min(nearestDistance, snapDistance) { break }
          guard let g = set.geometries[f] else { continue }
          current = f
          let d = try g.distance(to: target)
          if d < nearestDistance || (d == nearestDistance && idRank[f] < idRank[nearest]) {
            nearest = f
            nearestDistance = d
          }
        }
        let placed = nearest >= 0 && nearestDistance <= snapDistance
        return Placement(footprint: placed ? nearest : -1, distance: nearestDistance, usedPointOnSurface: onSurface, repaired: repairedZone)
      }
    }

    var builder = CrosswalkBuilder(source: "")
    for (f, name) in footprints.names.enumerated() where !name.isEmpty { builder.name(footprint: footprints.ids[f], name) }
    var snapped: [String: Double] = [:]
    var unplaced: [String: (rows: Int, amount: Double)] = [:]
    var noGeometry: [String: (rows: Int, amount: Double)] = [:]
    var onSurface = 0
    for z in 0..<zones.count where firstOfID[z] {
      let p = flat[z]
      if p.usedPointOnSurface { onSurface += 1 }
      if p.footprint >= 0 {
        builder.add(zone: zones.ids[z], footprint: footprints.ids[p.footprint], weight: 1)
        if !p.distance.isNaN {
          builder.setDistance(zone: zones.ids[z], metres: p.distance)
          snapped[zones.ids[z]] = (p.distance * 100).rounded() / 100  // centimetres, as in distance_m
        }
      } else if p.distance.isNaN {
        builder.add(zone: zones.ids[z], footprint: nil, weight: 0)
        noGeometry[zones.ids[z]] = (1, 1)
      } else {
        builder.add(zone: zones.ids[z], footprint: nil, weight: 0)
        unplaced[zones.ids[z]] = (1, p.distance.isFinite ? p.distance : 0)
      }
    }
    var account = RunAccount()
    if onSurface > 0 {
      account.note(
        centroids == nil
          ? "no centroids given: each zone was placed by a point inside it (GEOS PointOnSurface), not by its population-weighted centroid"
          : "\(onSurface) zones have no centroid in the centroid file and were placed by a point inside them (GEOS PointOnSurface)")
    }
    account.place(RulePlacement(rule: "zones whose point lay outside every footprint, placed in the nearest footprint within \(NumberFormat.csv(snapDistance)) m", unit: "metres", byCode: snapped))
    account.lose(Tally(reason: "zones whose point lay farther than \(NumberFormat.csv(snapDistance)) m from every footprint (amount: metres to the nearest)", unit: "metres", destination: Crosswalk.unallocated, byCode: unplaced))
    account.lose(Tally(reason: "zones with neither a geometry nor a centroid", unit: "zones", destination: Crosswalk.unallocated, byCode: noGeometry))
    account.figure("zones placed", Double(flat.indices.filter { firstOfID[$0] && flat[$0].footprint >= 0 }.count))
    account.append(contentsOf: try reportRepairs(zones: flat.indices.filter { flat[$0].repaired }.map { zones.ids[$0] }, footprints: footprints))
    return (try builder.build(method: "best-fit"), account)
  }

  // MARK: Points

  /// The footprint containing each point (on a shared edge, the lowest id), or nil when the
  /// point lies outside every footprint. Points and footprints in the same projected CRS.
  public static func locate(points: PointLayer, footprints: PolygonLayer, workers: Int) throws -> [Int?] {
    try CoordinateRangeError.check(footprints, role: "footprints")
    let index = EnvelopeIndex(envelopes(footprints))
    let idRank = ranks(footprints.ids)
    return try ParallelChunks.map(count: points.count, workers: workers, makeState: { try FootprintSet(footprints) }) {
      set, i -> Int? in
      let x = points.xs[i], y = points.ys[i]
      var best: Int?
      for f in index.query(Envelope(minX: x, minY: y, maxX: x, maxY: y)) {
        guard let prepared = set.prepared[f], try prepared.covers(x: x, y: y) else { continue }
        if best == nil || idRank[f] < idRank[best!] { best = f }
      }
      return best
    }
  }

  // MARK: Area

  /// Area weighting: w(z,f) = area(z ∩ f) ÷ basis (see ``AreaBasis``), in m² of the working
  /// CRS. `minWeight` drops slivers below it and shares their weight out again over the zone's
  /// remaining footprints, in proportion.
  ///
  /// Work is spent only where a zone meets a footprint boundary:
  /// 1. each zone's box in the working CRS (``ProjectedBoxes``, from its envelope, without
  ///    transforming its vertices) is tested against the footprints: a box covered by one
  ///    footprint and meeting no other puts the zone wholly in that footprint, weight 1 under
  ///    either basis (about four LSOAs in five against CCGs);
  /// 2. the other zones alone are brought into the working CRS (`projectZones`), checked
  ///    (invalid ones repaired with GEOS MakeValid and reported) and measured: a zone wholly
  ///    inside a footprint (prepared containsProperly) still never pays for an intersection, and
  ///    footprints are cut down to the zone's surroundings before intersecting, exactly
  ///    (``Geometry/intersection(_:near:)``).
  ///
  /// - Parameters:
  ///   - zones: the zones, in their source CRS when `projectZones` is given, else in the
  ///     working CRS.
  ///   - projectZones: brings x/y arrays from the zones' CRS into the working CRS, in place, returning its account (PROJ's choice);
  ///     nil when they are already there.
  ///   - footprints: the footprints, in the working CRS.
  public static func area(
    zones: PolygonLayer, projectZones: ((inout [Double], inout [Double]) throws -> RunAccount)? = nil, footprints: PolygonLayer,
    basis: AreaBasis, minWeight: Double?, workers: Int
  ) throws -> (crosswalk: Crosswalk, account: RunAccount) {
    try CoordinateRangeError.check(zones, role: "zones")
    try CoordinateRangeError.check(footprints, role: "footprints")
    let footprintEnvelopes = envelopes(footprints)
    let index = EnvelopeIndex(footprintEnvelopes)
    let firstOfID = firstFeatures(zones)
    /// Areas of one zone and of its pieces. For a zone placed by its box alone the areas are in
    /// units of the zone's own area (zone 1, its one piece 1), which gives the same weights.
    struct ZoneAreas {
      var zoneArea: Double
      var parts: [(footprint: Int, area: Double)]
      var repaired = false
    }

    // 1. Zones placed wholly by their box.
    var account = RunAccount()
    let boxes = try ProjectedBoxes.boxes(of: envelopes(zones)) { xs, ys in
      if let projectZones { account.append(contentsOf: try projectZones(&xs, &ys)) }
    }
    let boxFootprint: [Int] = try ParallelChunks.map(count: zones.count, workers: workers, makeState: { try FootprintSet(footprints) }) {
      set, z -> Int in
      guard let box = boxes[z] else { return -1 }
      var current: Int?
      return try FeatureGeometryError.naming("area crosswalk (zone boxes)", zone: z, of: zones, footprint: { current }, of: footprints) {
        let rectangle = Geometry(try GeometryHandle(rectangle: box, in: set.context))
        var inside = -1
        for f in index.query(box) {
          current = f
          guard let prepared = set.prepared[f], try prepared.intersects(rectangle) else { continue }
          guard inside < 0, try prepared.covers(rectangle) else { return -1 }
          inside = f
        }
        return inside
      }
    }
    let measured = (0..<zones.count).filter { boxFootprint[$0] < 0 }
    account.figure("zones placed wholly in one footprint by their box (vertices not reprojected)", Double(zones.count - measured.count))

    // 2. The rest, reprojected and measured.
    var straddling = zones.subset(measured)
    if let projectZones {
      account.append(contentsOf: try projectZones(&straddling.xs, &straddling.ys))
      try CoordinateRangeError.check(straddling, role: "zones (in the working CRS)")
    }
    let measuredAreas: [ZoneAreas] = try ParallelChunks.map(count: straddling.count, workers: workers, makeState: { try FootprintSet(footprints) }) {
      [straddling] set, z in
      var current: Int?
      return try FeatureGeometryError.naming("area crosswalk", zone: z, of: straddling, footprint: { current }, of: footprints) {
        guard var g = try Geometry.polygonal(feature: z, of: straddling, in: set.context) else {
          return ZoneAreas(zoneArea: 0, parts: [])
        }
        var repaired = false
        if !g.isValid {
          g = try g.madeValidPolygonal()
          repaired = true
        }
        let zoneArea = try g.area()
        let envelope = g.envelope()
        // Footprints the zone meets, and those that contain it whole (no intersection needed;
        // there can be several where footprints overlap).
        var meeting: [Int] = []
        var containing: [Int] = []
        for f in index.query(envelope) {
          guard let prepared = set.prepared[f] else { continue }
          current = f
          if try prepared.containsProperly(g) {
            containing.append(f)
            meeting.append(f)
          } else if try prepared.intersects(g) {
            meeting.append(f)
          }
        }
        // Inside a coverage, the piece of the footprint holding the envelope's centre (usually
        // the largest) is what the others leave, provided that is a sizeable part of the zone.
        var last: Int?
        current = nil
        if meeting.count >= 2 && containing.isEmpty, let coverage = set.coverage, try coverage.covers(g) {
          let cx = (envelope.minX + envelope.maxX) / 2, cy = (envelope.minY + envelope.maxY) / 2
          last = try meeting.first { try set.prepared[$0]!.covers(x: cx, y: cy) } ?? meeting.last
        }
        var parts: [(Int, Double)] = []
        var measured = 0.0
        for f in meeting where f != last {
          current = f
          let a = containing.contains(f) ? zoneArea : try set.geometries[f]!.intersection(g, near: envelope).area()
          measured += a
          if a > 0 { parts.append((f, a)) }
        }
        if let last {
          current = last
          let rest = zoneArea - measured
          let a = rest >= 1e-3 * zoneArea ? rest : try set.geometries[last]!.intersection(g, near: envelope).area()
          if a > 0 { parts.append((last, a)) }
          // In footprint order, as without the shortcut.
          parts.sort { meeting.firstIndex(of: $0.0)! < meeting.firstIndex(of: $1.0)! }
        }
        return ZoneAreas(zoneArea: zoneArea, parts: parts, repaired: repaired)
      }
    }
    var flat = boxFootprint.map { ZoneAreas(zoneArea: 1, parts: $0 < 0 ? [] : [($0, 1)]) }
    for (k, z) in measured.enumerated() { flat[z] = measuredAreas[k] }

    var builder = CrosswalkBuilder(source: "")
    for (f, name) in footprints.names.enumerated() where !name.isEmpty { builder.name(footprint: footprints.ids[f], name) }
    var outside: [String: (rows: Int, amount: Double)] = [:]
    var noArea: [String: (rows: Int, amount: Double)] = [:]
    var overlapArea = 0.0
    var overlapZones = 0
    var dropped = 0
    var droppedWeight = 0.0
    var uncovered = 0.0
    for z in 0..<zones.count where firstOfID[z] {
      let r = flat[z]
      var covered = 0.0
      for part in r.parts { covered += part.area }
      guard covered > 0 else {
        builder.add(zone: zones.ids[z], footprint: nil, weight: 0)
        if r.zoneArea > 0 { outside[zones.ids[z]] = (1, r.zoneArea) } else { noArea[zones.ids[z]] = (1, 1) }
        continue
      }
      // Footprints that overlap each other cover some of the zone twice.
      if covered > r.zoneArea * (1 + 1e-9) {
        overlapArea += covered - r.zoneArea
        overlapZones += 1
      }
      let denominator = basis == .covered || covered > r.zoneArea ? covered : r.zoneArea
      var weights = r.parts.map { (footprint: $0.footprint, weight: $0.area / denominator) }
      if basis == .zone { uncovered += max(0, r.zoneArea - covered) }
      if let minWeight {
        let before = weights.reduce(0.0) { $0 + $1.weight }
        let kept = weights.filter { $0.weight >= minWeight }
        if kept.count < weights.count && !kept.isEmpty {
          dropped += weights.count - kept.count
          droppedWeight += weights.filter { $0.weight < minWeight }.reduce(0.0) { $0 + $1.weight }
          let after = kept.reduce(0.0) { $0 + $1.weight }
          weights = kept.map { (footprint: $0.footprint, weight: $0.weight * before / after) }
        }
      }
      for w in weights { builder.add(zone: zones.ids[z], footprint: footprints.ids[w.footprint], weight: w.weight) }
    }
    account.lose(Tally(reason: "zones outside every footprint (amount: zone area, m²)", unit: "m²", destination: Crosswalk.unallocated, byCode: outside))
    account.lose(Tally(reason: "zones with no geometry or no area", unit: "zones", destination: Crosswalk.unallocated, byCode: noArea))
    account.append(contentsOf: try reportRepairs(zones: flat.indices.filter { flat[$0].repaired }.map { zones.ids[$0] }, footprints: footprints))
    if overlapZones > 0 {
      account.warn(
        "footprints overlap each other: \(overlapZones) zones are covered more than once, by at least \(NumberFormat.csv((overlapArea / 1e6 * 1000).rounded() / 1000)) km² in all; their weights are shared by covered area")
    }
    if dropped > 0 {
      account.note("the minimum weight dropped \(dropped) sliver links holding \(NumberFormat.csv((droppedWeight * 1e6).rounded() / 1e6)) zone-weight in all, and shared it out over the zones' other footprints")
    }
    if basis == .zone && uncovered > 0 {
      account.note("area basis zone: \(NumberFormat.csv((uncovered / 1e6 * 1000).rounded() / 1000)) km² of zones lie outside every footprint and are UNALLOCATED")
    }
    return (try builder.build(method: "area"), account)
  }

  // MARK: Helpers

  /// Reports the zones and footprints whose geometry was invalid (self-intersections, bad
  /// rings) and was repaired with GEOS MakeValid, keeping polygonal parts: never dropped.
  static func reportRepairs(zones: [String], footprints: PolygonLayer) throws -> RunAccount {
    var account = RunAccount()
    let context = GEOSContext()
    var repairedFootprints: [String] = []
    for f in 0..<footprints.count {
      if let g = try Geometry.polygonal(feature: f, of: footprints, in: context), !g.isValid { repairedFootprints.append(footprints.ids[f]) }
    }
    for (what, ids) in [("zones", zones), ("footprints", repairedFootprints)] where !ids.isEmpty {
      account.note("\(ids.count) \(what) had invalid geometry, repaired with GEOS MakeValid (polygonal parts kept)", codes: ids)
    }
    return account
  }

  /// True for the first feature of each id; later ones are duplicates (reported by the reader).
  static func firstFeatures(_ layer: PolygonLayer) -> [Bool] {
    var seen = Set<String>()
    return layer.ids.map { seen.insert($0).inserted }
  }

  /// The position of each id in byte order (ties broken by feature order).
  static func ranks(_ ids: [String]) -> [Int] {
    let order = ids.indices.sorted { a, b in
      ids[a] == ids[b] ? a < b : CrosswalkBuilder.byteOrder(ids[a], ids[b])
    }
    var rank = [Int](repeating: 0, count: ids.count)
    for (position, index) in order.enumerated() { rank[index] = position }
    return rank
  }
}
