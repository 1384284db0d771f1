import Foundation

/// Writes the two trust lists: the ODS-style organisation file and the site list.
enum TrustFileWriter {
  /// Columns of ODS `etr.csv` (NHS Digital's file specification), which has no header row.
  static let etrColumnCount = 27

  /// Header of `trust_sites.csv`.
  static let siteHeader = "site_code,trust_code,site_name,postcode,x,y,beds"

  /// Writes `trusts_etr.csv` in the layout of ODS `etr.csv`.
  ///
  /// No header, 27 columns, every field quoted (empty ones as `""`), LF line endings, one row
  /// per trust in code order.
  ///
  /// Columns filled: 1 organisation code, 2 name, 3 national grouping (the ODS code of the
  /// trust's NHS region, `Y90`/`Y91`), 4 high-level health geography (its ICB's ODS code,
  /// `QX1`–`QX3`), 5–9 address lines, 10 headquarters postcode, 11 open date (`yyyymmdd`),
  /// 22 amended record indicator (`0`), 24 government office region letter (fictional: `X` for
  /// the first region, `Y` for the second, where real files use `A`–`K`). The others (close
  /// date, telephone and the null columns) are empty, as they are for most real trusts.
  static func writeOrganisations(_ trusts: DemoTrusts, geography geo: DemoGeography, to url: URL) throws {
    let out = try ByteFileWriter(url: url, crlf: false, bom: false)
    for trust in trusts.trusts {
      let region = geo.icbs[trust.icb].region
      var fields = Array(repeating: "", count: etrColumnCount)
      fields[0] = trust.code
      fields[1] = trust.name
      fields[2] = geo.regions[region].odsCode
      fields[3] = geo.icbs[trust.icb].odsCode
      for (k, line) in trust.address.prefix(5).enumerated() { fields[4 + k] = line }
      fields[9] = trust.headquartersPostcode
      fields[10] = trust.openDate
      fields[21] = "0"
      fields[23] = String(Character(UnicodeScalar(UInt8(88 + region))))
      for (k, field) in fields.enumerated() {
        if k > 0 { out.comma() }
        out.raw("\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
      }
      try out.endRow()
    }
    try out.close()
  }

  /// Writes `trust_sites.csv`, one row per site of the trusts that list sites.
  ///
  /// Rows in site-code order, LF line endings. `x`, `y` are British National Grid (EPSG:27700)
  /// whole metres, `beds` the site's beds. The unplaceable site has an empty postcode and empty
  /// `x`, `y`.
  static func writeSites(_ trusts: DemoTrusts, to url: URL) throws {
    let out = try ByteFileWriter(url: url, crlf: false, bom: false)
    out.raw(siteHeader)
    try out.endRow()
    for trust in trusts.trusts where trust.listsSites {
      for site in trust.sites {
        out.field(site.code)
        out.comma()
        out.field(trust.code)
        out.comma()
        out.field(site.name)
        out.comma()
        if site.locatable {
          out.field(site.postcode)
          out.comma()
          out.int(site.x)
          out.comma()
          out.int(site.y)
        } else {
          out.raw(",,")
        }
        out.comma()
        out.int(site.beds)
        try out.endRow()
      }
    }
    try out.close()
  }
}
