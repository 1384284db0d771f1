import CatchmentOutputs
import CatchmentTestSupport
import Foundation
import Testing

/// ``InputOutputCheck`` finds an output that is an input however the path is spelled, an
/// output a folder or pattern input would read, and two outputs naming one file; its messages
/// name the files by the caller's labels (the CLI's are options; ``CLI`` tests check those).
@Suite struct InputOutputCheckTests {
  func conflict(_ inputs: [RunFiles.Input], _ outputs: [RunFiles.Output]) -> String? {
    do {
      try InputOutputCheck.check(inputs: inputs, outputs: outputs)
      return nil
    } catch let conflict as FileConflict {
      return conflict.description
    } catch {
      return "other: \(error)"
    }
  }

  @Test func hardAndSymbolicLinksAreTheSameFile() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("in.csv").path
    try "a\n".write(toFile: input, atomically: false, encoding: .utf8)
    try FileManager.default.linkItem(atPath: input, toPath: folder.appendingPathComponent("hard.csv").path)
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("soft.csv").path, withDestinationPath: input)
    for spelling in ["hard.csv", "soft.csv", "sub/../in.csv"] {
      let output = folder.appendingPathComponent(spelling).path
      #expect(
        conflict([RunFiles.Input(label: "table", path: input)], [RunFiles.Output(label: "result", path: output)])
          == "result \(output) is the input table \(input): the run would overwrite its own input; write the output to another file")
    }
    #expect(conflict([RunFiles.Input(label: "table", path: input)], [RunFiles.Output(label: "result", path: folder.appendingPathComponent("out.csv").path)]) == nil)
  }

  @Test func foldersPatternsAndSidecarsAreRead() throws {
    let folder = try temporaryFolder()
    let zones = folder.appendingPathComponent("zones")
    try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
    let shp = folder.appendingPathComponent("boxes.shp").path
    try "".write(toFile: shp, atomically: false, encoding: .utf8)
    let inFolder = zones.appendingPathComponent("new.geojson").path
    #expect(
      conflict([RunFiles.Input(label: "zones", path: zones.path, kind: .boundaries)], [RunFiles.Output(label: "out", path: inFolder)])
        == "out \(inFolder) lies in the folder read as the input zones \(zones.path): it would be read as an input the next time; write the output to another file")
    // A CSV in a boundary folder is not read from it.
    #expect(conflict([RunFiles.Input(label: "zones", path: zones.path, kind: .boundaries)], [RunFiles.Output(label: "out", path: zones.appendingPathComponent("x.csv").path)]) == nil)
    let dbf = folder.appendingPathComponent("boxes.dbf").path
    #expect(
      conflict([RunFiles.Input(label: "shapes", path: shp, kind: .boundaries)], [RunFiles.Output(label: "out", path: dbf)])
        == "out \(dbf) is a part of the Shapefile read as the input shapes \(shp): the run would overwrite its own input; write the output to another file")
    let pattern = folder.appendingPathComponent("*.geojson").path
    let matched = folder.appendingPathComponent("b.geojson").path
    #expect(
      conflict([RunFiles.Input(label: "zones", path: pattern, kind: .boundaries)], [RunFiles.Output(label: "out", path: matched)])
        == "out \(matched) would be read by the pattern of the input zones \(pattern): it would be read as an input the next time; write the output to another file")
  }

  @Test func twoOutputsNamingOneFile() throws {
    let folder = try temporaryFolder()
    let a = folder.appendingPathComponent("a.csv").path
    #expect(
      conflict([], [RunFiles.Output(label: "first", path: a), RunFiles.Output(label: "second", path: folder.appendingPathComponent("./a.csv").path)])
        == "first \(a) and second \(folder.appendingPathComponent("./a.csv").path) name the same file; give each output its own file")
    // Standard output may be named by several.
    #expect(conflict([], [RunFiles.Output(label: "first", path: "-"), RunFiles.Output(label: "second", path: "-")]) == nil)
  }

  @Test func anUnwritablePathIsAnOutputError() throws {
    let folder = try temporaryFolder()
    #expect(conflict([], [RunFiles.Output(label: "out", path: folder.path)]) == "other: cannot write \(folder.path): it is a directory")
  }
}
