import CatchmentGeometry
import Testing

/// A CRS as a person writes it: each accepted form parses to the reference a reader would
/// record, `written` gives text that parses back to it, and text that is no CRS is refused.
@Suite struct CRSReferenceParsingTests {
  static let wkt =
    #"PROJCS["OSGB_1936_British_National_Grid",GEOGCS["GCS_OSGB 1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["Meter",1]]"#

  static let accepted: [(String, CRSReference)] = [
    ("EPSG:27700", .epsg(27700)),
    ("epsg:4326", .epsg(4326)),
    (" EPSG:27700 ", .epsg(27700)),
    ("EPSG:27700+5701", .authority(name: "EPSG", code: "27700+5701")),
    ("ESRI:102100", .authority(name: "ESRI", code: "102100")),
    ("IGNF:LAMB93", .authority(name: "IGNF", code: "LAMB93")),
    ("OGC:CRS84", .crs84),
    ("crs84", .crs84),
    ("+proj=longlat +datum=WGS84 +no_defs", .definition("+proj=longlat +datum=WGS84 +no_defs")),
    ("urn:ogc:def:crs:EPSG::27700", .definition("urn:ogc:def:crs:EPSG::27700")),
    ("http://www.opengis.net/def/crs/EPSG/0/27700", .definition("http://www.opengis.net/def/crs/EPSG/0/27700")),
    (wkt, .wkt(wkt)),
  ]

  @Test(arguments: accepted.indices) func anAcceptedFormParsesAndRoundTrips(_ k: Int) {
    let (text, expected) = Self.accepted[k]
    let parsed = CRSReference(parsing: text)
    #expect(parsed == expected, "\(text)")
    #expect(CRSReference(parsing: expected.written) == expected)
  }

  @Test(arguments: [
    "", "   ", "EPSG:notanumber", "EPSG:", ":27700", "EPSG:27700+", "ESRI:abc", "27700", "British National Grid", "EPSG 27700",
    "+proj", "PROJCS[\"unclosed\"", "{\"type\": \"ProjectedCRS\"", "1EPSG:27700", "EPSG:277 00",
  ])
  func textThatIsNoCRSIsRefused(_ text: String) {
    #expect(CRSReference(parsing: text) == nil, "\(text)")
  }

  @Test func unknownIsWrittenAsSuchAndNeverParsedFromIt() {
    #expect(CRSReference.unknown.written == "unknown")
    #expect(CRSReference(parsing: "unknown") == nil)
  }
}
