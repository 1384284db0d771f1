import CatchmentGeoIO

/// A shapefile set in one input: a little-endian UInt32 length of the `.shp`, one of the
/// `.shx`, then the `.shp`, `.shx` and `.dbf` bytes (lengths clamped to what is there). The
/// set is read with its `.dbf`'s first field as the id and the second as the name.
public enum ShapefileFuzz {
  public static func run(_ data: [UInt8]) {
    let parts = split(data)
    let shp = ScratchFiles.write(parts.shp, as: "set.shp")
    ScratchFiles.write(parts.shx, as: "set.shx")
    ScratchFiles.write(parts.dbf, as: "set.dbf")
    let names = DBFFields.names(parts.dbf)
    _ = try? ShapefileReader.read(path: shp, fields: BoundaryFields(id: names.first ?? "id", name: names.dropFirst().first))
  }

  /// The three files of an input laid out as described above.
  public static func split(_ data: [UInt8]) -> (shp: ArraySlice<UInt8>, shx: ArraySlice<UInt8>, dbf: ArraySlice<UInt8>) {
    func length(_ at: Int) -> Int {
      guard at + 4 <= data.count else { return 0 }
      return Int(data[at]) | Int(data[at + 1]) << 8 | Int(data[at + 2]) << 16 | Int(data[at + 3]) << 24
    }
    let start = min(8, data.count)
    let shpEnd = start + min(length(0), data.count - start)
    let shxEnd = shpEnd + min(length(4), data.count - shpEnd)
    return (data[start..<shpEnd], data[shpEnd..<shxEnd], data[shxEnd...])
  }

  /// The input that `split` takes apart (for seeds).
  public static func join(shp: [UInt8], shx: [UInt8], dbf: [UInt8]) -> [UInt8] {
    func le(_ n: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } }
    return le(shp.count) + le(shx.count) + shp + shx + dbf
  }
}
