import Foundation

/// Writes `postcodes.csv`, a small postcode directory in the ONSPD column names:
/// `pcds,oseast1m,osnrth1m` (postcode, easting, northing; British National Grid, EPSG:27700,
/// whole metres), LF line endings, rows in postcode order.
///
/// Every third row (the 2nd, 5th, 8th, …) spells its postcode in the fixed-width 8-character
/// form instead of the standard one (`XR4  5AB` for `XR4 5AB`; see `PostcodeText`), as happens
/// when directories from different sources are put together: a reader has to match postcodes
/// with the spaces removed.
enum PostcodeFileWriter {
  static let header = "pcds,oseast1m,osnrth1m"

  /// Writes the directory and returns its number of rows (header excluded).
  @discardableResult
  static func write(_ trusts: DemoTrusts, to url: URL) throws -> Int {
    let out = try ByteFileWriter(url: url, crlf: false, bom: false)
    out.raw(header)
    try out.endRow()
    for (k, postcode) in trusts.postcodes.enumerated() {
      out.field(k % 3 == 1 ? PostcodeText.eightCharacter(postcode.code) : postcode.code)
      out.comma()
      out.int(postcode.x)
      out.comma()
      out.int(postcode.y)
      try out.endRow()
    }
    try out.close()
    return trusts.postcodes.count
  }
}
