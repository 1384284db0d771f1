/// One point of the self-containment curve: the measures of the regions drawn at `regions` = K.
public struct CurvePoint: Sendable, Equatable {
  public var regions: Int
  /// Σ internal flow / Σ flow.
  public var overallSelfContainment: Double
  /// Lowest self-containment of a region.
  public var minSelfContainment: Double
  /// Mean of the regions' self-containment weighted by their residents' flow.
  public var meanSelfContainment: Double
  public var minPopulation: Double
  public var maxPopulation: Double
  /// Regions outside the population bounds (0 when all are within).
  public var outOfBounds: Int
  public init(
    regions: Int, overallSelfContainment: Double, minSelfContainment: Double, meanSelfContainment: Double,
    minPopulation: Double, maxPopulation: Double, outOfBounds: Int
  ) {
    self.regions = regions
    self.overallSelfContainment = overallSelfContainment
    self.minSelfContainment = minSelfContainment
    self.meanSelfContainment = meanSelfContainment
    self.minPopulation = minPopulation
    self.maxPopulation = maxPopulation
    self.outOfBounds = outOfBounds
  }
}
