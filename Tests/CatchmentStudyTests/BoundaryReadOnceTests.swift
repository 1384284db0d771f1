import CatchmentCore
import CatchmentGeoIO
import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// A review reads each boundary file and the centroids once, however many steps use them, and
/// its manifest reads each input file once for its digest, however many study keys name it.
@Suite struct BoundaryReadOnceTests {
  /// The demo study in a copy of data/ of its own (the counts are kept by path), with `extra`
  /// appended to the study file.
  static func demoStudy(appending extra: String = "") throws -> (study: Study, file: String, data: URL) {
    let data = try temporaryFolder().appendingPathComponent("data")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: data)
    let file = data.appendingPathComponent("demo_study.toml")
    if !extra.isEmpty {
      let text = try String(contentsOf: file, encoding: .utf8) + extra
      try Data(text.utf8).write(to: file)
    }
    return (try Study(contentsOf: file.path), file.path, data)
  }

  /// The demo's zone polygons serve the best-fit layer (ids only: every zone has a centroid),
  /// the area layer and the proposal's dissolving; each footprint boundary file serves its layer.
  @Test func demoReviewReadsEachBoundaryFileOnce() throws {
    let (study, _, data) = try Self.demoStudy()
    let pack = try ReviewRun(study: study).run()
    #expect(pack.files.contains { $0.name.hasPrefix("proposal_") && $0.name.hasSuffix(".geojson") })
    for name in ["lsoa_boundaries.geojson", "icb_boundaries.shp", "proposed_footprints.geojson"] {
      let path = data.appendingPathComponent(name).path
      #expect(LayerSource.fileReads(path) == 1, "\(name) read \(LayerSource.fileReads(path)) times")
    }
  }

  /// Two best-fit layers share the centroids (and the zones): the second layer's crosswalk is
  /// the first's, byte for byte, from the one read.
  @Test func centroidsAreReadOnceForEveryBestFitLayer() throws {
    let (study, _, data) = try Self.demoStudy(
      appending: """

        [layers.icb_bestfit_again]
        polygons = "icb_boundaries.shp"
        id = "ICB23CD"
        name = "ICB23NM"
        method = "best-fit"
        """)
    let pack = try ReviewRun(study: study).run()
    let first = pack.files.first { $0.name == "crosswalk_icb_bestfit.csv" }
    let again = pack.files.first { $0.name == "crosswalk_icb_bestfit_again.csv" }
    #expect(first != nil && first?.bytes == again?.bytes)
    #expect(InputParses.count(data.appendingPathComponent("lsoa_pwc.csv").path) == 1)
    #expect(LayerSource.fileReads(data.appendingPathComponent("lsoa_boundaries.geojson").path) == 1)
  }

  /// The lookup behind three layers, the zones behind two and every other input are each read
  /// once for the manifest's digest; the manifest still lists every key.
  @Test func manifestDigestsEachFileOnce() throws {
    let (study, file, data) = try Self.demoStudy()
    let pack = try ReviewRun(study: study).run()
    let manifest = try pack.manifest(
      study: study, studyFile: file, outputs: pack.files, tool: Manifest.Tool(version: "0"), runAt: Date(timeIntervalSince1970: 0))
    let lookup = manifest.inputs.filter { $0.path == "lsoa_sicbl_icb_lad_lookup.csv" }
    #expect(Set(lookup.map(\.key)) == ["layers.icb.lookup", "layers.sicbl.lookup", "layers.lad.lookup"])
    let paths = Set(manifest.inputs.map(\.path))
    #expect(paths.count >= 10)
    for path in paths {
      let url = data.appendingPathComponent(path).standardizedFileURL.path
      #expect(FileDigest.fileReads(url) == 1, "\(path) read \(FileDigest.fileReads(url)) times for its digest")
    }
    // The study file: its digest and text from one read, not a digest read of its own.
    #expect(FileDigest.fileReads(file) == 0)
    // Tables whose readers report no rows in the run report (the centroids, the proposal's
    // assignment): their rows come from the step that read them, not from parsing them again;
    // one data row per non-blank line after the header in these files (no quoted line breaks).
    for name in ["lsoa_pwc.csv", "proposal_councils_whole.csv"] {
      let url = data.appendingPathComponent(name)
      #expect(InputParses.count(url.path) == 1, "\(name) parsed \(InputParses.count(url.path)) times")
      let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
      #expect(manifest.inputs.first { $0.path == name }?.rowsRead == lines.count - 1, "\(name)")
    }
  }
}
