import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentStudy

/// The headline figures of a review, hand-worked on the tiny fixtures (`Tests/Fixtures/tiny`,
/// whose flows are worked cell by cell in `Tests/CatchmentAnalysisTests/FlowMatrixTests.swift`
/// and whose summary `EndToEndTests` checks):
///
/// - crosswalk: E01000001, E01000002 → E38000001 "NHS Alpha, North CCG"; E01000003, E01000004
///   → E38000002 "NHS Beta CCG"; E01000005 → UNALLOCATED (blank CCG);
/// - residents: P(E38000001) = 1,000 + 500 = 1,500, P(E38000002) = 600 + 400 = 1,000, so 2,500
///   (E01000005 has no population row);
/// - flow summary (ALL rows; P3 is not in the map, so its patients register in UNALLOCATED):
///   E38000001 resident_registered 130, registered_list 123, retained 100;
///   E38000002 resident_registered 1,070, registered_list 1,067, retained 1,050;
/// - registered patients 123 + 1,067 = 1,190; list inflation (130 + 1,070) ÷ 2,500 = 0.48;
/// - retention (100 + 1,050) ÷ (130 + 1,070) = 1,150 ÷ 1,200 = 0.958333…, lowest E38000001
///   100 ÷ 130 = 0.769230…;
/// - capture 1,150 ÷ 1,190 = 0.966386…, inflow 1,190 − 1,150 = 40, lowest E38000001
///   100 ÷ 123 = 0.813008….
@Suite struct ReviewHeadlineTests {
  /// A study of the tiny fixtures, baseline the CCGs of the lookup; `providers` adds nothing
  /// here (the tiny fixtures have no activity table).
  func tinyStudy(registrations: Bool = true) throws -> Study {
    let folder = try temporaryFolder()
    var text = """
      title = "tiny"
      output = "pack"

      [population]
      file = "\(fixture("tiny/population.csv"))"
      id = "Area Codes"
      value = "All Ages"

      [layers.ccg]
      lookup = "\(fixture("tiny/lookup.csv"))"
      zone = "LSOA11CD"
      footprint = "CCG20CD"
      name = "CCG20NM"

      [review]
      baseline = "ccg"

      """
    if registrations {
      text += """

        [registrations]
        file = "\(fixture("tiny/registrations.csv"))"
        practice_map = "\(fixture("tiny/practice_map.csv"))"
        practice_footprint = "ONS_CCG_CODE"

        """
    }
    let path = folder.appendingPathComponent("study.toml")
    try text.write(to: path, atomically: false, encoding: .utf8)
    return try Study(contentsOf: path.path)
  }

  @Test func tinyFiguresAreTheHandWorkedOnes() throws {
    let study = try tinyStudy()
    let headline = try ReviewRun(study: study).run().headline(study: study)
    #expect(headline.baseline == "ccg")
    #expect(headline.footprints == 2)
    #expect(headline.residents == 2500)
    #expect(headline.registered == 1190)
    #expect(headline.listInflation == 1200.0 / 2500)
    #expect(headline.retention == 1150.0 / 1200)
    #expect(headline.lowestRetention == ReviewHeadline.Footprint(id: "E38000001", name: "NHS Alpha, North CCG", value: 100.0 / 130))
    #expect(headline.capture == 1150.0 / 1190)
    #expect(headline.inflow == 40)
    #expect(headline.lowestCapture == ReviewHeadline.Footprint(id: "E38000001", name: "NHS Alpha, North CCG", value: 100.0 / 123))
    #expect(headline.multiSystemTrusts == nil && headline.trusts == nil && headline.threshold == nil)
  }

  @Test func tinyTextStatesEachFigureAndWhatIsMissing() throws {
    let study = try tinyStudy()
    let text = try ReviewRun(study: study).run().headline(study: study).text(pack: "/tmp/pack", files: 7)
    #expect(
      text == """
        The review pack is in /tmp/pack (7 files; report.json: what every step counted and lost; manifest.json: every input, option and output with its SHA-256).

        Headline figures for the baseline ccg (2 footprints):
          1. Residents: 2,500 living in the footprints (population_ccg.csv)
          2. Registered patients: 1,190 on the lists of the footprints' practices (flow_summary_ccg.csv); list inflation 0.480 (registered residents ÷ residents)
          3. Retention: 95.8% of the footprints' registered residents have their practice in their own footprint (lowest 76.9%: E38000001 NHS Alpha, North CCG)
          4. Capture: 96.6% of the practices' patients live in the practice's footprint; 40 live outside it (lowest 81.3%: E38000001 NHS Alpha, North CCG)
          5. Trusts in two or more systems: not in this review (it needs [providers] and [population])

        """)
  }

  /// Without `[registrations]`, the residents alone; the flow figures say what they need.
  @Test func withoutRegistrationsOnlyResidents() throws {
    let study = try tinyStudy(registrations: false)
    let headline = try ReviewRun(study: study).run().headline(study: study)
    #expect(headline.residents == 2500 && headline.footprints == 2)
    #expect(headline.registered == nil && headline.retention == nil && headline.capture == nil && headline.listInflation == nil)
    let text = headline.text(pack: "p", files: 4)
    #expect(text.contains("  2. Registered patients: not in this review (it needs [registrations] with a practice map)\n"))
    #expect(text.contains("  3. Retention: not in this review (it needs [registrations] with a practice map)\n"))
  }

  @Test func peopleAreWholeWithThousandsSeparators() {
    #expect(ReviewHeadline.people(0) == "0")
    #expect(ReviewHeadline.people(999.4) == "999")
    #expect(ReviewHeadline.people(1000) == "1,000")
    #expect(ReviewHeadline.people(615_066.49) == "615,066")
    #expect(ReviewHeadline.people(1_234_567.5) == "1,234,568")
    #expect(ReviewHeadline.people(-26_742) == "-26,742")
    #expect(ReviewHeadline.percent(0.05, decimals: 0...1) == "5%")
    #expect(ReviewHeadline.percent(0.075, decimals: 0...1) == "7.5%")
    #expect(ReviewHeadline.percent(0.9512) == "95.1%")
  }
}
