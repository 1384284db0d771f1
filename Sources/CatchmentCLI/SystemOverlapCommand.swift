import ArgumentParser
import CatchmentAnalysis
import CatchmentCore

struct SystemOverlapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "system-overlap",
    abstract: "System × system matrices from a membership table: shared providers and population served.",
    discussion: """
      Reads the CSV written by 'catchment membership'. Writes, for every pair of systems \
      (footprints with at least one member) a, b in byte order: \
      system_a[,system_a_name],system_b[,system_b_name],shared_members,population_a_served_by_b, where shared_members is \
      the number of providers that are members of both (the diagonal: a's members) and \
      population_a_served_by_b = Σ over providers that are members of b of their \
      catchment population living in a: how much of system a's population b's providers \
      serve. --shared-matrix-output and --served-matrix-output write the two as wide \
      matrices (rows a, columns b).

      Example (reads the membership that the example of 'catchment membership \
      --help' writes; the review of bash scripts/demo.sh writes the same table as \
      out/review/membership_icb.csv):
        catchment system-overlap --membership out/trust_membership.csv \\
          --output out/system_overlap.csv \\
          --served-matrix-output out/system_served_matrix.csv
      """)

  @Option(help: ArgumentHelp("Membership CSV written by 'catchment membership'.", valueName: "file"))
  var membership: String

  @Option(name: .shortAndLong, help: ArgumentHelp("Long CSV to write ('-' for standard output).", valueName: "file"))
  var output: String

  @Option(name: .customLong("shared-matrix-output"), help: ArgumentHelp("Also write the shared-members matrix, wide.", valueName: "file"))
  var sharedMatrixOutput: String?

  @Option(name: .customLong("served-matrix-output"), help: ArgumentHelp("Also write the population_a_served_by_b matrix, wide.", valueName: "file"))
  var servedMatrixOutput: String?

  @OptionGroup(title: "Run")
  var runOptions: RunOptions

  func run() throws {
    let report = RunReport(command: "system-overlap")
    let (overlap, overlapAccount) = try SystemOverlap.read(path: membership)
    report.record(overlapAccount)
    report.figure("systems", Double(overlap.systems.count))
    try write(overlap.csv(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: output)
    report.note("wrote \(output)")
    if let sharedMatrixOutput {
      try write(overlap.sharedMatrixCSV(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: sharedMatrixOutput)
      report.note("wrote \(sharedMatrixOutput)")
    }
    if let servedMatrixOutput {
      try write(overlap.servedMatrixCSV(numbers: runOptions.numbers, byteOrderMark: runOptions.bom), to: servedMatrixOutput)
      report.note("wrote \(servedMatrixOutput)")
    }
    try runOptions.finish(report)
  }
}
