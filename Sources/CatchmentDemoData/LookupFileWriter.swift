import Foundation

/// Writes the ONS-style LSOA (2021) → sub-ICB location → ICB → LAD lookup.
///
/// Like Open Geography Portal CSV downloads it starts with a UTF-8 byte-order mark, ends lines
/// with CRLF and closes each row with an `ObjectId` counter.
enum LookupFileWriter {
  static let header =
    "LSOA21CD,LSOA21NM,SICBL23CD,SICBL23CDH,SICBL23NM,ICB23CD,ICB23CDH,ICB23NM,LAD23CD,LAD23NM,"
    + "ObjectId"

  static func write(_ geo: DemoGeography, to url: URL) throws {
    try ByteFileWriter.writePortalFile(url, header: header, count: geo.lsoas.count) { i in
      let lsoa = geo.lsoas[i]
      let sub = geo.subICBs[lsoa.subICB]
      let icb = geo.icbs[sub.icb]
      let council = geo.councils[lsoa.council]
      return [
        lsoa.code, lsoa.name, sub.code, sub.odsCode, sub.name, icb.code, icb.odsCode, icb.name,
        council.code, council.name,
      ]
    }
  }
}
