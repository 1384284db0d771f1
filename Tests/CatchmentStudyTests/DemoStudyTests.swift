import CatchmentAnalysis
import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// The committed example study, data/demo_study.toml, read by the parser.
@Suite struct DemoStudyTests {
  let data = packageRoot.appendingPathComponent("data")

  func path(_ given: String) -> StudyPath { StudyPath(given, relativeTo: data) }

  @Test func demoStudyParsesToTheValuesItStates() throws {
    let study = try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)
    #expect(study.title == "Demo ICB footprint review")
    #expect(study.output.given == "../out/review")
    #expect(study.output.url.path == packageRoot.appendingPathComponent("out/review").standardizedFileURL.path)
    #expect(
      study.population
        == PopulationSpec(file: path("population_lsoa_mid2022.csv"), id: "Area Codes", value: "All Ages", year: 2022))
    #expect(
      study.zones
        == ZonesSpec(
          path: path("lsoa_boundaries.geojson"), id: "LSOA21CD", crs: .epsg(27700),
          centroids: CentroidsSpec(file: path("lsoa_pwc.csv"), id: "LSOA21CD", x: "x", y: "y", crs: .epsg(27700))))
    let lookup = path("lsoa_sicbl_icb_lad_lookup.csv")
    #expect(
      study.layers == [
        "icb": .lookup(file: lookup, zone: "LSOA21CD", footprint: "ICB23CD", name: "ICB23NM", weight: nil),
        "sicbl": .lookup(file: lookup, zone: "LSOA21CD", footprint: "SICBL23CD", name: "SICBL23NM", weight: nil),
        "lad": .lookup(file: lookup, zone: "LSOA21CD", footprint: "LAD23CD", name: "LAD23NM", weight: nil),
        "icb_bestfit": .polygons(
          path: path("icb_boundaries.shp"), id: "ICB23CD", name: "ICB23NM", method: .bestFit, crs: nil),
        "proposed": .polygons(
          path: path("proposed_footprints.geojson"), id: "FOOTPRINT_ID", name: "FOOTPRINT_NAME", method: .area,
          crs: nil),
      ])
    #expect(
      study.review
        == ReviewSpec(baseline: "icb", councils: "lad", others: ["sicbl", "icb_bestfit", "proposed"], nesting: ["sicbl", "icb"]))
    #expect(
      study.registrations
        == RegistrationsSpec(
          file: path("gp_reg_pat_prac_lsoa.csv"), practiceMap: path("gp_reg_pat_prac_map.csv"),
          practiceFootprint: "ONS_ICB_CODE"))
    #expect(
      study.providers
        == ProvidersSpec(
          activity: path("trust_activity.csv"), zone: "lsoa21cd", provider: "trust_code", measure: .count("patients"),
          total: "total_patients", filter: ["catchment_year": "2022", "admission_type": "All"],
          method: .proportional, threshold: 0.05, names: path("trusts_etr.csv")))
    #expect(
      study.proposals == [
        ProposalSpec(
          name: "councils-whole", blocks: "lad", assign: path("proposal_councils_whole.csv"),
          footprintNameColumn: "footprint_name")
      ])
  }

  /// Every file the demo study names is in data/ (so the study can run as is).
  @Test func everyFileTheDemoStudyNamesExists() throws {
    let study = try Study(contentsOf: data.appendingPathComponent("demo_study.toml").path)
    var files: [StudyPath] = []
    files += [study.population?.file, study.zones?.path, study.zones?.centroids?.file].compactMap { $0 }
    for layer in study.layers.values {
      switch layer {
      case .lookup(let file, _, _, _, _), .crosswalk(let file): files.append(file)
      case .polygons(let file, _, _, _, _): files.append(file)
      }
    }
    files += [study.registrations?.file, study.registrations?.practiceMap].compactMap { $0 }
    files += [study.providers?.activity, study.providers?.names].compactMap { $0 }
    files += study.proposals.map(\.assign)
    #expect(files.count == 13)
    for file in files {
      #expect(FileManager.default.fileExists(atPath: file.url.path), "\(file.given)")
    }
  }

  /// The proposal's assignment covers each council of the lookup exactly once.
  @Test func demoProposalAssignsEveryCouncilOnce() throws {
    let lookup = try SimpleCSV(contentsOf: data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv"))
    let councils = Set(lookup.rows.map { $0[lookup.column("LAD23CD")] })
    let assign = try SimpleCSV(contentsOf: data.appendingPathComponent("proposal_councils_whole.csv"))
    let blocks = assign.rows.map { $0[assign.column("block_id")] }
    #expect(blocks.count == Set(blocks).count)
    #expect(Set(blocks) == councils)
  }
}
