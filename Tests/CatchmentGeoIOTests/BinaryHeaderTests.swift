import CatchmentGeometry
import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// Lengths, offsets and counts read from binary headers are checked against the bytes present
/// (issue 9 §1): a file that lies about them is an error naming the file and what is wrong,
/// never a trap. Each case patches a copy of a GDAL-written fixture (`make_gdal_kinds.py`).
@Suite struct BinaryHeaderTests {
  /// `nulls.shp` and its companions copied into a fresh folder; the `.dbf` patched by `patch`.
  func copyOfNulls(patchDBF patch: (inout [UInt8]) -> Void = { _ in }) throws -> (shp: String, dbf: String) {
    let folder = try temporaryFolder()
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
      try FileManager.default.copyItem(atPath: fixture("geo/nulls." + ext), toPath: folder.appendingPathComponent("nulls." + ext).path)
    }
    let dbf = folder.appendingPathComponent("nulls.dbf")
    var bytes = [UInt8](try Data(contentsOf: dbf))
    patch(&bytes)
    try Data(bytes).write(to: dbf)
    return (folder.appendingPathComponent("nulls.shp").path, dbf.path)
  }

  func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }

  @Test func dbfFieldRunningPastTheRecordIsAnError() throws {
    // The last field descriptor (POP, the third: bytes 32 + 2·32 …) gets length 255; the
    // record length stays 99, so reading POP of the last record would run past the file.
    let (shp, dbf) = try copyOfNulls { $0[32 + 2 * 32 + 16] = 255 }
    let error = #expect(throws: GeoIOError.self) {
      try ShapefileReader.read(path: shp, fields: BoundaryFields(id: "CODE", name: "POP"))
    }
    #expect(error?.file == dbf)
    #expect(error?.reason == "field 'POP' (bytes 90..<345 of each record) runs past the record length of 99 bytes")
  }

  @Test func dbfHeaderLengthAtTheEndOfTheFileWithZeroLengthRecords() throws {
    // Header length = file size and record length 0, with 3 records promised: the first
    // record's deletion flag would be read one byte past the end.
    var size = 0
    let (shp, dbf) = try copyOfNulls { bytes in
      size = bytes.count
      bytes[8] = UInt8(size & 0xFF)
      bytes[9] = UInt8(size >> 8)
      bytes[10] = 0
      bytes[11] = 0
    }
    #expect(size > 0)
    let error = #expect(throws: GeoIOError.self) { try ShapefileReader.read(path: shp, fields: BoundaryFields(id: "CODE")) }
    #expect(error?.file == dbf)
    #expect(error?.reason == "the header promises 3 records of 0 bytes (a record needs at least its deletion flag)")
  }

  @Test func dbfRecordsPastTheEndAreAnError() throws {
    // Record length 99 → 200: three records no longer fit.
    let (shp, _) = try copyOfNulls { bytes in
      bytes[10] = 200
      bytes[11] = 0
    }
    let error = #expect(throws: GeoIOError.self) { try ShapefileReader.read(path: shp, fields: BoundaryFields(id: "CODE")) }
    #expect(error?.reason == "the header promises 3 records of 200 bytes, more than the file holds")
  }

  @Test func shapefileNaNVertexNamesTheRecordAndItsID() throws {
    // Record 1 (A) of nulls.shp: content at 108; parts count at +36, points at
    // +44 + 4·parts. Its second point's x becomes NaN.
    let (shp, _) = try copyOfNulls()
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: shp)))
    let parts = Int(bytes[108 + 36])
    let second = 108 + 44 + 4 * parts + 16
    withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { for k in 0..<8 { bytes[second + k] = $0[k] } }
    try Data(bytes).write(to: URL(fileURLWithPath: shp))
    let error = #expect(throws: GeoIOError.self) { try ShapefileReader.read(path: shp, fields: BoundaryFields(id: "CODE")) }
    #expect(error?.file == shp)
    #expect(error?.location == "record 1 (A)")
    #expect(error?.reason.hasPrefix("point 2 is not a finite coordinate (nan,") == true)
  }
}

/// A GeoPackage damaged inside a feature table: SQLite stops the rows with an error, which
/// must not read as the end of the layer (a layer silently short of features).
@Suite struct DamagedGeoPackageTests {
  @Test func aDamagedFeatureTableIsAnErrorNotAShortLayer() throws {
    // readers.gpkg has 1 KiB pages; the `zones` table's root is page 19 (sqlite_master
    // rootpage). Its b-tree page header's cell count (bytes 3–4) becomes 200.
    let path = try temporaryFile([UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture("geo/readers.gpkg")))), name: "damaged.gpkg")
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[18 * 1024 + 3] = 0
    bytes[18 * 1024 + 4] = 200
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: GeoIOError.self) {
      try GeoPackageReader.read(path: path, fields: BoundaryFields(id: "code"), layer: "zones")
    }
    #expect(error?.file == path)
    #expect(error?.location == "layer zones, after feature 0")
    #expect(error?.reason.contains("malformed") == true)
  }
}
