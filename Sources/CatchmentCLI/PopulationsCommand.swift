import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

struct PopulationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "populations",
    abstract: "Resident population per footprint: P(f) = Σ w(z,f)·pop(z).",
    discussion: """
      Writes footprint_id,footprint_name,population: one row per footprint of \
      the crosswalk (0 when it has no population), sorted by footprint_id, then \
      UNALLOCATED when non-zero. Zones the crosswalk does not list (outside the \
      study area: a crosswalk of one region read with the national file), rows \
      for other geographies (council, region and country totals in ONS \
      estimates), other nations and pseudo codes are reported as expected \
      exclusions; zones of the crosswalk with no population row, unrecognised \
      codes and unallocated population are losses.

      Example (reads the crosswalk that the example of 'catchment crosswalk --help' \
      writes):
        catchment populations --crosswalk out/lsoa_icb.csv \\
          --population data/population_lsoa_mid2022.csv \\
          --population-id "Area Codes" --population-value "All Ages" \\
          --output out/icb_population.csv
      """)

  @OptionGroup(title: "Population")
  var population: PopulationOptions

  @OptionGroup(title: "Crosswalk")
  var crosswalk: CrosswalkSource

  @OptionGroup(title: "Population of another zone vintage")
  var recode: RecodeOption

  @Option(name: .shortAndLong, help: ArgumentHelp("Population CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func validate() throws {
    if !population.isGiven { throw ValidationError("give --population FILE --population-id COLUMN --population-value COLUMN") }
  }

  func run() throws {
    let report = RunReport(command: "populations")
    let crosswalk = try self.crosswalk.load(report: report)
    let table = try recode.population(PopulationTable(path: population.population!, columns: population.columns), report: report)
    let (zones, zonesAccount) = try ZonePopulation.join(table, crosswalk: crosswalk)
    report.record(zonesAccount)
    let result = ResidentPopulation(population: zones, crosswalk: crosswalk)
    report.figure("population counted", result.counted)
    report.record(result.unallocatedLoss())
    try write(result.csv(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    try runOptions.finish(report)
  }
}
