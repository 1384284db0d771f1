import CatchmentTables
import Foundation

/// The outputs of a run, held back until the whole run has succeeded: all or nothing.
///
/// Each output is written as it is ready to a temporary file beside its target (the same
/// folder, so that putting it in place is an atomic rename); what goes to standard output
/// (path `-`) is kept in memory. ``commit()``, called once the run has succeeded (in the CLI,
/// after the strict check), writes standard output and renames the files into place; a run
/// that fails calls ``discard()`` instead, which removes the temporary files and the folders
/// created for them, so a failed run creates or replaces no output. (The CLI does not stage its
/// report JSON: it is written even when the run fails, to say why.)
public final class RunOutputs: @unchecked Sendable {
  /// The outputs of this process's run.
  public static let shared = RunOutputs()

  public init() {}

  private let lock = NSLock()
  private var staged: [StagedFile] = []
  private var standardOutput: [UInt8] = []
  private var createdFolders: [String] = []
  private var removals: [String] = []

  /// Stages `bytes` for `path` (`-`: standard output).
  public func stage(_ bytes: [UInt8], to path: String) throws {
    try lock.withLock {
      if path == "-" {
        standardOutput.append(contentsOf: bytes)
        return
      }
      staged.append(try StagedFile.stage(bytes, for: path, createdFolders: &createdFolders))
    }
  }

  /// Stages the removal of `path`, an earlier output this run replaces with nothing (a figure
  /// the new report no longer draws): removed after every staged file is in place, never when
  /// the run fails.
  public func stageRemoval(of path: String) {
    lock.withLock { removals.append(path) }
  }

  /// Writes standard output, then puts every staged file in place, then removes the files staged
  /// for removal. A failure to write standard output replaces no file.
  public func commit() throws {
    try lock.withLock {
      let files = staged, output = standardOutput, removed = removals
      staged = []
      standardOutput = []
      createdFolders = []
      removals = []
      do {
        if !output.isEmpty { try StandardStreams.writeOutput(output) }
      } catch {
        for file in files { file.discard() }
        throw error
      }
      var failure: Error?
      for file in files {
        if failure != nil {
          file.discard()
          continue
        }
        do { try file.commit() } catch { failure = error }
      }
      if let failure { throw failure }
      for path in removed where FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }
  }

  /// Removes every staged file and the folders created for them; nothing is written.
  public func discard() {
    lock.withLock {
      for file in staged { file.discard() }
      OutputPath.removeFolders(createdFolders)
      staged = []
      standardOutput = []
      createdFolders = []
      removals = []
    }
  }

  /// Stages `table` for `path` (`-`: standard output).
  public func stage(_ table: CSVWriter, to path: String) throws {
    try stage(table.bytes, to: path)
  }
}
