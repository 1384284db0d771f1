import CatchmentInputs
@testable import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// `catchment review --init`: the study drafted from a folder.
@Suite struct StudyDraftTests {
  let data = packageRoot.appendingPathComponent("data")

  /// A copy of the demo folder without its study file.
  func demoCopy() throws -> URL {
    let folder = try temporaryFolder().appendingPathComponent("demo")
    try FileManager.default.copyItem(at: data, to: folder)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("demo_study.toml"))
    return folder
  }

  @Test func theDemoFolderDraftsTheDemoStudysInputs() throws {
    let folder = try demoCopy()
    let file = folder.appendingPathComponent("study.toml")
    let draft = try StudyDraft.write(folder: folder, to: file)
    let study = try Study(contentsOf: file.path)
    func path(_ name: String) -> StudyPath { StudyPath(name, relativeTo: folder) }
    // The same choices the hand-written demo study makes, where the demo folder leaves one.
    #expect(study.population == PopulationSpec(file: path("population_lsoa_mid2022.csv"), id: "Area Codes", value: "All Ages", year: 2022))
    #expect(
      study.zones
        == ZonesSpec(
          path: path("lsoa_boundaries.geojson"), id: "LSOA21CD", crs: nil,
          centroids: CentroidsSpec(file: path("lsoa_pwc.csv"), id: "LSOA21CD", x: "x", y: "y", crs: .epsg(27700))))
    let lookup = path("lsoa_sicbl_icb_lad_lookup.csv")
    #expect(study.layers["icb"] == .lookup(file: lookup, zone: "LSOA21CD", footprint: "ICB23CD", name: "ICB23NM", weight: nil))
    #expect(study.layers["sicbl"] == .lookup(file: lookup, zone: "LSOA21CD", footprint: "SICBL23CD", name: "SICBL23NM", weight: nil))
    #expect(study.layers["lad"] == .lookup(file: lookup, zone: "LSOA21CD", footprint: "LAD23CD", name: "LAD23NM", weight: nil))
    #expect(
      study.layers["icb_boundaries"]
        == .polygons(path: path("icb_boundaries.shp"), id: "ICB23CD", name: "ICB23NM", method: .bestFit, crs: nil))
    #expect(
      study.layers["proposed_footprints"]
        == .polygons(path: path("proposed_footprints.geojson"), id: "FOOTPRINT_ID", name: "FOOTPRINT_NAME", method: .bestFit, crs: nil))
    #expect(study.layers.count == 6)
    #expect(study.review.baseline == "icb")
    #expect(study.review.councils == "lad")
    #expect(Set(study.review.others) == ["sicbl", "icb_boundaries", "proposed_footprints", "sicbl_boundaries"])
    #expect(
      study.registrations
        == RegistrationsSpec(file: path("gp_reg_pat_prac_lsoa.csv"), practiceMap: path("gp_reg_pat_prac_map.csv"), practiceFootprint: "ONS_ICB_CODE"))
    #expect(
      study.providers
        == ProvidersSpec(
          activity: path("trust_activity.csv"), zone: "lsoa21cd", provider: "trust_code", measure: .count("patients"),
          total: "total_patients", filter: ["catchment_year": "2022", "admission_type": "All"], names: path("trusts_etr.csv")))
    #expect(
      study.proposals
        == [ProposalSpec(name: "councils_whole", blocks: "lad", assign: path("proposal_councils_whole.csv"), footprintNameColumn: "footprint_name")])
    // Every choice is marked, naming the alternatives.
    let marked = draft.text.split(separator: "\n").filter { $0.hasPrefix("# CHECK: ") }.map { String($0.dropFirst(9)) }
    #expect(marked == draft.checks)
    #expect(draft.checks.contains { $0.hasPrefix("review.baseline: icb chosen") && $0.contains("sicbl") })
    #expect(draft.checks.contains { $0.hasPrefix("registrations.file: gp_reg_pat_prac_lsoa.csv chosen") && $0.contains("gp_reg_pat_prac_lsoa_sex.csv") })
    #expect(draft.checks.contains { $0.hasPrefix("providers.filter: catchment_year = 2022 chosen") && $0.contains("2021") })
    #expect(draft.text.contains("trust_sites.csv (columns: site_code"), "an unrecognised file is listed")
  }

  @Test func anExistingFileIsNeverOverwritten() throws {
    let folder = try demoCopy()
    let file = folder.appendingPathComponent("study.toml")
    try Data("keep me\n".utf8).write(to: file)
    #expect(throws: StudyDraftError.exists(file.path)) { try StudyDraft.write(folder: folder, to: file) }
    #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
  }

  @Test func aMissingFolderIsATypedErrorAndWritesNothing() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("study.toml")
    #expect(throws: StudyDraftError.self) { try StudyDraft.write(folder: folder.appendingPathComponent("absent"), to: file) }
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  /// Paths are relative to the study file's folder when it is elsewhere.
  @Test func pathsRelativeToTheStudyFileAndQuotedNames() throws {
    let root = try temporaryFolder()
    let inputs = root.appendingPathComponent("in put")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try Data("LSOA21CD,ICB23CD,ICB23NM\nE01000001,E54000001,\"North \"\"East\"\"\"\n".utf8).write(to: inputs.appendingPathComponent("lookup.csv"))
    try Data("Area Codes,All Ages\nE01000001,\"1,000\"\n".utf8).write(to: inputs.appendingPathComponent("pop.csv"))
    let studies = root.appendingPathComponent("studies")
    try FileManager.default.createDirectory(at: studies, withIntermediateDirectories: true)
    let file = studies.appendingPathComponent("s.toml")
    try StudyDraft.write(folder: inputs, to: file)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("lookup = \"../in put/lookup.csv\""), "\(text)")
    let study = try Study(contentsOf: file.path)
    #expect(study.population?.file.url.path == inputs.appendingPathComponent("pop.csv").standardizedFileURL.path)
    #expect(study.review.baseline == "icb")
  }

  /// Strings and keys are quoted and escaped so that any column name reads back as written.
  @Test func tomlQuotingReadsBack() throws {
    let awkward = "Sex \"of\" \\ person\t"
    let text = "title = \(TOMLText.string(awkward))\noutput = \"o\"\n[population]\nfile = \"p.csv\"\nid = \"a\"\nvalue = \"b\"\nfilter = \(TOMLText.inlineTable([(awkward, awkward)]))\n[layers.x]\ncrosswalk = \"c.csv\"\n[review]\nbaseline = \"x\"\n"
    let study = try Study(toml: text, file: "t.toml", folder: URL(fileURLWithPath: "/"))
    #expect(study.title == awkward)
    #expect(study.population?.filter == [awkward: awkward])
    #expect(TOMLText.key("catchment_year") == "catchment_year")
    #expect(TOMLText.name("Proposal 2 (West)") == "proposal_2_west")
  }

  @Test func sexBreakdownsAreFilteredToAllPersons() throws {
    let folder = try temporaryFolder()
    var survey = try FolderSurvey(folder: folder)
    survey.tables = [
      .init(
        file: "mye.csv",
        sample: TableSample(path: "mye.csv", header: ["area_code", "sex", "all_ages"], rows: []),
        layout: .population(.init(kind: "long", id: "area_code", value: "all_ages", breakdowns: ["sex"]))),
      .init(
        file: "ages.csv",
        sample: TableSample(path: "ages.csv", header: ["LSOA11CD", "Age_group", "2020"], rows: []),
        layout: .population(.init(kind: "long", id: "LSOA11CD", value: "2020", breakdowns: ["Age_group"]))),
    ]
    let values = ["sex": ["Female", "Male", "Persons"], "Age_group": ["0-4 years", "5-9 years"]]
    let draft = StudyDraft(survey: survey, studyFolder: folder) { _, column in values[column] ?? [] }
    #expect(draft.text.contains("filter = { sex = \"Persons\" }"), "\(draft.text)")
    #expect(draft.checks.contains { $0.hasPrefix("population.file: mye.csv chosen") && $0.contains("ages.csv") })
  }
}
