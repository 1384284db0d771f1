/// The coordinate reference system a layer was written in, as its file declares it.
///
/// Readers only record what the file says; resolving it (and transforming coordinates into
/// the working CRS) is PROJ's job in the engine.
public enum CRSReference: Sendable, Equatable, CustomStringConvertible {
  /// An authority code, e.g. EPSG:27700 (British National Grid) or EPSG:4326.
  case authority(name: String, code: String)
  /// OGC CRS84: WGS 84 longitude, latitude (the GeoJSON default, RFC 7946 §4).
  case crs84
  /// WKT text, e.g. the content of a shapefile's `.prj` (ESRI WKT1) or a GeoPackage's
  /// `gpkg_spatial_ref_sys.definition`.
  case wkt(String)
  /// Any other definition PROJ understands (`+proj=…`, a URN).
  case definition(String)
  /// The file says nothing about its CRS.
  case unknown

  /// EPSG:`code`.
  public static func epsg(_ code: Int) -> CRSReference { .authority(name: "EPSG", code: String(code)) }

  /// A definition string for PROJ's `proj_create` (nil when unknown).
  public var projDefinition: String? {
    switch self {
    case .authority(let name, let code): return "\(name):\(code)"
    case .crs84: return "OGC:CRS84"
    case .wkt(let text): return text
    case .definition(let text): return text
    case .unknown: return nil
    }
  }

  public var description: String {
    switch self {
    case .authority(let name, let code): return "\(name):\(code)"
    case .crs84: return "OGC:CRS84 (WGS 84 longitude/latitude)"
    case .wkt(let text): return "WKT " + String(text.prefix(60)) + (text.count > 60 ? "…" : "")
    case .definition(let text): return text
    case .unknown: return "unknown"
    }
  }
}
