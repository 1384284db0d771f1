import CatchmentGeometry
import Foundation

/// Writes a GeoJSON FeatureCollection from geometries already written as GeoJSON geometry
/// objects (e.g. by GEOS), with string properties.
///
/// Coordinates stay in the layer's CRS. RFC 7946 GeoJSON is CRS84; for any other CRS the
/// legacy `crs` member of GeoJSON 2008 names it (`urn:ogc:def:crs:EPSG::27700`), which GDAL,
/// geopandas and this project's reader honour.
public enum GeoJSONWriter {
  /// One feature: its properties (name, value) in order, and its geometry object.
  public struct Feature: Sendable {
    public var properties: [(String, String)]
    public var geometry: String
    public init(properties: [(String, String)], geometry: String) {
      self.properties = properties
      self.geometry = geometry
    }
  }

  /// The document, one feature per line.
  public static func featureCollection(_ features: [Feature], crs: CRSReference) -> String {
    var text = "{\"type\":\"FeatureCollection\""
    if let urn = legacyName(crs) { text += ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\(quoted(urn))}}" }
    text += ",\"features\":[\n"
    for (k, feature) in features.enumerated() {
      let properties = feature.properties.map { "\(quoted($0.0)):\(quoted($0.1))" }.joined(separator: ",")
      text += "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(feature.geometry)}" + (k + 1 < features.count ? ",\n" : "\n")
    }
    return text + "]}\n"
  }

  /// The legacy `crs` name for a CRS other than CRS84; nil for CRS84 (the default).
  static func legacyName(_ crs: CRSReference) -> String? {
    switch crs {
    case .crs84: return nil
    case .authority(let name, let code): return "urn:ogc:def:crs:\(name)::\(code)"
    case .definition(let text): return text
    default: return nil
    }
  }

  /// A JSON string literal.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
