import CatchmentTables
import Foundation

/// The outputs of a run, held back until the whole run has succeeded: all or nothing.
///
/// Each output is written as it is ready to a temporary file beside its target (the same
/// folder, so that putting it in place is an atomic rename); what goes to standard output
/// (`-o -`) is kept in memory. ``commit()``, called by ``RunOptions/finish(_:)`` once the
/// `--strict` check has passed, writes standard output and renames the files into place; a
/// run that fails calls ``discard()`` instead (see ``CatchmentCommand/runMain(_:)``), which
/// removes the temporary files and the folders created for them, so a failed run creates or
/// replaces no output. The `--report` JSON is not staged: it is written even when the run
/// fails, to say why.
final class RunOutputs: @unchecked Sendable {
  /// The outputs of this process's run.
  static let shared = RunOutputs()

  private let lock = NSLock()
  private var staged: [StagedFile] = []
  private var standardOutput: [UInt8] = []
  private var createdFolders: [String] = []

  /// Stages `bytes` for `path` (`-`: standard output).
  func stage(_ bytes: [UInt8], to path: String) throws {
    try lock.withLock {
      if path == "-" {
        standardOutput.append(contentsOf: bytes)
        return
      }
      staged.append(try StagedFile.stage(bytes, for: path, createdFolders: &createdFolders))
    }
  }

  /// Writes standard output, then puts every staged file in place. A failure to write standard
  /// output replaces no file.
  func commit() throws {
    try lock.withLock {
      let files = staged, output = standardOutput
      staged = []
      standardOutput = []
      createdFolders = []
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
    }
  }

  /// Removes every staged file and the folders created for them; nothing is written.
  func discard() {
    lock.withLock {
      for file in staged { file.discard() }
      OutputPath.removeFolders(createdFolders)
      staged = []
      standardOutput = []
      createdFolders = []
    }
  }
}

/// Stages a table for `path` (`-` for standard output); it is written when the run succeeds.
func write(_ table: CSVWriter, to path: String) throws {
  try RunOutputs.shared.stage(table.bytes, to: path)
}

/// Stages `bytes` (GeoJSON, JSON) for `path`; they are written when the run succeeds.
func write(bytes: [UInt8], to path: String) throws {
  try RunOutputs.shared.stage(bytes, to: path)
}
