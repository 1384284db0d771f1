import CatchmentInputs

extension ErrorMessages {
  /// Errors of `catchment review` whose remedy is a key of the study file, not an option: the
  /// CRS and layer settings of a review are the study's (`zones.crs`, `layers.NAME.crs`, as
  /// ``CatchmentStudy/ReviewRun`` labels them). Nil for other errors, which read as for the
  /// single commands.
  static func review(_ error: Error) -> Error? {
    switch error {
    case GeometryInputError.undeclaredCRS(let role, let setting):
      return Message(description: "the \(role) files declare no CRS; give \(setting) in the study file (e.g. \"EPSG:27700\")")
    case GeometryInputError.layerChoice(let choice, _):
      guard case .chooseLayer(let layers)? = choice.remedy else { return choice }
      return Message(
        description:
          "\(choice.file): \(layers.count) feature layers (\(layers.joined(separator: ", "))): a study reads GeoPackages of one layer only")
    case GeometryInputError.disjoint(let disjoint, _):
      return Message(
        description: "\(disjoint). Give each file's CRS in the study file: zones.crs, layers.NAME.crs, zones.centroids.crs.")
    default:
      return nil
    }
  }
}
