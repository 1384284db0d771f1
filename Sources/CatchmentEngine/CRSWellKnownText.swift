import CPROJ

/// A CRS's well-known text from PROJ, for files that must carry it (a GeoPackage's
/// `gpkg_spatial_ref_sys.definition`, which OGC 12-128r18 1.1.2.1.1 wants as WKT version 1,
/// OGC 01-009).
public enum CRSWellKnownText {
  /// The WKT versions PROJ writes that files here need.
  public enum Version: Sendable {
    /// WKT 1 as GDAL writes it (OGC 01-009 with GDAL's conventions): GeoPackage 1.x core.
    case wkt1GDAL
    /// WKT 2 (ISO 19162:2019): the GeoPackage `gpkg_crs_wkt` extension.
    case wkt2019
  }

  /// The WKT of `definition` (anything PROJ accepts: "EPSG:27700", "OGC:CRS84"), on one line.
  ///
  /// - Throws: ``PROJError`` when PROJ cannot interpret the definition or cannot write it in
  ///   `version` (e.g. a CRS WKT 1 cannot express).
  public static func wkt(_ definition: String, version: Version = .wkt1GDAL) throws(PROJError) -> String {
    try CRSInfo.withCRS(definition) { context, crs throws(PROJError) in
      let type = version == .wkt1GDAL ? PJ_WKT1_GDAL : PJ_WKT2_2019
      let text: String? = "MULTILINE=NO".withCString { option in
        var options: [UnsafePointer<CChar>?] = [option, nil]
        // Returns a string owned by `crs` (valid until it is destroyed), or NULL when the CRS
        // cannot be written in this version.
        return proj_as_wkt(context, crs, type, &options).map { String(cString: $0) }
      }
      guard let text, !text.isEmpty else {
        throw PROJError(code: proj_context_errno(context), message: "PROJ cannot write '\(definition.prefix(80))' as \(version)")
      }
      return text
    }
  }
}
