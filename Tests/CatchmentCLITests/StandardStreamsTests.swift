import CatchmentTestSupport
import Foundation
import Testing

/// Standard output or error that cannot be written: an error (exit 1) for standard output,
/// ignored for standard error, and never a trap. The built binary runs with its streams
/// redirected by the shell.
@Suite struct StandardStreamsTests {
  /// `catchment crosswalk` on the tiny lookup, quoted for the shell, without its output option.
  var crosswalk: String {
    ([CommandRunner.executable.path, "crosswalk", "--lookup", fixture("tiny/lookup.csv"), "--lookup-zone", "LSOA11CD", "--lookup-footprint", "CCG20CD"])
      .map(ShellRunner.quote).joined(separator: " ")
  }

  @Test func standardOutputOnAFullDeviceIsAnError() throws {
    let result = try ShellRunner.run("\(crosswalk) -o - >/dev/full", in: try temporaryFolder())
    #expect(!result.signalled, "\(result.output)")
    #expect(result.status == 1)
    #expect(result.output.contains("Error: cannot write to standard output: No space left on device"), "\(result.output)")
  }

  @Test func closedStandardOutputIsAnError() throws {
    let result = try ShellRunner.run("\(crosswalk) -o - >&-", in: try temporaryFolder())
    #expect(!result.signalled, "\(result.output)")
    #expect(result.status == 1)
    #expect(result.output.contains("Error: cannot write to standard output:"), "\(result.output)")
  }

  /// The report goes to standard error; when it cannot be written the run still succeeds.
  @Test(arguments: ["2>/dev/full", "2>&-"])
  func standardErrorThatCannotBeWrittenIsIgnored(redirection: String) throws {
    let folder = try temporaryFolder()
    let result = try ShellRunner.run("\(crosswalk) -o out.csv \(redirection)", in: folder)
    #expect(!result.signalled, "\(result.output)")
    #expect(result.status == 0, "\(result.output)")
    #expect(try contents(folder.appendingPathComponent("out.csv")).hasPrefix("zone_id,footprint_id,weight"))
  }

  /// Both failing, with a usage error to report: exit 64, no trap.
  @Test func usageErrorWithBothStreamsFull() throws {
    let result = try ShellRunner.run("\(crosswalk) >/dev/full 2>/dev/full", in: try temporaryFolder())
    #expect(!result.signalled)
    #expect(result.status == 64)
  }
}
