import CatchmentTestSupport
import Foundation
import Testing

/// The CLI parses options, opens inputs (CatchmentInputs), calls analyses and writes outputs
/// (CatchmentOutputs): it imports neither the readers (CatchmentGeoIO, CatchmentEngine) nor the
/// CSV layer (CatchmentTables). SwiftPM does not enforce a target's dependency list (every
/// module built is on the search path), so the sources are read, as ``LibraryMessagesTests``
/// reads the libraries'.
@Suite struct CLIImportsTests {
  static let forbidden: Set = ["CatchmentTables", "CatchmentGeoIO", "CatchmentEngine"]

  @Test func noCLISourceImportsTheReadersOrTheCSVLayer() throws {
    let folder = packageRoot.appendingPathComponent("Sources").appendingPathComponent("CatchmentCLI")
    let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
    var offenders: [String] = []
    var files = 0
    for case let url as URL in enumerator where url.pathExtension == "swift" {
      files += 1
      let source = try String(contentsOf: url, encoding: .utf8)
      for module in Self.importedModules(source) where Self.forbidden.contains(module) {
        offenders.append("\(url.lastPathComponent): import \(module)")
      }
    }
    #expect(files > 20)
    #expect(offenders.sorted() == [])
  }

  /// The modules a Swift source imports: `import M`, `@testable import M`, `@_exported import
  /// M`, `import struct M.T`, and `import M.Sub`, at the start of a line (not in comments).
  static func importedModules(_ source: String) -> [String] {
    var modules: [String] = []
    for line in source.split(whereSeparator: \.isNewline) {
      let pattern = /^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)/
      if let match = String(line).firstMatch(of: pattern) { modules.append(String(match.1)) }
    }
    return modules
  }

  /// The scanner finds every spelling of an import, and not a mention in a comment or a string.
  @Test func scannerSeesEveryImportSpelling() {
    let source = """
      import ArgumentParser
      @testable import CatchmentTables
      @_exported import CatchmentEngine
      import struct CatchmentGeoIO.GeoIOError
        import CatchmentCore.Crosswalk
      // import CatchmentTables in a comment
      let text = "import CatchmentGeoIO"
      /// Maps errors without importing CatchmentEngine.
      """
    #expect(Self.importedModules(source) == ["ArgumentParser", "CatchmentTables", "CatchmentEngine", "CatchmentGeoIO", "CatchmentCore"])
  }
}
