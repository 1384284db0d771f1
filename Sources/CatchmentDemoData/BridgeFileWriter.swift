import Foundation

/// Writes the demo's LSOA 2011 vintage: the bridge lookup, the 2011 zones' population and
/// (demo scale) their polygons.
enum BridgeFileWriter {
  /// The columns of ONS's LSOA11_LSOA21_LAD22_EW_LU download.
  static let header = "LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,LAD22NMW,ObjectId"

  /// The bridge lookup in the Open Geography Portal layout (UTF-8 BOM, CRLF, a running
  /// `ObjectId`): one row per (2011, 2021) pair; `LAD22NMW`, the Welsh name, is empty for
  /// English districts.
  static func writeLookup(_ bridge: VintageBridge, geography geo: DemoGeography, to url: URL) throws {
    try ByteFileWriter.writePortalFile(url, header: header, count: bridge.pairs.count) { i in
      let pair = bridge.pairs[i]
      let zone = bridge.zones[pair.zone]
      let lsoa = geo.lsoas[pair.lsoa]
      let council = geo.councils[lsoa.council]
      return [
        zone.code, zone.name, lsoa.code, lsoa.name, pair.change.rawValue, council.code,
        council.name, "",
      ]
    }
  }

  /// The 2011 zones' mid-2020 population in the SAPE layout of `PopulationFileWriter`, each
  /// council's zones in code order. The 2021 zone missing from the 2021 table is unchanged and
  /// missing here too, so that the two tables' totals compare like with like.
  static func writePopulation(
    _ bridge: VintageBridge, population: [Int], geography geo: DemoGeography, to url: URL
  ) throws {
    let missing = geo.missingPopulationLSOA.map { geo.lsoas[$0].code }
    var zones = Array(repeating: [(code: String, name: String, value: Int)](), count: geo.councils.count)
    for (z, zone) in bridge.zones.enumerated() where zone.code != missing {
      zones[zone.council].append((zone.code, zone.name, population[z]))
    }
    for c in zones.indices { zones[c].sort { $0.code < $1.code } }
    try PopulationFileWriter.write(geo, zonesOfCouncil: zones, to: url)
  }

  /// The 2011 polygons (`LSOA11CD`, `LSOA11NM`) as GeoJSON rectangles in EPSG:27700, on the
  /// grid of `lsoa_boundaries.geojson`, in code order.
  static func writeBoundaries(_ bridge: VintageBridge, to url: URL) throws {
    let e = BoundaryFileWriter.originEasting, n = BoundaryFileWriter.originNorthing
    let features = bridge.zones.sorted { $0.code < $1.code }.map { zone in
      let (x0, y0, x1, y1) = zone.box
      return (["LSOA11CD": zone.code, "LSOA11NM": zone.name], (e + x0, n + y0, e + x1, n + y1))
    }
    try BoundaryFileWriter.geoJSON(features, to: url)
  }
}
