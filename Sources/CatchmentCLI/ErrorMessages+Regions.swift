import ArgumentParser
import CatchmentInputs
import CatchmentOutputs
import CatchmentRegions

extension ErrorMessages {
  /// The option of `regions` naming each column role its readers look up: the flow table is
  /// read by the activity reader, whose roles other commands map to --activity-….
  static let regionColumnOptions: [String: String] = [
    "zone of residence": "--flow-zone",
    "provider": "--flow-unit",
    "patients": "--flow-count",
    "share": "--flow-share",
    "unit location unit": "--unit-location-unit",
    "unit location zone": "--unit-location-zone",
    "site provider": "--unit-point-id",
    "site x": "--unit-point-x",
    "site y": "--unit-point-y",
    "site postcode": "--unit-point-postcode",
  ]

  /// Errors of `regions` as it reports them (naming its options), or nil for the general mapping.
  static func regions(_ error: Error) -> Error? {
    switch error {
    case let table as TableError:
      guard let role = table.missingColumnRole, let option = regionColumnOptions[role] else { return nil }
      let named = table.reason.replacingOccurrences(of: " for the \(role);", with: " for the \(role) (\(option));")
      return Message(description: TableError(file: table.file, line: table.line, reason: named).description)
    case RegionInputError.emptyAdjacency(let file):
      return Message(description: "\(file): the adjacency has no rows; write it with 'catchment adjacency --zones PATH... --zone-id FIELD --output FILE'")
    case RegionInputError.pointsNeedZones:
      return ValidationError("--unit-points are located in the zone polygons: add --zones PATH... --zone-id FIELD")
    case UnitLocationError.needsPostcodes(let count):
      return ValidationError("\(count) unit points have a postcode and no coordinates: give --postcodes PATH...")
    case let region as RegionError:
      return Message(description: message(region))
    default:
      return nil
    }
  }

  /// A ``CatchmentRegions/RegionError`` in the options' words.
  static func message(_ error: RegionError) -> String {
    switch error {
    case .regionCountOutOfRange(let requested, let available):
      return "--regions \(requested) is out of range: there are \(available) zones (or blocks, with --blocks) to group"
    case .regionCountBelowComponents(let requested, let components):
      return "--regions \(requested) is below the \(components) separate pieces of the adjacency under --contiguity: link the islands (write the adjacency without --no-links) or ask for at least \(components)"
    case .regionCountRequired:
      return "--method optimise needs --regions K"
    case .invalidBounds(let minimum, let maximum):
      return "--min-population \(NumberFormat.csv(minimum)) is above --max-population \(NumberFormat.csv(maximum))"
    case .invalidTTWAParameters:
      return "the ttwa parameters are out of order: need --min-self-containment ≤ --self-containment and --min-size ≤ --target-size"
    case .noZones:
      return "no zones to group: the adjacency, flows and population share no zone"
    case .countMismatch(let what, let expected, let found):
      return "internal: \(what) has \(found) entries for \(expected) zones"
    case .duplicateID(let what, let id):
      return "\(what) \(id) appears twice"
    case .indexOutOfRange(let what, let position, let index):
      return "internal: \(what)[\(position)] = \(index) is out of range"
    case .invalidValue(let what, let position, let value):
      return "\(what) \(position) is \(value): values must be finite and not negative"
    }
  }
}
