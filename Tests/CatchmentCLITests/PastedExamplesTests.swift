import CatchmentTestSupport
import Foundation
import Testing

/// Help that works when pasted: every example of every `--help`, as the help renders it on an
/// 80-column terminal, and every command of the README, run in order with bash against a copy
/// of the demo data after `scripts/demo.sh` (run with the test's binary: no set-up, no build),
/// with `catchment` found on PATH where the demo links it.
@Suite(.serialized) struct PastedExamplesTests {
  static let commands = [
    "", "crosswalk", "recode", "populations", "flows", "catchments", "membership", "system-overlap", "overlap", "nesting", "propose", "compare",
    "adjacency", "review", "report", "regions",
  ]

  /// The commands of a help text: indented lines of the overview (before `USAGE:`), a line
  /// ending in `\` continuing onto the next. A wrapped line that lost its `\` ends the command
  /// early and starts a broken one, as it does in a terminal.
  static func examples(inHelp help: String) -> [String] {
    let overview = help.components(separatedBy: "\nUSAGE:")[0]
    var commands: [String] = []
    var current: [String] = []
    for line in overview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if current.isEmpty && !(line.hasPrefix(" ") && !line.trimmingCharacters(in: .whitespaces).isEmpty) { continue }
      current.append(line)
      if !line.hasSuffix("\\") {
        commands.append(current.joined(separator: "\n"))
        current = []
      }
    }
    if !current.isEmpty { commands.append(current.joined(separator: "\n")) }
    return commands
  }

  /// The commands of the README: every line of its ```sh blocks (comments and blank lines
  /// aside), and the `$ ` lines of its ```console blocks, with their `\` continuations.
  static func readmeCommands(_ text: String) -> [String] {
    var commands: [String] = []
    var language: String?
    var current: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") {
        language = language == nil ? String(line.dropFirst(3)) : nil
        continue
      }
      guard let language else { continue }
      var command = line
      if current.isEmpty {
        switch language {
        case "sh":
          let trimmed = line.trimmingCharacters(in: .whitespaces)
          if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        case "console":
          guard line.hasPrefix("$ ") else { continue }
          command = String(line.dropFirst(2))
        default: continue
        }
      }
      current.append(command)
      if !line.hasSuffix("\\") {
        commands.append(current.joined(separator: "\n"))
        current = []
      }
    }
    return commands
  }

  /// A copy of the repository's demo data and `scripts/demo.sh`, and the environment that
  /// runs the test's binary and links it in `bin/` (put first on PATH).
  func workspace() throws -> (folder: URL, environment: [String: String]) {
    let folder = try temporaryFolder()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("data"), to: folder.appendingPathComponent("data"))
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("scripts/demo.sh"), to: folder.appendingPathComponent("scripts/demo.sh"))
    let bin = folder.appendingPathComponent("bin").path
    return (
      folder,
      [
        "CATCHMENT_BIN": CommandRunner.executable.path, "CATCHMENT_LINK_DIR": bin, "COLUMNS": "80",
        "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
      ]
    )
  }

  /// The exit status an example states (`# exit 3`), else 0.
  static func expectedStatus(_ command: String) -> Int32 {
    guard let range = command.range(of: "# exit ") else { return 0 }
    return Int32(command[range.upperBound...].prefix { $0.isNumber }) ?? 0
  }

  @Test func everyHelpExampleAndReadmeCommandWorksWhenPasted() throws {
    let (folder, environment) = try workspace()
    let readme = Self.readmeCommands(try contents(packageRoot.appendingPathComponent("README.md")))
    #expect(readme.contains("bash scripts/demo.sh"))
    #expect(readme.contains { $0.hasPrefix("catchment crosswalk") })
    // The first two commands are the main job and the tests; the review comes before the single commands.
    #expect(Array(readme.prefix(2)) == ["bash scripts/demo.sh", "bash scripts/test.sh"])
    let review = try #require(readme.firstIndex(of: "catchment review data/demo_study.toml"))
    #expect(review < (readme.firstIndex { $0.hasPrefix("catchment crosswalk") } ?? 0))
    var failures: [String] = []
    func run(_ command: String, from source: String) throws {
      let result = try ShellRunner.run(command, in: folder, environment: environment)
      if result.status != Self.expectedStatus(command) {
        failures.append("\(source): exit \(result.status):\n\(command)\n\(result.output.suffix(1500))")
      }
    }
    // The README first: its first command is the demo, after which `catchment` is on PATH.
    for command in readme {
      // The tests themselves (this test is one of them).
      if command.hasPrefix("bash scripts/test.sh") { continue }
      try run(command, from: "README.md")
      if command.hasPrefix("bash scripts/demo.sh") {
        let link = folder.appendingPathComponent("bin/catchment").path
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == CommandRunner.executable.path)
        // The main job wrote the demo study's pack (DemoScriptTests checks its contents).
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/review/manifest.json").path))
      }
    }
    for name in Self.commands {
      let help = try ShellRunner.run("catchment \(name) --help", in: folder, environment: environment)
      #expect(help.status == 0)
      let examples = Self.examples(inHelp: help.output)
      #expect(!examples.isEmpty, "catchment \(name) --help has no example")
      for example in examples { try run(example, from: "catchment \(name) --help") }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
  }

  /// A help example wrapped without its `\` is caught: the extraction splits it as a terminal
  /// would run it.
  @Test func aWrappedExampleIsSplitWhereItBreaks() {
    let help = "OVERVIEW: x\n\nExample:\n  catchment a --x 1\n    --y 2 \\\n--z 3\n  --w 4\n\nUSAGE: catchment\n  --not-this\n"
    #expect(Self.examples(inHelp: help) == ["  catchment a --x 1", "    --y 2 \\\n--z 3", "  --w 4"])
  }

  /// `--workers` states its default once (ArgumentParser appends it to the help text).
  @Test(arguments: ["crosswalk", "catchments", "membership", "propose", "compare"])
  func workersHelpStatesItsDefaultOnce(command: String) throws {
    let result = try CommandRunner.run([command, "--help"])
    // The option's entry: its line and the wrapped lines under it, up to the next option.
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("  --workers") })
    let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("  -") || $0.isEmpty } ?? lines.count
    let entry = lines[start..<end].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(entry.components(separatedBy: "(default:").count == 2, "\(entry)")
    #expect(entry.hasSuffix("(default: the processor count)"), "\(entry)")
  }

  /// `--workers` below 1 is a usage error for every command that has it (propose had no check).
  @Test(arguments: ["crosswalk", "catchments", "propose"])
  func workersBelowOneIsAUsageError(command: String) throws {
    let result = try CommandRunner.run([command, "--workers", "0"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("The value '0' is invalid for '--workers <n>'"), "\(result.stderr)")
  }
}
