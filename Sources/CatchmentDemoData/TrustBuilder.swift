/// Places the trusts of a `TrustBlueprint` on the demo geometry and gives every site and
/// headquarters a postcode.
///
/// A site lies in the 1 km grid square of its LSOA (see `BoundaryFileWriter`), at whole metres
/// drawn uniformly from 150–850 m into the square in each direction, so it is never on a
/// square's edge. A postcode is the postcode area of the ICB the point lies in (`XD`, `XR`,
/// `XW`, as for the practices), a district 1–29 and an inward code of a digit and two letters.
/// The postcode's coordinates are the point itself, so placing a site by its postcode or by its
/// x/y gives the same answer. Each trust postcode gets two neighbours in the directory (same
/// outward code, other inward codes, within 400 m), as a real directory lists every postcode of
/// a district and not only the ones asked for. No postcode repeats, and none equals a practice
/// postcode of the practice map.
enum TrustBuilder {
  static func build(
    _ blueprint: [TrustBlueprint.Trust], geography geo: DemoGeography, rng: inout SplitMix64
  ) -> DemoTrusts {
    let layout = BoundaryFileWriter.layout(geo)
    var used = Set(geo.practices.map { PostcodeText.normalised($0.postcode) })
    var directory: [DemoTrusts.Postcode] = []

    /// A point in the square of the LSOA at `position` of sub-ICB `subICB`.
    func point(subICB: Int, position: Int) -> (x: Int, y: Int) {
      let lsoa = geo.subICBs[subICB].lsoas[position]
      let cell = layout.cellOfLSOA[lsoa]
      let size = BoundaryFileWriter.cell
      return (
        BoundaryFileWriter.originEasting + cell.column * size + rng.int(in: 150...850),
        BoundaryFileWriter.originNorthing + cell.row * size + rng.int(in: 150...850)
      )
    }

    /// A fresh postcode at `(x, y)` in the area of the ICB of `subICB`, entered in the directory
    /// with two neighbours.
    func postcode(subICB: Int, x: Int, y: Int) -> String {
      let area = geo.icbs[geo.subICBs[subICB].icb].postcodeArea
      let outward = area + String(rng.int(in: 1...29))
      let code = fresh(outward)
      directory.append(.init(code: code, x: x, y: y))
      for _ in 0..<2 {
        directory.append(
          .init(code: fresh(outward), x: x + rng.int(in: -400...400), y: y + rng.int(in: -400...400)))
      }
      return code
    }

    /// An unused postcode of the district `outward`.
    func fresh(_ outward: String) -> String {
      let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
      while true {
        let code =
          "\(outward) \(rng.int(in: 1...9))" + String(rng.pick(letters)) + String(rng.pick(letters))
        if used.insert(PostcodeText.normalised(code)).inserted { return code }
      }
    }

    var trusts: [DemoTrusts.Trust] = []
    for plan in blueprint {
      var sites: [DemoTrusts.Site] = []
      for (k, site) in plan.sites.enumerated() {
        let p = point(subICB: site.subICB, position: site.position)
        // The unplaceable site still gets a point (patients go there) but no postcode.
        let code = site.locatable ? postcode(subICB: site.subICB, x: p.x, y: p.y) : ""
        sites.append(
          .init(
            code: plan.code + String(k + 1).leftPadded(to: 2), name: site.name, postcode: code, x: p.x,
            y: p.y, beds: site.beds, locatable: site.locatable))
      }
      let main = plan.sites[0]
      let address: [String]
      let headquarters: (postcode: String, x: Int, y: Int)
      switch plan.headquarters {
      case .firstSite:
        address = [main.name, "\(rng.pick(PlaceNames.streets)) ROAD", "", main.town, ""]
        headquarters = (sites[0].postcode, sites[0].x, sites[0].y)
      case .office(let building, let street, let subICB, let position):
        let p = point(subICB: subICB, position: position)
        address = [building, street, "\(rng.pick(PlaceNames.streets)) WAY", main.town, ""]
        headquarters = (postcode(subICB: subICB, x: p.x, y: p.y), p.x, p.y)
      }
      trusts.append(
        .init(
          code: plan.code, name: plan.name, icb: plan.icb, openDate: plan.openDate, address: address,
          headquartersPostcode: headquarters.postcode, headquartersX: headquarters.x,
          headquartersY: headquarters.y, sites: sites, listsSites: plan.listsSites,
          electivePermille: plan.electivePermille, emergencyPermille: plan.emergencyPermille))
    }
    // ONSPD order: by the fixed-width form, in which a district's postcodes stay together
    // (`XD1 9ZZ` before `XD10 1AA`, as `B1` comes before `B10`; dropping the spaces would
    // interleave them) and `XD13 …` still comes before `XD2 …`.
    directory.sort {
      PostcodeText.eightCharacter($0.code).utf8.lexicographicallyPrecedes(
        PostcodeText.eightCharacter($1.code).utf8)
    }
    return DemoTrusts(trusts: trusts, postcodes: directory)
  }
}
