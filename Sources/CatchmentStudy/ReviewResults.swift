import CatchmentAnalysis
import CatchmentCore
import CatchmentGeometry

/// The analysis values of a review that its headline is computed from, kept beside the pack's
/// bytes by ``ReviewRun/run()`` (each the very value its table in the pack was written from).
///
/// A value is nil when the study has no section for its step (no `[registrations]` with a
/// practice map, no `[providers]`, no `[population]`) or the baseline gave no crosswalk.
public struct ReviewResults: Sendable {
  /// The baseline's resident population per footprint, `population_<baseline>.csv`.
  public var population: ResidentPopulation?
  /// The baseline's flow summary, `flow_summary_<baseline>.csv`.
  public var flows: FlowSummary?
  /// The baseline's provider membership, `membership_<baseline>.csv`.
  public var membership: Membership?
  /// Each drawn layer's footprint polygons in the working CRS, `footprints_<layer>.geojson`, in
  /// layer order (empty without zone or layer polygons).
  public var footprints: [(layer: String, polygons: PolygonLayer)] = []
  /// Each layer's resident population, `population_<layer>.csv`, by layer name.
  public var populations: [String: ResidentPopulation] = [:]
  /// The baseline × councils overlap, `overlap_<baseline>_<councils>.csv` (with `[population]`).
  public var councilOverlap: FootprintOverlap?
  /// The zone polygons of `[zones]` in the working CRS, as dissolved (nil when no layer was
  /// dissolved from them), and the baseline's crosswalk.
  public var zones: PolygonLayer?
  public var baseline: Crosswalk?

  public init(population: ResidentPopulation? = nil, flows: FlowSummary? = nil, membership: Membership? = nil) {
    self.population = population
    self.flows = flows
    self.membership = membership
  }
}
