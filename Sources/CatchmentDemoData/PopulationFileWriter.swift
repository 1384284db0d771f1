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
    let out = try ByteFileWriter(url: url, crlf: true, bom: false)
    out.raw(header)
    try out.endRow()
    let listed = geo.lsoas.indices.map { $0 != geo.missingPopulationLSOA }
    func total(_ lsoas: [Int]) -> Int {
      lsoas.reduce(0) { $0 + (listed[$1] ? population[$1] : 0) }
    }
    func row(_ code: String, _ name: String, _ value: Int) throws {
      out.field(code)
      out.comma()
      out.field(name)
      out.comma()
      out.groupedInt(value)
      try out.endRow()
    }
    try row("E92000001", "England", total(Array(geo.lsoas.indices)))
    for (r, region) in geo.regions.enumerated() {
      let councils = geo.councils.indices.filter { geo.councils[$0].region == r }
      guard !councils.isEmpty else { continue }
      try row(region.onsCode, region.name, total(councils.flatMap { geo.councils[$0].lsoas }))
      for c in councils {
        let council = geo.councils[c]
        try row(council.code, council.name, total(council.lsoas))
        for z in council.lsoas where listed[z] {
          try row(geo.lsoas[z].code, geo.lsoas[z].name, population[z])
        }
      }
    }
    try out.close()
  }
}
