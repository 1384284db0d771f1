import CatchmentTestSupport
import Foundation
import Testing

@testable import CatchmentCLI

/// The list of file options that the input/output check reads (`FileArguments.swift`) is
/// complete: every option whose value name is `file` or `path` in a command's help (as
/// ArgumentParser dumps it) is listed for that command, and the ones listed as outputs are the
/// ones named like outputs (`--output`, `--…-output`, `--report`).
@Suite struct FileOptionsTests {
  /// The smallest valid command line of each command.
  static let commandLines: [[String]] = [
    ["crosswalk", "--lookup", "l", "--lookup-zone", "z", "--lookup-footprint", "f", "-o", "o"],
    ["recode", "--table", "t", "--zone-column", "z", "--value-column", "v", "--crosswalk", "c", "-o", "o"],
    ["populations", "--population", "p", "--population-id", "i", "--population-value", "v", "--crosswalk", "c", "-o", "o"],
    ["flows", "--registrations", "r", "--crosswalk", "c", "--practice-map", "m", "--practice-footprint", "f", "-o", "o"],
    [
      "catchments", "--population", "p", "--population-id", "i", "--population-value", "v", "--activity", "a", "--activity-zone", "z",
      "--activity-provider", "p", "--activity-count", "c", "-o", "o",
    ],
    [
      "membership", "--population", "p", "--population-id", "i", "--population-value", "v", "--activity", "a", "--activity-zone", "z",
      "--activity-provider", "p", "--activity-count", "c", "--crosswalk", "c", "-o", "o",
    ],
    ["system-overlap", "--membership", "m", "-o", "o"],
    ["overlap", "--a", "a", "--b", "b", "--population", "p", "--population-id", "i", "--population-value", "v", "-o", "o"],
    ["nesting", "--practice-map", "m", "--levels", "a,b", "-o", "o"],
    ["propose", "--blocks", "b", "--block-column", "b", "--footprint-column", "f", "-o", "o"],
    ["compare", "--baseline", "b", "--proposal", "p", "--population", "p", "--population-id", "i", "--population-value", "v", "-o", "o"],
    ["report", "f", "-o", "o"],
    [
      "regions", "--method", "plurality", "--flows", "f", "--flow-zone", "z", "--flow-unit", "u", "--flow-count", "n", "--unit-locations", "l",
      "--unit-location-unit", "u", "--unit-location-zone", "z", "--adjacency", "a", "--population", "p", "--population-id", "i",
      "--population-value", "v", "-o", "o",
    ],
    ["adjacency", "--zones", "z", "--zone-id", "i", "-o", "o"],
  ]

  @Test(arguments: commandLines)
  func everyFileOptionIsListed(arguments: [String]) throws {
    let command = try CatchmentCommand.parseAsRoot(arguments)
    let files = try #require(command as? NamesFiles).files
    let dump = try CommandRunner.run([arguments[0], "--experimental-dump-help"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    let definitions = try #require((json["command"] as? [String: Any])?["arguments"] as? [[String: Any]])
    var fileOptions = Set<String>()
    for argument in definitions where ["file", "path"].contains(argument["valueName"] as? String) {
      let names = argument["names"] as? [[String: Any]] ?? []
      if let long = names.first(where: { $0["kind"] as? String == "long" })?["name"] as? String { fileOptions.insert("--" + long) }
    }
    #expect(!fileOptions.isEmpty)
    let listed = Set(files.options.map(\.option))
    #expect(listed == fileOptions, "listed \(listed.sorted()), help \(fileOptions.sorted())")
    #expect(files.options.count == listed.count, "an option listed twice")
    for (option, isOutput) in files.options {
      // The geodata options (--gpkg, --geojson) are outputs named by their format.
      let namedLikeAnOutput = option == "--output" || option == "--report" || option.hasSuffix("-output") || ["--gpkg", "--geojson"].contains(option)
      #expect(isOutput == namedLikeAnOutput, "\(option) is listed as an \(isOutput ? "output" : "input")")
    }
    // The paths given are recorded in their roles.
    #expect(files.outputs.map(\.option) == ["--output"])
    #expect(files.outputs.map(\.path) == ["o"])
    #expect(!files.inputs.isEmpty)
  }
}
