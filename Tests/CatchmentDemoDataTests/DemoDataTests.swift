import Foundation
import Testing

@testable import CatchmentDemoData

/// The committed demo files: reproducible, and carrying the quirks data/README.md promises.
@Suite struct DemoDataTests {
  /// The package's `data/` folder, found from this file's location.
  static let committedData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

  /// A fresh, empty temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("catchment-demo-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Generates the demo scale once into a temporary folder.
  static func generateDemo() throws -> (URL, DemoDataSummary) {
    let folder = try temporaryFolder()
    return (folder, try DemoDataGenerator(scale: .demo).write(to: folder))
  }

  static func read(_ folder: URL, _ file: DemoFile) throws -> SimpleCSV {
    try SimpleCSV(contentsOf: folder.appendingPathComponent(file.rawValue))
  }

  @Test func twoRunsWriteIdenticalBytes() throws {
    let (first, summaryA) = try Self.generateDemo()
    let (second, summaryB) = try Self.generateDemo()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    #expect(summaryA == summaryB)
    for file in DemoFile.files(for: .demo) {
      let a = try Data(contentsOf: first.appendingPathComponent(file.rawValue))
      let b = try Data(contentsOf: second.appendingPathComponent(file.rawValue))
      #expect(a == b, "\(file.rawValue) differs between runs")
    }
  }

