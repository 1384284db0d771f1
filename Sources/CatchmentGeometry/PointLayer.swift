/// Named points (population-weighted centroids, practice and site locations).
public struct PointLayer: Sendable {
  public var ids: [String] = []
  public var xs: [Double] = []
  public var ys: [Double] = []
  /// Where each point came from ("file.csv:12"), for messages.
  public var origins: [String] = []
  public var crs: CRSReference

  public init(crs: CRSReference) { self.crs = crs }

  public var count: Int { ids.count }

  public mutating func append(id: String, x: Double, y: Double, origin: String = "") {
    ids.append(id)
    xs.append(x)
    ys.append(y)
    origins.append(origin)
  }
}
