import CatchmentGeometry
import Testing

@testable import CatchmentEngine

/// The forms ``CRSReference/init(parsing:)`` accepts are ones PROJ reads: each, parsed and
/// written back, is a CRS PROJ creates, of the kind expected.
@Suite struct WrittenCRSTests {
  @Test(arguments: [
    ("EPSG:27700", true), ("epsg:4326", false), ("OGC:CRS84", false), ("ESRI:102100", true), ("EPSG:27700+5701", false),
    ("+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs +type=crs", true),
    ("urn:ogc:def:crs:EPSG::27700", true),
  ])
  func aParsedCRSIsOnePROJCreates(_ text: String, _ projected: Bool) throws {
    let crs = try #require(CRSReference(parsing: text))
    // A compound CRS (British National Grid + ODN height) is neither projected nor geographic.
    #expect(try CRSInfo(crs.written).isProjected == projected, "\(text)")
  }

  /// A WKT as a shapefile's .prj holds it (ESRI WKT1 of British National Grid).
  @Test func aParsedWKTIsOnePROJCreates() throws {
    let wkt =
      #"PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]"#
    let crs = try #require(CRSReference(parsing: wkt))
    #expect(crs == .wkt(wkt))
    #expect(try CRSInfo(crs.written).isProjectedInMetres)
  }
}
