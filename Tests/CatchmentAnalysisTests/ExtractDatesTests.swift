import CatchmentCore
import Testing

@testable import CatchmentAnalysis

/// The extract dates of a registrations file (moved from `catchment flows` in issue 10): the
/// years they state, the note and warning they give, and the check of the population's year.
@Suite struct ExtractDatesTests {
  /// The spellings NHS files use, worked by hand.
  @Test(arguments: [
    ("01APR2020", 2020), ("01-Sep-20", 2020), ("2025-10-01", 2025), ("1 Oct 2019", 2019), ("30/06/21", 2021),
  ])
  func yearOfAnExtractDate(date: String, year: Int) {
    #expect(ExtractDates.year(in: date) == year)
  }

  @Test func noYearInADateWithoutOne() {
    #expect(ExtractDates.year(in: "APRIL") == nil)
    #expect(ExtractDates.year(in: "") == nil)
    #expect(ExtractDates.year(in: "1-2-3") == nil)
  }

  /// Several dates: each year once, ascending, so that the year a warning names does not depend
  /// on hashing (it did while the years were a Set read in its own order).
  @Test func yearsAreSortedAndTheEarliestUnlikeYearIsNamed() {
    let extract = ExtractDates(["01APR2021", "01MAR2019", "01MAY2021", "no date"])
    #expect(extract.years == [2019, 2021])
    #expect(extract.yearUnlike(2020) == 2019)
    #expect(extract.yearUnlike(2019) == 2021)
    #expect(ExtractDates(["01APR2020"]).yearUnlike(2020) == nil)
    #expect(ExtractDates([]).yearUnlike(2020) == nil)
  }

  @Test func oneDateIsNotedSeveralAreWarnedOf() {
    let one = RunReport(command: "t")
    one.record(ExtractDates(["01APR2020"]).account())
    #expect(one.notes == ["EXTRACT_DATE seen: 01APR2020"])
    #expect(one.warnings == [])

    let two = RunReport(command: "t")
    two.record(ExtractDates(["01APR2020", "01MAY2020"]).account())
    #expect(two.notes == ["EXTRACT_DATE seen: 01APR2020, 01MAY2020"])
    #expect(two.warnings == ["the registrations mix 2 extract dates (01APR2020, 01MAY2020); counts from different months are summed"])

    let none = RunReport(command: "t")
    none.record(ExtractDates([]).account())
    #expect(none.notes == [] && none.warnings == [])
  }

  @Test func aPopulationOfAnotherYearIsWarnedOf() {
    let unlike = RunReport(command: "t")
    unlike.record(ExtractDates(["01APR2020"]).checkPopulationYear(2017))
    #expect(unlike.warnings == ["the population is for 2017 but the registrations were extracted in 2020: list inflation compares unlike years"])
    let like = RunReport(command: "t")
    like.record(ExtractDates(["01APR2020"]).checkPopulationYear(2020))
    #expect(like.warnings == [])
  }
}
