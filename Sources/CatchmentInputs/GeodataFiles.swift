import CatchmentEngine
import CatchmentGeoIO
import CatchmentGeometry
import Foundation

/// Geodata files of feature tables, for QGIS, R and geopandas: a GeoPackage in the tables' own
/// CRS, and RFC 7946 GeoJSON in WGS 84. The CRS rows and the transformation come from PROJ.
public enum GeodataFiles {
  /// The tables as one GeoPackage (``CatchmentGeoIO/GeoPackageWriter``), each layer in its
  /// geometry's CRS (an EPSG code), its `gpkg_spatial_ref_sys` row named and described by PROJ
  /// (WKT 1). `lastChange` is every layer's `last_change` (a run's time, never the clock).
  ///
  /// - Throws: ``CatchmentGeoIO/GeodataWriteError`` for a layer in a CRS without an EPSG code or
  ///   a table the writer refuses.
  public static func geoPackage(_ tables: [FeatureTable], lastChange: Date) throws -> [UInt8] {
    let wgs84 = try CRSWellKnownText.wkt("EPSG:4326")
    let layers = try tables.map { table in
      GeoPackageWriter.Layer(table, spatialReference: try spatialReference(table.geometry.crs, layer: table.name))
    }
    return try GeoPackageWriter.bytes(layers, wgs84Definition: wgs84, lastChange: lastChange)
  }

  /// The `gpkg_spatial_ref_sys` row of an EPSG CRS: its name and WKT 1 from PROJ.
  static func spatialReference(_ crs: CRSReference, layer: String) throws -> GeoPackageWriter.SpatialReference {
    guard case .authority(let organization, let code) = crs, organization.uppercased() == "EPSG", let id = Int32(code),
      let definition = crs.projDefinition
    else { throw GeodataWriteError(layer: layer, reason: "its CRS (\(crs.written)) has no EPSG code to write in gpkg_spatial_ref_sys") }
    return GeoPackageWriter.SpatialReference(
      name: try CRSInfo(definition).name, id: id, organization: "EPSG", organizationID: id,
      definition: try CRSWellKnownText.wkt(definition))
  }

  /// The table as RFC 7946 GeoJSON (``CatchmentGeoIO/GeoJSONWriter/rfc7946(_:)``): its
  /// coordinates transformed by PROJ from its CRS to WGS 84 longitude, latitude (OGC:CRS84).
  public static func rfc7946(_ table: FeatureTable) throws -> [UInt8] {
    var lonLat = table
    if table.geometry.crs != .crs84 {
      let transformer = try CoordinateTransformer(from: table.geometry.crs, to: .crs84)
      try transformer.transform(&lonLat.geometry)
    }
    return try GeoJSONWriter.rfc7946(lonLat)
  }
}
