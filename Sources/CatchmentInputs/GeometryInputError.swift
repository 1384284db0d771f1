import CatchmentAnalysis
import CatchmentGeoIO

/// Why the geometry inputs cannot be loaded. Messages are the front end's (it names its own
/// settings); the cases carry what they need.
public enum GeometryInputError: Error, Sendable {
  /// The working CRS is not projected: areas and distances need one in metres.
  case notProjected(crs: String)
  /// A layer's files declare no CRS and none was given; `setting` is the layer's own
  /// setting label (``CRSChoice/ownLabel``).
  case undeclaredCRS(role: String, setting: String)
  /// A layer that must declare its CRS declares none (``DeclaredLayers``).
  case undeclaredLayerCRS(what: String)
  /// A GeoPackage of the layer `role` holds several feature layers and none was chosen
  /// (``LayerSpec/gpkgLayer``); the reader's error lists them.
  case layerChoice(GeoIOError, role: String)
  /// Points to transform have no known CRS.
  case unknownSourceCRS(what: String)
  /// Two layers do not meet in the working CRS (one probably read in the wrong CRS);
  /// `withCentroids` says whether centroids were among the layers.
  case disjoint(DisjointLayersError, withCentroids: Bool)
}
