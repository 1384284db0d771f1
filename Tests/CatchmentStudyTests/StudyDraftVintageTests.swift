import CatchmentInputs
@testable import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// `catchment review --init` in a folder holding two boundary vintages: the registrations'
/// zone codes decide which zones, population and lookups the draft takes.
@Suite struct StudyDraftVintageTests {
  /// Registrations on three zones: one code kept from 2011 (E01000001) and two 2021 codes
  /// (E01035000, E01035001) that replaced 2011's E01000002 and E01000003.
  static let registrations =
    "PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nY1,E01000001,10\nY1,E01035000,20\nY2,E01035001,30\n"

  /// A folder holding `files` (name → text).
  func folder(_ files: [String: String]) throws -> URL {
    let folder = try temporaryFolder().appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder
  }

  /// A GeoJSON file of unit squares with `field` = each of `codes`.
  func squares(_ field: String, _ codes: [String]) -> String {
    let features = codes.enumerated().map { i, code in
      "{\"type\":\"Feature\",\"properties\":{\"\(field)\":\"\(code)\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\(i),0],[\(i + 1),0],[\(i + 1),1],[\(i),1],[\(i),0]]]}}"
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}\n"
  }

  func draft(_ folder: URL) throws -> (draft: StudyDraft, study: Study) {
    let file = folder.appendingPathComponent("study.toml")
    let draft = try StudyDraft.write(folder: folder, to: file)
    return (draft, try Study(contentsOf: file.path))
  }

