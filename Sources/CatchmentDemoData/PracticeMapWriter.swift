import Foundation

/// Writes the NHS "Patients Registered at a GP Practice" practice mapping file (ICB-era
/// header), one row per open practice in code order, LF line endings.
enum PracticeMapWriter {
  static let header =
    "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,"
    + "ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,"
    + "ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME"

  static func write(_ geo: DemoGeography, to url: URL) throws {
    let out = try ByteFileWriter(url: url, crlf: false, bom: false)
    out.raw(header)
    try out.endRow()
    for p in RegistrationFileWriter.practiceOrder(geo) where geo.practices[p].inMap {
      let practice = geo.practices[p]
      let pcn = geo.pcns[practice.pcn]
      let sub = geo.subICBs[practice.subICB]
      let icb = geo.icbs[sub.icb]
      let region = geo.regions[icb.region]
      let fields = [
        RegistrationFileWriter.publication, RegistrationFileWriter.extractDate, practice.code,
        practice.name, practice.postcode, pcn.code, pcn.name, sub.code, sub.odsCode, sub.name,
        icb.code, icb.odsCode, icb.name, region.code, region.odsCode, region.name,
      ]
      for text in fields {
        out.field(text)
        out.comma()
      }
      out.field(practice.supplier)
      try out.endRow()
    }
    try out.close()
  }
}
