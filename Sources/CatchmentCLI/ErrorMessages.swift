import ArgumentParser
import Foundation
import CatchmentAnalysis
import CatchmentInputs

/// Where library errors become the CLI's messages: library errors never name a command-line
/// option, so the ones whose remedy is an option are reworded here to name it.
enum ErrorMessages {
  /// A message that replaces a library error's own.
  struct Message: Error, CustomStringConvertible {
    var description: String
  }

  /// `error` as the CLI reports it.
  static func cli(_ error: Error) -> Error {
    switch error {
    case let repeated as RepeatedZoneRowsError:
      return Message(description: repeated.message { filters in filters.map { "--population-filter \(shellWord($0))" }.joined(separator: " ") })
    default:
      return inputs(error) ?? error
    }
  }
}

/// `text` as one shell word: as is when plain, else in single quotes.
func shellWord(_ text: String) -> String {
  let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.=-+:/,".unicodeScalars.contains($0) }
  return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension ErrorMessages {
  /// CatchmentInputs errors as the CLI reports them (naming the options that fix them), or
  /// nil for other errors. Usage errors stay ValidationErrors (exit 64), as they were when the
  /// option groups threw them.
  static func inputs(_ error: Error) -> Error? {
    switch error {
    case GeometryInputError.notProjected(let crs):
      return ValidationError("--crs \(crs) is not a projected CRS; areas and distances need one in metres, e.g. EPSG:27700")
    case GeometryInputError.undeclaredCRS(let role, let setting):
      return ValidationError("the \(role) files declare no CRS; give \(setting) (e.g. EPSG:27700)")
    case GeometryInputError.undeclaredLayerCRS(let what):
      return ValidationError("the \(what) files declare no CRS")
    case GeometryInputError.unknownSourceCRS(let what):
      return ValidationError("the \(what) declare no CRS; give --assume-crs (e.g. EPSG:27700)")
    case GeometryInputError.disjoint(let disjoint, let withCentroids):
      return Message(
        description:
          "\(disjoint). Give each layer its CRS: --zones-crs for the zones, --footprints-crs for the footprints\(withCentroids ? ", --centroid-crs for the centroids" : "") (each applies to its own layer only; --force-crs applies to both).")
    case SiteInputError.noCentroids(let method):
      return ValidationError("--method \(method) needs --centroids FILE --centroid-id COLUMN")
    case SiteInputError.noSitesOrProviders(let method):
      return ValidationError("--method \(method) needs --sites FILE and/or --providers FILE")
    case SiteInputError.notProjected(let crs):
      return ValidationError("--crs \(crs) is not a projected CRS in metres, e.g. EPSG:27700")
    case SiteInputError.needsPostcodes(let count):
      return ValidationError("\(count) sites or headquarters are placed by postcode: give --postcodes PATH...")
    case CatchmentSourceError.noZoneCodes(let path, let column):
      return ValidationError("\(path) holds no zone codes in column '\(column)'")
    case CatchmentSourceError.noActivity(let method):
      return ValidationError("--method \(method) needs --activity FILE (see --help)")
    case PracticeLocationError.undeclaredFootprintCRS:
      return ValidationError("the practice footprint files declare no CRS")
    default:
      return nil
    }
  }
}
