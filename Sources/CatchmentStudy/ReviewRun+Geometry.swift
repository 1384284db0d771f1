import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs
import Foundation

extension ReviewRun {
  /// The working CRS of geometry layers, as `catchment crosswalk` has it by default: British
  /// National Grid, metres.
  public static let workingCRS = CRSReference.epsg(27700)
  /// Best fit: a centroid outside every footprint goes to the nearest within this many metres
  /// (`catchment crosswalk`'s default).
  public static let snapDistance = 1000.0
  /// The CRS of centroids whose `[zones.centroids]` gives none (`catchment crosswalk`'s
  /// default): longitude/latitude.
  public static let centroidCRS = CRSReference.crs84

  /// The crosswalk of a polygon layer, overlaid on `[zones]` through CatchmentInputs as
  /// `catchment crosswalk --method best-fit|area` does with its defaults (area basis `covered`,
  /// no minimum weight); a CRS given in the study is assumed only for files that state none.
  ///
  /// The zone polygons and centroids come through `reads`, the run's one read of each file: the
  /// same layer serves every polygon layer and every proposal's dissolving (see
  /// ``zonePolygonsNeeded``). What loading and overlaying found is returned as the account.
  ///
  /// - Throws: ``ReviewError/noZones(layer:)`` when the study has no `[zones]`; input errors as
  ///   the single command throws them.
  func polygonCrosswalk(
    layer: String, path: StudyPath, id: String, name: String?, method: PolygonMethod, crs: CRSReference?, reads: BoundaryReads
  ) throws -> (crosswalk: Crosswalk, inputs: [ReviewPack.Input], account: RunAccount) {
    guard let zones = study.zones else { throw ReviewError.noZones(layer: layer) }
    let zoneSpec = CatchmentInputs.LayerSpec(
      paths: [zones.path.url.path], idField: zones.id, role: "zones",
      crs: CRSChoice(own: nil, ownLabel: "zones.crs", assumed: zones.crs.map { CRSSetting($0, label: "zones.crs") }))
    let footprintSpec = CatchmentInputs.LayerSpec(
      paths: [path.url.path], idField: id, nameField: name, role: "footprints",
      crs: CRSChoice(
        own: nil, ownLabel: "layers.\(layer).crs", assumed: crs.map { CRSSetting($0, label: "layers.\(layer).crs") }))
    // Best fit needs only the zones' ids when every zone has a centroid; a later step that needs
    // their polygons has them read now, once.
    if zonePolygonsNeeded { reads.willNeedGeometry(paths: zoneSpec.paths, idField: zoneSpec.idField) }
    var inputs = [
      ReviewPack.Input(key: "zones.path", path: zones.path), ReviewPack.Input(key: "layers.\(layer).polygons", path: path),
    ]
    let workers = ProcessInfo.processInfo.activeProcessorCount
    var account = RunAccount()
    switch method {
    case .bestFit:
      let centroids = zones.centroids.map { c in
        CentroidSpec(
          path: c.file.url.path, idColumn: c.id, xColumn: c.x, yColumn: c.y,
          crs: CRSSetting(c.crs ?? Self.centroidCRS, label: "zones.centroids.crs"))
      }
      var geometry = GeometryInputs(
        zones: zoneSpec, footprints: footprintSpec, centroids: centroids, workingCRS: Self.workingCRS, workers: workers)
      geometry.reads = reads
      let loaded = try geometry.load()
      account.append(contentsOf: loaded.account)
      if let c = zones.centroids {
        var input = ReviewPack.Input(key: "zones.centroids.file", path: c.file)
        input.rowsRead = loaded.centroids?.count  // a point per data row
        inputs.append(input)
      }
      let fitted = try SpatialCrosswalk.bestFit(
        zones: loaded.zones, centroids: loaded.centroids, footprints: loaded.footprints, snapDistance: Self.snapDistance,
        workers: workers)
      account.append(contentsOf: fitted.account)
      return (fitted.crosswalk, inputs, account)
    case .area:
      var geometry = GeometryInputs(
        zones: zoneSpec, footprints: footprintSpec, centroids: nil, workingCRS: Self.workingCRS, workers: workers)
      geometry.reads = reads
      let loaded = try geometry.loadLeavingZonesUnprojected()
      account.append(contentsOf: loaded.account)
      let weighted = try SpatialCrosswalk.area(
        zones: loaded.zones, projectZones: loaded.projectZones, footprints: loaded.footprints, basis: .covered, minWeight: nil,
        workers: workers)
      account.append(contentsOf: weighted.account)
      return (weighted.crosswalk, inputs, account)
    }
  }

  /// Whether a step of the review uses the zones' polygons, not only their ids: a layer drawn by
  /// area, a layer drawn by dissolving them (one without polygons of its own), or a proposal.
  var zonePolygonsNeeded: Bool {
    guard study.zones != nil else { return false }
    let byArea = study.layers.values.contains { layer in
      if case .polygons(_, _, _, .area, _) = layer { return true }
      return false
    }
    // A layer without polygons of its own is drawn by dissolving the zones.
    let dissolved = study.layers.values.contains { layer in
      if case .polygons = layer { return false }
      return true
    }
    return byArea || dissolved || !study.proposals.isEmpty
  }
}

/// Why a study cannot be reviewed although its file is valid.
public enum ReviewError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A polygon layer needs the zone polygons of `[zones]`, and the study has none.
  case noZones(layer: String)
  /// Geodata asked for, and no footprint was drawn (of the layer, when named): no polygon layer
  /// and no `[zones]` to dissolve.
  case noFootprintPolygons(layer: String?)

  public var description: String {
    switch self {
    case .noZones(let layer):
      return "layer \(layer) is drawn from polygons, which are overlaid on the zone polygons: give the study a [zones] table"
    case .noFootprintPolygons(let layer):
      return "\(layer.map { "layer \($0) has" } ?? "no layer has") no footprint polygons to write as geodata: give the study a [zones] table (its zone polygons are dissolved into the footprints) or give the layer polygons"
    }
  }
}
