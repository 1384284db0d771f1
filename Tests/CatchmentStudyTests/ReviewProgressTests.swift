import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The review's progress sink: every step, numbered in order, of the planned total.
@Suite struct ReviewProgressTests {
  let data = packageRoot.appendingPathComponent("data")

  final class Steps: @unchecked Sendable {
    var seen: [ReviewStep] = []
  }

  /// The demo study by hand: 5 layers (icb, icb_bestfit, lad, proposed, sicbl) each a crosswalk,
  /// its drawn footprints (the study has [zones]) and a population (15), flows of icb (1), overlaps of icb with lad, sicbl, icb_bestfit and
  /// proposed (4), the nesting of sicbl in icb (1), the proposal and its comparison (2),
  /// catchments and membership (2), and last the report, drawn as the pack's files are put
  /// together (1): 26.
  @Test func theDemoStudyReportsStepOneToTwentySixInOrder() throws {
    let study = try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)
    var run = ReviewRun(study: study)
    let steps = Steps()
    run.progress = { steps.seen.append($0) }
    let pack = try run.run()
    let studyFile = data.appendingPathComponent("demo_study.toml").path
    let files = try run.packFiles(pack, studyFile: studyFile, tool: Manifest.Tool(version: "test"), runAt: Date(timeIntervalSince1970: 0))
    #expect(steps.seen.map(\.number) == Array(1...26))
    #expect(steps.seen.allSatisfy { $0.total == 26 })
    #expect(run.plannedSteps.map(\.label) == steps.seen.map(\.label))
    #expect(
      steps.seen.map(\.label) == [
        "crosswalk icb", "crosswalk icb_bestfit", "crosswalk lad", "crosswalk proposed", "crosswalk sicbl",
        "footprints icb", "footprints icb_bestfit", "footprints lad", "footprints proposed", "footprints sicbl",
        "population icb", "population icb_bestfit", "population lad", "population proposed", "population sicbl",
        "flows icb", "overlap icb_lad", "overlap icb_sicbl", "overlap icb_icb_bestfit", "overlap icb_proposed",
        "nesting sicbl in icb", "proposal councils-whole", "compare councils-whole", "catchments", "membership icb", "report",
      ])
    #expect(files.contains { $0.name == "report.html" })
    // Each step names the files it reads.
    let population = data.appendingPathComponent("population_lsoa_mid2022.csv").standardizedFileURL.path
    #expect(steps.seen[10].files == [population])
    #expect(steps.seen[5].files == [data.appendingPathComponent("lsoa_boundaries.geojson").standardizedFileURL.path])
    #expect(steps.seen[6].files == [data.appendingPathComponent("icb_boundaries.shp").standardizedFileURL.path])
    #expect(steps.seen[0].files == [data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv").standardizedFileURL.path])
    // The progress changes nothing of the pack.
    let quiet = try ReviewRun(study: study).run()
    #expect(pack.files == quiet.files)
  }

  @Test func withoutASinkNothingIsCalledAndTheRunIsTheSame() throws {
    let study = try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)
    let run = ReviewRun(study: study)
    #expect(run.progress == nil)
    #expect(run.plannedSteps.count == 26)
  }
}
