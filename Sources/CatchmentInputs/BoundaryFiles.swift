import CatchmentGeoIO

/// The boundary files a layer's paths name, as the layer readers expand them: a file as it is,
/// a folder's `.geojson`, `.json`, `.shp` and `.gpkg` files sorted by name, a glob's matches
/// sorted. For provenance (the manifest lists every file read), without reading them.
public enum BoundaryFiles {
  /// - Throws: the reader's error for a path that matches nothing or a folder without boundary
  ///   files.
  public static func expand(_ paths: [String]) throws -> [String] {
    try LayerSource.expand(paths)
  }
}
