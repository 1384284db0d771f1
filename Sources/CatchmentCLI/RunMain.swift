import ArgumentParser
import CatchmentOutputs

extension CatchmentCommand {
  /// Parses the command line, checks the command's files, runs it, and exits.
  ///
  /// Before anything is read: standard streams that were closed are held by `/dev/null` (see
  /// ``StandardStreams/reserveClosedDescriptors()``), and an output naming an input of the
  /// same run is refused (exit 64) and an output path that cannot be written is named (exit 1)
  /// by ``InputOutputCheck``. A run that fails leaves no output behind (``RunOutputs/discard()``).
  public static func runMain(_ arguments: [String]? = nil) -> Never {
    StandardStreams.reserveClosedDescriptors()
    var commandName: String?
    do {
      var command = try parseAsRoot(arguments)
      commandName = type(of: command).configuration.commandName
      if let named = command as? NamesFiles {
        let files = named.files
        do {
          try InputOutputCheck.check(
            inputs: files.inputs.map { RunFiles.Input(label: $0.option, path: $0.path, kind: $0.kind) },
            outputs: files.outputs.map { RunFiles.Output(label: $0.option, path: $0.path) })
        } catch let conflict as FileConflict {
          // As ArgumentParser prints a usage error.
          let name = type(of: command).configuration.commandName ?? ""
          let usage = usageString(for: type(of: command))
          StandardStreams.writeError("Error: \(conflict.description)\nUsage: \(usage)\n  See 'catchment \(name) --help' for more information.\n")
          exit(withError: ExitCode.validationFailure)
        }
      }
      try command.run()
      // Outputs of a command that did not call RunOptions.finish.
      try RunOutputs.shared.commit()
    } catch {
      RunOutputs.shared.discard()
      exit(withError: ErrorMessages.cli(error, command: commandName))
    }
    exit(withError: nil)
  }
}
