import CatchmentStudy
import Foundation
import Testing

/// The settings in force, defaults included, for the manifest.
@Suite struct StudySettingsTests {
  @Test func defaultsAppearAsSettings() throws {
    let text = StudyValidationTests.base + """

      [providers]
      activity = "a.csv"
      zone = "z"
      provider = "p"
      share = "s"
      filter = { year = 2022 }
      [[proposals]]
      name = "a"
      blocks = "lad"
      assign = "a.csv"
      """
    let study = try Study(toml: text, file: "s.toml", folder: URL(fileURLWithPath: "/x"))
    let settings = study.settings
    #expect(settings["providers.threshold"] == "0.05")
    #expect(settings["providers.method"] == "proportional")
    #expect(settings["providers.share"] == "s")
    #expect(settings["providers.filter.year"] == "2022")
    #expect(settings["proposals[1].block_column"] == "block_id")
    #expect(settings["proposals[1].footprint_column"] == "footprint_id")
    #expect(settings["proposals[1].weight_column"] == nil)
    #expect(settings["layers.icb.footprint"] == "ICB23CD")
    #expect(settings["layers.lad.lookup"] == "lookup.csv")
    #expect(settings["output"] == "out")
    #expect(settings["review.baseline"] == "icb")
    // title, output, 2 × 3 lookup keys, review (baseline, others, nesting), providers (7), proposal (5).
    #expect(settings.count == 2 + 6 + 3 + 7 + 5)
    #expect(settings["review.nesting"] == "")
  }
}
