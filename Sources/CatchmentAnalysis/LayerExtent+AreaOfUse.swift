import CatchmentEngine
import CatchmentTables

extension LayerExtent {
  /// A warning when the layer reaches far outside the area of use of the CRS it was read in
  /// (`definition`, any definition PROJ accepts), else nil.
  ///
  /// "Far" is beyond the area's box, brought into that CRS, grown by a tenth of its longer
  /// side (for British National Grid about 120 km past the UK's offshore boundary): a layer
  /// there was read in the wrong CRS or holds corrupt coordinates. No warning when PROJ knows
  /// no area of use, the area crosses the antimeridian, or the box cannot be transformed.
  public func areaOfUseWarning(definition: String) -> String? {
    guard !own.isEmpty, let area = AreaOfUse(definition), area.west <= area.east,
      let transformer = try? CoordinateTransformer(from: "OGC:CRS84", to: definition)
    else { return nil }
    let degrees = Envelope(minX: area.west, minY: area.south, maxX: area.east, maxY: area.north)
    guard let box = try? LayerExtent.workingBox(of: degrees, transform: { xs, ys in try transformer.transform(xs: &xs, ys: &ys) }),
      !box.isEmpty
    else { return nil }
    let margin = 0.1 * max(box.maxX - box.minX, box.maxY - box.minY)
    let allowed = box.expanded(by: margin)
    guard own.minX < allowed.minX || own.maxX > allowed.maxX || own.minY < allowed.minY || own.maxY > allowed.maxY else { return nil }
    let place = area.name.isEmpty ? "" : " (\(area.name))"
    return "\(role): coordinates reach \(describe(own)) in \(crs), far outside the area where that CRS is defined\(place), \(describe(box)): check the layer's CRS and coordinates"
  }
}
