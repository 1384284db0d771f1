import CatchmentTestSupport
import Testing

@testable import CatchmentGeoIO

@Suite struct ProviderSitesTests {
  /// Two rows in the layout of ODS etr.csv (no header; 27 columns; code 1, name 2, postcode 10).
  @Test func readsODSProviderLists() throws {
    let path = try temporaryFile(
      """
      "R0A","MANCHESTER UNIVERSITY NHS FOUNDATION TRUST","Y62","QOP","COBBETT HOUSE","OXFORD ROAD","","MANCHESTER","","M13 9WL","20171001","","","","","","","","","","","0","","B","","",""
      "RXX","A TRUST, WITH A COMMA","Y61","QAA","","","","","","","20000401","","","","","","","","","","","0","","B","","",""

      """)
    let providers = try ProviderSites.readProviders(path: path)
    #expect(providers == [
      .init(code: "R0A", name: "MANCHESTER UNIVERSITY NHS FOUNDATION TRUST", postcode: "M13 9WL"),
      .init(code: "RXX", name: "A TRUST, WITH A COMMA", postcode: ""),
    ])
  }

  @Test func readsProviderListsWithAHeader() throws {
    let path = try temporaryFile("Trust_ODS_Code,Trust_Name,Postcode\nR0B,SOUTH NHS TRUST,SR4 7TP\n")
    let providers = try ProviderSites.readProviders(path: path, columns: .init(code: "Trust_ODS_Code", name: "Trust_Name", postcode: "Postcode"))
    #expect(providers == [.init(code: "R0B", name: "SOUTH NHS TRUST", postcode: "SR4 7TP")])
  }

  @Test func readsSitesWithCoordinatesOrPostcodes() throws {
    let path = try temporaryFile("site,trust,x,y,postcode,beds\nS1,R1,1000.5,2000,,120\nS2,R2,,,BB1 1BB,80\n")
    let sites = try ProviderSites.readSites(
      path: path, columns: .init(provider: "trust", id: "site", x: "x", y: "y", postcode: "postcode", attractiveness: "beds"))
    #expect(sites.count == 2)
    #expect(sites[0].point?.x == 1000.5 && sites[0].point?.y == 2000 && sites[0].attractiveness == 120 && sites[0].id == "S1")
    #expect(sites[1].point == nil && sites[1].postcode == "BB1 1BB" && sites[1].attractiveness == 80)
  }

  @Test func badSiteRowsNameTheLine() throws {
    let half = try temporaryFile("trust,x,y\nR1,1000,\n")
    #expect { _ = try ProviderSites.readSites(path: half, columns: .init(provider: "trust", x: "x", y: "y")) } throws: {
      "\($0)".contains("table.csv:2: the site has only one of its two coordinates")
    }
    let negative = try temporaryFile("trust,x,y,beds\nR1,1,2,-5\n")
    #expect { _ = try ProviderSites.readSites(path: negative, columns: .init(provider: "trust", x: "x", y: "y", attractiveness: "beds")) } throws: {
      "\($0)".contains("attractiveness is negative")
    }
  }
}
