import CatchmentOutputs
import CatchmentStudy

/// The files, folders and patterns a command's options name, each as an input or an output:
/// what ``InputOutputCheck`` compares before the run reads anything.
///
/// This file is the one place that knows which options read and which write: each command and
/// option group lists its own below. `FileOptionsTests` fails when an option whose value name
/// is `file` or `path` is missing from its command's list, so a new option cannot be forgotten.
struct FileArguments {
  /// What an input option reads (a file, boundaries, CSV files): the output layer's kinds.
  typealias InputKind = RunFiles.InputKind

  struct Input {
    var option: String
    var path: String
    var kind: InputKind
  }

  struct Output {
    var option: String
    var path: String
  }

  private(set) var inputs: [Input] = []
  private(set) var outputs: [Output] = []
  /// Every option listed, given or not, and whether it writes (for the completeness test).
  private(set) var options: [(option: String, isOutput: Bool)] = []

  mutating func input(_ option: String, _ path: String?, _ kind: InputKind = .file) {
    input(option, path.map { [$0] } ?? [], kind)
  }

  mutating func input(_ option: String, _ paths: [String], _ kind: InputKind = .file) {
    options.append((option, false))
    for path in paths { inputs.append(Input(option: option, path: path, kind: kind)) }
  }

  /// A positional argument that reads `path`: checked like an input, but not an option (the
  /// completeness test compares options with the help's).
  mutating func argument(_ name: String, _ path: String, _ kind: InputKind = .file) {
    inputs.append(Input(option: name, path: path, kind: kind))
  }

  mutating func output(_ option: String, _ path: String?) {
    options.append((option, true))
    if let path { outputs.append(Output(option: option, path: path)) }
  }

  /// Adds what `group` lists.
  mutating func add(_ group: some NamesFiles) { group.list(&self) }
}

/// A command or option group whose options name files.
protocol NamesFiles {
  /// Adds this command's (or group's) file options to `files`.
  func list(_ files: inout FileArguments)
}

extension NamesFiles {
  /// The files named, for ``InputOutputCheck``.
  var files: FileArguments {
    var files = FileArguments()
    list(&files)
    return files
  }
}

// MARK: - Option groups

extension RunOptions: NamesFiles {
  func list(_ files: inout FileArguments) { files.output("--report", report) }
}

extension LookupOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--lookup", lookup)
    files.input("--split-population", split.population)
  }
}

extension CrosswalkSource: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--crosswalk", crosswalk)
    files.add(lookup)
  }
}

extension PopulationOptions: NamesFiles {
  func list(_ files: inout FileArguments) { files.input("--population", population) }
}

extension CentroidOptions: NamesFiles {
  func list(_ files: inout FileArguments) { files.input("--centroids", centroids) }
}

extension PostcodeOptions: NamesFiles {
  func list(_ files: inout FileArguments) { files.input("--postcodes", postcodes, .csvFiles) }
}

extension GeometryOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--zones", zones, .boundaries)
    files.input("--footprints", footprints, .boundaries)
    files.add(centroidOptions)
  }
}

extension PracticeLocationOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--practices", practices)
    files.add(postcodeDirectory)
    files.input("--practice-footprints", practiceFootprints, .boundaries)
    files.output("--practice-placement-output", placementOutput)
  }
}

extension SiteOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--providers", providers)
    files.input("--sites", sites)
    files.add(postcodeDirectory)
    files.add(centroidOptions)
  }
}

extension ActivityOptions: NamesFiles {
  func list(_ files: inout FileArguments) { files.input("--activity", activity) }
}

extension CatchmentMethodOptions: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.add(population)
    files.add(activity)
    files.add(sites)
  }
}

// MARK: - Commands

extension CrosswalkCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.add(lookup)
    files.add(geometry)
    files.output("--output", output)
    files.add(geodata)
    files.add(population)
    files.add(runOptions)
  }
}

extension PopulationsCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.add(population)
    files.add(crosswalk)
    files.add(recode)
    files.output("--output", output)
    files.add(runOptions)
  }
}

extension FlowsCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--registrations", registrations)
    files.add(crosswalk)
    files.add(recode)
    files.input("--practice-map", practiceMap)
    files.add(locations)
    files.add(population)
    files.input("--population-crosswalk", populationCrosswalk)
    files.output("--output", output)
    files.output("--matrix-output", matrixOutput)
    files.output("--summary-output", summaryOutput)
    files.output("--practice-output", practiceOutput)
    files.add(polygons)
    files.add(geodata)
    files.add(runOptions)
  }
}

extension CatchmentsCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.add(inputs)
    files.add(recode)
    files.output("--output", output)
    files.output("--zone-output", zoneOutput)
    files.add(runOptions)
  }
}

extension MembershipCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.add(inputs)
    files.add(crosswalk)
    files.output("--output", output)
    files.output("--summary-output", summaryOutput)
    files.add(runOptions)
  }
}

extension SystemOverlapCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--membership", membership)
    files.output("--output", output)
    files.output("--shared-matrix-output", sharedMatrixOutput)
    files.output("--served-matrix-output", servedMatrixOutput)
    files.add(runOptions)
  }
}

extension OverlapCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--a", a)
    files.input("--b", b)
    files.add(population)
    files.input("--zones", zones, .boundaries)
    files.input("--a-footprints", aFootprints, .boundaries)
    files.input("--b-footprints", bFootprints, .boundaries)
    files.output("--output", output)
    files.output("--matrix-output", matrixOutput)
    files.output("--summary-output", summaryOutput)
    files.output("--crosswalk-output", crosswalkOutput)
    files.add(geodata)
    files.add(runOptions)
  }
}

extension NestingCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--crosswalk", crosswalks)
    files.add(population)
    files.input("--practice-map", practiceMap)
    files.output("--output", output)
    files.output("--tree-output", treeOutput)
    files.add(runOptions)
  }
}

extension ProposeCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--blocks", blocks)
    files.input("--crosswalk", crosswalk)
    files.add(lookup)
    files.input("--zones", zones, .boundaries)
    files.output("--output", output)
    files.output("--dissolve-output", dissolveOutput)
    files.add(geodata)
    files.add(population)
    files.add(runOptions)
  }
}

extension CompareCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--baseline", baseline)
    files.input("--proposal", proposal)
    files.add(inputs)
    files.input("--registrations", registrations)
    files.input("--practice-map", practiceMap)
    files.input("--councils", councils)
    files.output("--output", output)
    files.output("--membership-changes-output", membershipChangesOutput)
    files.add(runOptions)
  }
}

extension ReviewCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    // The study's own inputs and the pack's folder are known only once the study is parsed.
    files.input("study", study)
    files.add(runOptions)
  }
}

extension ReportCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    // The pack's files are known only once the folder is listed; its figures go to figures/.
    files.argument("folder", folder)
    // Every file of the pack the report may read: an output naming one is refused.
    for path in ReviewReport.filesRead(folder: folder) { files.argument("pack file", path) }
    files.output("--output", htmlPath)
    files.add(runOptions)
  }
}

extension AdjacencyCommand: NamesFiles {
  func list(_ files: inout FileArguments) {
    files.input("--zones", zones, .boundaries)
    files.output("--output", output)
    files.add(runOptions)
  }
}
