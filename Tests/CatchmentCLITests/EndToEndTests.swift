import CatchmentTestSupport
import CatchmentTables
import Foundation
import Testing

/// The CLI run as an analyst runs it, on the hand-worked fixtures of `Tests/Fixtures/tiny`
/// (the working is in `Tests/CatchmentAnalysisTests/FlowMatrixTests.swift`).
@Suite struct EndToEndTests {
  let lookupArguments = [
    "--lookup", fixture("tiny/lookup.csv"), "--lookup-zone", "LSOA11CD", "--lookup-footprint", "CCG20CD", "--lookup-name", "CCG20NM",
  ]

  @Test func crosswalkThenPopulationsThenFlows() throws {
    let out = try temporaryFolder()
    let crosswalk = out.appendingPathComponent("crosswalk.csv")
    var result = try CommandRunner.run(["crosswalk", "--method", "lookup"] + lookupArguments + ["--output", crosswalk.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(crosswalk) == """
      zone_id,footprint_id,weight,footprint_name,method
      E01000001,E38000001,1,"NHS Alpha, North CCG",lookup
      E01000002,E38000001,1,"NHS Alpha, North CCG",lookup
      E01000003,E38000002,1,NHS Beta CCG,lookup
      E01000004,E38000002,1,NHS Beta CCG,lookup
      E01000005,UNALLOCATED,1,,lookup

      """)

    let populations = out.appendingPathComponent("populations.csv")
    result = try CommandRunner.run([
      "populations", "--population", fixture("tiny/population.csv"), "--population-id", "Area Codes", "--population-value", "All Ages",
      "--crosswalk", crosswalk.path, "--output", populations.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // E01000005 (UNALLOCATED) has no population row, so no UNALLOCATED row.
    #expect(try contents(populations) == "footprint_id,footprint_name,population\nE38000001,\"NHS Alpha, North CCG\",1500\nE38000002,NHS Beta CCG,1000\n")
    #expect(result.stderr.contains("rows for other geographies (council, region or country totals; not E01 zones): 1 rows, 2500 population"))

    let long = out.appendingPathComponent("flows.csv")
    let summary = out.appendingPathComponent("summary.csv")
    let report = out.appendingPathComponent("report.json")
    result = try CommandRunner.run([
      "flows", "--registrations", fixture("tiny/registrations.csv"), "--crosswalk", crosswalk.path,
      "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE",
      "--output", long.path, "--summary-output", summary.path, "--report", report.path,
      "--population", fixture("tiny/population.csv"), "--population-id", "Area Codes", "--population-value", "All Ages",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(long) == """
      residence_footprint,residence_footprint_name,registration_footprint,registration_footprint_name,patients
      E38000001,"NHS Alpha, North CCG",E38000001,"NHS Alpha, North CCG",100
      E38000001,"NHS Alpha, North CCG",UNALLOCATED,,30
      E38000002,NHS Beta CCG,E38000001,"NHS Alpha, North CCG",20
      E38000002,NHS Beta CCG,E38000002,NHS Beta CCG,1050
      UNALLOCATED,,E38000001,"NHS Alpha, North CCG",3
      UNALLOCATED,,E38000002,NHS Beta CCG,17
      UNALLOCATED,,UNALLOCATED,,2

      """)
    // Ratios to 10 significant digits: retention 100/130 = 0.76923076923…, capture 100/123 =
    // 0.81300813008…; list inflation = resident_registered ÷ P(f): 130/1500 = 0.0866666666666…,
    // 1070/1000 = 1.07; 1050/1070 = 0.98130841121…, 1050/1067 = 0.98406747891…, 2/22 = 0.0909090909090…
    #expect(try contents(summary) == """
      footprint_id,footprint_name,resident_registered,registered_list,retained,retention,capture,inflow,outflow,net,resident_population,list_inflation,practices_in_file,practices_in_map
      E38000001,"NHS Alpha, North CCG",130,123,100,0.7692307692,0.8130081301,23,30,-7,1500,0.08666666667,1,1
      E38000002,NHS Beta CCG,1070,1067,1050,0.9813084112,0.9840674789,17,20,-3,1000,1.07,1,2
      UNALLOCATED,,22,32,2,0.09090909091,0.0625,30,20,10,0,,,

      """)
    #expect(result.stderr.contains("EXTRACT_DATE seen: 01APR2020"))
    #expect(result.stderr.contains("2 skipped by rule"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
    #expect(json["command"] as? String == "flows")
    let losses = json["losses"] as! [[String: Any]]
    #expect(losses.contains { ($0["reason"] as? String)?.contains("missing from the practice map") == true && $0["amount"] as? Double == 32 })
  }

  @Test func inlineLookupGivesTheSameFlowsAsACrosswalkFile() throws {
    let out = try temporaryFolder()
    let crosswalk = out.appendingPathComponent("crosswalk.csv")
    _ = try CommandRunner.run(["crosswalk"] + lookupArguments + ["-o", crosswalk.path])
    let common = ["flows", "--registrations", fixture("tiny/registrations.csv"), "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE", "--quiet"]
    let a = try CommandRunner.run(common + ["--crosswalk", crosswalk.path, "--matrix-output", out.appendingPathComponent("a.csv").path, "-o", "-"])
    let b = try CommandRunner.run(common + lookupArguments + ["--matrix-output", out.appendingPathComponent("b.csv").path, "-o", "-"])
    #expect(a.status == 0 && b.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout.hasPrefix("residence_footprint,residence_footprint_name,registration_footprint,registration_footprint_name,patients\n"))
    #expect(try contents(out.appendingPathComponent("a.csv")) == contents(out.appendingPathComponent("b.csv")))
  }

  @Test func sameInputSameBytes() throws {
    let out = try temporaryFolder()
    var outputs: [String] = []
    for run in 0..<2 {
      let practice = out.appendingPathComponent("practice\(run).csv")
      let report = out.appendingPathComponent("report\(run).json")
      let result = try CommandRunner.run([
        "flows", "--registrations", fixture("tiny/registrations.csv"), "--crosswalk", fixture("tiny/crosswalk_fractional.csv"),
        "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE", "--practice-output", practice.path,
        "--report", report.path, "-o", "-", "--quiet",
      ])
      outputs.append(result.stdout + (try contents(practice)) + (try contents(report)))
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test func byteOrderMarkForExcel() throws {
    let result = try CommandRunner.run(["crosswalk"] + lookupArguments + ["-o", "-", "--bom", "--quiet"])
    #expect(result.status == 0)
    #expect(Array(result.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(result.stdout.dropFirst().hasPrefix("zone_id,footprint_id,weight,footprint_name,method\n"))
  }

  @Test func populationYearIsCheckedAgainstTheExtract() throws {
    let arguments = [
      "flows", "--registrations", fixture("tiny/registrations.csv"), "--crosswalk", fixture("tiny/crosswalk_fractional.csv"),
      "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE", "-o", "-",
      "--summary-output", try temporaryFolder().appendingPathComponent("s.csv").path,
      "--population", fixture("tiny/population.csv"), "--population-id", "Area Codes", "--population-value", "All Ages",
    ]
    let unlike = try CommandRunner.run(arguments + ["--population-year", "2017"])
    #expect(unlike.stderr.contains("WARNING: the population is for 2017 but the registrations were extracted in 2020"))
    let like = try CommandRunner.run(arguments + ["--population-year", "2020"])
    #expect(!like.stderr.contains("compares unlike years"))
  }

  @Test func strictFailsOnLossesAfterReporting() throws {
    let result = try CommandRunner.run([
      "flows", "--registrations", fixture("tiny/registrations.csv"), "--crosswalk", fixture("tiny/crosswalk_fractional.csv"),
      "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE", "-o", "-", "--strict",
    ])
    #expect(result.status == 3)
    #expect(result.stderr.contains("error: --strict: the run lost data:"))
    #expect(result.stderr.contains("loss: patients of practices missing from the practice map (closed or merged?): 2 rows, 32 patients"))
  }

  @Test func strictPassesWhenOnlyExpectedExclusions() throws {
    // The population file's council and Welsh rows are expected; drop the unknown LSOA row.
    let out = try temporaryFolder()
    let population = out.appendingPathComponent("population.csv")
    try String(contentsOfFile: fixture("tiny/population.csv"), encoding: .utf8).replacingOccurrences(of: "E01099999,Unknown,50\n", with: "")
      .write(to: population, atomically: false, encoding: .utf8)
    let result = try CommandRunner.run([
      "populations", "--population", population.path, "--population-id", "Area Codes", "--population-value", "All Ages",
      "--crosswalk", fixture("tiny/crosswalk_fractional.csv"), "-o", "-", "--strict",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "footprint_id,footprint_name,population\nE38000001,,1650\nE38000002,,850\n")
  }
}

/// Bad input is told plainly: file, line and problem, non-zero exit, no stack trace.
@Suite struct BadInputTests {
  func flows(registrations: String, extra: [String] = []) throws -> CommandRunner.Result {
    try CommandRunner.run([
      "flows", "--registrations", registrations, "--crosswalk", fixture("tiny/crosswalk_fractional.csv"),
      "--practice-map", fixture("tiny/practice_map.csv"), "--practice-footprint", "ONS_CCG_CODE", "-o", "-",
    ] + extra)
  }

  @Test func missingFile() throws {
    let result = try flows(registrations: "/no/such/registrations.csv")
    #expect(result.status == 1)
    #expect(result.stderr == "Error: /no/such/registrations.csv: file not found\n")
  }

  @Test func missingColumn() throws {
    let result = try flows(registrations: fixture("tiny/registrations.csv"), extra: ["--count-column", "PATIENTS"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("registrations.csv:1: no column 'PATIENTS' for the count; the header has: PUBLICATION, EXTRACT_DATE, PRACTICE_CODE"))
  }

  @Test func nonNumericCount() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("bad.csv")
    try "PRACTICE_CODE,LSOA_CODE,SEX,NUMBER_OF_PATIENTS\nP1,E01000001,ALL,4\nP1,E01000002,ALL,*\n".write(to: file, atomically: false, encoding: .utf8)
    let result = try flows(registrations: file.path)
    #expect(result.status == 1)
    #expect(result.stderr == "Error: \(file.path):3: NUMBER_OF_PATIENTS is not a number: '*'\n")
  }

  @Test func usageErrorsShowUsage() throws {
    let result = try CommandRunner.run(["crosswalk", "--lookup", fixture("tiny/lookup.csv"), "-o", "-"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--lookup needs --lookup-zone COLUMN"))
    #expect(result.stderr.contains("Usage: catchment crosswalk"))
  }

  @Test(arguments: [[], ["crosswalk"], ["populations"], ["flows"]])
  func helpHasAWorkedExample(command: [String]) throws {
    let result = try CommandRunner.run(command + ["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("xample"))
    #expect(result.stdout.contains("catchment "))
  }
}
