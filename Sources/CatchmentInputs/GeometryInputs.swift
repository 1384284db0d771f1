import CatchmentAnalysis
import CatchmentCore
import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import CatchmentTables

/// Zones, footprints and centroids brought into the working CRS, for the geometry methods
/// (best fit, area): each layer read with its CRS resolved (``CRSChoice``), checked against
/// the area of use of that CRS, transformed, and the layers checked to meet.
public struct GeometryInputs: Sendable {
  public var zones: LayerSpec
  public var footprints: LayerSpec
  public var centroids: CentroidSpec?
  /// Projected, in metres: areas and distances are measured in it.
  public var workingCRS: CRSReference
  /// Tasks to run at once.
  public var workers: Int
  /// Where layers and centroids are read: share one between the steps of a run so each file is
  /// read once (a fresh one by default).
  public var reads = BoundaryReads()

  public init(zones: LayerSpec, footprints: LayerSpec, centroids: CentroidSpec?, workingCRS: CRSReference, workers: Int) {
    self.zones = zones
    self.footprints = footprints
    self.centroids = centroids
    self.workingCRS = workingCRS
    self.workers = workers
  }

  /// Zones and footprints in the working CRS, with the readers' and PROJ's findings in the account.
  public func load() throws -> (zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?, account: RunAccount) {
    try load(projectZonesNow: true, pools: try pools())
  }

  /// Footprints in the working CRS and zones still in their own CRS, with the function that
  /// brings zone coordinates into the working CRS (returning the account of PROJ's choice), for
  /// methods that reproject only the zones they measure (area).
  public func loadLeavingZonesUnprojected() throws -> (
    zones: PolygonLayer, footprints: PolygonLayer, projectZones: (inout [Double], inout [Double]) throws -> RunAccount, account: RunAccount
  ) {
    let pools = try pools()
    let inputs = try load(projectZonesNow: false, pools: pools)
    let source = inputs.zones.crs
    let pool = try transformers(from: source, what: "zones", pools: pools)
    let option = zones.crs.ownLabel
    return (inputs.zones, inputs.footprints, { xs, ys in try pool.transform(&xs, &ys, from: source, what: "zones", option: option) }, inputs.account)
  }

  /// Transformers into the working CRS, once it is known to be projected.
  ///
  /// - Throws: ``GeometryInputError/notProjected(crs:)``; a CRS PROJ cannot create (unknown,
  ///   out of memory) is a PROJError with PROJ's reason.
  func pools() throws -> TransformerPool.Cache {
    guard let target = workingCRS.projDefinition, try CoordinateTransformer.isProjected(target) else {
      throw GeometryInputError.notProjected(crs: workingCRS.written)
    }
    return TransformerPool.Cache(target: target, workers: workers)
  }

  private func load(projectZonesNow: Bool, pools: TransformerPool.Cache) throws -> (
    zones: PolygonLayer, footprints: PolygonLayer, centroids: PointLayer?, account: RunAccount
  ) {
    var account = RunAccount()
    var points: PointLayer?
    var centroidExtent: LayerExtent?
    if let centroids {
      var (layer, read) = try centroids.read(from: reads)
      account.append(contentsOf: read)
      let own = LayerExtent.envelope(xs: layer.xs, ys: layer.ys)
      account.append(
        contentsOf: try project(&layer.xs, &layer.ys, from: layer.crs, what: "centroids \(centroids.path)", option: centroids.crs.label, pools: pools))
      centroidExtent = LayerExtent(role: "centroids", crs: "\(layer.crs)", own: own, working: LayerExtent.envelope(xs: layer.xs, ys: layer.ys))
      points = layer
    }
    let (zones, zoneExtent, zonesRead) = try layer(
      zones, pools: pools,
      coordinates: !projectZonesNow ? .unprojected : points.map { .unlessEveryID(in: Set($0.ids)) } ?? .projected)
    account.append(contentsOf: zonesRead)
    let (footprints, footprintExtent, footprintsRead) = try layer(self.footprints, pools: pools)
    account.append(contentsOf: footprintsRead)
    // A layer read in the wrong CRS lies far from the other: refuse rather than send every
    // zone to UNALLOCATED. Zones without coordinates (best fit by centroid) are judged by
    // their centroids.
    do {
      if !zoneExtent.own.isEmpty {
        var extent = zoneExtent
        if !projectZonesNow, let definition = zones.crs.projDefinition {
          let pool = try pools.pool(from: definition)
          extent.working = try LayerExtent.workingBox(of: extent.own) { xs, ys in try pool.transform(xs: &xs, ys: &ys) }
        }
        try LayerExtent.requireMeeting(extent, footprintExtent, workingCRS: workingCRS.written)
      }
      if let centroidExtent { try LayerExtent.requireMeeting(centroidExtent, footprintExtent, workingCRS: workingCRS.written) }
    } catch let error as DisjointLayersError {
      throw GeometryInputError.disjoint(error, withCentroids: centroidExtent != nil)
    }
    return (zones, footprints, points, account)
  }

  /// What a command needs of a layer's coordinates.
  enum CoordinateUse {
    /// In the working CRS.
    case projected
    /// In the layer's own CRS (the caller reprojects what it uses; the layer keeps its CRS).
    case unprojected
    /// None, when every feature id is in the set (best fit with a centroid for every zone:
    /// reprojecting 2 million vertices would be most of the run, and skipping their parsing
    /// halves the reading); else in the working CRS.
    case unlessEveryID(in: Set<String>)
  }

