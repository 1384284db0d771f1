import CatchmentCore
@testable import CatchmentStudy
import CatchmentTestSupport
import Foundation
import Testing

/// Inputs given as a folder or a glob: the manifest lists every file the readers read, each
/// with its size and the SHA-256 that coreutils `sha256sum` prints, a Shapefile with its sidecars.
@Suite struct ManifestInputFilesTests {
  /// `sha256sum FILE` → the 64 hex digits (coreutils, independent of swift-crypto).
  func sha256sum(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data.prefix(64), as: UTF8.self)
  }

  /// A study folder holding `files` (relative path → text) and a study file.
  func folder(_ files: [String: String]) throws -> URL {
    let root = try temporaryFolder()
    let folder = root.appendingPathComponent("study")
    for (path, text) in files.merging(["study/study.toml": "title = \"t\"\n"]) { a, _ in a } {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return folder
  }

  /// The manifest of a pack that read `given` (as written in a study in `folder`) under `zones.path`.
  func manifest(_ given: String, in folder: URL) throws -> Manifest {
    let pack = ReviewPack(
      files: [], report: RunReport(command: "review"),
      inputs: [ReviewPack.Input(key: "zones.path", path: StudyPath(given, relativeTo: folder))])
    let study = Study(title: "t", output: StudyPath("out", relativeTo: folder), layers: [:], review: ReviewSpec(baseline: "icb"))
    return try pack.manifest(
      study: study, studyFile: folder.appendingPathComponent("study.toml").path, outputs: [], tool: Manifest.Tool(version: "0"),
      runAt: Date(timeIntervalSince1970: 0))
  }

  func checkDigests(_ manifest: Manifest, in folder: URL) throws {
    for input in manifest.inputs {
      let file = folder.appendingPathComponent(input.path)
      #expect(input.sha256 == (try sha256sum(file)), "\(input.path)")
      let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber
      #expect(input.size == size?.uint64Value, "\(input.path)")
      #expect(input.key == "zones.path")
    }
  }

  @Test func globListsEachMatchedFile() throws {
    let folder = try folder([
      "study/zones/north.geojson": "{\"type\":\"FeatureCollection\",\"features\":[]}\n",
      "study/zones/south.geojson": "{\"type\":\"FeatureCollection\",\"features\":[ ]}\n",
      "study/zones/readme.txt": "not matched\n",
    ])
    let manifest = try manifest("zones/*.geojson", in: folder)
    #expect(manifest.inputs.map(\.path) == ["zones/north.geojson", "zones/south.geojson"])
    try checkDigests(manifest, in: folder)
  }

  /// A folder: its boundary files only, a Shapefile with the sidecars present.
  @Test func folderListsBoundaryFilesAndSidecars() throws {
    let folder = try folder([
      "study/bounds/a.shp": "shapes", "study/bounds/a.dbf": "attributes", "study/bounds/a.prj": "PROJCS[]",
      "study/bounds/b.geojson": "{}", "study/bounds/notes.csv": "x\n",
    ])
    let manifest = try manifest("bounds/", in: folder)
    #expect(Set(manifest.inputs.map(\.path)) == ["bounds/a.shp", "bounds/a.dbf", "bounds/a.prj", "bounds/b.geojson"])
    #expect(manifest.inputs.count == 4)
    try checkDigests(manifest, in: folder)
  }

  /// A glob outside the study's folder keeps its `..`; an absolute one stays absolute.
  @Test func pathsOutsideTheStudyFolder() throws {
    let folder = try folder(["shared/x.geojson": "{}", "shared/y.geojson": "{ }"])
    let relative = try manifest("../shared/*.geojson", in: folder)
    #expect(relative.inputs.map(\.path) == ["../shared/x.geojson", "../shared/y.geojson"])
    try checkDigests(relative, in: folder)
    let shared = folder.deletingLastPathComponent().appendingPathComponent("shared").standardizedFileURL.path
    let absolute = try manifest(shared + "/*.geojson", in: folder)
    #expect(absolute.inputs.map(\.path) == [shared + "/x.geojson", shared + "/y.geojson"])
  }
}
