import ArgumentParser
import CatchmentAnalysis

/// `--method` of `catchments`, `membership` and `compare`, read when the command line is
/// parsed (``CatchmentMethod/init(_:)``): anything else, or X outside [0, 1], is a usage error
/// listing the methods (exit 64).
extension CatchmentMethod: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }

  public var defaultValueDescription: String { description }

  /// The methods as written, for the help and the error that refuses a value.
  public static var allValueStrings: [String] { writtenForms }

  /// The methods without a parameter, for shell completion.
  public static var defaultCompletionKind: CompletionKind { .list(writtenForms.filter { !$0.contains(":") }) }
}
