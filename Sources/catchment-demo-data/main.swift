import ArgumentParser
import CatchmentDemoData
import Foundation

extension DemoScale: ExpressibleByArgument {}

/// Writes the deterministic demo or national-scale input files.
struct CatchmentDemoDataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catchment-demo-data",
    abstract: "Generate fictional NHS/ONS input files in their published layouts.",
    discussion: """
      The same --scale and --seed always write byte-identical files. The committed demo data \
      is regenerated with: swift run catchment-demo-data --scale demo --output data
      """)

  @Option(help: "demo (a small fictional region) or national (the national shape, ~80 MB).")
  var scale: DemoScale = .demo

  @Option(help: "Directory to write the files into (created if missing).")
  var output: String

  @Option(help: "Random seed; keep the default to reproduce the committed files.")
  var seed: UInt64 = DemoDataGenerator.defaultSeed

  func run() throws {
    let start = Date()
    let directory = URL(fileURLWithPath: output, isDirectory: true)
    let summary = try DemoDataGenerator(scale: scale, seed: seed).write(to: directory)
    let seconds = Date().timeIntervalSince(start)
    let s = summary
    var lines = [
      "scale \(s.scale.rawValue), seed \(s.seed)",
      "ICBs \(s.icbs), sub-ICB locations \(s.subICBs), councils \(s.councils), LSOAs \(s.lsoas)",
      "practices with registrations \(s.practices), in practice map \(s.mappedPractices)",
      "registration rows \(s.registrationRows), patients \(s.totalPatients), "
        + "population \(s.population)",
      "patients at pseudo codes \(s.pseudoCodePatients), Wales/Scotland "
        + "\(s.otherNationPatients), E01 outside lookup \(s.outOfAreaPatients)",
    ]
    let changes = zip(["U", "S", "M", "X"], s.bridgeRowsByChange).map { "\($0) \($1)" }
    lines.append(
      "LSOA 2011 zones \(s.lsoas2011), bridge rows by change code: "
        + changes.joined(separator: ", "))
    if let practice = summary.unmappedPractice {
      lines.append("unmapped practice \(practice): \(summary.unmappedPracticePatients) patients")
    }
    if let lsoa = summary.missingPopulationLSOA {
      lines.append("LSOA missing from the population file: \(lsoa)")
    }
    if s.trusts > 0 {
      lines.append("trusts \(s.trusts), site rows \(s.trustSites), postcodes \(s.postcodes)")
      if let trust = s.headquartersOnlyTrust {
        lines.append("trust without site rows (placed by headquarters postcode only): \(trust)")
      }
      if let site = s.unplaceableSite {
        lines.append("site without postcode or coordinates (cannot be placed): \(site)")
      }
      lines.append("activity rows \(s.activityRows) (2 years x All/Elective/Emergency)")
      if let zone = s.activityOutOfAreaZone {
        lines.append("activity zone outside the lookup: \(zone)")
      }
    }
    for (file, size) in zip(DemoFile.files(for: scale), summary.fileSizes) {
      lines.append("  \(directory.appendingPathComponent(file.rawValue).path)  \(size) bytes")
    }
    // Timing goes to standard error so standard output stays identical between runs.
    print(lines.joined(separator: "\n"))
    FileHandle.standardError.write(Data("generated in \(Int(seconds * 1000)) ms\n".utf8))
  }
}

CatchmentDemoDataCommand.main()
