import Foundation

/// Writes a mid-year population estimate in the layout of ONS "Lower layer Super Output Area
/// population estimates" (SAPE) spreadsheets saved as CSV.
///
/// The table is hierarchical: an England total, then per region a region total, then per
/// council a council total followed by its LSOAs. Counts carry thousands separators and are
/// quoted when they have one; lines end with CRLF (a spreadsheet export). Totals are the sums
/// of the LSOA rows actually listed, so the deliberately missing LSOA is missing everywhere.
enum PopulationFileWriter {
  static let header = "Area Codes,Area Names,All Ages"

  static func write(_ geo: DemoGeography, population: [Int], to url: URL) throws {
    let zones = geo.councils.map { council in
      council.lsoas.filter { $0 != geo.missingPopulationLSOA }.map {
        (code: geo.lsoas[$0].code, name: geo.lsoas[$0].name, value: population[$0])
      }
    }
    try write(geo, zonesOfCouncil: zones, to: url)
  }

  /// Writes the table with `zonesOfCouncil[c]` listed, in that order, under council `c`; the
  /// totals are their sums.
  static func write(
    _ geo: DemoGeography, zonesOfCouncil: [[(code: String, name: String, value: Int)]],
    to url: URL
  ) throws {
    let out = try ByteFileWriter(url: url, crlf: true, bom: false)
    out.raw(header)
    try out.endRow()
    func total(_ councils: [Int]) -> Int {
      councils.reduce(0) { sum, c in zonesOfCouncil[c].reduce(sum) { $0 + $1.value } }
    }
    func row(_ code: String, _ name: String, _ value: Int) throws {
      out.field(code)
      out.comma()
      out.field(name)
      out.comma()
      out.groupedInt(value)
      try out.endRow()
    }
    try row("E92000001", "England", total(Array(geo.councils.indices)))
    for (r, region) in geo.regions.enumerated() {
      let councils = geo.councils.indices.filter { geo.councils[$0].region == r }
      guard !councils.isEmpty else { continue }
      try row(region.onsCode, region.name, total(councils))
      for c in councils {
        try row(geo.councils[c].code, geo.councils[c].name, total([c]))
        for zone in zonesOfCouncil[c] { try row(zone.code, zone.name, zone.value) }
      }
    }
    try out.close()
  }
}
