import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentGeoIO

/// The writers' files read back by GDAL, an independent reader (Debian's gdal-bin for
/// `ogrinfo`, python3-gdal for its GeoPackage validator; `scripts/setup.sh` installs both).
/// Skipped, with the reason recorded, where they are not installed.
@Suite struct GDALReadBackTests {
  static let ogrinfo = executable("ogrinfo")
  /// `validate_gpkg.py`, GDAL's GeoPackage validator (a sample shipped by python3-gdal).
  static let validator = [
    "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py", "/usr/share/doc/python3-gdal/examples/validate_gpkg.py",
  ].first { FileManager.default.fileExists(atPath: $0) }

  static func geoPackage() throws -> String { try GeoPackageWriterTests.writeFixture().path }

  @Test(.enabled(if: ogrinfo != nil, "ogrinfo not installed (Debian: gdal-bin)"))
  func gdalSummarisesTheGeoPackageLayers() throws {
    let out = try runTool(Self.ogrinfo ?? "", ["-ro", "-al", "-so", try Self.geoPackage()])
    #expect(out.contains("using driver `GPKG' successful"))
    let footprints = out.components(separatedBy: "Layer name: ").first { $0.hasPrefix("footprints") } ?? ""
    for line in [
      "Geometry: Multi Polygon", "Feature Count: 5", "Extent: (400000.000000, 300000.000000) - (400043.000000, 300040.000000)",
      "ID[\"EPSG\",27700]]", "FID Column = fid", "Geometry Column = geom", "code: String", "name: String",
      "population: Integer64", "retention: Real", "médecins: Integer64",
    ] {
      #expect(footprints.contains(line), "\(line)")
    }
    #expect(out.contains("Layer name: zones") && out.contains("Feature Count: 2"))
  }

  @Test(.enabled(if: ogrinfo != nil, "ogrinfo not installed (Debian: gdal-bin)"))
  func gdalFindsTheSameFeaturesAttributesAndAreasInTheGeoPackage() throws {
    let features = ogrFeatures(try runTool(Self.ogrinfo ?? "", ["-ro", "-al", try Self.geoPackage(), "footprints"]))
    try expectFixture(features, scale: 1)
  }

  @Test(.enabled(if: ogrinfo != nil, "ogrinfo not installed (Debian: gdal-bin)"))
  func gdalFindsTheSameFeaturesAttributesAndAreasInTheGeoJSON() throws {
    let path = try temporaryFile(try GeoJSONWriter.rfc7946(GeodataFixture.lonLat()), name: "geodata.geojson")
    let out = try runTool(Self.ogrinfo ?? "", ["-ro", "-al", path])
    #expect(out.contains("using driver `GeoJSON' successful") && out.contains("ID[\"EPSG\",4326]]"))
    try expectFixture(ogrFeatures(out), scale: 1e-6)
  }

  @Test(.enabled(if: ogrinfo != nil, "ogrinfo not installed (Debian: gdal-bin)"))
  func gdalMaintainsTheSpatialIndexThroughItsTriggers() throws {
    let path = try Self.geoPackage()
    // GDAL provides ST_IsEmpty, ST_MinX…: an update through it fires the Annex F.3 triggers.
    _ = try runTool(Self.ogrinfo ?? "", [path, "-sql", "UPDATE footprints SET geom = NULL WHERE fid = 1"])
    #expect(try query(path, "SELECT id FROM rtree_footprints_geom ORDER BY id") == [["2"], ["3"], ["4"]])
  }

  @Test(.enabled(if: validator != nil && executable("python3") != nil, "GDAL's validate_gpkg.py not installed (Debian: python3-gdal)"))
  func gdalsValidatorAcceptsTheGeoPackageAndRejectsATamperedOne() throws {
    let path = try Self.geoPackage()
    let python = executable("python3") ?? ""
    #expect(try runTool(python, [Self.validator ?? "", path]).isEmpty)
    // The validator can fail: without one of the R-tree triggers it must.
    let tampered = try temporaryFolder().appendingPathComponent("tampered.gpkg").path
    try FileManager.default.copyItem(atPath: path, toPath: tampered)
    try execute(tampered, "DROP TRIGGER rtree_footprints_geom_update4")
    #expect(throws: ProcessFailure.self) { try runTool(python, [Self.validator ?? "", tampered]) }
  }

  /// The fixture's features, attributes and areas (in grid cells: `scale` squared units per
  /// cell) in GDAL's reading.
  func expectFixture(_ features: [OGRFeature], scale: Double) throws {
    try #require(features.count == 5)
    #expect(features.map { $0.fields["code"] } == GeodataFixture.ids)
    #expect(features.map { $0.fields["name"] } == ["Ynys Môn", "Brent – Harrow \"north\"", "東京 Ōtautahi", "(null)", ""])
    #expect(features.map { $0.fields["population"] } == ["1200", "0", "-5", "(null)", "7"])
    #expect(features.map { $0.fields["retention"] } == ["0.25", "1e-07", "(null)", "-3.5", "0.1"])
    #expect(features.map { $0.fields["médecins"] } == ["3", "(null)", "9007199254740993", "0", "1"])
    for (f, feature) in features.enumerated() {
      let areas = feature.polygons.map { $0.map { abs(shoelace($0)) / 2 / scale } }
      #expect(areas.count == GeodataFixture.cellAreas[f].count, "feature \(f + 1)")
      for (got, want) in zip(areas, GeodataFixture.cellAreas[f]) {
        #expect(got.count == want.count && zip(got, want).allSatisfy { abs($0 - $1) < 1e-6 }, "feature \(f + 1): \(got) vs \(want)")
      }
    }
  }
}

/// A feature as `ogrinfo -al` prints it: `name (Type) = value` lines and the geometry's WKT,
/// here a MULTIPOLYGON as polygons of rings of (x, y).
struct OGRFeature {
  var fields: [String: String] = [:]
  var polygons: [[[(Double, Double)]]] = []
}

/// The features in `ogrinfo -al` output.
func ogrFeatures(_ text: String) -> [OGRFeature] {
  var out: [OGRFeature] = []
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("OGRFeature(") {
      out.append(OGRFeature())
    } else if !out.isEmpty, let wkt = line.firstRange(of: "MULTIPOLYGON (((") {
      let body = line[wkt.upperBound...].dropLast(3)
      out[out.count - 1].polygons = body.components(separatedBy: ")),((").map { polygon in
        polygon.components(separatedBy: "),(").map { ring in
          ring.split(separator: ",").map { pair in
            let xy = pair.split(separator: " ").compactMap { Double($0) }
            return (xy.first ?? .nan, xy.last ?? .nan)
          }
        }
      }
    } else if !out.isEmpty, let equals = line.firstRange(of: " = "), let paren = line.firstRange(of: " (") {
      let name = line[..<paren.lowerBound].trimmingCharacters(in: .whitespaces)
      out[out.count - 1].fields[name] = String(line[equals.upperBound...])
    }
  }
  return out
}

/// Twice the signed area of a closed ring.
func shoelace(_ ring: [(Double, Double)]) -> Double {
  zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.0 * $1.1.1 - $1.1.0 * $1.0.1 }
}