  /// The 2011 files come first by name and the 2011 estimate is the later year, but the
  /// registrations' codes are 2021's: 3 of 3 covered against 1 of 3.
  @Test func zonesAndPopulationAreTheVintageTheRegistrationsCodesCover() throws {
    let folder = try folder([
      "registrations.csv": Self.registrations,
      "a_lsoa11.geojson": squares("LSOA11CD", ["E01000001", "E01000002", "E01000003"]),
      "b_lsoa21.geojson": squares("LSOA21CD", ["E01000001", "E01035000", "E01035001"]),
      "a_population_lsoa11_mid2023.csv": "Area Codes,All Ages\nE01000001,100\nE01000002,200\nE01000003,300\n",
      "b_population_lsoa21_mid2022.csv": "Area Codes,All Ages\nE01000001,100\nE01035000,200\nE01035001,300\n",
      "lookup.csv": "LSOA21CD,ICB23CD\nE01000001,E54000001\nE01035000,E54000001\nE01035001,E54000001\n",
    ])
    let (draft, study) = try draft(folder)
    #expect(study.zones?.path == StudyPath("b_lsoa21.geojson", relativeTo: folder))
    #expect(study.zones?.id == "LSOA21CD")
    #expect(study.population?.file == StudyPath("b_population_lsoa21_mid2022.csv", relativeTo: folder))
    #expect(study.population?.year == 2022)
    #expect(
      draft.checks.contains(
        "zones.path: b_lsoa21.geojson chosen (covers 3 of the registrations' 3 zone codes); other zone boundaries: a_lsoa11.geojson (covers 1 of the registrations' 3 zone codes) (a folder or a glob reads several)"
      ), "\(draft.checks)")
    #expect(
      draft.checks.contains {
        $0.hasPrefix("population.file: b_population_lsoa21_mid2022.csv chosen (covers 3 of") && $0.contains("a_population_lsoa11_mid2023.csv (covers 1 of")
      }, "\(draft.checks)")
  }

  /// Equal cover: the latest estimate, though it comes second by name.
  @Test func equalCoverTakesTheLatestEstimate() throws {
    let rows = "Area Codes,All Ages\nE01000001,100\nE01035000,200\nE01035001,300\n"
    let folder = try folder([
      "registrations.csv": Self.registrations, "a_population_mid2019.csv": rows, "b_population_mid2021.csv": rows,
      "lookup.csv": "LSOA21CD,ICB23CD\nE01000001,E54000001\n",
    ])
    let (draft, study) = try draft(folder)
    #expect(study.population?.file == StudyPath("b_population_mid2021.csv", relativeTo: folder))
    #expect(draft.checks.contains { $0.hasPrefix("population.file: b_population_mid2021.csv chosen") && $0.contains("a_population_mid2019.csv") })
  }

  /// ONS's bridge (LSOA11_LSOA21_LAD22 layout) and geographr's give no layer, not even their
  /// council column; the footprint lookup's levels keep their plain names.
  @Test func aBridgeBetweenVintagesIsNotALayer() throws {
    let folder = try folder([
      "registrations.csv": Self.registrations,
      "bridge.csv": "LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,LAD22NMW,ObjectId\n"
        + "E01000001,A 001A,E01000001,A 001A,U,E06000001,A,,1\nE01000002,A 001B,E01035000,A 001E,S,E06000001,A,,2\n"
        + "E01000002,A 001B,E01035001,A 001F,S,E06000001,A,,3\n",
      "geographr.csv": "lsoa11_name,lsoa11_code,change_code,lsoa21_name,lsoa21_code,ltla22_name,ltla22_code\n"
        + "A 001A,E01000001,U,A 001A,E01000001,A,E06000001\n",
      "lookup.csv": "LSOA21CD,ICB23CD,ICB23NM,LAD23CD,LAD23NM\nE01000001,E54000001,North,E06000001,A\nE01035000,E54000001,North,E06000001,A\n",
    ])
    let (draft, study) = try draft(folder)
    let lookup = StudyPath("lookup.csv", relativeTo: folder)
    #expect(study.layers.count == 2, "\(study.layers.keys.sorted())")
    #expect(study.layers["icb"] == .lookup(file: lookup, zone: "LSOA21CD", footprint: "ICB23CD", name: "ICB23NM", weight: nil))
    #expect(study.layers["lad"] == .lookup(file: lookup, zone: "LSOA21CD", footprint: "LAD23CD", name: "LAD23NM", weight: nil))
    #expect(draft.checks.contains("bridge.csv: a bridge between LSOA vintages (LSOA11CD → LSOA21CD), not a layer; `catchment recode` uses it"))
    #expect(draft.checks.contains("geographr.csv: a bridge between LSOA vintages (lsoa11_code → lsoa21_code), not a layer; `catchment recode` uses it"))
  }

  /// What makes a bridge: a second code column of the zone's level, or a change-code column;
  /// a lookup to a coarser small area (LSOA → MSOA) is not one.
  @Test func whatMakesABridge() {
    #expect(
      DraftBuilder.bridge(["LSOA11CD", "LSOA21CD", "LAD22CD"], zone: "LSOA11CD")
        == .init(from: "LSOA11CD", to: "LSOA21CD", change: nil, level: "lsoa"))
    #expect(DraftBuilder.bridge(["LSOA11CD", "CHGIND", "LAD22CD"], zone: "LSOA11CD") == .init(from: "LSOA11CD", to: nil, change: "CHGIND", level: "lsoa"))
    #expect(DraftBuilder.bridge(["LSOA21CD", "MSOA21CD", "LAD22CD"], zone: "LSOA21CD") == nil)
    #expect(DraftBuilder.bridge(["LSOA21CD", "ICB23CD"], zone: "LSOA21CD") == nil)
  }

  /// A lookup keyed by 2011 codes none of the registrations use gives no layer beside one
  /// keyed by theirs; alone, it still gives its layers (the only footprints there are).
  @Test func aLookupMatchingNoneOfTheRegistrationsZonesGivesNoLayerWhenAnotherDoes() throws {
    let old = "LSOA11CD,CCG20CD,CCG20NM\nE01000002,E38000001,Old\nE01000003,E38000001,Old\n"
    let current = "LSOA21CD,ICB23CD\nE01000001,E54000001\nE01035000,E54000001\nE01035001,E54000001\n"
    let both = try folder(["registrations.csv": Self.registrations, "a_lookup11.csv": old, "b_lookup21.csv": current])
    let (draft, study) = try draft(both)
    #expect(study.layers.keys.sorted() == ["icb"])
    #expect(
      draft.checks.contains(
        "a_lookup11.csv: its zone codes (LSOA11CD) match none of the registrations' zone codes, not a layer; b_lookup21.csv's do"),
      "\(draft.checks)")
    let alone = try folder(["registrations.csv": Self.registrations, "a_lookup11.csv": old])
    #expect(try self.draft(alone).study.layers.keys.sorted() == ["ccg"])
  }
}
