import Foundation

/// Writes `trust_activity.csv`, the OHID-style trust catchment table at LSOA level.
///
/// ```
/// catchment_year,admission_type,lsoa21cd,trust_code,patients,total_patients,proportion
/// ```
///
/// LF line endings, rows in `ActivityModel` order. `proportion` = patients / total_patients,
/// written to 12 decimal places with trailing zeros dropped (`DecimalFraction`).
enum ActivityFileWriter {
  static let header =
    "catchment_year,admission_type,lsoa21cd,trust_code,patients,total_patients,proportion"

  /// Writes the rows and returns how many there are (header excluded).
  @discardableResult
  static func write(_ model: ActivityModel, to url: URL) throws -> Int {
    let out = try ByteFileWriter(url: url, crlf: false, bom: false)
    out.raw(header)
    try out.endRow()
    for row in model.rows {
      out.int(row.year)
      out.comma()
      out.raw(row.type.rawValue)
      out.comma()
      out.field(row.zone)
      out.comma()
      out.field(row.trust)
      out.comma()
      out.int(row.patients)
      out.comma()
      out.int(row.total)
      out.comma()
      out.raw(DecimalFraction.text(row.patients, over: row.total))
      try out.endRow()
    }
    try out.close()
    return model.rows.count
  }
}
