import CatchmentAnalysis

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

  public init(population: ResidentPopulation? = nil, flows: FlowSummary? = nil, membership: Membership? = nil) {
    self.population = population
    self.flows = flows
    self.membership = membership
  }
}
