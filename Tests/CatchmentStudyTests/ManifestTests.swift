import CatchmentStudy
import Foundation
import Testing

@Suite struct ManifestTests {
  func manifest(runAt: Date, reversed: Bool = false) -> Manifest {
    var inputs = [
      Manifest.Input(
        key: "population.file", path: "population.csv", digest: FileDigest(size: 10, sha256: String(repeating: "a", count: 64)),
        rowsRead: 3, vintage: .lsoa2021, statedDate: nil),
      Manifest.Input(
        key: "registrations.file", path: "reg.csv", digest: FileDigest(size: 20, sha256: String(repeating: "b", count: 64)),
        rowsRead: 7, vintage: .lsoa2011Or2021, statedDate: "01Oct2025"),
    ]
    var outputs = [
      Manifest.Output(path: "crosswalk_icb.csv", sha256: String(repeating: "c", count: 64)),
      Manifest.Output(path: "report.json", sha256: String(repeating: "d", count: 64)),
    ]
    if reversed {
      inputs.reverse()
      outputs.reverse()
    }
    return Manifest(
      tool: .init(version: "0.10.0", revision: "384b5ad"),
      study: .init(path: "study.toml", sha256: String(repeating: "e", count: 64), text: "title = \"t\"\n"),
      inputs: inputs, outputs: outputs, options: ["providers.threshold": "0.05", "providers.method": "proportional"],
      runAt: runAt)
  }

  func lines(_ data: Data) -> [String] { String(decoding: data, as: UTF8.self).components(separatedBy: "\n") }

  /// Two runs, an hour apart and listing inputs and outputs in different orders, give the same
  /// bytes except the run_at line.
  @Test func sameBytesApartFromTheTimestamp() throws {
    let first = try manifest(runAt: Date(timeIntervalSince1970: 1_800_000_000)).encoded()
    let second = try manifest(runAt: Date(timeIntervalSince1970: 1_800_003_600), reversed: true).encoded()
    #expect(first != second)
    let a = lines(first)
    let b = lines(second)
    #expect(a.count == b.count)
    let differing = zip(a, b).filter { $0 != $1 }
    #expect(differing.count == 1)
    #expect(differing.first?.0 == "  \"run_at\" : \"2027-01-15T08:00:00Z\",")
    #expect(differing.first?.1 == "  \"run_at\" : \"2027-01-15T09:00:00Z\",")
    // And the same run encodes to the same bytes twice.
    #expect(try manifest(runAt: Date(timeIntervalSince1970: 0)).encoded() == (try manifest(runAt: Date(timeIntervalSince1970: 0)).encoded()))
  }

  @Test func layoutHasSortedKeysAndSortedEntries() throws {
    let text = String(decoding: try manifest(runAt: Date(timeIntervalSince1970: 0), reversed: true).encoded(), as: UTF8.self)
    let order = ["\"inputs\"", "\"options\"", "\"outputs\"", "\"run_at\"", "\"study\"", "\"tool\""]
    let positions = order.compactMap { text.range(of: $0)?.lowerBound }
    #expect(positions.count == order.count)
    #expect(positions == positions.sorted())
    let population = try #require(text.range(of: "population.csv"))
    let registrations = try #require(text.range(of: "reg.csv"))
    #expect(population.lowerBound < registrations.lowerBound)
    #expect(text.contains("\"rows_read\" : 7"))
    #expect(text.contains("\"vintage\" : \"LSOA 2011 or 2021\""))
    #expect(text.contains("\"stated_date\" : \"01Oct2025\""))
    #expect(text.hasSuffix("}\n"))
  }
}
