import CatchmentGeometry

// What to read of a polygon layer and which CRS its coordinates are in.
//
// Plain values: a front end (the CLI, a study file) fills them from its own settings and
// ``GeometryInputs`` reads them. Labels name each setting as the front end shows it, so the
// run report can say where a CRS came from without this library knowing any option name.

/// A CRS given by the user, with how the front end names the setting (for messages).
public struct CRSSetting: Sendable, Equatable {
  /// The CRS (e.g. EPSG:27700).
  public var crs: CRSReference
  /// The setting that gave it, as the front end shows it (e.g. an option name).
  public var label: String

  public init(_ crs: CRSReference, label: String) {
    self.crs = crs
    self.label = label
  }
}

/// How a layer's CRS is chosen: its own setting whatever the files declare, else the forced
/// one whatever they declare, else what they declare, else the assumed one.
public struct CRSChoice: Sendable, Equatable {
  /// This layer's own CRS, whatever its files declare.
  public var own: CRSReference?
  /// How the front end names this layer's own setting: in advice and errors, because it is the
  /// setting that corrects this layer alone.
  public var ownLabel: String
  /// A CRS for every layer whatever the files declare.
  public var forced: CRSSetting?
  /// A CRS for files that declare none.
  public var assumed: CRSSetting?

  public init(own: CRSReference?, ownLabel: String, forced: CRSSetting? = nil, assumed: CRSSetting? = nil) {
    self.own = own
    self.ownLabel = ownLabel
    self.forced = forced
    self.assumed = assumed
  }
}

/// A polygon layer to read: its files, its id and name attributes, the GeoPackage layer and
/// how its CRS is chosen.
public struct LayerSpec: Sendable, Equatable {
  /// Files, folders or globs, merged.
  public var paths: [String]
  /// The id attribute.
  public var idField: String
  /// The name attribute, if any.
  public var nameField: String?
  /// The layer of a GeoPackage that holds several.
  public var gpkgLayer: String?
  /// What the layer is, for messages ("zones", "footprints").
  public var role: String
  /// How the layer's CRS is chosen.
  public var crs: CRSChoice

  public init(paths: [String], idField: String, nameField: String? = nil, gpkgLayer: String? = nil, role: String, crs: CRSChoice) {
    self.paths = paths
    self.idField = idField
    self.nameField = nameField
    self.gpkgLayer = gpkgLayer
    self.role = role
    self.crs = crs
  }
}

/// Zone centroids in a CSV (e.g. ONS population-weighted centroids).
public struct CentroidSpec: Sendable, Equatable {
  public var path: String
  public var idColumn: String
  public var xColumn: String
  public var yColumn: String
  /// The CRS of the coordinates, with how the front end names its setting.
  public var crs: CRSSetting

  public init(path: String, idColumn: String, xColumn: String, yColumn: String, crs: CRSSetting) {
    self.path = path
    self.idColumn = idColumn
    self.xColumn = xColumn
    self.yColumn = yColumn
    self.crs = crs
  }
}