  @Test func committedFilesMatchTheGenerator() throws {
    let (folder, _) = try Self.generateDemo()
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in DemoFile.files(for: .demo) {
      let generated = try Data(contentsOf: folder.appendingPathComponent(file.rawValue))
      let committed = try Data(
        contentsOf: Self.committedData.appendingPathComponent(file.rawValue))
      #expect(
        generated == committed,
        "data/\(file.rawValue) is stale; regenerate it as data/README.md says")
    }
  }

  @Test func otherSeedsGiveOtherData() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try DemoDataGenerator(scale: .demo, seed: 7).write(to: folder)
    let other = try Data(contentsOf: folder.appendingPathComponent(DemoFile.registrations.rawValue))
    let committed = try Data(
      contentsOf: Self.committedData.appendingPathComponent(DemoFile.registrations.rawValue))
    #expect(other != committed)
  }

  @Test func layoutsMatchThePublishedHeadersAndLineEndings() throws {
    let folder = Self.committedData
    let lookup = try Self.read(folder, .lookup)
    #expect(lookup.hasBOM && lookup.crlf)
    #expect(
      lookup.header == [
        "LSOA21CD", "LSOA21NM", "SICBL23CD", "SICBL23CDH", "SICBL23NM", "ICB23CD", "ICB23CDH",
        "ICB23NM", "LAD23CD", "LAD23NM", "ObjectId",
      ])
    #expect(lookup.rows.allSatisfy { $0.count == 11 })
    #expect(lookup.rows.contains { $0[lookup.column("ICB23NM")].contains(",") })

    let population = try Self.read(folder, .population)
    #expect(population.crlf && !population.hasBOM)
    #expect(population.header == ["Area Codes", "Area Names", "All Ages"])

    let registrations = try Self.read(folder, .registrations)
    #expect(!registrations.crlf && !registrations.hasBOM)
    let registrationHeader = [
      "PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "LSOA_CODE", "SEX",
      "NUMBER_OF_PATIENTS",
    ]
    #expect(registrations.header == registrationHeader)
    #expect(
      registrations.rows.allSatisfy {
        $0.count == 7 && $0[0] == "GP_PRAC_PAT_LIST" && $0[1] == "01Oct2025" && $0[5] == "ALL"
      })
    let bySex = try Self.read(folder, .registrationsBySex)
    #expect(bySex.header == registrationHeader)
    #expect(bySex.rows.allSatisfy { $0[5] == "MALE" || $0[5] == "FEMALE" })

    let map = try Self.read(folder, .practiceMap)
    #expect(!map.crlf)
    #expect(map.header.count == 17 && map.header.last == "SUPPLIER_NAME")
    #expect(map.rows.allSatisfy { $0.count == 17 })
  }

  @Test func populationRowsCoverTheLookupExceptTheDocumentedLSOA() throws {
    let lookup = try Self.read(Self.committedData, .lookup)
    let population = try Self.read(Self.committedData, .population)
    let lookupCodes = lookup.rows.map { $0[0] }
    #expect(Set(lookupCodes).count == lookupCodes.count)
    let lsoaRows = population.rows.filter { $0[0].hasPrefix("E01") }
    let populationCodes = lsoaRows.map { $0[0] }
    #expect(Set(populationCodes).count == populationCodes.count, "an LSOA is listed twice")
    #expect(Set(populationCodes).isSubset(of: Set(lookupCodes)))
    #expect(Set(lookupCodes).subtracting(populationCodes) == ["E01100151"])

    // Totals: each council row equals the sum of the LSOA rows that follow it, and the
    // England row equals the sum of all LSOA rows.
    func value(_ text: String) -> Int { Int(text.replacingOccurrences(of: ",", with: ""))! }
    #expect(population.rows.first?[0] == "E92000001")
    #expect(value(population.rows[0][2]) == lsoaRows.reduce(0) { $0 + value($1[2]) })
    #expect(population.rows.contains { $0[2].contains(",") })
    #expect(lsoaRows.contains { !$0[2].contains(",") }, "some LSOA below 1,000 residents")
    var councilTotal: (expected: Int, sum: Int)?
    for row in population.rows.dropFirst() {
      if row[0].hasPrefix("E01") {
        councilTotal?.sum += value(row[2])
      } else {
        if let total = councilTotal { #expect(total.expected == total.sum) }
        councilTotal = row[0].hasPrefix("E12") ? nil : (value(row[2]), 0)
      }
    }
    if let total = councilTotal { #expect(total.expected == total.sum) }
  }

  @Test func sexSplitAddsUpToTheAllFile() throws {
    let all = try Self.read(Self.committedData, .registrations)
    let bySex = try Self.read(Self.committedData, .registrationsBySex)
    var allCounts: [String: Int] = [:]
    var sexCounts: [String: Int] = [:]
    var allPractice: [String: Int] = [:]
    var sexPractice: [String: Int] = [:]
    for row in all.rows {
      allCounts[row[2] + "|" + row[4], default: 0] += Int(row[6])!
      allPractice[row[2], default: 0] += Int(row[6])!
    }
    for row in bySex.rows {
      sexCounts[row[2] + "|" + row[4], default: 0] += Int(row[6])!
      sexPractice[row[2], default: 0] += Int(row[6])!
    }
    #expect(allPractice == sexPractice)
    #expect(allCounts == sexCounts)
  }

  @Test func registrationsAreSortedAndCarryTheDocumentedResidue() throws {
    let lookup = try Self.read(Self.committedData, .lookup)
    let registrations = try Self.read(Self.committedData, .registrations)
    let map = try Self.read(Self.committedData, .practiceMap)
    let keys = registrations.rows.map { [UInt8]($0[2].utf8) + [0] + [UInt8]($0[4].utf8) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })

    let lookupCodes = Set(lookup.rows.map { $0[0] })
    let mapped = Set(map.rows.map { $0[2] })
    let practices = Set(registrations.rows.map { $0[2] })
    #expect(practices.subtracting(mapped) == ["Y90045"])
    #expect(mapped.isSubset(of: practices))

    var total = 0
    var outside: [String: Int] = [:]
    for row in registrations.rows {
      let count = Int(row[6])!
      #expect(count > 0)
      total += count
      if !lookupCodes.contains(row[4]) { outside[row[4], default: 0] += count }
    }
    for code in ["CLOSED", "EMPTY", "L99999999", "M99999999", "W01000123", "S01012345"] {
      #expect(outside[code, default: 0] > 0, "no \(code) rows")
    }
    let outOfArea = outside.filter { $0.key.hasPrefix("E01") }
    #expect(outOfArea.count >= 2)
    #expect(outOfArea.values.reduce(0, +) * 100 < total, "out-of-area patients must stay < 1%")
  }

  @Test func listsAreInflatedAndSomePatientsCrossBoundaries() throws {
    let lookup = try Self.read(Self.committedData, .lookup)
    let population = try Self.read(Self.committedData, .population)
    let registrations = try Self.read(Self.committedData, .registrations)
    let map = try Self.read(Self.committedData, .practiceMap)
    var subICBOfLSOA: [String: String] = [:]
    for row in lookup.rows { subICBOfLSOA[row[0]] = row[2] }
    var subICBOfPractice: [String: String] = [:]
    for row in map.rows { subICBOfPractice[row[2]] = row[7] }
    #expect(Set(map.rows.map { $0[10] }).isSubset(of: Set(lookup.rows.map { $0[5] })))
    #expect(Set(map.rows.map { $0[7] }).isSubset(of: Set(lookup.rows.map { $0[2] })))

    var residents: [String: Int] = [:]
    for row in population.rows where row[0].hasPrefix("E01") {
      residents[row[0]] = Int(row[2].replacingOccurrences(of: ",", with: ""))!
    }
    var registered = 0
    var resident = 0
    var home = 0
    var crossing = 0
    for row in registrations.rows {
      let count = Int(row[6])!
      guard let lsoaSub = subICBOfLSOA[row[4]] else { continue }
      if residents[row[4]] != nil { registered += count }
      guard let practiceSub = subICBOfPractice[row[2]] else { continue }
      if lsoaSub == practiceSub { home += count } else { crossing += count }
    }
    resident = residents.values.reduce(0, +)
    let inflationPermille = registered * 1_000 / resident
    #expect((1_040...1_120).contains(inflationPermille))
    let crossPermille = crossing * 1_000 / (home + crossing)
    #expect((50...150).contains(crossPermille))
  }

  @Test func summaryMatchesTheFiles() throws {
    let (folder, summary) = try Self.generateDemo()
    defer { try? FileManager.default.removeItem(at: folder) }
    let registrations = try Self.read(folder, .registrations)
    #expect(summary.lsoas == 363)
    #expect(summary.registrationRows == registrations.rows.count)
    #expect(summary.totalPatients == registrations.rows.reduce(0) { $0 + Int($1[6])! })
    #expect(summary.practices == 45 && summary.mappedPractices == 44)
    #expect(summary.unmappedPractice == "Y90045")
    #expect(summary.missingPopulationLSOA == "E01100151")
  }

  @Test func apportionKeepsEveryPatient() {
    var rng = SplitMix64(seed: 1)
    for _ in 0..<200 {
      let weights = (0..<rng.int(in: 1...8)).map { _ in rng.int(in: 0...50) }
      let total = rng.int(in: 0...5_000)
      let parts = Apportion.split(total, weights: weights)
      #expect(parts.reduce(0, +) == total)
      #expect(parts.allSatisfy { $0 >= 0 })
    }
  }

  @Test func splitMix64MatchesTheReferenceSequence() {
    // First outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
  }
}
