/// The unique ids of a layer's features and the zone of each feature.
enum FeatureZones {
  /// `ids` made unique and sorted in byte order, with the index in that list of each input id.
  static func uniqueIDs(_ featureIDs: [String]) -> (ids: [String], zoneOfFeature: [Int32]) {
    var first: [String: Int32] = [:]
    var unique: [String] = []
    first.reserveCapacity(featureIDs.count)
    for id in featureIDs where first[id] == nil {
      first[id] = Int32(unique.count)
      unique.append(id)
    }
    let order = unique.indices.sorted { unique[$0].utf8.lexicographicallyPrecedes(unique[$1].utf8) }
    var rank = [Int32](repeating: 0, count: unique.count)
    for (position, u) in order.enumerated() { rank[u] = Int32(position) }
    let zoneOfFeature = featureIDs.map { rank[Int(first[$0]!)] }
    return (order.map { unique[$0] }, zoneOfFeature)
  }
}
