import ArgumentParser

/// How a crosswalk is made.
enum CrosswalkMethod: String, ExpressibleByArgument, CaseIterable {
  /// From a lookup table (ONS): the authoritative definition of NHS footprints.
  case lookup
  /// Each zone wholly to the footprint containing its (population-weighted) centroid.
  case bestFit = "best-fit"
  /// Each zone split by the share of its area in each footprint.
  case area
}
