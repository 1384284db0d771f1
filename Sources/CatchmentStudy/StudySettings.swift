extension Study {
  /// Every setting of the study in force, defaults included, by key path (the manifest's
  /// `options`): `providers.threshold` = `0.05` whether or not the file wrote it,
  /// `proposals[1].block_column` = `block_id`, `layers.icb.footprint` = `ICB23CD`. Paths are as
  /// written; absent optional keys without a default are left out; lists are joined with `,`.
  public var settings: [String: String] {
    var s: [String: String] = ["title": title, "output": output.given]
    if let p = population {
      s["population.file"] = p.file.given
      s["population.id"] = p.id
      s["population.value"] = p.value
      s["population.year"] = p.year.map(String.init)
      for (column, value) in p.filter { s["population.filter.\(column)"] = value }
    }
    if let z = zones {
      s["zones.path"] = z.path.given
      s["zones.id"] = z.id
      s["zones.crs"] = z.crs?.written
      if let c = z.centroids {
        s["zones.centroids.file"] = c.file.given
        s["zones.centroids.id"] = c.id
        s["zones.centroids.x"] = c.x
        s["zones.centroids.y"] = c.y
        s["zones.centroids.crs"] = (c.crs ?? ReviewRun.centroidCRS).written
      }
    }
    for (name, layer) in layers {
      let k = "layers.\(name)"
      switch layer {
      case .lookup(let file, let zone, let footprint, let label, let weight):
        s["\(k).lookup"] = file.given
        s["\(k).zone"] = zone
        s["\(k).footprint"] = footprint
        s["\(k).name"] = label
        s["\(k).weight"] = weight
      case .polygons(let path, let id, let label, let method, let crs):
        s["\(k).polygons"] = path.given
        s["\(k).id"] = id
        s["\(k).name"] = label
        s["\(k).method"] = method.rawValue
        s["\(k).crs"] = crs?.written
      case .crosswalk(let file):
        s["\(k).crosswalk"] = file.given
      }
    }
    s["review.baseline"] = review.baseline
    s["review.councils"] = review.councils
    s["review.others"] = review.others.joined(separator: ",")
    s["review.nesting"] = review.nesting.joined(separator: ",")
    if let r = registrations {
      s["registrations.file"] = r.file.given
      s["registrations.practice_map"] = r.practiceMap?.given
      s["registrations.practice_footprint"] = r.practiceFootprint
    }
    if let p = providers {
      s["providers.activity"] = p.activity.given
      s["providers.zone"] = p.zone
      s["providers.provider"] = p.provider
      switch p.measure {
      case .count(let column): s["providers.count"] = column
      case .share(let column): s["providers.share"] = column
      }
      s["providers.total"] = p.total
      for (column, value) in p.filter { s["providers.filter.\(column)"] = value }
      s["providers.method"] = p.method.description
      s["providers.threshold"] = "\(p.threshold)"
      s["providers.names"] = p.names?.given
    }
    for (i, p) in proposals.enumerated() {
      let k = "proposals[\(i + 1)]"
      s["\(k).name"] = p.name
      s["\(k).blocks"] = p.blocks
      s["\(k).assign"] = p.assign.given
      s["\(k).block_column"] = p.blockColumn
      s["\(k).footprint_column"] = p.footprintColumn
      s["\(k).footprint_name_column"] = p.footprintNameColumn
      s["\(k).weight_column"] = p.weightColumn
    }
    return s
  }
}
