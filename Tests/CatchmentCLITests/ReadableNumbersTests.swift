import CatchmentTestSupport
import Foundation
import Testing

/// Every table of the demo's single commands (steps of the review scripts/demo.sh runs, plus
/// nesting) as a person opens it: no exponent notation, people to 2 decimal places, ratios to 10 significant digits, names
/// beside codes; and with `--full-precision`, the exact shortest round-trip form.
@Suite struct ReadableNumbersTests {
  static let data = packageRoot.appendingPathComponent("data")
  var data: URL { Self.data }

  static func path(_ name: String) -> String { data.appendingPathComponent(name).path }

  /// One demo run by default and one with `--full-precision`, shared by the tests: the folder,
  /// and the commands that failed with their messages.
  static let readableRun = Result { try runDemo(extra: []) }
  static let fullRun = Result { try runDemo(extra: ["--full-precision"]) }

  /// The folder of a shared run, after checking that every command succeeded.
  func folder(_ run: Result<(URL, [String]), Error>) throws -> URL {
    let (folder, failures) = try run.get()
    #expect(failures.isEmpty, "\(failures)")
    return folder
  }

  /// The demo job's steps as single commands, writing into a new folder.
  static func runDemo(extra: [String]) throws -> (URL, [String]) {
    let out = try temporaryFolder()
    func o(_ name: String) -> String { out.appendingPathComponent(name).path }
    let population = ["--population", path("population_lsoa_mid2022.csv"), "--population-id", "Area Codes", "--population-value", "All Ages"]
    let activity = [
      "--activity", path("trust_activity.csv"), "--activity-zone", "lsoa21cd", "--activity-provider", "trust_code", "--activity-count", "patients",
      "--activity-total", "total_patients", "--where", "catchment_year=2022", "--where", "admission_type=All",
    ]
    var commands: [[String]] = []
    for (name, code, label, mapColumn) in [
      ("icb", "ICB23CD", "ICB23NM", "ONS_ICB_CODE"), ("sicbl", "SICBL23CD", "SICBL23NM", "ONS_SUB_ICB_LOCATION_CODE"), ("lad", "LAD23CD", "LAD23NM", ""),
    ] {
      commands.append([
        "crosswalk", "--method", "lookup", "--lookup", path("lsoa_sicbl_icb_lad_lookup.csv"), "--lookup-zone", "LSOA21CD", "--lookup-footprint", code,
        "--lookup-name", label, "--output", o("crosswalk_lsoa_\(name).csv"),
      ])
      commands.append(["populations"] + population + ["--crosswalk", o("crosswalk_lsoa_\(name).csv"), "--output", o("population_\(name).csv")])
      guard !mapColumn.isEmpty else { continue }
      commands.append(
        [
          "flows", "--registrations", path("gp_reg_pat_prac_lsoa.csv"), "--crosswalk", o("crosswalk_lsoa_\(name).csv"), "--practice-map",
          path("gp_reg_pat_prac_map.csv"), "--practice-footprint", mapColumn,
        ] + population + [
          "--output", o("flows_\(name).csv"), "--matrix-output", o("flow_matrix_\(name).csv"), "--summary-output", o("flow_summary_\(name).csv"),
          "--practice-output", o("practice_flows_\(name).csv"),
        ])
    }
    commands += [
      [
        "crosswalk", "--method", "area", "--zones", path("lsoa_boundaries.geojson"), "--zone-id", "LSOA21CD", "--footprints",
        path("proposed_footprints.geojson"), "--footprint-id", "FOOTPRINT_ID", "--footprint-name", "FOOTPRINT_NAME", "--output", o("crosswalk_area_proposed.csv"),
      ],
      ["populations"] + population + ["--crosswalk", o("crosswalk_area_proposed.csv"), "--output", o("population_proposed.csv")],
      ["catchments", "--method", "proportional"] + population + activity + [
        "--providers", path("trusts_etr.csv"), "--output", o("trust_catchments.csv"), "--zone-output", o("trust_catchment_zones.csv"),
      ],
      ["membership", "--crosswalk", o("crosswalk_lsoa_icb.csv")] + population + activity + [
        "--providers", path("trusts_etr.csv"), "--threshold", "0.05", "--output", o("trust_membership.csv"), "--summary-output", o("trust_multi_system.csv"),
      ],
      [
        "system-overlap", "--membership", o("trust_membership.csv"), "--output", o("system_overlap.csv"), "--served-matrix-output",
        o("system_served_matrix.csv"), "--shared-matrix-output", o("system_shared_matrix.csv"),
      ],
      ["overlap", "--a", o("crosswalk_lsoa_lad.csv"), "--b", o("crosswalk_lsoa_icb.csv")] + population + [
        "--output", o("overlap_lad_icb.csv"), "--matrix-output", o("overlap_lad_icb_matrix.csv"), "--summary-output", o("overlap_lad_icb_summary.csv"),
      ],
      ["nesting", "--crosswalk", o("crosswalk_lsoa_sicbl.csv"), "--crosswalk", o("crosswalk_lsoa_icb.csv")] + population + ["--output", o("nesting.csv")],
      ["compare", "--baseline", o("crosswalk_lsoa_icb.csv"), "--proposal", o("crosswalk_lsoa_sicbl.csv"), "--councils", o("crosswalk_lsoa_lad.csv")]
        + population + activity + [
          "--providers", path("trusts_etr.csv"), "--output", o("compare.csv"), "--membership-changes-output", o("membership_changes.csv"),
        ],
    ]
    var failures: [String] = []
    for command in commands {
      let result = try CommandRunner.run(command + ["--quiet"] + extra)
      if result.status != 0 { failures.append("\(command.joined(separator: " ")): \(result.stderr)") }
    }
    return (out, failures)
  }

