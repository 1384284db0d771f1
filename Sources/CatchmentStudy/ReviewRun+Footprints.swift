import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry
import CatchmentInputs
import Foundation

extension ReviewRun {
  /// The layers whose footprints the review draws, in order: every layer with polygons of its
  /// own, and every other layer when `[zones]` gives zone polygons to dissolve.
  var drawnLayers: [String] {
    study.layers.keys.sorted().filter { name in
      if case .polygons? = study.layers[name] { return true }
      return study.zones != nil
    }
  }

  /// The zone polygons of `[zones]` as the overlay reads them (`zones.crs` assumed for files
  /// that state none).
  var zoneLayerSpec: CatchmentInputs.LayerSpec? {
    study.zones.map { zones in
      CatchmentInputs.LayerSpec(
        paths: [zones.path.url.path], idField: zones.id, role: "zones",
        crs: CRSChoice(own: nil, ownLabel: "zones.crs", assumed: zones.crs.map { CRSSetting($0, label: "zones.crs") }))
    }
  }

  /// `footprints_<layer>.geojson` for every drawn layer (``drawnLayers``): its polygons in the
  /// working CRS (``workingCRS``), from its own polygons when it has them, else dissolved from
  /// the zone polygons along its crosswalk (``CatchmentInputs/FootprintPolygons``); the zone
  /// and footprint files come through the run's one read of each. The polygons are kept in the
  /// results (``ReviewResults/footprints``) for the geodata.
  func footprintSteps(crosswalks: [(name: String, crosswalk: Crosswalk)], state: inout ReviewRunState) throws {
    let reads = state.boundaries
    let workers = ProcessInfo.processInfo.activeProcessorCount
    var projectedZones: (layer: PolygonLayer, prepared: DissolveZones)?
    for name in drawnLayers {
      guard let layer = study.layers[name], let crosswalk = crosswalks.first(where: { $0.name == name })?.crosswalk else { continue }
      var drawn: FootprintPolygons?
      let zones = zoneLayerSpec
      try state.step("footprints \(name)") { report in
        if case .polygons(let path, let id, let label, _, let crs) = layer {
          let spec = CatchmentInputs.LayerSpec(
            paths: [path.url.path], idField: id, nameField: label, role: "footprints",
            crs: CRSChoice(own: nil, ownLabel: "layers.\(name).crs", assumed: crs.map { CRSSetting($0, label: "layers.\(name).crs") }))
          drawn = try FootprintPolygons.own(footprints: spec, workingCRS: Self.workingCRS, workers: workers, reads: reads)
        } else if let zones {
          // The zones projected once, for every layer dissolved from them.
          // The zones projected and prepared (near vertices merged, invalid zones made valid)
          // once, for every layer dissolved from them; the preparation's notes go with the first.
          if projectedZones == nil {
            let layer = try FootprintPolygons.projectedZones(zones, workingCRS: Self.workingCRS, workers: workers, reads: reads)
            let prepared = try DissolveZones(layer, workers: workers)
            report.record(prepared.account)
            projectedZones = (layer, prepared)
          }
          if let projectedZones {
            drawn = try FootprintPolygons.dissolved(projectedZones: projectedZones.layer, prepared: projectedZones.prepared, crosswalk: crosswalk, workers: workers)
          }
        }
        guard let drawn else { return [] }
        report.record(drawn.account)
        report.figure("footprints drawn", Double(drawn.layer.count))
        return [ReviewPack.File(name: "footprints_\(name).geojson", bytes: try drawn.geoJSON())]
      }
      guard let drawn else { continue }
      state.results.footprints.append((name, drawn.layer))
      if state.results.zones == nil { state.results.zones = drawn.zones }
    }
  }
}
