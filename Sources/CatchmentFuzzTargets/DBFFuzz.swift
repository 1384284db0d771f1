import CatchmentGeoIO

/// A `.dbf` alone: the bytes as the table of a shapefile of null shapes, one per record the
/// header promises (at most 64, so that a header promising millions stays quick), read with
/// the table's first field as the id and the second as the name.
public enum DBFFuzz {
  public static func run(_ data: [UInt8]) {
    let promised = data.count >= 8 ? Int(data[4]) | Int(data[5]) << 8 | Int(data[6]) << 16 | Int(data[7]) << 24 : 0
    let shp = ScratchFiles.write(nullShapes(min(promised, 64)), as: "table.shp")
    ScratchFiles.write(data, as: "table.dbf")
    let names = DBFFields.names(data)
    _ = try? ShapefileReader.read(path: shp, fields: BoundaryFields(id: names.first ?? "id", name: names.dropFirst().first))
  }

  /// A `.shp` of `count` null shapes (ESRI 1998: a 100-byte header, then records of an 8-byte
  /// big-endian header and a 4-byte shape type 0).
  static func nullShapes(_ count: Int) -> [UInt8] {
    func big(_ n: Int) -> [UInt8] { (0..<4).reversed().map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } }
    let fileWords = (100 + 12 * count) / 2
    var bytes = big(9994) + [UInt8](repeating: 0, count: 20) + big(fileWords) + [0xE8, 0x03, 0, 0, 5, 0, 0, 0]
    bytes += [UInt8](repeating: 0, count: 100 - bytes.count)
    for k in 0..<count { bytes += big(k + 1) + big(2) + [0, 0, 0, 0] }
    return bytes
  }
}