  /// Reads a layer and brings its coordinates where `coordinates` says, with the account of
  /// what the reader and PROJ found.
  ///
  /// The layer's CRS: its own (``CRSChoice/own``) whatever the files declare, else the forced
  /// one whatever they declare, else what they declare, else the assumed one. Features that
  /// share an id are one (`sameIDJoins`, as footprints are), or the first counts (zones of the overlay).
  func layer(
    _ spec: LayerSpec, pools: TransformerPool.Cache, coordinates: CoordinateUse = .projected, sameIDJoins: Bool? = nil
  ) throws -> (layer: PolygonLayer, extent: LayerExtent, account: RunAccount) {
    var account = RunAccount()
    let role = spec.role, option = spec.crs.ownLabel
    // A GeoPackage of several layers: the front end names the setting that chooses this one.
    func read(_ fields: BoundaryFields) throws -> LayerSource.Result {
      do { return try reads.layer(paths: spec.paths, fields: fields, gpkgLayer: spec.gpkgLayer) } catch let error as GeoIOError {
        guard case .chooseLayer? = error.remedy else { throw error }
        throw GeometryInputError.layerChoice(error, role: role)
      }
    }
    var result: LayerSource.Result
    var needsCoordinates = true
    if case .unlessEveryID(let known) = coordinates {
      result = try read(BoundaryFields(id: spec.idField, name: spec.nameField, readsGeometry: false))
      if result.layer.ids.allSatisfy(known.contains) {
        needsCoordinates = false
        account.note("\(role): every feature has a centroid, so the overlay did not need their polygons")
      } else {
        result = try read(BoundaryFields(id: spec.idField, name: spec.nameField))
      }
    } else {
      result = try read(BoundaryFields(id: spec.idField, name: spec.nameField))
    }
    var layer = result.layer
    let files = result.files
    let features = files.reduce(0) { $0 + $1.features }
    account.figure("\(role): features read from \(files.count) file\(files.count == 1 ? "" : "s")", Double(features))
    let empty = files.reduce(0) { $0 + $1.emptyGeometries }, other = files.reduce(0) { $0 + $1.nonPolygonal }
    if empty > 0 { account.warn("\(empty) \(role) have no geometry (null or empty) and are kept without area") }
    if other > 0 { account.warn("\(other) \(role) have a geometry that is not a polygon and are kept without area") }
    if !result.duplicateIDs.isEmpty {
      account.warn(
        "\(result.duplicateIDs.count) \(role) ids occur in more than one feature (\(sameIDJoins ?? (role != "zones") ? "their features are treated as one" : "the first feature of each is used"))",
        codes: result.duplicateIDs.map { "\($0.id) ×\($0.count)" })
    }
    var declared = layer.crs
    var origin = "as declared"
    if let given = spec.crs.own {
      if declared != .unknown && declared != given { account.note("\(role): declared CRS \(declared) replaced by \(option) \(given.written)") }
      declared = given
      origin = "from \(option)"
    } else if let forced = spec.crs.forced {
      if declared != .unknown && declared != forced.crs { account.note("\(role): declared CRS \(declared) replaced by \(forced.label) \(forced.crs.written)") }
      declared = forced.crs
      origin = "from \(forced.label)"
    } else if declared == .unknown {
      guard let assumed = spec.crs.assumed else { throw GeometryInputError.undeclaredCRS(role: role, setting: option) }
      declared = assumed.crs
      origin = "from \(assumed.label)"
    }
    let own = LayerExtent.envelope(xs: layer.xs, ys: layer.ys)
    var extent = LayerExtent(role: role, crs: "\(declared), \(origin)", own: own, working: own)
    // Coordinates far outside where their CRS is defined: probably the wrong CRS.
    if let definition = declared.projDefinition, let warning = extent.areaOfUseWarning(definition: definition) { account.warn(warning) }
    if case .unprojected = coordinates { needsCoordinates = false }
    guard needsCoordinates else {
      layer.crs = declared
      return (layer, extent, account)
    }
    account.append(contentsOf: try project(&layer.xs, &layer.ys, from: declared, what: role, option: option, pools: pools))
    layer.crs = workingCRS
    extent.working = LayerExtent.envelope(xs: layer.xs, ys: layer.ys)
    return (layer, extent, account)
  }

  private func project(
    _ xs: inout [Double], _ ys: inout [Double], from source: CRSReference, what: String, option: String, pools: TransformerPool.Cache
  ) throws -> RunAccount {
    try transformers(from: source, what: what, pools: pools).transform(&xs, &ys, from: source, what: what, option: option)
  }

  /// Transformers from `source` into the working CRS (an error when the source is unknown).
  private func transformers(from source: CRSReference, what: String, pools: TransformerPool.Cache) throws -> TransformerPool {
    guard let definition = source.projDefinition else { throw GeometryInputError.unknownSourceCRS(what: what) }
    return try pools.pool(from: definition)
  }
}

extension CentroidSpec {
  /// The centroids in their own CRS, with the count in the account; from `reads` when given (a
  /// run's earlier read of them).
  public func read(from reads: BoundaryReads? = nil) throws -> (layer: PointLayer, account: RunAccount) {
    let layer = try reads?.centroids(self) ?? PointsCSV.read(path: path, columns: .init(id: idColumn, x: xColumn, y: yColumn), crs: crs.crs)
    var account = RunAccount()
    account.figure("centroids read", Double(layer.count))
    return (layer, account)
  }
}
