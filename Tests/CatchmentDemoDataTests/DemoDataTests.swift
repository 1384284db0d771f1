import CatchmentTestSupport
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

    #expect(population.rows.contains { $0[2].contains(",") })
    #expect(lsoaRows.contains { !$0[2].contains(",") }, "some LSOA below 1,000 residents")
    Self.expectSAPETotals(population)
  }

  /// A count of a SAPE table ("1,833" → 1833).
  static func sapeValue(_ text: String) -> Int { Int(text.replacingOccurrences(of: ",", with: ""))! }

  /// Totals of a SAPE-layout table: each council row equals the sum of the LSOA rows that
  /// follow it, and the England row (first) the sum of all LSOA rows.
  static func expectSAPETotals(_ population: SimpleCSV) {
    let lsoaRows = population.rows.filter { $0[0].hasPrefix("E01") }
    #expect(population.rows.first?[0] == "E92000001")
    #expect(sapeValue(population.rows[0][2]) == lsoaRows.reduce(0) { $0 + sapeValue($1[2]) })
    var councilTotal: (expected: Int, sum: Int)?
    for row in population.rows.dropFirst() {
      if row[0].hasPrefix("E01") {
        councilTotal?.sum += sapeValue(row[2])
      } else {
        if let total = councilTotal { #expect(total.expected == total.sum) }
        councilTotal = row[0].hasPrefix("E12") ? nil : (sapeValue(row[2]), 0)
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

  // MARK: Trusts, sites, activity and postcodes

  /// Every record of the headerless trust list (SimpleCSV takes the first as a header).
  static func trustRecords(_ folder: URL) throws -> [[String]] {
    let csv = try read(folder, .trusts)
    return [csv.header] + csv.rows
  }

  /// LSOA21CD → ICB23CD from the demo lookup.
  static func icbOfZone(_ folder: URL) throws -> [String: String] {
    let lookup = try read(folder, .lookup)
    var icb: [String: String] = [:]
    for row in lookup.rows { icb[row[lookup.column("LSOA21CD")]] = row[lookup.column("ICB23CD")] }
    return icb
  }

  /// Upper case without spaces, the way postcodes must be matched.
  static func postcodeKey(_ postcode: String) -> String {
    String(postcode.uppercased().filter { $0 != " " })
  }

  @Test func trustListIsHeaderlessWith27QuotedColumns() throws {
    let bytes = try Data(contentsOf: Self.committedData.appendingPathComponent(DemoFile.trusts.rawValue))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains("\r"), "etr.csv has LF line endings")
    let lines = text.split(separator: "\n").map(String.init)
    #expect((10...14).contains(lines.count))
    for line in lines {
      // Every field quoted, empty ones too: 27 fields means 26 `","` separators.
      #expect(line.hasPrefix("\"") && line.hasSuffix("\""), "unquoted field in \(line)")
      #expect(line.dropFirst().dropLast().components(separatedBy: "\",\"").count == 27)
    }
    let records = try Self.trustRecords(Self.committedData)
    #expect(records.allSatisfy { $0.count == 27 })
    // No header: the first record is a trust like the others (code R + two characters, an NHS
    // name, a postcode in column 10, an open date in column 11).
    for record in records {
      #expect(record[0].count == 3 && record[0].hasPrefix("R"), "\(record[0]) is not a trust code")
      #expect(record[1].hasSuffix("NHS TRUST") || record[1].hasSuffix("NHS FOUNDATION TRUST"))
      #expect(record[9].contains(" ") && !record[9].isEmpty)
      #expect(record[10].count == 8 && Int(record[10]) != nil)
      #expect(record[11].isEmpty, "no trust is closed")
    }
    #expect(Set(records.map { $0[0] }).count == records.count)
    // Column 4 is the trust's ICB (ODS code), one of the lookup's.
    let lookup = try Self.read(Self.committedData, .lookup)
    let icbODS = Set(lookup.rows.map { $0[lookup.column("ICB23CDH")] })
    #expect(records.allSatisfy { icbODS.contains($0[3]) })
  }

  @Test func sitesAndHeadquartersArePlacedByThePostcodeDirectory() throws {
    let folder = Self.committedData
    let directory = try Self.read(folder, .postcodes)
    #expect(directory.header == ["pcds", "oseast1m", "osnrth1m"])
    var points: [String: (Int, Int)] = [:]
    for row in directory.rows {
      let key = Self.postcodeKey(row[0])
      #expect(points[key] == nil, "\(row[0]) listed twice")
      points[key] = (Int(row[1])!, Int(row[2])!)
    }
    let trusts = try Self.trustRecords(folder)
    let sites = try Self.read(folder, .trustSites)
    #expect(sites.header == ["site_code", "trust_code", "site_name", "postcode", "x", "y", "beds"])
    let (postcode, x, y) = (sites.column("postcode"), sites.column("x"), sites.column("y"))

    var wanted = trusts.map { $0[9] }
    for row in sites.rows where !row[postcode].isEmpty {
      wanted.append(row[postcode])
      // A site's coordinates are those of its postcode.
      let point = points[Self.postcodeKey(row[postcode])]
      #expect(point?.0 == Int(row[x]) && point?.1 == Int(row[y]), "\(row[0]) is not at its postcode")
    }
    for code in wanted {
      #expect(points[Self.postcodeKey(code)] != nil, "\(code) is not in postcodes.csv")
    }
    // Spelling variants: some directory rows have two spaces, so some trust postcodes only
    // match once spaces are ignored.
    #expect(directory.rows.contains { $0[0].contains("  ") })
    let verbatim = Set(directory.rows.map { $0[0] })
    #expect(wanted.contains { !verbatim.contains($0) })

    // Exactly one site that cannot be placed, and exactly one trust placed by its headquarters.
    let unplaceable = sites.rows.filter { $0[postcode].isEmpty && $0[x].isEmpty && $0[y].isEmpty }
    #expect(unplaceable.map { $0[0] } == ["R9B04"])
    #expect(sites.rows.allSatisfy { $0[postcode].isEmpty == $0[x].isEmpty && $0[x].isEmpty == $0[y].isEmpty })
    let trustCodes = trusts.map { $0[0] }
    let withSites = Set(sites.rows.map { $0[1] })
    #expect(withSites.isSubset(of: Set(trustCodes)))
    #expect(trustCodes.filter { !withSites.contains($0) } == ["R9F"])

    // One to four sites per trust; the trust with the most beds runs the most sites.
    var siteCount: [String: Int] = [:]
    var beds: [String: Int] = [:]
    for row in sites.rows {
      siteCount[row[1], default: 0] += 1
      beds[row[1], default: 0] += Int(row[sites.column("beds")])!
    }
    #expect(siteCount.values.allSatisfy { (1...4).contains($0) })
    let biggest = beds.max { $0.value < $1.value }!.key
    #expect(siteCount[biggest] == siteCount.values.max())

    // Every placed site is in the demo area near people: within 1 km of an LSOA centroid.
    let centroids = try Self.read(folder, .centroids)
    let zonePoints = centroids.rows.map { (Int($0[0])!, Int($0[1])!) }
    for row in sites.rows where !row[x].isEmpty {
      let (sx, sy) = (Int(row[x])!, Int(row[y])!)
      let nearest = zonePoints.map { ($0.0 - sx) * ($0.0 - sx) + ($0.1 - sy) * ($0.1 - sy) }.min()!
      #expect(nearest <= 1_000 * 1_000, "\(row[0]) is \(nearest) m² from the nearest centroid")
    }
  }

  @Test func activityProportionsArePatientsOverZoneTotals() throws {
    let folder = Self.committedData
    let activity = try Self.read(folder, .trustActivity)
    #expect(!activity.crlf && !activity.hasBOM)
    #expect(
      activity.header == [
        "catchment_year", "admission_type", "lsoa21cd", "trust_code", "patients", "total_patients",
        "proportion",
      ])
    let icb = try Self.icbOfZone(folder)
    let trusts = Set(try Self.trustRecords(folder).map { $0[0] })
    var sums: [String: Double] = [:]
    var totals: [String: Set<Int>] = [:]
    var outside: [[String]] = []
    for row in activity.rows {
      #expect(row.count == 7)
      let patients = Int(row[4])!, total = Int(row[5])!
      let proportion = Double(row[6])!
      #expect(patients > 0 && patients < total)
      #expect(abs(proportion - Double(patients) / Double(total)) <= 1e-9, "\(row)")
      #expect(trusts.contains(row[3]), "\(row[3]) is not in the trust list")
      guard icb[row[2]] != nil else {
        outside.append(row)
        continue
      }
      let key = row[0] + "|" + row[1] + "|" + row[2]
      sums[key, default: 0] += proportion
      totals[key, default: []].insert(total)
    }
    // Two stacked years and three admission types, every demo zone in each.
    #expect(Set(activity.rows.map { $0[0] }) == ["2021", "2022"])
    #expect(Set(activity.rows.map { $0[1] }) == ["All", "Elective", "Emergency"])
    #expect(sums.count == 2 * 3 * icb.count)
    // Some patients go to trusts outside the demo: shares sum to less than 1 (OHID: 0.77–0.997).
    for (key, sum) in sums { #expect(sum > 0.7 && sum < 1, "\(key) sums to \(sum)") }
    #expect(totals.values.allSatisfy { $0.count == 1 }, "one total_patients per zone, year and type")
    // Exactly one row for a zone outside the demo.
    #expect(outside.count == 1)
    #expect(outside.first?[2].hasPrefix("E01") == true)
  }

  @Test func allAdmissionsAreElectivePlusEmergency() throws {
    let activity = try Self.read(Self.committedData, .trustActivity)
    let icb = try Self.icbOfZone(Self.committedData)
    var patients: [String: [String: Int]] = [:]  // year|zone|trust → type → patients
    var totals: [String: [String: Int]] = [:]  // year|zone → type → total
    for row in activity.rows where icb[row[2]] != nil {
      patients[row[0] + "|" + row[2] + "|" + row[3], default: [:]][row[1]] = Int(row[4])!
      totals[row[0] + "|" + row[2], default: [:]][row[1]] = Int(row[5])!
    }
    for (key, byType) in patients {
      #expect(
        byType["All", default: 0] == byType["Elective", default: 0] + byType["Emergency", default: 0],
        "\(key): \(byType)")
    }
    for (key, byType) in totals {
      #expect(byType["All"] == byType["Elective"]! + byType["Emergency"]!, "\(key): \(byType)")
    }
  }

  @Test func severalTrustsDrawFromSeveralICBs() throws {
    let activity = try Self.read(Self.committedData, .trustActivity)
    let icb = try Self.icbOfZone(Self.committedData)
    var byICB: [String: [String: Int]] = [:]  // trust → ICB → 2022 All patients
    for row in activity.rows where row[0] == "2022" && row[1] == "All" {
      guard let system = icb[row[2]] else { continue }
      byICB[row[3], default: [:]][system, default: 0] += Int(row[4])!
    }
    let multiSystem = byICB.filter { _, patients in
      let total = patients.values.reduce(0, +)
      return patients.values.filter { Double($0) >= 0.05 * Double(total) }.count >= 2
    }
    #expect(multiSystem.count >= 2, "members of 2+ ICBs at 5%: \(multiSystem.keys.sorted())")
    // The largest trust serves all three ICBs.
    let largest = byICB.max { $0.value.values.reduce(0, +) < $1.value.values.reduce(0, +) }!
    #expect(largest.value.count == 3)
    // And some trusts stay within one: membership has to discriminate.
    #expect(multiSystem.count < byICB.count)
  }

  @Test func trustFilesAreReproducibleAndSummarised() throws {
    let (first, summaryA) = try Self.generateDemo()
    let (second, summaryB) = try Self.generateDemo()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    #expect(summaryA == summaryB)
    for file in [DemoFile.trusts, .trustSites, .trustActivity, .postcodes] {
      let a = try Data(contentsOf: first.appendingPathComponent(file.rawValue))
      let b = try Data(contentsOf: second.appendingPathComponent(file.rawValue))
      #expect(!a.isEmpty && a == b, "\(file.rawValue) differs between runs")
    }
    #expect(summaryA.trusts == (try Self.trustRecords(first)).count)
    #expect(summaryA.trustSites == (try Self.read(first, .trustSites)).rows.count)
    #expect(summaryA.activityRows == (try Self.read(first, .trustActivity)).rows.count)
    #expect(summaryA.postcodes == (try Self.read(first, .postcodes)).rows.count)
    #expect(summaryA.headquartersOnlyTrust == "R9F")
    #expect(summaryA.unplaceableSite == "R9B04")
    #expect(summaryA.activityOutOfAreaZone == "E01199902")

    // Another seed moves the activity too.
    let other = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: other) }
    _ = try DemoDataGenerator(scale: .demo, seed: 7).write(to: other)
    let a = try Data(contentsOf: first.appendingPathComponent(DemoFile.trustActivity.rawValue))
    let b = try Data(contentsOf: other.appendingPathComponent(DemoFile.trustActivity.rawValue))
    #expect(a != b)
  }

  @Test func nationalScaleWritesNoTrustFiles() {
    let files = DemoFile.files(for: .national)
    #expect(!files.contains(.trusts) && !files.contains(.trustActivity) && !files.contains(.postcodes))
  }

  @Test func decimalFractionsRoundHalfUp() {
    #expect(DecimalFraction.text(57, over: 148) == "0.385135135135")
    #expect(DecimalFraction.text(2, over: 3) == "0.666666666667")
    #expect(DecimalFraction.text(1, over: 4) == "0.25")
    #expect(DecimalFraction.text(3, over: 3) == "1")
    #expect(DecimalFraction.text(0, over: 5) == "0")
    #expect(DecimalFraction.text(1, over: 8, places: 2) == "0.13")
    var rng = SplitMix64(seed: 3)
    for _ in 0..<500 {
      let total = rng.int(in: 1...5_000)
      let part = rng.int(in: 0...total)
      let text = DecimalFraction.text(part, over: total)
      #expect(abs(Double(text)! - Double(part) / Double(total)) <= 5e-13)
    }
  }
}
