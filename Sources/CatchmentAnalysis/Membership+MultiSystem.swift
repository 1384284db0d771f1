/// The providers a membership table makes members of more than one system.
extension Membership {
  /// Providers that are members of two or more footprints (systems).
  public var multiSystemProviders: Set<String> {
    var systems: [String: Int] = [:]
    for r in rows where r.member { systems[r.provider, default: 0] += 1 }
    return Set(systems.filter { $0.value >= 2 }.keys)
  }
}
