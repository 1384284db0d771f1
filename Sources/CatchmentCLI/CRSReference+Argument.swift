import ArgumentParser
import CatchmentGeometry

/// A CRS option (`--crs`, `--zones-crs`, `--centroid-crs`, …) is read when the command line is
/// parsed (``CRSReference/init(parsing:)``): text that is no CRS, e.g. `EPSG:notanumber`, is a
/// usage error naming the forms a CRS is written in (exit 64), before any file is read.
/// Whether PROJ knows the CRS is still PROJ's to say when the run uses it.
extension CRSReference: ExpressibleByArgument {
  public init?(argument: String) { self.init(parsing: argument) }

  /// The default as the option is written (`EPSG:27700`, `OGC:CRS84`).
  public var defaultValueDescription: String { written }

  /// The forms a CRS is written in: shown in the help and in the error that refuses a value.
  public static var allValueStrings: [String] { writtenForms }

  /// The forms are patterns, not values to complete.
  public static var defaultCompletionKind: CompletionKind { .default }
}
