@testable import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The year a population table states, read from small hand-written tables (the layouts of
/// /work/shared/real/population: ONS SAPE without a year, Trafford's `period` column, Sussex's
/// column per year).
@Suite struct StatedYearTests {
  func stated(_ text: String, value: String = "All Ages", id: String = "Area Codes", filters: [String] = []) throws -> StatedYear? {
    try StatedYear.read(path: try temporaryFile(text), value: value, id: id, filters: filters)
  }

  @Test func onsLayoutStatesNoYear() throws {
    #expect(try stated("Area Codes,Area Names,All Ages\nE01000001,A,\"1,632\"\n") == nil)
  }

  @Test func residentsColumnNameStatesTheYear() throws {
    let s = try #require(try stated("Area Codes,Mid-2022\nE01000001,1632\n", value: "Mid-2022"))
    #expect(s.years == [2022])
    #expect(s.texts == ["Mid-2022"])
    #expect(s.source == "column name \"Mid-2022\"")
    // A column per year (Sussex): the one read is the year, whatever the others are.
    let sussex = try #require(
      try stated("LSOA11CD,Sex,2016,2017,2019\nE01031349,Male,27,29,24\n", value: "2019", id: "LSOA11CD"))
    #expect(sussex.years == [2019])
  }

  /// Trafford's layout: a `period` column (2022-06-30), one row per zone and sex; the filter's
  /// rows only.
  @Test func periodColumnOfTheRowsKept() throws {
    let text = """
      period,area_code,sex,all_ages
      2022-06-30,E01006074,Females,857
      2022-06-30,E01006074,Persons,1634
      2021-06-30,E01006075,Males,800

      """
    let s = try #require(try stated(text, value: "all_ages", id: "area_code", filters: ["sex=Persons"]))
    #expect(s.years == [2022])
    #expect(s.texts == ["2022-06-30"])
    #expect(s.source == "column \"period\"")
    let all = try #require(try stated(text, value: "all_ages", id: "area_code"))
    #expect(all.years == [2021, 2022])
    #expect(all.texts == ["2022-06-30", "2021-06-30"])
  }

  @Test func yearColumnNames() {
    for name in ["year", "Year", "mid_year", "Mid-Year", "catchment_year", "period", "Date", "Time period"] {
      #expect(StatedYear.isYearColumn(name), "\(name)")
    }
    for name in ["Area Codes", "All Ages", "yearly_total", "sex", "age"] {
      #expect(!StatedYear.isYearColumn(name), "\(name)")
    }
  }

  @Test func yearInText() {
    #expect(StatedYear.year(in: "Mid-2022") == 2022)
    #expect(StatedYear.year(in: "2022-06-30") == 2022)
    #expect(StatedYear.year(in: "mid2017") == 2017)
    #expect(StatedYear.year(in: "30/06/2020") == 2020)
    #expect(StatedYear.year(in: "All Ages") == nil)
    #expect(StatedYear.year(in: "120223") == nil)
    #expect(StatedYear.year(in: "1632") == nil)
    #expect(StatedYear.year(in: "") == nil)
  }
}
