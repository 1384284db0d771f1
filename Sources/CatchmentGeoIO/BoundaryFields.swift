/// Which attributes of a boundary file identify and name its features.
public struct BoundaryFields: Sendable {
  /// The id attribute, e.g. `LSOA21CD`, matched ignoring case.
  public var id: String
  /// The name attribute, e.g. `ICB23NM`; nil for none.
  public var name: String?
  /// False to read ids and names only, when the coordinates will not be used (best fit with a
  /// centroid for every zone): the GeoJSON reader then skips geometries unparsed and counts no
  /// empty or non-polygonal ones (features come without polygons). Binary formats (Shapefile,
  /// GeoPackage) read geometries regardless.
  public var readsGeometry: Bool

  public init(id: String, name: String? = nil, readsGeometry: Bool = true) {
    self.id = id
    self.name = name
    self.readsGeometry = readsGeometry
  }
}

/// What reading one file found, beside the features themselves.
public struct LayerReadSummary: Sendable, Equatable {
  public var file: String
  public var features = 0
  /// Features whose geometry is null or empty (kept, with no polygons).
  public var emptyGeometries = 0
  /// Features with a geometry that is not a polygon or multipolygon (kept, with no polygons).
  public var nonPolygonal = 0
  /// Deleted DBF records (shapefiles), skipped with their shapes.
  public var deletedRecords = 0

  public init(file: String) { self.file = file }
}
