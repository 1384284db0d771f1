import ArgumentParser
import CatchmentAnalysis
import CatchmentCore
import CatchmentInputs
import Foundation

/// Where library errors become the CLI's messages: library errors never name a command-line
/// option, so the ones whose remedy is an option are reworded here to name it.
enum ErrorMessages {
  /// A message that replaces a library error's own.
  struct Message: Error, CustomStringConvertible {
    var description: String
  }

  /// `error` as the CLI reports it, from the command `command` (its name; nil before one is parsed).
  static func cli(_ error: Error, command: String? = nil) -> Error {
    if command == "review", let reworded = review(error) { return reworded }
    if command == "regions", let reworded = regions(error) { return reworded }
    switch error {
    case let repeated as RepeatedZoneRowsError:
      return Message(description: repeated.message { filters in filters.map { "--population-filter \(shellWord($0))" }.joined(separator: " ") })
    case let table as TableError:
      guard let role = table.missingColumnRole, let option = columnOptions[role] else { return error }
      // "… for the population zone code; the header has …" → "… for the population zone code (--population-id); …"
      let named = table.reason.replacingOccurrences(of: " for the \(role);", with: " for the \(role) (\(option));")
      return Message(description: TableError(file: table.file, line: table.line, reason: named).description)
    case let crosswalk as CrosswalkError:
      return Message(description: crosswalk.message(weightColumn: "give --lookup-weight", splitBy: "choose --split-by population|area|equal"))
    case let shared as SharedBlockError:
      return Message(description: shared.message(weightColumn: "give --block-weight-column"))
    case let refusal as FootprintOverlap.Refusal where command == "overlap":
      return Message(description: refusal.message(splitBy: "Give --zones, --a-footprints and --b-footprints"))
    case let proj as PROJError where proj.sourceCRSUnknown:
      return Message(description: proj.description.replacingOccurrences(of: "give the CRS to assume", with: "give --assume-crs"))
    default:
      return inputs(error) ?? error
    }
  }

  /// A GeoPackage read for the layer chosen by `option` (`--zone-layer`, `--footprint-layer`):
  /// when it holds several layers, the message names the option; other errors as they are.
  static func layerChoice(_ error: GeoIOError, option: String) -> Error {
    guard case .chooseLayer(let layers)? = error.remedy else { return error }
    return Message(description: "\(error.file): \(layers.count) feature layers (\(layers.joined(separator: ", "))): choose one with \(option)")
  }

  /// The option naming each column role the library's readers look up (``TableError/missingColumnRole``).
  static let columnOptions: [String: String] = [
    "building block": "--block-column",
    "building block weight": "--block-weight-column",
    "kept column": "--keep-column",
    "lookup footprint code": "--lookup-footprint",
    "lookup change code": "--lookup-change",
    "lookup footprint name": "--lookup-name",
    "lookup weight": "--lookup-weight",
    "lookup zone code": "--lookup-zone",
    "patients": "--activity-count",
    "patients of all providers": "--activity-total",
    "point id": "--centroid-id",
    "population": "--population-value",
    "population zone code": "--population-id",
    "practice list code": "--practice-code",
    "practice list postcode": "--practice-postcode",
    "proposed footprint": "--footprint-column",
    "proposed footprint name": "--footprint-name-column",
    "provider": "--activity-provider",
    "provider code": "--provider-code",
    "provider name": "--provider-name",
    "provider postcode": "--provider-postcode",
    "registration footprint": "--practice-footprint",
    "registration footprint name": "--practice-footprint-name",
    "share": "--activity-share",
    "site attractiveness": "--site-attractiveness",
    "site id": "--site-id",
    "site name": "--site-name",
    "site postcode": "--site-postcode",
    "site provider": "--site-provider",
    "site x": "--site-x",
    "site y": "--site-y",
    "table value": "--value-column",
    "table zone code": "--zone-column",
    "x coordinate": "--centroid-x",
    "y coordinate": "--centroid-y",
    "zone of residence": "--activity-zone",
  ]
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
    case GeometryInputError.layerChoice(let choice, let role):
      return layerChoice(choice, option: role == "zones" ? "--zone-layer" : "--footprint-layer")
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
    case RecodeError.sharesCannotBeSplit(let file, let column):
      return ValidationError("--recode splits counts, not shares: \(file) gives \(column) (--activity-share); recode its counts with --activity-count")
    case PracticeLocationError.undeclaredFootprintCRS:
      return ValidationError("the practice footprint files declare no CRS")
    default:
      return nil
    }
  }
}
