import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs

struct CatchmentsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catchments",
    abstract: "Provider catchment populations: CP(p) = Σz share(z,p)·pop(z).",
    discussion: """
      Writes provider_id[,provider_name],catchment_population,zones: one row per \
      provider, sorted by provider_id, then UNATTRIBUTED (the population no provider \
      takes: zones whose shares sum to less than 1, as OHID's do, and zones without \
      activity or within reach of no site). For every method but threshold:X with \
      X < 0.5, the rows add up to the population counted. --zone-output writes the \
      zone × provider table (zone_id,provider_id[,provider_name],share,catchment_population).

      From activity (OHID proportional flow and its variants):
        catchment catchments --method proportional \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --activity data/trust_activity.csv --activity-zone lsoa21cd \\
          --activity-provider trust_code --activity-count patients \\
          --activity-total total_patients \\
          --where catchment_year=2022 --where admission_type=All \\
          --providers data/trusts_etr.csv --output out/trust_catchments.csv

      Modelled from sites (Huff; α = 1, β = 2, 50 km cap, 100 m floor by default):
        catchment catchments --method huff \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --centroids data/lsoa_pwc.csv --centroid-id LSOA21CD \\
          --centroid-x x --centroid-y y --centroid-crs EPSG:27700 \\
          --sites data/trust_sites.csv --site-provider trust_code \\
          --site-id site_code --site-x x --site-y y \\
          --site-attractiveness beds --providers data/trusts_etr.csv \\
          --postcodes data/postcodes.csv \\
          --output out/trust_catchments_huff.csv
      """)

  @OptionGroup var inputs: CatchmentMethodOptions

  @OptionGroup(title: "Population and activity of another zone vintage")
  var recode: RecodeOption

  @Option(name: .shortAndLong, help: ArgumentHelp("Catchments CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("zone-output"), help: ArgumentHelp("Also write the zone × provider table (long CSV).", valueName: "file"))
  var zoneOutput: String?

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws { try inputs.requireSource() }

  func run() throws {
    let report = RunReport(command: "catchments")
    var sources = inputs.sources
    sources.recode = try recode.crosswalk(report: report)
    let (catchments, names, account) = try sources.catchments(crosswalk: nil)
    report.record(account)
    try write(catchments.csv(names: names, numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let zoneOutput {
      try write(catchments.zoneCSV(names: names, numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: zoneOutput)
      report.note("wrote \(zoneOutput)")
    }
    try runOptions.finish(report)
  }
}