  /// Every CSV written into `folder`, by file name.
  func tables(in folder: URL) throws -> [String: SimpleCSV] {
    var out: [String: SimpleCSV] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
      out[name] = try SimpleCSV(contentsOf: folder.appendingPathComponent(name))
    }
    return out
  }

  /// Fields that read as numbers (codes such as E54000901 do not).
  func numericFields(_ table: SimpleCSV) -> [(column: String, text: String)] {
    table.rows.flatMap { row in zip(table.header, row).filter { Double($0.1) != nil }.map { (column: $0.0, text: $0.1) } }
  }

  func decimals(_ text: String) -> Int { text.split(separator: ".").dropFirst().first?.count ?? 0 }

  func significantDigits(_ text: String) -> Int {
    var digits = Array(text.filter(\.isNumber))
    while digits.first == "0" { digits.removeFirst() }
    if !text.contains(".") { while digits.last == "0" { digits.removeLast() } }
    return digits.count
  }

  @Test func demoOutputsAreReadable() throws {
    let all = try tables(in: try folder(Self.readableRun))
    #expect(all.count == 29)
    for (name, table) in all {
      for field in numericFields(table) {
        #expect(!field.text.lowercased().contains("e"), "\(name) \(field.column): \(field.text) is in exponent notation")
      }
    }
    // People to 2 decimal places, ratios to 10 significant digits (the demo has values that need both).
    let people: [(String, String)] = [
      ("trust_catchments.csv", "catchment_population"), ("trust_catchment_zones.csv", "catchment_population"), ("trust_membership.csv", "catchment_population"),
      ("system_overlap.csv", "population_a_served_by_b"), ("population_proposed.csv", "population"),
    ]
    let ratios: [(String, String)] = [
      ("trust_membership.csv", "share"), ("trust_catchment_zones.csv", "share"), ("flow_summary_icb.csv", "retention"), ("practice_flows_icb.csv", "share"),
      ("overlap_lad_icb.csv", "cov_a_to_b"), ("compare.csv", "share_in_whole_councils"),
    ]
    for (file, column) in people {
      let table = try #require(all[file])
      let values = table.rows.map { $0[table.column(column)] }
      #expect(values.allSatisfy { decimals($0) <= 2 }, "\(file) \(column)")
      #expect(values.contains { decimals($0) == 2 } || file == "population_proposed.csv", "\(file) \(column): no value needed rounding")
    }
    for (file, column) in ratios {
      let table = try #require(all[file])
      let values = table.rows.map { $0[table.column(column)] }
      #expect(values.allSatisfy { significantDigits($0) <= 10 }, "\(file) \(column)")
    }
    // The issue's example: R9A's catchment 100584.84769310513 is written 100584.85.
    let catchments = try #require(all["trust_catchments.csv"])
    #expect(catchments.rows.first { $0[0] == "R9A" }?[catchments.column("catchment_population")] == "100584.85")
  }

  @Test func namesBesideCodes() throws {
    let all = try tables(in: try folder(Self.readableRun))
    // Names from the inputs themselves, read here independently.
    let lookup = try SimpleCSV(contentsOf: data.appendingPathComponent("lsoa_sicbl_icb_lad_lookup.csv"))
    var footprintName: [String: String] = [:]
    for row in lookup.rows where row.count == lookup.header.count {
      for (code, name) in [("ICB23CD", "ICB23NM"), ("SICBL23CD", "SICBL23NM"), ("LAD23CD", "LAD23NM")] {
        footprintName[row[lookup.column(code)]] = row[lookup.column(name)]
      }
    }
    let trusts = try SimpleCSV(contentsOf: data.appendingPathComponent("trusts_etr.csv"))
    var providerName: [String: String] = [:]
    for row in [trusts.header] + trusts.rows { providerName[row[0]] = row[1] }
    providerName["UNATTRIBUTED"] = ""
    footprintName["UNALLOCATED"] = ""

    /// (file, code column, name column, names)
    let pairs: [(String, String, String, [String: String])] = [
      ("flows_icb.csv", "residence_footprint", "residence_footprint_name", footprintName),
      ("flows_icb.csv", "registration_footprint", "registration_footprint_name", footprintName),
      ("flows_sicbl.csv", "registration_footprint", "registration_footprint_name", footprintName),
      ("flow_summary_icb.csv", "footprint_id", "footprint_name", footprintName),
      ("flow_matrix_icb.csv", "residence_footprint", "residence_footprint_name", footprintName.merging(["total": ""]) { a, _ in a }),
      ("practice_flows_icb.csv", "residence_footprint", "residence_footprint_name", footprintName),
      ("trust_membership.csv", "provider_id", "provider_name", providerName),
      ("trust_membership.csv", "footprint_id", "footprint_name", footprintName),
      ("trust_catchment_zones.csv", "provider_id", "provider_name", providerName),
      ("system_overlap.csv", "system_a", "system_a_name", footprintName),
      ("system_overlap.csv", "system_b", "system_b_name", footprintName),
      ("system_served_matrix.csv", "system", "system_name", footprintName),
      ("system_shared_matrix.csv", "system", "system_name", footprintName),
      ("overlap_lad_icb.csv", "a_id", "a_name", footprintName),
      ("overlap_lad_icb.csv", "b_id", "b_name", footprintName),
      ("overlap_lad_icb_summary.csv", "best_b_id", "best_b_name", footprintName),
      ("overlap_lad_icb_matrix.csv", "a_id", "a_name", footprintName.merging(["total": ""]) { a, _ in a }),
      ("nesting.csv", "child_id", "child_name", footprintName),
      ("nesting.csv", "main_parent_id", "main_parent_name", footprintName),
      ("compare.csv", "footprint_id", "footprint_name", footprintName),
      ("membership_changes.csv", "provider_id", "provider_name", providerName),
    ]
    for (file, codeColumn, nameColumn, names) in pairs {
      let table = try #require(all[file])
      let code = table.column(codeColumn), name = table.column(nameColumn)
      #expect(code >= 0 && name == code + 1, "\(file): \(nameColumn) does not follow \(codeColumn)")
      guard code >= 0, name >= 0 else { continue }
      #expect(!table.rows.isEmpty)
      for row in table.rows { #expect(names[row[code]] == row[name], "\(file): \(row[code]) named '\(row[name])'") }
    }
    // Matrices keep their shape: the column headers after the names are codes only.
    let served = try #require(all["system_served_matrix.csv"])
    #expect(Array(served.header.dropFirst(2)) == served.rows.map { $0[0] })
  }

  @Test func fullPrecisionWritesTheShortestRoundTripForm() throws {
    let rounded = try tables(in: try folder(Self.readableRun)), full = try tables(in: try folder(Self.fullRun))
    #expect(rounded.keys.sorted() == full.keys.sorted())
    var longer = 0
    for (name, table) in full {
      let other = try #require(rounded[name])
      #expect(table.header == other.header && table.rows.count == other.rows.count, "\(name)")
      for field in numericFields(table) {
        #expect(!field.text.lowercased().contains("e"), "\(name) \(field.column): \(field.text)")
        // Shortest: one significant digit fewer no longer reads back to the same Double.
        let value = try #require(Double(field.text))
        let digits = significantDigits(field.text)
        if digits > 1 && value != value.rounded() {
          #expect(Double(String(format: "%.\(digits - 2)e", value)) != value, "\(name) \(field.column): \(field.text) is not the shortest form")
        }
      }
      // Rounding the exact value gives the default output, cell by cell. (system-overlap sums
      // the membership file it reads, rounded or exact, so its cells may differ by more.)
      guard !name.hasPrefix("system_") else { continue }
      for (row, otherRow) in zip(table.rows, other.rows) {
        for (k, (x, y)) in zip(row, otherRow).enumerated() where x != y {
          guard let a = Double(x), let b = Double(y) else {
            #expect(table.header[k] == "parents", "\(name): \(x) vs \(y)")
            continue
          }
          #expect(abs(a - b) <= max(0.005, 5e-10 * abs(a)) * (1 + 1e-12), "\(name): \(x) vs \(y)")
          longer += 1
        }
      }
    }
    #expect(longer > 100)
    // The issue's examples, now exact.
    let zones = try #require(full["trust_catchment_zones.csv"])
    #expect(zones.rows.contains { $0[zones.column("catchment_population")] == "79.89999999999999" })
    let catchments = try #require(full["trust_catchments.csv"])
    #expect(catchments.rows.first { $0[0] == "R9A" }?[catchments.column("catchment_population")] == "100584.84769310513")
  }
}
