import CatchmentGeoIO

/// GeoJSON boundaries: the bytes as a `.geojson` file, read with and without geometry.
public enum GeoJSONFuzz {
  /// Id attributes of the seed files; the first one the input mentions is used, so that
  /// mutants of every seed get past the id check and into the geometry.
  static let idKeys = ["LSOA21CD", "SICBL23CD", "ICB23CD", "FP_CODE", "ZONE_CODE", "code", "id"]

  public static func run(_ data: [UInt8]) {
    let path = ScratchFiles.write(data, as: "input.geojson")
    let text = String(decoding: data, as: UTF8.self)
    let id = idKeys.first { text.contains("\"\($0)\"") } ?? "id"
    for readsGeometry in [true, false] {
      _ = try? GeoJSONReader.read(path: path, fields: BoundaryFields(id: id, name: "name", readsGeometry: readsGeometry))
    }
  }
}
