/// The LSOA_CODE values that registrations can carry besides the lookup's LSOAs.
///
/// Zones are numbered: the lookup's LSOAs first (0..<lsoaCount), then these extra codes, so a
/// registration row is just two integers until it is written.
enum ZoneCodes {
  /// Pseudo codes of the LSOA-2021 era publications: no usable address.
  static let pseudo = ["CLOSED", "EMPTY", "L99999999", "M99999999"]
  /// A Welsh and a Scottish small area: patients living across the border.
  static let otherNations = ["W01000123", "S01012345"]
  /// English LSOA codes that are not in the lookup (outside the generated area, or newer
  /// than it); chosen above every generated LSOA code at both scales.
  static let outOfArea = ["E01199901", "E01199902", "E01199903"]

  /// All extra codes in zone-number order after the LSOAs.
  static let extras = pseudo + otherNations + outOfArea
}
