import CatchmentInputs
import Testing

/// Recognition of published layouts by their headers (and headerless ones by their first
/// record). Each header is typed from the published file (the real files' headers from
/// /work/shared/real, read by eye; no data copied), the expected columns worked by hand.
@Suite struct PublishedLayoutTests {
  func layout(_ header: [String], _ rows: [[String]] = []) -> PublishedLayout? {
    PublishedLayout.recognise(TableSample(path: "t.csv", header: header, rows: rows))
  }

  @Test func onsLookupGivesEachLevelWithItsNameColumnAndSkipsODSCodes() {
    // The demo lookup (ONS LSOA21 → SICBL23 → ICB23 → LAD23 layout).
    let demo = ["LSOA21CD", "LSOA21NM", "SICBL23CD", "SICBL23CDH", "SICBL23NM", "ICB23CD", "ICB23CDH", "ICB23NM", "LAD23CD", "LAD23NM", "ObjectId"]
    #expect(
      layout(demo)
        == .lookup(
          zone: "LSOA21CD",
          levels: [
            .init(level: "sicbl", code: "SICBL23CD", name: "SICBL23NM"), .init(level: "icb", code: "ICB23CD", name: "ICB23NM"),
            .init(level: "lad", code: "LAD23CD", name: "LAD23NM"),
          ]))
    // ONS LSOA11_CCG20_LAD20_EN_LU.csv (FID first).
    #expect(
      layout(["FID", "LSOA11CD", "LSOA11NM", "CCG20CD", "CCG20CDH", "CCG20NM", "LAD20CD", "LAD20NM"])
        == .lookup(zone: "LSOA11CD", levels: [.init(level: "ccg", code: "CCG20CD", name: "CCG20NM"), .init(level: "lad", code: "LAD20CD", name: "LAD20NM")]))
    // geographr's renamed columns (lookup_lsoa21_icb24.csv): `_code`/`_name`, the NHS codes skipped.
    #expect(
      layout(["lsoa21_name", "lsoa21_code", "sicbl24_name", "sicbl24_code", "sicbl24_code_nhs", "icb24_name", "icb24_code", "icb24_code_nhs"])
        == .lookup(
          zone: "lsoa21_code",
          levels: [.init(level: "sicbl", code: "sicbl24_code", name: "sicbl24_name"), .init(level: "icb", code: "icb24_code", name: "icb24_name")]))
    // An OA → LSOA → MSOA → LAD lookup (Trafford Data Lab): LSOA is the zone, OA is finer, not a footprint.
    #expect(
      layout(["oa21cd", "lsoa21cd", "lsoa21nm", "msoa21cd", "msoa21nm", "lad22cd", "lad22nm"])
        == .lookup(zone: "lsoa21cd", levels: [.init(level: "msoa", code: "msoa21cd", name: "msoa21nm"), .init(level: "lad", code: "lad22cd", name: "lad22nm")]))
  }

  @Test func populationEstimatesInTheirThreeLayouts() {
    // SAPE wide (the demo file and SAPE20DT1): "Area Codes", "All Ages".
    #expect(layout(["Area Codes", "Area Names", "All Ages"]) == .population(.init(kind: "SAPE wide", id: "Area Codes", value: "All Ages")))
    #expect(layout(["Area Codes", "All Ages"]) == .population(.init(kind: "SAPE wide", id: "Area Codes", value: "All Ages")))
    // The 2021-based SAPE layout: "LSOA 2021 Code", "Total" (beside the LAD columns).
    #expect(
      layout(["LAD 2021 Code", "LAD 2021 Name", "LSOA 2021 Code", "LSOA 2021 Name", "Total", "F0", "F1"])
        == .population(.init(kind: "SAPE 2021", id: "LSOA 2021 Code", value: "Total")))
    // The 2021-based layout stacked by sex: "Sex" is a breakdown to filter.
    #expect(
      layout(["LAD 2021 Code", "LAD 2021 Name", "LSOA 2021 Code", "LSOA 2021 Name", "Sex", "Total"])
        == .population(.init(kind: "long", id: "LSOA 2021 Code", value: "Total", breakdowns: ["Sex"])))
    // A long layout, one row per zone and sex (Trafford Data Lab's mid-2022 LSOA21).
    #expect(
      layout(["period", "area_code", "area_name", "geography", "sex", "all_ages", "aged_0_to_15", "0", "1"])
        == .population(.init(kind: "long", id: "area_code", value: "all_ages", breakdowns: ["sex"])))
    // Years as columns (Sussex LSOA11 MYE 2016-20): the latest year, the others named.
    #expect(
      layout(["LSOA11NM", "LSOA11CD", "Age_group", "Sex", "2016", "2017", "2018", "2019", "2020", "2016_20"])
        == .population(
          .init(kind: "long", id: "LSOA11CD", value: "2020", breakdowns: ["Age_group", "Sex"], otherValues: ["2016", "2017", "2018", "2019"])))
  }

  @Test func registrationsAndThePracticeMap() {
    // NHS England gp-reg-pat-prac-lsoa (the demo file's columns).
    #expect(
      layout(["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "LSOA_CODE", "SEX", "NUMBER_OF_PATIENTS"])
        == .registrations(practice: "PRACTICE_CODE", zone: "LSOA_CODE", count: "NUMBER_OF_PATIENTS", sex: "SEX"))
    // The Pennine Lancashire extract as R wrote it (index column, Number.of.Patients).
    #expect(
      layout(["", "PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "LSOA_CODE", "SEX", "Number.of.Patients"])
        == .registrations(practice: "PRACTICE_CODE", zone: "LSOA_CODE", count: "Number.of.Patients", sex: "SEX"))
    // The Oct-2025 practice map: sub-ICB, ICB and region ONS codes (not the ODS or PCN codes).
    let map2025 = [
      "PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME", "ONS_SUB_ICB_LOCATION_CODE",
      "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_NAME", "ONS_ICB_CODE", "ICB_CODE", "ICB_NAME", "ONS_COMM_REGION_CODE", "COMM_REGION_CODE",
      "COMM_REGION_NAME", "SUPPLIER_NAME",
    ]
    #expect(
      layout(map2025)
        == .practiceMap(
          practice: "PRACTICE_CODE",
          levels: [
            .init(level: "sicbl", code: "ONS_SUB_ICB_LOCATION_CODE"), .init(level: "icb", code: "ONS_ICB_CODE"),
            .init(level: "region", code: "ONS_COMM_REGION_CODE"),
          ]))
    // The CCG-era map (Sep 2020): CCG and STP.
    #expect(
      layout(["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PCN_CODE", "ONS_CCG_CODE", "CCG_CODE", "ONS_STP_CODE", "STP_CODE"])
        == .practiceMap(practice: "PRACTICE_CODE", levels: [.init(level: "ccg", code: "ONS_CCG_CODE"), .init(level: "stp", code: "ONS_STP_CODE")]))
  }

  @Test func ohidActivityWithCountShareTotalAndBreakdowns() {
    #expect(
      layout(["catchment_year", "admission_type", "lsoa21cd", "trust_code", "patients", "total_patients", "proportion"])
        == .activity(
          .init(
            zone: "lsoa21cd", provider: "trust_code", count: "patients", share: "proportion", total: "total_patients",
            breakdowns: ["catchment_year", "admission_type"])))
    // A share-only table at MSOA (geographr's trust × MSOA 2019).
    #expect(
      layout(["msoa_code", "trust_code", "proportion"])
        == .activity(.init(zone: "msoa_code", provider: "trust_code", count: nil, share: "proportion", total: nil, breakdowns: [])))
  }

  @Test func headerlessODSAndCodePointByTheirFirstRecord() {
    // epraccur (Dec 2019) and etr (Mar 2022), first 11 of 27 fields as published.
    let epraccur = ["A81001", "THE DENSHAM SURGERY", "Y63", "Q74", "THE HEALTH CENTRE", "LAWSON STREET", "STOCKTON-ON-TEES", "CLEVELAND", "", "TS18 1HU", "19740401"]
    #expect(layout(epraccur) == .epraccur)
    let etr = ["R0A", "MANCHESTER UNIVERSITY NHS FOUNDATION TRUST", "Y62", "QOP", "COBBETT HOUSE", "OXFORD ROAD", "", "MANCHESTER", "", "M13 9WL", "20171001"]
    #expect(layout(etr) == .etr)
    // Code-Point Open: postcode, quality, eastings, northings, country, …
    let codePoint = ["B1  1AY", "10", "406523", "286448", "E92000001", "E19000001", "E18000005", "", "E08000025", "E05001193"]
    #expect(layout(codePoint) == .postcodes(kind: "Code-Point Open", postcode: "1", x: "3", y: "4"))
  }

  @Test func postcodeDirectoriesAndCentroids() {
    #expect(layout(["pcds", "oseast1m", "osnrth1m"]) == .postcodes(kind: "postcode list", postcode: "pcds", x: "oseast1m", y: "osnrth1m"))
    #expect(
      layout(["pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "ced", "oslaua", "osward", "oseast1m", "osnrth1m"])
        == .postcodes(kind: "ONSPD", postcode: "pcd", x: "oseast1m", y: "osnrth1m"))
    #expect(
      layout(["pcd", "pcd2", "pcds", "dointr", "doterm", "usertype", "oseast1m", "osnrth1m", "osgrdind", "oa11", "cty", "laua"])
        == .postcodes(kind: "NSPL", postcode: "pcd", x: "oseast1m", y: "osnrth1m"))
    // Population-weighted centroids: the demo's and ONS's LSOA11 PWC (X, Y first).
    #expect(layout(["x", "y", "LSOA21CD"]) == .centroids(zone: "LSOA21CD", level: "lsoa", x: "x", y: "y"))
    #expect(layout(["X", "Y", "objectid", "lsoa11cd", "lsoa11nm"]) == .centroids(zone: "lsoa11cd", level: "lsoa", x: "X", y: "Y"))
    // A sites table (postcode not first) is not a postcode directory, nor anything else.
    #expect(layout(["site_code", "trust_code", "site_name", "postcode", "x", "y", "beds"]) == nil)
  }

  @Test func catchmentsOwnFilesAndTablesItDoesNotKnow() {
    #expect(layout(["zone_id", "footprint_id", "weight"]) == .crosswalk)
    #expect(layout(["block_id", "footprint_id", "footprint_name"]) == .blockAssignment(name: "footprint_name", weight: nil))
    #expect(layout(["PCode", "Practice Name", "PCN", "CCG"]) == nil)
    #expect(layout(["Name", "Description"]) == nil)
  }

  @Test func levelNamesFromColumnNames() {
    #expect(PublishedLayout.codeLevel("ICB23CD") == "icb")
    #expect(PublishedLayout.codeLevel("SICBL23CDH") == nil)
    #expect(PublishedLayout.codeLevel("LSOA 2021 Code") == "lsoa")
    #expect(PublishedLayout.codeLevel("ONS_SUB_ICB_LOCATION_CODE") == "sicbl")
    #expect(PublishedLayout.codeLevel("CCG_ONS_CODE") == "ccg")
    #expect(PublishedLayout.nameLevel("ltla22_name") == "ltla")
  }
}
